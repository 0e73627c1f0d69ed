import Testing
@testable import InceptionCore

@Suite struct WorkedExampleTests {
    // 192*256*9 = 442,368 weights at 32*32 = 1,024 positions -> 452,984,832;
    // (192*96 + 96*256*9) = 239,616 weights -> 245,366,784, 54.2% of the direct cost.
    @Test func articleNumbers() throws {
        let e = try WorkedExample()
        #expect(e.directMultiplies == 452_984_832)
        #expect(e.reducedMultiplies == 245_366_784)
        #expect(e.directParameters == 442_368)
        #expect(e.reducedParameters == 239_616)
        #expect(abs(e.ratio - 245_366_784.0 / 452_984_832.0) < 1e-12)
    }

    // A reduce to 1 channel: 192*1 + 1*256*9 = 2,496 weights.
    @Test func otherReduceWidth() throws {
        #expect(try WorkedExample(reduce: 1).reducedParameters == 2_496)
    }

    @Test func jsonKeys() throws {
        let json = try WorkedExample().table().rendered(as: .json)
        #expect(json.contains("\"direct_multiplies\": 452984832"))
        #expect(json.contains("\"reduced_multiplies\": 245366784"))
    }

    @Test(arguments: [(0, 256, 96, 32, 3), (192, -1, 96, 32, 3), (192, 256, 0, 32, 3),
                      (192, 256, 96, 5000, 3), (192, 256, 96, 32, 0), (192, 256, 96, 4, 5),
                      (70_000, 256, 96, 32, 3)])
    func badArguments(i: Int, o: Int, r: Int, s: Int, k: Int) {
        #expect(throws: UserError.self) { try WorkedExample(inChannels: i, outChannels: o, reduce: r, size: s, kernel: k) }
    }
}

@Suite struct HeadsComparisonTests {
    // GoogLeNet: 7x7x1024 -> 1000. GAP + linear: 1024*1000 = 1,024,000 weights
    // (+1,000 biases); flatten + FC: 7*7*1024*1000 = 50,176,000 (+1,000).
    // The network's paper weights with the GAP head: the Table 1 rows summed,
    // 9,408 + 114,688 + 163,328 + 388,096 + 375,552 + 448,512 + 509,440 + 604,672
    // + 867,328 + 1,042,432 + 1,442,816 + 1,024,000 = 6,990,272.
    @Test func googlenet() {
        let h = HeadsComparison(network: Preset.googlenet.description)
        #expect(h.features == FeatureShape(c: 1024, h: 7, w: 7))
        #expect(h.gap.cost.weights == 1_024_000)
        #expect(h.gap.cost.weights + h.gap.cost.biases == 1_025_000)
        #expect(h.fc.cost.weights == 50_176_000)
        #expect(h.fc.cost.weights + h.fc.cost.biases == 50_177_000)
        #expect(Convention.paper.operations(h.fc.cost, unit: .macs) == 50_176_000)
        #expect(Convention.paper.parameters(h.gap.network) == 6_990_272)
        #expect(Convention.paper.parameters(h.fc.network) == 6_990_272 - 1_024_000 + 50_176_000)
        let table = h.table(convention: .paper, unit: .macs)
        // 1,024,000 / 6,990,272 = 14.6%
        #expect(table.column("share_percent").first == .decimal(100 * 1_024_000 / 6_990_272.0, places: 1))
        #expect(table.column("share_percent").first?.plain == "14.6")
    }

    // Tiny: 8x8x88 -> 10. GAP: 88*10 = 880; FC: 8*8*88*10 = 56,320.
    @Test func tiny() {
        let h = HeadsComparison(network: Preset.tiny.description)
        #expect(h.gap.cost.weights == 880)
        #expect(h.fc.cost.weights == 56_320)
        // ptflops counts the GAP's 88*64 = 5,632 input elements and the 10 bias additions.
        #expect(Convention.ptflops.operations(h.gap.cost, unit: .macs) == 880 + 10 + 5_632)
    }
}
