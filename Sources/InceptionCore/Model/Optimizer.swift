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
        switch rule {
        case .sgd(let momentum):
            for i in 0..<count {
                let g = grads.values[i] + wd * params.values[i]
                first[i] = momentum * first[i] + g
                params.values[i] -= lr * first[i]
            }
        case .adam(let b1, let b2, let eps):
            if second.count != count { second = [Float](repeating: 0, count: count) }
            let c1 = 1 - powf(b1, Float(steps)), c2 = 1 - powf(b2, Float(steps))
            for i in 0..<count {
                let g = grads.values[i] + wd * params.values[i]
                first[i] = b1 * first[i] + (1 - b1) * g
                second[i] = b2 * second[i] + (1 - b2) * g * g
                params.values[i] -= lr * (first[i] / c1) / ((second[i] / c2).squareRoot() + eps)
            }
        }
    }
}
