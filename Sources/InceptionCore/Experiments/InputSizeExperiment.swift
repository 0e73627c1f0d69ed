import Foundation

/// `input-size`: the shipped network, trained on 32x32 images, classifies the test
/// split resampled to other sizes. The GAP head runs at any size (it averages
/// whatever map it gets); whether it still classifies is what this measures. The
/// images are the 32x32 renderings enlarged or shrunk by area averaging, so at 64
/// every shape covers twice as many pixels across: the dataset's size-only pairs
/// then look like their larger partner. No training and no randomness: one pass
/// per size whatever the seed count.
enum InputSizeExperiment {
    static let sizes = [24, 32, 48, 64, 96]

    /// Classes that differ only in size or stroke width, as label pairs (smaller first).
    static let sizePairs: [(ShapeClass, ShapeClass)] = [(.ringSmall, .ringLarge), (.barThin, .barThick), (.dot, .disc)]

    static func run(_ context: ExperimentContext) throws -> ExperimentFindings {
        let network = try WeightsLocator.network(option: nil)
        guard network.description.head == .gap else { throw UserError("input-size needs the shipped network's GAP head") }
        let dataset = Dataset(seed: DatasetSplit.test.seed, count: context.settings.testImages)
        var rows: [ExperimentRow] = []
        for (i, size) in sizes.enumerated() {
            try context.checkCancelled()
            context.say("evaluating \(dataset.count) test images at \(size)x\(size)", fraction: Double(i) / Double(sizes.count))
            let check = try HeadInputCheck(network: network.description, inputSize: size)
            let evaluation = Evaluation(network: network, count: dataset.count, batchSize: ExperimentEvaluation.batchSize) {
                dataset.batch($0, side: size)
            }
            var resized = network.description
            resized.input = FeatureShape(c: resized.input.c, h: size, w: size)
            rows.append(ExperimentRow(variant: "\(size)", seed: 1, values: [
                Double(check.given.h), ExperimentEvaluation.multiplies(resized), evaluation.accuracy,
                sizePairErrors(evaluation), largerPartnerErrors(evaluation),
            ]))
        }
        var f = ExperimentFindings(
            title: "The shipped network (trained at 32x32) on the test split resampled to other sizes", variantColumn: "input",
            columns: [ExperimentColumn("gap_map"), ExperimentColumn("multiplies"), ExperimentColumn("accuracy", places: 4),
                      ExperimentColumn("size_pair_errors", places: 4), ExperimentColumn("read_as_larger", places: 4)],
            rows: rows, chart: .lines(x: "input side", y: "accuracy", series: []),
            notes: ["input: the 32x32 test images resampled by area averaging to input x input; gap_map: the side of the map the GAP head averages",
                    "size_pair_errors: share of the errors that name the other class of a size pair (ring-small/ring-large, bar-thin/bar-thick, dot/disc)",
                    "read_as_larger: share of the smaller classes' images of those pairs classified as their larger partner",
                    "no training and no randomness: the shipped weights, one pass per size, so seeds do not apply",
                    "the flatten + FC head cannot run at all but 32x32: " + fcRefusal(network.description)])
        f.chart = .lines(x: "input side", y: "accuracy", series: [ChartSeries(name: "GAP head", points: sizes.map { size in
            ChartPoint(x: Double(size), y: f.statistics("accuracy", variant: "\(size)").mean)
        })])
        f.conclusion = conclusion(f)
        return f
    }

    /// Among wrong answers, the share that confuse the two classes of a size pair.
    static func sizePairErrors(_ e: Evaluation) -> Double {
        let wrong = e.count - e.correct
        let paired = sizePairs.reduce(0) { $0 + e.confusion[$1.0.rawValue][$1.1.rawValue] + e.confusion[$1.1.rawValue][$1.0.rawValue] }
        return wrong == 0 ? 0 : Double(paired) / Double(wrong)
    }

    /// The share of the smaller classes' images classified as their larger partner.
    static func largerPartnerErrors(_ e: Evaluation) -> Double {
        let images = sizePairs.reduce(0) { $0 + e.confusion[$1.0.rawValue].reduce(0, +) }
        let larger = sizePairs.reduce(0) { $0 + e.confusion[$1.0.rawValue][$1.1.rawValue] }
        return images == 0 ? 0 : Double(larger) / Double(images)
    }

    /// What the engine says when the FC head meets a 64x64 input.
    static func fcRefusal(_ d: NetworkDescription) -> String {
        do {
            let fc = try InceptionNetwork(d.withHead(.fc), seed: 1)
            try fc.validateInput(FeatureShape(c: d.input.c, h: 64, w: 64))
            return "it ran"
        } catch {
            return "at 64x64, \(error)"
        }
    }

    static func conclusion(_ f: ExperimentFindings) -> String {
        func value(_ column: String, _ size: Int) -> Double { f.statistics(column, variant: "\(size)").mean }
        func percent(_ x: Double) -> String { NumberText.decimal(100 * x, places: 1, grouped: false) + "%" }
        let native = value("accuracy", 32)
        // The Heads view's default size: where the size pairs are weighed.
        let middle = 64
        // One point of accuracy is 20 of the 2,000 test images: closer than that counts as the same.
        let holds = sizes.filter { abs(value("accuracy", $0) - native) < 0.01 }
        let verdict = holds.count == sizes.count ? "and classifies about as well at every size"
            : holds == [32] ? "but at no other size does it classify as well as at the 32x32 it was trained at"
            : "but it classifies as well as at 32x32 only at \(holds.map { "\($0)x\($0)" }.joined(separator: " and "))"
        var text = "The GAP head runs at every size, \(verdict): " + sizes.map { "\($0)x\($0) \(percent(value("accuracy", $0)))" }.joined(separator: ", ") + ". "
        let grown = sizes.filter { $0 > 32 }
        text += "Enlarged, the smaller class of a size pair is read as its larger partner in "
            + ([32] + grown).map { "\(percent(value("read_as_larger", $0)))\($0 == 32 ? " of its images" : "") at \($0)x\($0)" }.joined(separator: ", ")
            + "; size pairs make \(percent(value("size_pair_errors", middle))) of the errors at \(middle)x\(middle). "
        let drops = value("accuracy", middle) < native - 0.01
        if drops && value("read_as_larger", middle) > value("read_as_larger", 32) + 0.01 {
            text += "Enlarging the image enlarges every shape in pixels, and the filters learned their shapes at one size in pixels"
                + (value("size_pair_errors", middle) < 0.5 ? ": the size pairs are swapped, and the other classes fail too. " : ". ")
                + "An input size the network can run is not one it can classify."
        }
        return text
    }
}

extension Dataset {
    /// The samples at `indices` resampled to `side` x `side` by area averaging (the
    /// same resampling as any image given to the network), with their labels.
    func batch(_ indices: Range<Int>, side: Int) -> (images: Tensor, labels: [Int]) {
        let images = indices.map { image(at: $0).fitted(side: side).pixels }
        return (Tensor(shape: [indices.count, 1, side, side], data: images.flatMap { $0 }), indices.map { label(at: $0).rawValue })
    }
}
