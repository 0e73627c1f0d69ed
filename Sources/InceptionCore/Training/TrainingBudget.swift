import Foundation

/// How long and how a network is trained, counted in optimizer steps (not seconds,
/// which depend on the machine). `standard` is the one budget `train`, `dataset
/// calibrate` and every experiment use, so that their accuracies can be compared.
public struct TrainingBudget: Equatable, Sendable {
    /// The update rule (Adam or SGD with momentum).
    public var rule: Optimizer.Rule
    /// The peak learning rate, reached after `warmupSteps` and decayed by a half
    /// cosine to zero at the last step.
    public var learningRate: Float
    /// Steps of linear warm-up from zero: the first Adam steps on fresh He-normal
    /// weights are otherwise large enough to kill ReLUs.
    public var warmupSteps: Int
    public var batchSize: Int
    public var steps: Int
    /// The most steps a command accepts: far past any useful run, but it keeps a typo
    /// from starting a training that would never end.
    public static let maximumSteps = 1_000_000
    /// L2 weight decay on every parameter (PyTorch's `weight_decay`).
    public var weightDecay: Float
    /// The weight of each auxiliary head's loss (0.3, as in the paper).
    public var auxWeight: Float

    public init(rule: Optimizer.Rule, learningRate: Float, warmupSteps: Int, batchSize: Int, steps: Int,
                weightDecay: Float, auxWeight: Float) {
        self.rule = rule
        self.learningRate = learningRate
        self.warmupSteps = warmupSteps
        self.batchSize = batchSize
        self.steps = steps
        self.weightDecay = weightDecay
        self.auxWeight = auxWeight
    }

    /// The standard budget: Adam at 3e-3 with a cosine schedule, batch 32, 1,200 steps
    /// (3.84 epochs of the 10,000-image train split); about 15 s in a release build on
    /// two cores.
    public static let standard = TrainingBudget(
        rule: .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 3e-3, warmupSteps: 50,
        batchSize: 32, steps: 1_200, weightDecay: 1e-4, auxWeight: 0.3)

    /// The learning rate of step `step` (0-based): linear warm-up, then half cosine.
    public func learningRate(at step: Int) -> Float {
        if step < warmupSteps { return learningRate * Float(step + 1) / Float(warmupSteps + 1) }
        let decaySteps = max(1, steps - warmupSteps)
        let progress = Float(step - warmupSteps) / Float(decaySteps)
        return learningRate * 0.5 * (1 + cos(Float.pi * min(1, progress)))
    }

    /// A fresh optimizer with this budget's rule and weight decay.
    public func makeOptimizer() -> Optimizer {
        Optimizer(rule, learningRate: learningRate(at: 0), weightDecay: weightDecay)
    }

    /// A copy with other steps (and warm-up kept shorter than the run).
    public func with(steps: Int) -> TrainingBudget {
        var copy = self
        copy.steps = steps
        copy.warmupSteps = min(warmupSteps, steps / 4)
        return copy
    }

    /// One line describing the budget, for logs and reports.
    public var summary: String {
        let rule = switch self.rule {
        case .adam: "Adam"
        case .sgd(let m): "SGD momentum \(m)"
        }
        return "\(rule), lr \(learningRate) (warm-up \(warmupSteps), cosine), batch \(batchSize), \(steps) steps, weight decay \(weightDecay), aux weight \(auxWeight)"
    }
}
