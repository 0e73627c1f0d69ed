import Foundation
import Testing
@testable import InceptionCore

/// What the explorer's views add to the core: the `--set` list that reproduces
/// an edited network, the command line of a table, editing the sparse demo.
@Suite struct ExplorerSupportTests {
    @Test func widthAssignmentsListEveryChangedWidthInOrder() throws {
        let base = Preset.tiny.description
        let edited = try base.setting(module: "4a", field: "poolproj", to: 3).setting(module: "3a", field: "n1x1", to: 9)
        #expect(edited.widthAssignments(from: base) == ["3a.n1x1=9", "4a.poolproj=3"])
        #expect(try base.applying(assignments: edited.widthAssignments(from: base)) == edited)
        #expect(base.widthAssignments(from: base).isEmpty)
    }

    @Test func commandLineLeavesDefaultsOut() throws {
        #expect(TableRequest(kind: .costs).commandLine() == "inception-explorer table costs")
        let request = TableRequest(kind: .costs, preset: .googlenet, assignments: ["3a.n1x1=9"], convention: .ptflops,
                                   unit: .flops, wholeNaive: true)
        #expect(request.commandLine(format: .csv)
            == "inception-explorer table costs --preset googlenet --set 3a.n1x1=9 --convention ptflops --unit flops --whole-naive --format csv")
        let example = TableRequest(kind: .example, example: try WorkedExample(reduce: 16))
        #expect(example.commandLine() == "inception-explorer table example --reduce 16")
    }

    @Test func sparseEntriesAreEditedWithinRange() throws {
        let demo = SparseDemo.article
        #expect(try demo.setting(row: 5, column: 0, to: 7).matrix[5][0] == 7)
        #expect(throws: UserError.self) { try demo.setting(row: 6, column: 0, to: 1) }
        #expect(throws: UserError.self) { try demo.setting(row: 0, column: 0, to: 10) }
        #expect(throws: UserError.self) { try demo.setting(row: 0, column: 0, to: -1) }
    }

    // For the article's matrix sparse and padded agree with dense everywhere;
    // blocks differs exactly at the 11 missed positions (it is right where it computes).
    @Test func differencesFromDense() throws {
        let demo = SparseDemo.article
        #expect(demo.differences(.sparse).isEmpty)
        #expect(demo.differences(.padded).isEmpty)
        #expect(demo.differences(.blocks) == demo.missed)
        #expect(demo.differences(.blocks).count == 11)
        #expect(demo.entriesOutsideBlocks.isEmpty)
        // A 1 at [5,5], outside both blocks: dense at [4,4] = 1*4 + 0*1 + 0*3 + 1*2 = 6,
        // padded reads the 1 as padding there: 1*4 = 4. Nothing else covers [5,5].
        let edited = try demo.setting(row: 5, column: 5, to: 1)
        #expect(edited.output(.dense)[4][4] == 6)
        #expect(edited.output(.padded)[4][4] == 4)
        #expect(edited.differences(.padded) == [SparseDemo.Position(4, 4)])
        #expect(edited.differences(.sparse).isEmpty)
        #expect(edited.entriesOutsideBlocks == [SparseDemo.Position(5, 5)])
        #expect(edited.comparisons[1] == "padded differs from dense at 1 position ([4, 4]): it never reads [5, 5], outside the blocks.")
    }

    // blocks computes [0,0] and [2,2] [2,3] [3,2] [3,3]: 5 positions (see SparseDemoTests).
    @Test func comparisonsOfTheArticlesMatrix() {
        let lines = SparseDemo.article.comparisons
        #expect(lines[0] == "sparse = dense at all 25 positions (CSR skips only zeros).")
        #expect(lines[1] == "padded = dense at all 25 positions (nothing computed reads as 0).")
        #expect(lines[2] == "blocks = dense at the 5 positions it computes; x marks the 11 it never computes where dense is not 0: there the figure's two sides differ.")
    }
}

@Suite struct CompactNumberTests {
    @Test func compactNumbers() {
        #expect(NumberText.compact(0) == "0")
        #expect(NumberText.compact(999) == "999")
        #expect(NumberText.compact(1000) == "1.0K")
        #expect(NumberText.compact(123_456) == "123K")
        #expect(NumberText.compact(99_960) == "100K")
        #expect(NumberText.compact(999_950) == "1.0M")
        #expect(NumberText.compact(452_984_832) == "453M")
        #expect(NumberText.compact(1_500_000_000) == "1.5G")
        #expect(NumberText.compact(-2_500) == "-2.5K")
    }
}

@Suite struct SavingTests {
    // Naive 1x1 from 4 to 2 channels over 10 positions: 80 multiply-adds; reduced
    // 20 -> saves 75%. FLOPs double both, so the share is the same.
    @Test func savingIsTheShareOfNaiveOperationsAvoided() {
        let naive = CostBreakdown.conv(inChannels: 4, outChannels: 2, kernel: 1, positions: 10, bias: false, batchNorm: false)
        let reduced = CostBreakdown.conv(inChannels: 1, outChannels: 2, kernel: 1, positions: 10, bias: false, batchNorm: false)
        #expect(Convention.paper.saving(reduced: reduced, naive: naive, unit: .macs) == 0.75)
        #expect(Convention.paper.saving(reduced: reduced, naive: naive, unit: .flops) == 0.75)
        #expect(Convention.paper.saving(reduced: naive, naive: reduced, unit: .macs) == -3)
        #expect(Convention.paper.saving(reduced: reduced, naive: .zero, unit: .macs) == nil)
    }
}

/// tiny: 32 -> stem 32 -> pool1 (3, stride 2, pad 1) 16 -> 3a, 3b -> pool2 8 -> 4a,
/// 4a's output 24 + 32 + 16 + 16 = 88 channels at 8x8. At 64: 16 -> 32 -> 16x16.
@Suite struct HeadInputCheckTests {
    @Test func largerInputKeepsGapAndBreaksFc() throws {
        let check = try HeadInputCheck(network: Preset.tiny.description, inputSize: 64)
        #expect(check.trained == FeatureShape(c: 88, h: 8, w: 8))
        #expect(check.given == FeatureShape(c: 88, h: 16, w: 16))
        #expect(check.gapFeatures == 88 && check.gapFits)
        #expect(check.fcExpects == 5_632 && check.fcReceives == 22_528 && !check.fcFits)
        // 48: 48 -> 24 -> 12.
        #expect(try HeadInputCheck(network: Preset.tiny.description, inputSize: 48).given == FeatureShape(c: 88, h: 12, w: 12))
        #expect(try HeadInputCheck(network: Preset.tiny.description, inputSize: 32).fcFits)
        #expect(throws: UserError.self) { try HeadInputCheck(network: Preset.tiny.description, inputSize: 8) }
    }
}

@Suite struct HeadsRatioTests {
    // Weights only: GAP 1024 x 1000, FC 7*7*1024 x 1000 -> 49; tiny 88 x 10 vs 8*8*88 x 10 -> 64.
    @Test func fcHasHTimesWAsManyWeights() {
        #expect(HeadsComparison(network: Preset.googlenet.description).parameterRatio(convention: .paper) == 49)
        #expect(HeadsComparison(network: Preset.tiny.description).parameterRatio(convention: .paper) == 64)
        #expect(HeadsComparison.share(1, of: 4) == 25)
        #expect(HeadsComparison.share(1, of: 0) == 0)
    }
}

/// The engine refuses a 64x64 image for the FC head (its weights expect 8x8x88
/// features) and runs the GAP head: ten probabilities that sum to 1.
@Suite struct HeadsRunTests {
    @Test func gapRunsAndFcRefusesALargerInput() throws {
        let run = HeadsRun(sample: .disc, inputSize: 64)
        let p = try #require(run.gap.probabilities)
        #expect(p.count == 10 && abs(p.reduce(0, +) - 1) < 1e-4)
        #expect(run.gap.predicted != nil && run.gap.refusal == nil)
        #expect(run.fc.probabilities == nil)
        #expect(run.fc.refusal?.contains("needs 32x32 images, not 64x64") == true)
        let same = HeadsRun(sample: .disc, inputSize: 32)
        #expect(same.fc.probabilities?.count == 10 && same.gap.probabilities?.count == 10)
    }

    /// A given GAP network is the one that runs: its probabilities are its own
    /// logits' softmax on the enlarged sample, computed here directly.
    @Test func aGivenGapNetworkIsTheOneThatRuns() throws {
        let network = try InceptionNetwork(Preset.tiny.description, seed: 7)
        let run = HeadsRun(sample: .plus, inputSize: 48, trainedGAP: network)
        let image = Dataset.sample(of: .plus, seed: 1).fitted(side: 48).tensor
        let logits = network.logits(image).data
        let exps = logits.map { exp(Double($0 - logits.max()!)) }
        let expected = exps.map { $0 / exps.reduce(0, +) }
        let p = try #require(run.gap.probabilities)
        #expect(zip(p, expected).allSatisfy { abs(Double($0) - $1) < 1e-5 })
        #expect(run.fc.probabilities == nil)
    }
}

@Suite struct WidgetTableExportTests {
    @Test func widgetTableBecomesATable() {
        let widget = WidgetTable(title: "3a", columns: [.init("branch"), .init("width", .right)], rows: [["1x1", "64"]], notes: ["n"])
        #expect(widget.table.rendered(as: .csv).hasPrefix("branch,width\n1x1,64\n"))
        #expect(widget.table.title == "3a" && widget.table.notes == ["n"])
    }
}
