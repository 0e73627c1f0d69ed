extension NetworkDescription {
    /// The depth as the paper's §5 counts it: only layers with weights, along the
    /// longest path, so a 1x1 and the kernel after it are two layers (22 for GoogLeNet,
    /// whose table lists 18 rows). Auxiliary heads are side branches and do not count.
    /// `wholeNaive` counts every module without its reductions.
    public func weightedDepth(wholeNaive: Bool = false) -> Int {
        layers.reduce(0) { total, layer in
            switch layer {
            case .conv(let c):
                return total + (c.reduce == nil ? 1 : 2)
            case .inception(var m):
                m.naive = m.naive || wholeNaive
                let kernels = KernelBranch.allCases.map {
                    m.convolutions(of: $0, kernel: $0 == .b3x3 ? 3 : branch5x5Kernel, inChannels: 1).count
                }
                let single = m.widths.n1x1 > 0 || (!m.naive && m.widths.poolProj > 0) ? 1 : 0
                return total + max(single, kernels.max() ?? 0)
            case .linear:
                return total + 1
            case .maxPool, .avgPool, .globalAvgPool, .flatten, .dropout:
                return total
            }
        }
    }
}
