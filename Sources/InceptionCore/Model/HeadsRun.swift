/// The tiny network run for real, with each head, on a sample drawn at a size
/// it was not built for: the GAP head averages whatever H x W it gets and
/// classifies; the fully connected head's weights fix the size, so the engine
/// refuses the input and says why. Nothing here crashes on a bad size.
public struct HeadsRun: Sendable {
    /// What one head made of the input.
    public struct Outcome: Sendable {
        public let head: HeadKind
        /// The ten class probabilities, when the network could run.
        public let probabilities: [Float]?
        /// Why it could not run (the engine's own message).
        public let refusal: String?

        /// The most probable class, when the network ran.
        public var predicted: ShapeClass? {
            guard let p = probabilities, let best = p.indices.max(by: { p[$0] < p[$1] }) else { return nil }
            return ShapeClass(rawValue: best)
        }
    }

    public let sample: ShapeClass
    public let inputSize: Int
    public let gap: Outcome
    public let fc: Outcome

    /// Runs both heads of `description` on a sample of `sample` enlarged from
    /// 32x32 to `inputSize` by area averaging: the GAP head with `trainedGAP`
    /// when given (the shipped network), seeded weights otherwise; the FC head
    /// always with seeded weights, since the engine refuses it before they matter.
    public init(description: NetworkDescription = Preset.tiny.description, sample: ShapeClass, inputSize: Int,
                seed: UInt64 = 1, trainedGAP: InceptionNetwork? = nil) {
        self.sample = sample
        self.inputSize = inputSize
        let image = Dataset.sample(of: sample, seed: seed).fitted(side: inputSize).tensor
        func run(_ head: HeadKind) -> Outcome {
            do {
                let network = try head == .gap ? trainedGAP ?? InceptionNetwork(description.withHead(head), seed: seed)
                    : InceptionNetwork(description.withHead(head), seed: seed)
                try network.validateInput(FeatureShape(c: 1, h: inputSize, w: inputSize))
                return Outcome(head: head, probabilities: network.logits(image).softmaxRows().data, refusal: nil)
            } catch {
                return Outcome(head: head, probabilities: nil, refusal: "\(error)")
            }
        }
        gap = run(.gap)
        fc = run(.fc)
    }
}
