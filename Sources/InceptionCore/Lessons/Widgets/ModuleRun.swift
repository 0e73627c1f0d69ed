/// The tiny network run on one sample up to a module, for the widgets that show
/// real activations (`conv1x1-pixel`, `branch-maps`): the module's input and what
/// each of its branches computed, with the untrained note when no weights loaded.
struct ModuleRun {
    let network: InceptionNetwork
    let module: InceptionSpec
    let image: GrayImage
    /// The module's input (1, c, h, w).
    let input: Tensor
    let step: StepResult
    /// Set when the weights are seeded random ones.
    let untrainedNote: String?

    /// Sample arguments shared by the widgets that run the network.
    static let arguments: [WidgetArgumentSpec] = [
        .optional("module", .module, default: "3a", help: "the module of the tiny network, e.g. 3a"),
        .optional("sample", .sampleClass, default: "ring-large", help: "the class of the input image"),
        .optional("seed", .integer(0...1_000_000), default: "1", help: "which drawing of that class (the same seed gives the same image)"),
    ]

    init(_ arguments: WidgetArguments) throws {
        let (network, note) = TrainedWeights.tiny(path: arguments.environment.weightsPath)
        let (index, module) = try arguments.module(in: network.description)
        image = Dataset.sample(of: try arguments.sampleClass(), seed: UInt64(try arguments.integer("seed")))
        let runner = StepRunner(network: network)
        var x = image.tensor
        for step in 0..<index { x = runner.run(step: step, input: x).output }
        self.network = network
        self.module = module
        self.input = x
        self.step = runner.run(step: index, input: x)
        untrainedNote = note
    }

    /// "trained" or "untrained", for titles.
    var weightsWord: String { untrainedNote == nil ? "trained" : "UNTRAINED" }
}
