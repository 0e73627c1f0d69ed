extension InceptionNetwork {
    /// The learned kernels of layer `index`, for the explorer's kernel view: one
    /// labelled tensor (oc, c, k, k) per convolution, in the order they run. For a
    /// conv layer its convolutions; for an Inception module the convolutions of
    /// branch `branch` (`1x1`, `3x3`, `5x5` or `pool`, as `BranchStep.name` says).
    /// Empty for layers without convolutions.
    public func kernels(layer index: Int, branch: String? = nil) -> [(label: String, tensor: Tensor)] {
        switch layout.layers[index] {
        case .conv(let convs):
            return convs.map { ("\($0.kernel)x\($0.kernel)", kernelTensor($0)) }
        case .inception(let m):
            let convs: [(String, ParameterLayout.Conv)]
            switch branch {
            case "1x1": convs = m.b1x1.map { [("1x1", $0)] } ?? []
            // A naive module's branches have no reduce convolution.
            case "3x3": convs = m.b3x3.map { ($0.reduce.map { [("reduce", $0)] } ?? []) + [("3x3", $0.conv)] } ?? []
            case "5x5": convs = m.b5x5.map { ($0.reduce.map { [("reduce", $0)] } ?? []) + [("\($0.conv.kernel)x\($0.conv.kernel)", $0.conv)] } ?? []
            case "pool": convs = m.poolProj.map { [("proj", $0)] } ?? []
            default: convs = []
            }
            return convs.map { ($0.0, kernelTensor($0.1)) }
        default:
            return []
        }
    }

    /// The weight of `conv` as a tensor (oc, c, k, k).
    private func kernelTensor(_ conv: ParameterLayout.Conv) -> Tensor {
        let count = conv.oc * conv.c * conv.kernel * conv.kernel
        return Tensor(shape: [conv.oc, conv.c, conv.kernel, conv.kernel],
                      data: Array(parameters.values[conv.weight..<conv.weight + count]))
    }
}
