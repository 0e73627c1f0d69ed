import Foundation

/// Updates parameters from their gradients, with PyTorch's update rules so that
/// hyper-parameters mean the same thing as there: SGD with momentum, or Adam,
/// each with L2 weight decay (`grad + weightDecay * param`) on every parameter.
public struct Optimizer: Sendable {
    /// The update rule.
    public enum Rule: Sendable, Equatable {
        case sgd(momentum: Float)
        case adam(beta1: Float, beta2: Float, epsilon: Float)
    }

    public var rule: Rule
    public var learningRate: Float
    public var weightDecay: Float
    /// Momentum buffer (SGD) or first moment (Adam); empty until the first step.
    private var first: [Float] = []
    /// Second moment (Adam only).
    private var second: [Float] = []
    private var steps = 0

    public init(_ rule: Rule, learningRate: Float, weightDecay: Float = 0) {
        self.rule = rule
        self.learningRate = learningRate
        self.weightDecay = weightDecay
    }

    /// One update of every parameter from `grads` (shaped like `params`).
    public mutating func step(_ params: inout Parameters, grads: Parameters) {
        precondition(params.entries == grads.entries, "gradients do not match the parameters")
        let count = params.values.count
        if first.count != count { first = [Float](repeating: 0, count: count) }
        steps += 1
        let (lr, wd) = (learningRate, weightDecay)
        if case .adam = rule, second.count != count { second = [Float](repeating: 0, count: count) }
        // Raw pointers: indexing the arrays checked bounds and uniqueness on every
        // access, which made this loop cost about as much as a small convolution.
        params.values.withUnsafeMutableBufferPointer { p in
            grads.values.withUnsafeBufferPointer { g in
                first.withUnsafeMutableBufferPointer { m in
                    second.withUnsafeMutableBufferPointer { v in
                        switch rule {
                        case .sgd(let momentum):
                            for i in 0..<count {
                                let d = g[i] + wd * p[i]
                                m[i] = momentum * m[i] + d
                                p[i] -= lr * m[i]
                            }
                        case .adam(let b1, let b2, let eps):
                            let c1 = 1 - powf(b1, Float(steps)), c2 = 1 - powf(b2, Float(steps))
                            // Eight lanes at a time with the same operations per lane (IEEE
                            // division and square root are exact per lane), then the rest.
                            typealias V = SIMD8<Float>
                            let (pp, pm, pv, pg) = (p.baseAddress!, m.baseAddress!, v.baseAddress!, g.baseAddress!)
                            let vectorEnd = count / 8 * 8
                            for i in stride(from: 0, to: vectorEnd, by: 8) {
                                let d = V.load(pg + i) + wd * V.load(pp + i)
                                let mi = b1 * V.load(pm + i) + (1 - b1) * d, vi = b2 * V.load(pv + i) + (1 - b2) * d * d
                                V.store(mi, pm + i)
                                V.store(vi, pv + i)
                                V.store(V.load(pp + i) - lr * (mi / c1) / ((vi / c2).squareRoot() + eps), pp + i)
                            }
                            for i in vectorEnd..<count {
                                let d = g[i] + wd * p[i]
                                m[i] = b1 * m[i] + (1 - b1) * d
                                v[i] = b2 * v[i] + (1 - b2) * d * d
                                p[i] -= lr * (m[i] / c1) / ((v[i] / c2).squareRoot() + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}
