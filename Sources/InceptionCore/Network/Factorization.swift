/// How a module's large kernels are built, after Inception-v3 (Szegedy et al.
/// 2015, "Rethinking the Inception Architecture", §3): `none` is GoogLeNet's
/// module; `stacked` replaces the 5x5 branch's kernel by two 3x3 (the same 5x5
/// receptive field, v3's 35x35 modules); `asymmetric` replaces each k x k of the
/// 3x3 and 5x5 branches by a 1 x k then a k x 1 (v3's 17x17 modules).
public enum Factorization: String, Hashable, Codable, Sendable, CaseIterable, NamedChoice {
    case none, stacked, asymmetric

    public static let choiceKind = "factorization"

    /// The next value in `allCases` order, wrapping (the Costs view's key).
    public var next: Factorization {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// One convolution inside a 3x3 or 5x5 branch: what the engine runs, the cost
/// model counts and a weights file names. Padding keeps the map size.
public struct BranchConv: Hashable, Sendable {
    /// The tensor name after the module prefix: `branch5x5_reduce`, `branch5x5_1`.
    public var tensorName: String
    /// The row label in cost tables: `5x5 reduce`, `5x5 3x3a`, `3x3 1x3`.
    public var label: String
    public var inChannels: Int
    public var outChannels: Int
    public var kernelHeight: Int
    public var kernelWidth: Int
    /// One of the convolutions a factorisation puts in place of the kernel.
    public var isFactor = false

    /// Zero padding above and below, and left and right, that keeps the size.
    public var padding: (h: Int, w: Int) { (kernelHeight / 2, kernelWidth / 2) }
}

/// The 3x3 or the 5x5 branch of a module.
public enum KernelBranch: String, Sendable, CaseIterable {
    case b3x3 = "3x3", b5x5 = "5x5"
}

extension InceptionSpec {
    /// The convolutions of one kernel branch in the order they run, the reduce
    /// first (absent in a naive module, whose kernel reads the input's
    /// `inChannels` directly); empty for a removed branch. `kernel` is the
    /// branch's square kernel (3, or the network's `branch5x5Kernel`).
    ///
    /// Tensor names follow the module's own (`branch5x5_reduce`, `branch5x5`);
    /// a factorised kernel's two convolutions are numbered `_1`, `_2` as
    /// torchvision's Inception-v3 numbers `branch7x7_2` (1x7), `branch7x7_3` (7x1).
    public func convolutions(of branch: KernelBranch, kernel: Int, inChannels: Int) -> [BranchConv] {
        let (reduceWidth, out) = branch == .b3x3 ? (widths.n3x3red, widths.n3x3) : (widths.n5x5red, widths.n5x5)
        guard out > 0 else { return [] }
        let base = "branch" + branch.rawValue, name = branch.rawValue
        let r = naive ? inChannels : reduceWidth
        var convs: [BranchConv] = []
        if !naive {
            convs.append(BranchConv(tensorName: base + "_reduce", label: name + " reduce", inChannels: inChannels,
                                    outChannels: r, kernelHeight: 1, kernelWidth: 1))
        }
        func factor(_ i: Int, _ label: String, _ c: Int, _ oc: Int, _ kh: Int, _ kw: Int) -> BranchConv {
            BranchConv(tensorName: "\(base)_\(i)", label: "\(name) \(label)", inChannels: c, outChannels: oc,
                       kernelHeight: kh, kernelWidth: kw, isFactor: true)
        }
        switch (factorize, branch) {
        case (.stacked, .b5x5):
            convs += [factor(1, "3x3a", r, out, 3, 3), factor(2, "3x3b", out, out, 3, 3)]
        case (.asymmetric, _):
            convs += [factor(1, "1x\(kernel)", r, r, 1, kernel), factor(2, "\(kernel)x1", r, out, kernel, 1)]
        default:
            convs.append(BranchConv(tensorName: base, label: name, inChannels: r, outChannels: out,
                                    kernelHeight: kernel, kernelWidth: kernel))
        }
        return convs
    }
}
