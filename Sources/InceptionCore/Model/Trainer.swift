/// A network being trained: forward in training mode, backward, one optimizer
/// update per batch. Dropout masks come from its own seeded generator, so the
/// same seed gives the same run.
public struct Trainer: Sendable {
    public var network: InceptionNetwork
    public var optimizer: Optimizer
    /// The weight of each auxiliary head's loss (0.3 in the paper).
    public var auxWeight: Float
    private var rng: SeededGenerator
    /// The most threads a step uses; the result does not depend on it (`BatchSplit`).
    var threads = BatchSplit.automaticThreads
    /// The gradient the last `trainingStep` applied (before weight decay): the
    /// aux-heads experiment reads how much of it reaches the early layers.
    public private(set) var lastGradients = Parameters()

    public init(network: InceptionNetwork, optimizer: Optimizer, auxWeight: Float = 0.3, seed: UInt64) {
        self.network = network
        self.optimizer = optimizer
        self.auxWeight = auxWeight
        self.rng = SeededGenerator(seed: seed)
    }

    /// One step on batch (n, c, h, w) with its labels: returns the loss before the
    /// update and the fraction of the batch the main head classified right.
    /// The batch's parts (`BatchSplit`) run forward and backward on all cores; the
    /// loss is a mean over the batch, so part k's loss and gradients count n_k / n.
    public mutating func trainingStep(_ batch: Tensor, labels: [Int32]) -> (loss: Float, accuracy: Float) {
        let n = batch.shape[0]
        let split = BatchSplit(images: n)
        let ranges = split.ranges
        let seeds = ranges.map { _ in rng.next() }
        var parts = [(loss: Float, right: Int, grads: Parameters)?](repeating: nil, count: ranges.count)
        let net = network, auxWeight = auxWeight
        parts.withUnsafeMutableBufferPointer { parts in
            split.forEachPart(threads: threads) { k in
                var dropout = SeededGenerator(seed: seeds[k])
                let partLabels = Array(labels[ranges[k]])
                let pass = net.forward(batch.images(ranges[k]), training: true, rng: &dropout)
                var grads = net.parameters.zeros()
                net.backward(pass, labels: partLabels, auxWeight: auxWeight, into: &grads)
                let right = zip(pass.logits.argmaxRows(), partLabels).filter { $0 == Int($1) }.count
                parts[k] = (net.loss(pass, labels: partLabels, auxWeight: auxWeight), right, grads)
            }
        }
        var grads = network.parameters.zeros()
        var loss: Float = 0
        for (range, part) in zip(ranges, parts.map { $0! }) {
            let share = Float(range.count) / Float(n)
            loss += share * part.loss
            grads.values.withUnsafeMutableBufferPointer { sum in
                part.grads.values.withUnsafeBufferPointer { g in
                    for i in sum.indices { sum[i] += share * g[i] }
                }
            }
        }
        optimizer.step(&network.parameters, grads: grads)
        lastGradients = grads
        return (loss, Float(parts.reduce(0) { $0 + $1!.right }) / Float(n))
    }
}
