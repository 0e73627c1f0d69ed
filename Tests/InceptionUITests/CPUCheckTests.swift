import Testing
@testable import InceptionUI

/// The start-up CPU check as a function of the CPUID and XCR0 bits (Intel SDM
/// vol. 2A, CPUID: leaf 1 ECX FMA = bit 12, OSXSAVE = 27, AVX = 28; leaf 7 EBX AVX2 = bit 5).
@Suite struct CPUCheckTests {
    static let fma: UInt32 = 1 << 12, osxsave: UInt32 = 1 << 27, avx: UInt32 = 1 << 28, avx2: UInt32 = 1 << 5
    static let haswell = CPUCheck.Bits(leaf1ECX: fma | osxsave | avx, leaf7EBX: avx2, xcr0: 0b111)

    @Test func aHaswellPasses() {
        #expect(CPUCheck.refusal(Self.haswell) == nil)
    }

    @Test func eachMissingBitIsNamed() {
        var noFMA = Self.haswell
        noFMA.leaf1ECX &= ~Self.fma
        #expect(CPUCheck.refusal(noFMA)?.hasSuffix("this CPU lacks FMA") == true)
        var noAVX2 = Self.haswell
        noAVX2.leaf7EBX = 0
        #expect(CPUCheck.refusal(noAVX2)?.hasSuffix("this CPU lacks AVX2") == true)
        // A Sandy Bridge: AVX without AVX2 or FMA.
        let sandyBridge = CPUCheck.Bits(leaf1ECX: Self.osxsave | Self.avx, leaf7EBX: 0, xcr0: 0b111)
        #expect(CPUCheck.refusal(sandyBridge)
            == "this build needs AVX2 and FMA (x86-64 CPUs since about 2013–2015); this CPU lacks AVX2 and FMA")
    }

    @Test func anOperatingSystemThatDoesNotSaveAVXStateIsRefused() {
        var noXSAVE = Self.haswell
        noXSAVE.leaf1ECX &= ~Self.osxsave
        #expect(CPUCheck.refusal(noXSAVE)?.hasSuffix("the operating system has not enabled AVX") == true)
        var sseOnly = Self.haswell
        sseOnly.xcr0 = 0b011
        #expect(CPUCheck.refusal(sseOnly) != nil)
    }

    /// The machine running the tests ran the Haswell-compiled core already, so it passes.
    @Test func thisMachinePasses() {
        #expect(CPUCheck.currentRefusal() == nil)
    }
}
