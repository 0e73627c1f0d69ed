import CPlatform

/// The check that the CPU runs the kernels: the release build is compiled for
/// AVX2 and FMA, so on an x86-64 CPU without them the first kernel would die on
/// an illegal instruction. It lives here, not in `InceptionCore`, because this
/// target is not compiled for Haswell: the check itself must run on the CPUs it refuses.
public enum CPUCheck {
    /// The CPUID and XCR0 bits the check reads.
    public struct Bits: Equatable, Sendable {
        /// CPUID leaf 1, ECX: FMA (bit 12), OSXSAVE (bit 27), AVX (bit 28).
        public var leaf1ECX: UInt32
        /// CPUID leaf 7 subleaf 0, EBX: AVX2 (bit 5).
        public var leaf7EBX: UInt32
        /// XCR0: the OS saves SSE (bit 1) and AVX (bit 2) registers.
        public var xcr0: UInt64

        public init(leaf1ECX: UInt32, leaf7EBX: UInt32, xcr0: UInt64) {
            self.leaf1ECX = leaf1ECX
            self.leaf7EBX = leaf7EBX
            self.xcr0 = xcr0
        }

        /// This machine's bits.
        public static var current: Bits {
            Bits(leaf1ECX: cplatform_cpuid(1, 0).ecx, leaf7EBX: cplatform_cpuid(7, 0).ebx, xcr0: cplatform_xcr0())
        }
    }

    /// The one-line refusal for a CPU with `bits`, or nil when it has what the kernels use.
    public static func refusal(_ bits: Bits) -> String? {
        var missing: [String] = []
        let osSavesAVX = bits.leaf1ECX & (1 << 27) != 0 && bits.xcr0 & 0b110 == 0b110
        if bits.leaf1ECX & (1 << 28) == 0 || bits.leaf7EBX & (1 << 5) == 0 { missing.append("AVX2") }
        if bits.leaf1ECX & (1 << 12) == 0 { missing.append("FMA") }
        if missing.isEmpty && osSavesAVX { return nil }
        let lacking = missing.isEmpty ? "the operating system has not enabled AVX" : "this CPU lacks " + missing.joined(separator: " and ")
        return "this build needs AVX2 and FMA (x86-64 CPUs since about 2013–2015); \(lacking)"
    }

    /// This machine's refusal; nil on a CPU that is not x86-64 (the build has no AVX there).
    public static func currentRefusal() -> String? {
        #if arch(x86_64)
        return refusal(.current)
        #else
        return nil
        #endif
    }
}
