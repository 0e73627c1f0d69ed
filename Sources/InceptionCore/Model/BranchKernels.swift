extension InceptionNetwork {
    /// The learned kernels of layer `index`, for the explorer's kernel view: one
    /// labelled tensor (oc, c, kh, kw) per convolution, in the order they run. For a
    /// conv layer its convolutions; for an Inception module the convolutions of
    /// branch `branch` (`1x1`, `3x3`, `5x5` or `pool`, as `BranchStep.name` says).
    /// Empty for layers without convolutions.
    public func kernels(layer index: Int, branch: String? = nil) -> [(label: String, tensor: Tensor)] {
        switch layout.layers[index] {
        case .conv(let convs):
            return convs.map { ($0.kernelLabel, kernelTensor($0)) }
        case .inception(let m):
            let convs: [(String, ParameterLayout.Conv)]
            switch branch {
            case "1x1": convs = m.b1x1.map { [("1x1", $0)] } ?? []
            // A naive module's branches have no reduce convolution.
            case "3x3": convs = m.b3x3.map(Self.labelled) ?? []
            case "5x5": convs = m.b5x5.map(Self.labelled) ?? []
            case "pool": convs = m.poolProj.map { [("proj", $0)] } ?? []
            default: convs = []
            }
            return convs.map { ($0.0, kernelTensor($0.1)) }
        default:
            return []
        }
    }

    /// A kernel branch's convolutions labelled `reduce`, then by kernel (`3x3`, `1x5`).
    private static func labelled(_ b: ParameterLayout.KernelChain) -> [(String, ParameterLayout.Conv)] {
        (b.reduce.map { [("reduce", $0)] } ?? []) + Array(zip(b.factorLabels, b.factors))
    }

    /// The weight of `conv` as a tensor (oc, c, k, k).
    private func kernelTensor(_ conv: ParameterLayout.Conv) -> Tensor {
        let count = conv.oc * conv.c * conv.kh * conv.kw
        return Tensor(shape: [conv.oc, conv.c, conv.kh, conv.kw],
                      data: Array(parameters.values[conv.weight..<conv.weight + count]))
    }
}
