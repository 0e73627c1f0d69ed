import InceptionCore

/// The step-by-step run of the network on one input: the results of the steps
/// computed so far (the next step to run is `results.count`). Every step really
/// runs the network's layer on the previous output.
public struct NetworkRun: Sendable {
    public let runner: StepRunner
    public private(set) var input: NetworkInput
    public private(set) var results: [StepResult] = []
    /// The names of the network's classes (read once: ImageNet's come from a file).
    public let classNames: ClassNames

    public init(network: InceptionNetwork, input: NetworkInput) {
        runner = StepRunner(network: network)
        self.input = input
        classNames = ClassNames(classes: network.description.classes)
    }

    public var network: InceptionNetwork { runner.network }
    public var stepCount: Int { runner.stepNames.count }
    /// The index of the next step to run; `stepCount` when the run is complete.
    public var next: Int { results.count }
    public var isComplete: Bool { next == stepCount }

    /// Runs the next step; false when the run is already complete.
    @discardableResult
    public mutating func stepForward() -> Bool {
        guard !isComplete else { return false }
        results.append(runner.run(step: next, input: results.last?.output ?? input.tensor))
        return true
    }

    /// Forgets the last step; false at the start.
    @discardableResult
    public mutating func stepBack() -> Bool {
        results.popLast() != nil
    }

    public mutating func reset() { results = [] }

    public mutating func runToEnd() {
        while stepForward() {}
    }

    /// Starts over on another input.
    public mutating func restart(with input: NetworkInput) {
        self.input = input
        results = []
    }

    /// The description's layer behind step `index` (nil for the final softmax).
    public func layer(_ index: Int) -> ShapedLayer? {
        let layers = network.description.shapedLayers()
        return index < layers.count ? layers[index] : nil
    }

    /// The class probabilities, once the softmax step has run.
    public var probabilities: [Float]? {
        isComplete ? results.last?.output.data : nil
    }

    /// The lowest and highest value of every tensor computed so far (input,
    /// outputs and branch tensors): the "global" heatmap scale.
    public var globalRange: ValueRange {
        var range = ValueRange(input.tensor.data)
        // The classifier's logits and the probabilities are not feature maps.
        for result in results where result.output.shape.count == 4 {
            range.include(result.output.data)
            for branch in result.branches {
                for (_, tensor) in branch.tensors { range.include(tensor.data) }
            }
        }
        return range
    }
}
