import Foundation
import Testing
@testable import InceptionCore

/// Accuracy, the confusion table and the ASCII heatmaps, from values worked by hand.
@Suite struct EvaluationReportTests {
    @Test func accuracyAndConfusionJSON() throws {
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: 10), count: 10)
        confusion[0][0] = 3
        confusion[0][1] = 1  // a ring-small taken for a ring-large
        confusion[6][6] = 4
        let evaluation = Evaluation(confusion: confusion)
        #expect(evaluation.count == 8 && evaluation.correct == 7)
        #expect(evaluation.accuracy == 0.875)
        let table = evaluation.table(title: "t")
        let json = try #require(try JSONSerializationHelper.object(table.rendered(as: .json)) as? [String: Any])
        #expect(json["accuracy"] as? Double == 0.875)
        #expect(json["confusion"] as? [[Int]] == confusion)
        #expect(table.row(named: "ring-small")?.last == .decimal(75, places: 1))
        #expect(table.row(named: "dot")?.last == .empty)
        #expect(table.rendered(as: .text).contains("accuracy 87.50% (7 of 8 images)"))
    }

    @Test func evaluationDrawsTheDatasetInBatches() throws {
        // Oracle: the whole set through the network at once, counted by hand.
        let network = try InceptionNetwork(Preset.tiny.description, seed: 2)
        let dataset = Dataset(seed: 9, count: 7)
        let predicted = network.logits(dataset.batch(0..<7).images).argmaxRows()
        var expected = [[Int]](repeating: [Int](repeating: 0, count: 10), count: 10)
        for i in 0..<7 { expected[dataset.label(at: i).rawValue][predicted[i]] += 1 }
        #expect(Evaluation(network: network, dataset: dataset, batchSize: 3).confusion == expected)
    }

    @Test func evaluationSetChecksItsCount() throws {
        #expect(throws: UserError("--count 2001 is more than the test split's 2000 images; add --seed for a fresh set of any size")) {
            try Dataset.evaluationSet(seed: nil, count: 2001)
        }
        #expect(throws: UserError("--count must be between 1 and 1000000, not 0")) { try Dataset.evaluationSet(seed: 3, count: 0) }
        #expect(try Dataset.evaluationSet(seed: nil, count: nil).seed == DatasetSplit.test.seed)
        #expect(try Dataset.evaluationSet(seed: 9, count: 5000).count == 5000)
    }

    @Test func heatmapRampSplitsTheScaleIntoTenLevels() {
        // On 0...1 level k covers [k/10, (k+1)/10); 1 itself is the top level.
        #expect(ASCIIHeatmap.character(0, low: 0, high: 1) == " ")
        #expect(ASCIIHeatmap.character(0.25, low: 0, high: 1) == ":")
        #expect(ASCIIHeatmap.character(0.55, low: 0, high: 1) == "+")
        #expect(ASCIIHeatmap.character(1, low: 0, high: 1) == "@")
        #expect(ASCIIHeatmap.character(7, low: 0, high: 1) == "@")
        #expect(ASCIIHeatmap.character(.nan, low: 0, high: 1) == " ")
        #expect(ASCIIHeatmap.character(5, low: 2, high: 2) == " ")
        let t = Tensor(shape: [1, 2, 1, 2], data: [0, 1, 0.5, 0.85])
        #expect(ASCIIHeatmap.channels(t, captions: ["a", "b"], low: 0, high: 1) == ["a    b", "| @| |+%|"])
    }
}
