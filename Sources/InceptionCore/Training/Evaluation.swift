/// How well a network classifies a set of images: accuracy and the confusion
/// matrix (`confusion[true][predicted]` counts images).
public struct Evaluation: Equatable, Sendable {
    public let confusion: [[Int]]

    /// Images evaluated.
    public var count: Int { confusion.reduce(0) { $0 + $1.reduce(0, +) } }
    /// Images classified right.
    public var correct: Int { confusion.indices.reduce(0) { $0 + confusion[$1][$1] } }
    /// The fraction classified right (0 for an empty set).
    public var accuracy: Double { count == 0 ? 0 : Double(correct) / Double(count) }

    public init(confusion: [[Int]]) { self.confusion = confusion }

    /// Runs `network` in evaluation mode over every image of `data`, `batchSize` at a time.
    public init(network: InceptionNetwork, data: LabelledImages, batchSize: Int = 250) {
        self.init(network: network, count: data.count, batchSize: batchSize) { range in
            let (images, labels) = data.batch(range)
            return (images, labels.map(Int.init))
        }
    }

    /// Runs `network` over `dataset`, drawing one batch at a time, so that a large
    /// fresh set (`eval --seed S --count 1000000`) never sits in memory whole.
    public init(network: InceptionNetwork, dataset: Dataset, batchSize: Int = 250) {
        self.init(network: network, count: dataset.count, batchSize: batchSize) { dataset.batch($0) }
    }

    init(network: InceptionNetwork, count: Int, batchSize: Int, batch: (Range<Int>) -> (images: Tensor, labels: [Int])) {
        let classes = network.description.classes
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        for start in stride(from: 0, to: count, by: batchSize) {
            let (images, labels) = batch(start..<min(count, start + batchSize))
            for (predicted, label) in zip(network.logits(images).argmaxRows(), labels) {
                confusion[label][predicted] += 1
            }
        }
        self.confusion = confusion
    }
}

extension Dataset {
    /// The images `eval` measures: the first `count` of the test split (all of it by
    /// default), or with `seed` a fresh set of any size from the same generator.
    public static func evaluationSet(seed: UInt64?, count: Int?) throws -> Dataset {
        let split = DatasetSplit.test
        let count = count ?? split.count
        guard (1...1_000_000).contains(count) else { throw UserError("--count must be between 1 and 1000000, not \(count)") }
        guard seed != nil || count <= split.count else {
            throw UserError("--count \(count) is more than the test split's \(split.count) images; add --seed for a fresh set of any size")
        }
        return Dataset(seed: seed ?? split.seed, count: count)
    }
}
