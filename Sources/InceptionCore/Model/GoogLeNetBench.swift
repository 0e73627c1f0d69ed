/// The full torchvision GoogLeNet forward at 224x224, batch 1, with the formula
/// weights and input (`FormulaWeights`, seed 1): the workload of
/// `googlenet_reference.py bench`, so the two can be compared in the same minute.
public enum GoogLeNetBench {
    /// Median milliseconds of one forward pass (after one warm-up pass).
    public static func forwardBatch1Milliseconds(repeats: Int) throws -> Double {
        let network = try TorchvisionStateDict.network(from: FormulaWeights.stateDict(seed: 1), source: "formula weights")
        let input = FormulaWeights.input(seed: 1)
        _ = network.logits(input)
        return ModelBench.medianMilliseconds(repeats) { _ = network.logits(input) }
    }
}
