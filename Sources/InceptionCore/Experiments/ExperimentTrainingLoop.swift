import Dispatch

/// The training loop experiments use: the budget's optimizer and learning-rate
/// schedule over seeded shuffles of the train split, one `Trainer` step per batch.
public enum ExperimentTrainingLoop {
    /// Trains `request` from seeded He-normal weights.
    public static let training: NetworkTraining = { request, onStep in
        let budget = request.budget
        var trainer = Trainer(network: try InceptionNetwork(request.description, seed: request.seed),
                              optimizer: budget.makeOptimizer(), auxWeight: budget.auxWeight, seed: request.seed &+ 0x0D20)
        let data = Dataset(split: .train)
        var shuffler = SeededGenerator(seed: request.seed ^ 0x5EED_0F_DA7A)
        var order = Array(0..<data.count)
        var cursor = data.count
        var norms: [[Double]] = []
        var trainingSeconds = 0.0
        let start = DispatchTime.now().uptimeNanoseconds
        for step in 0..<budget.steps {
            if cursor + budget.batchSize > order.count {
                order.shuffle(using: &shuffler)
                cursor = 0
            }
            let (images, labels) = data.batch(order[cursor..<cursor + budget.batchSize])
            cursor += budget.batchSize
            trainer.optimizer.learningRate = budget.learningRate(at: step)
            let stepStart = DispatchTime.now().uptimeNanoseconds
            _ = trainer.trainingStep(images, labels: labels.map { Int32($0) })
            trainingSeconds += Double(DispatchTime.now().uptimeNanoseconds - stepStart) / 1e9
            if !request.watchedGradients.isEmpty {
                norms.append(request.watchedGradients.map { trainer.lastGradients.norm(prefix: $0) })
            }
            try onStep(step + 1)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return TrainedNetwork(network: trainer.network, seconds: seconds,
                              secondsPerStep: trainingSeconds / Double(max(1, budget.steps)), gradientNorms: norms)
    }
}
