/// The `bench` measurements of a network on random inputs, each the median of
/// repeated runs after warm-up, with the PyTorch script's keys and workloads
/// (`../shared/bench/torch_tiny_inception.py bench`): forward at batch 1 and 64 in
/// evaluation mode, a training step at batch 32 (SGD momentum 0.9, lr 0.01,
/// auxiliary loss 0.3). The explorer's own figures (one Inception step computed
/// and drawn, a 200x60 frame) come from `NetworkBenchmark` in InceptionUI.
public struct ModelBench: Sendable {
    public var forwardBatch1Milliseconds: Double
    public var forwardBatch64ImagesPerSecond: Double
    public var trainBatch32ImagesPerSecond: Double
    /// 2 x the main network's convolution and linear multiply-adds per image (the
    /// paper's count; pooling, ReLU and the auxiliary head are not counted).
    public var forwardFlopsPerImage: Double

    /// Achieved GFLOP/s of each figure. A training image costs three forward passes
    /// (forward, input gradient, weight gradient), as in the PyTorch script's README.
    public var forwardBatch1Gflops: Double { forwardFlopsPerImage / (forwardBatch1Milliseconds / 1000) / 1e9 }
    public var forwardBatch64Gflops: Double { forwardFlopsPerImage * forwardBatch64ImagesPerSecond / 1e9 }
    public var trainBatch32Gflops: Double { 3 * forwardFlopsPerImage * trainBatch32ImagesPerSecond / 1e9 }

    /// Measures `description` (the tiny preset in `bench`); `repeats` is the count
    /// for batch 64 and training, ten times that for batch 1, as PyTorch's script does.
    public static func measure(_ description: NetworkDescription, repeats: Int = 30) throws -> ModelBench {
        var rng = SeededGenerator(seed: 3)
        func random(_ n: Int) -> Tensor {
            let s = description.input
            return Tensor(shape: [n, s.c, s.h, s.w], data: (0..<n * s.count).map { _ in rng.nextUnit() })
        }
        let network = try InceptionNetwork(description, seed: 1)
        let (x1, x64, x32) = (random(1), random(64), random(32))
        let labels = (0..<32).map { Int32($0 % description.classes) }
        var trainer = Trainer(network: network, optimizer: Optimizer(.sgd(momentum: 0.9), learningRate: 0.01),
                              auxWeight: 0.3, seed: 2)
        return ModelBench(
            forwardBatch1Milliseconds: medianMilliseconds(repeats * 10) { _ = network.logits(x1) },
            forwardBatch64ImagesPerSecond: 64_000 / medianMilliseconds(repeats) { _ = network.logits(x64) },
            trainBatch32ImagesPerSecond: 32_000 / medianMilliseconds(repeats) { _ = trainer.trainingStep(x32, labels: labels) },
            forwardFlopsPerImage: 2 * Double(CostModel(description).totals().reduced.multiplyAdds))
    }

    /// The median of `repeats` timed calls of `body` after five untimed ones, in milliseconds.
    public static func medianMilliseconds(_ repeats: Int, _ body: () -> Void) -> Double {
        for _ in 0..<4 { body() }
        return Stopwatch.medianSeconds(repeats, body) * 1000
    }
}
