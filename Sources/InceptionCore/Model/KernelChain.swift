// The 3x3 or 5x5 branch of a module as the engine runs it: an optional 1x1
// reduce, then the kernel's convolutions in a chain (one k x k; two 3x3 when
// stacked; a 1 x k then a k x 1 when asymmetric), each followed by ReLU.
// Forward and backward sit side by side, as in Layers/.

extension ParameterLayout {
    /// A kernel branch's convolutions: `reduce` is nil in a naive module.
    struct KernelChain {
        let reduce: Conv?
        /// The kernel's convolutions in the order they run (one, or two when factorised).
        let factors: [Conv]

        /// The convolution that writes the branch output.
        var last: Conv { factors[factors.count - 1] }
        /// The number of output channels.
        var outChannels: Int { last.oc }
        /// Every convolution in the order it runs.
        var all: [Conv] { (reduce.map { [$0] } ?? []) + factors }
        /// Each factor's kernel (`3x3`, `1x5`), lettered where two share one (a stacked
        /// 5x5's `3x3a`, `3x3b`, as `Factorization` names them), so that maps and
        /// exported files keep them apart.
        var factorLabels: [String] {
            let kernels = factors.map(\.kernelLabel)
            return kernels.indices.map { i in
                kernels.filter { $0 == kernels[i] }.count == 1 ? kernels[i]
                    : kernels[i] + String(UnicodeScalar(UInt8(ascii: "a") + UInt8(kernels[..<i].filter { $0 == kernels[i] }.count)))
            }
        }
    }
}

/// What a kernel branch computed: the reduce's output and each factor's, all
/// after their ReLU, kept for the backward pass and the step-by-step view.
public struct KernelBranchTrace: Sendable {
    public var reduced: Tensor?
    /// One tensor per convolution of the kernel; the last is the branch output.
    public var factors: [Tensor]

    public var output: Tensor { factors[factors.count - 1] }
}

extension ParameterLayout.KernelChain {
    /// Runs the chain on the module input x (n, c, h, w).
    func forward(_ x: Tensor, _ P: UnsafePointer<Float>) -> KernelBranchTrace {
        let reduced = reduce?.forward(x, P)
        var current = reduced ?? x
        var outputs: [Tensor] = []
        for conv in factors {
            current = conv.forward(current, P)
            outputs.append(current)
        }
        return KernelBranchTrace(reduced: reduced, factors: outputs)
    }

    /// The branch output alone, image b's written at out + b · imageStride: the inner
    /// tensors are dropped as soon as the next convolution has read them.
    func forward(_ x: Tensor, _ P: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, imageStride: Int) {
        var current = reduce?.forward(x, P) ?? x
        for conv in factors.dropLast() { current = conv.forward(current, P) }
        last.forward(current, P, into: out, imageStride: imageStride)
    }

    /// Given dout (the gradient of the branch output, read in place), adds into
    /// every weight and bias gradient of the chain and, unless nil, into dinp
    /// (shaped like x).
    func backward(dout: ImageRuns, x: Tensor, _ t: KernelBranchTrace, dinp: UnsafeMutablePointer<Float>?,
                  _ P: UnsafePointer<Float>, _ G: UnsafeMutablePointer<Float>) {
        let convs = all
        let outputs = (t.reduced.map { [$0] } ?? []) + t.factors
        let inputs = [x] + outputs.dropLast()
        // The gradient of each inner convolution's output: written by the one after it.
        let grads = (1..<convs.count).map { i in
            let g = UnsafeMutablePointer<Float>.allocate(capacity: inputs[i].count)
            g.initialize(repeating: 0, count: inputs[i].count)
            return g
        }
        defer { grads.forEach { $0.deallocate() } }
        var grad = dout
        for i in stride(from: convs.count - 1, through: 1, by: -1) {
            convs[i].backward(dout: grad, inp: inputs[i], out: outputs[i], dinp: grads[i - 1], P, G)
            grad = ImageRuns(contiguous: grads[i - 1], count: inputs[i].count)
        }
        convs[0].backward(dout: grad, inp: x, out: outputs[0], dinp: dinp, P, G)
    }
}
