import Foundation
import Testing
@testable import InceptionCore

/// The shipped network at other input sizes (`input-size`): resampling, the
/// measured accuracy against `eval`'s, and the columns counted by hand.
@Suite struct InputSizeTests {
    static let network = ShippedWeightsTests.network

    /// Resampling a 32x32 image to 32x32 is the identity, so accuracy at 32 is `eval`'s.
    @Test func resamplingTo32KeepsTheImagesBitForBit() {
        let test = Dataset(split: .test)
        let (plain, labels) = test.batch(0..<20)
        let (resampled, same) = test.batch(0..<20, side: 32)
        #expect(resampled.data == plain.data && resampled.shape == plain.shape && same == labels)
        // At 64 each pixel becomes a 2x2 block of the same value.
        let big = test.batch(0..<1, side: 64).images
        #expect(big.shape == [1, 1, 64, 64])
        for (y, x) in [(0, 0), (5, 9), (31, 31)] {
            let v = plain.data[y * 32 + x]
            #expect([big.data[(2 * y) * 64 + 2 * x], big.data[(2 * y + 1) * 64 + 2 * x + 1]].allSatisfy { abs($0 - v) < 1e-6 })
        }
    }

    /// The experiment on the first 40 test images: at 32 it agrees with `Evaluation`
    /// (what `eval` prints); multiplies and map sides follow the input by hand.
    @Test func theExperimentAt32IsEvalsAccuracy() throws {
        let net = try Self.network.get()
        let settings = ExperimentSettings(seeds: 1, testImages: 40)
        let outcome = try ExperimentRunner.run(.inputSize, context: ExperimentContext(settings: settings))
        let f = outcome.findings
        #expect(f.variants == ["24", "32", "48", "64", "96"])
        let eval = Evaluation(network: net, dataset: Dataset(seed: DatasetSplit.test.seed, count: 40))
        #expect(f.values("accuracy", variant: "32") == [eval.accuracy])
        // The head reads 8x8 at 32 (two 2x2 poolings): side / 4 at every size.
        #expect(f.variants.map { f.values("gap_map", variant: $0).first } == [6, 8, 12, 16, 24])
        // 3,556,208 multiply-adds at 32 (the run command's figure), of which 880 are the
        // linear layer; every convolution scales with the positions: x4 at 64.
        #expect(f.values("multiplies", variant: "32") == [3_556_208])
        #expect(f.values("multiplies", variant: "64") == [Double((3_556_208 - 880) * 4 + 880)])
        #expect(f.notes.contains { $0.contains("the fully connected head needs 32x32 images, not 64x64") })
        // Measured once per size: no mean and sd rows.
        #expect(outcome.table.rows.count == 5)
    }

    /// The shipped result's accuracy at 32 is `eval`'s on the whole test split.
    @Test func theShippedResultAt32IsEvalsAccuracy() throws {
        let shipped = try #require(try ShippedResults().file(.inputSize))
        let eval = Evaluation(network: try Self.network.get(), dataset: Dataset(split: .test))
        #expect(shipped.outcome.findings.values("accuracy", variant: "32") == [eval.accuracy])
        let accuracy = try #require(InputSizeAccuracy(shipped.outcome, shipped: true))
        #expect(accuracy.accuracies.map(\.side) == InputSizeExperiment.sizes)
        let at64 = try #require(accuracy.accuracies.first { $0.side == 64 })
        #expect(accuracy.line(current: 64).contains("[64 \(NumberText.decimal(100 * at64.accuracy, places: 1, grouped: false))%]"))
        #expect(accuracy.line(current: 64).hasSuffix(" (shipped)"))
        #expect(try ComputedValue.resolve("input-size.64").value == 100 * at64.accuracy)
        #expect(throws: LessonDiagnosticMessage.self) { try ComputedValue.resolve("input-size.65") }
    }

    /// The error columns on a confusion matrix made by hand: 10 images per class,
    /// ring-small read as ring-large 4 times, disc as dot twice, plus as cross 3 times.
    @Test func sizePairColumnsCountedByHand() {
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: 10), count: 10)
        for c in 0..<10 { confusion[c][c] = 10 }
        confusion[0][0] = 6; confusion[0][1] = 4
        confusion[5][5] = 8; confusion[5][4] = 2
        confusion[6][6] = 7; confusion[6][7] = 3
        let e = Evaluation(confusion: confusion)
        // 9 errors, 6 of them within a size pair.
        #expect(InputSizeExperiment.sizePairErrors(e) == 6.0 / 9.0)
        // The smaller classes (ring-small, bar-thin, dot) have 30 images; 4 read as larger.
        #expect(InputSizeExperiment.largerPartnerErrors(e) == 4.0 / 30.0)
    }
}
