/// Measurements on trained networks: accuracy on a split, and a module's branch
/// outputs on a set of images, batch by batch.
enum ExperimentEvaluation {
    static let batchSize = 200

    /// Calls `body` with the module's trace for every batch of the first `count` images,
    /// and returns the accuracy over them (one forward pass serves both).
    static func moduleTraces(_ network: InceptionNetwork, module: ModuleName, _ data: Dataset, count: Int,
                             _ body: (ModuleTrace) -> Void) -> Double {
        guard let (index, _) = network.description.module(named: module.short) else { return 0 }
        var right = 0
        for start in stride(from: 0, to: count, by: batchSize) {
            let (images, labels) = data.batch(start..<min(count, start + batchSize))
            var rng = SeededGenerator(seed: 0)
            let pass = network.forward(images, training: false, rng: &rng)
            body(pass.layers[index].module!)
            right += zip(pass.logits.argmaxRows(), labels).filter { $0 == $1 }.count
        }
        return Double(right) / Double(max(1, count))
    }

    /// The branch names and tensors of a trace, in concatenation order.
    static func branches(_ t: ModuleTrace) -> [(name: String, tensor: Tensor)] {
        [("1x1", t.branch1x1), ("3x3", t.branch3x3), ("5x5", t.branch5x5), ("pool", t.poolProj ?? t.pooled)]
            .compactMap { name, tensor in tensor.map { (name, $0) } }
    }

    /// Multiply-adds of the network (the convention every experiment uses: weights only).
    static func multiplies(_ d: NetworkDescription) -> Double {
        Double(CostModel(d).totals().reduced.multiplyAdds)
    }

    /// Parameters the engine trains for the network (auxiliary heads left out).
    static func parameters(_ d: NetworkDescription) -> Double {
        Double(Convention.torchinfo.parameters(CostModel(d).totals().reduced))
    }
}
