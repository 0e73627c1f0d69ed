/// A network being trained: forward in training mode, backward, one optimizer
/// update per batch. Dropout masks come from its own seeded generator, so the
/// same seed gives the same run.
public struct Trainer: Sendable {
    public var network: InceptionNetwork
    public var optimizer: Optimizer
    /// The weight of each auxiliary head's loss (0.3 in the paper).
    public var auxWeight: Float
    private var rng: SeededGenerator
    private var grads: Parameters

    public init(network: InceptionNetwork, optimizer: Optimizer, auxWeight: Float = 0.3, seed: UInt64) {
        self.network = network
        self.optimizer = optimizer
        self.auxWeight = auxWeight
        self.rng = SeededGenerator(seed: seed)
        self.grads = network.parameters.zeros()
    }

    /// One step on batch (n, c, h, w) with its labels: returns the loss before the
    /// update and the fraction of the batch the main head classified right.
    public mutating func trainingStep(_ batch: Tensor, labels: [Int32]) -> (loss: Float, accuracy: Float) {
        let pass = network.forward(batch, training: true, rng: &rng)
        let loss = network.loss(pass, labels: labels, auxWeight: auxWeight)
        let right = zip(pass.logits.argmaxRows(), labels).filter { $0 == Int($1) }.count
        for i in grads.values.indices { grads.values[i] = 0 }
        network.backward(pass, labels: labels, auxWeight: auxWeight, into: &grads)
        optimizer.step(&network.parameters, grads: grads)
        return (loss, Float(right) / Float(labels.count))
    }
}
