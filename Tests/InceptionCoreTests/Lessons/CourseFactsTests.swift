import Foundation
import Testing
@testable import InceptionCore

/// The few numbers the lessons state in prose (or pass as widget arguments) checked
/// against the tool's own descriptions and computations, so a change to a preset or
/// the trainer shows up here instead of as a silently wrong lesson.
@Suite struct CourseFactsTests {
    private let googlenet = Preset.googlenet.description
    private let tiny = Preset.tiny.description

    private func lesson(_ prefix: String) throws -> String {
        let directory = LessonLocator.packageDirectory
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasPrefix(prefix) })
        return try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    }

    private func moduleInput(_ network: NetworkDescription, _ module: String) throws -> FeatureShape {
        let (index, _) = try #require(network.module(named: module))
        return network.shapedLayers()[index].input
    }

    /// Lesson 1: the tiny network reads 32x32 images of ten classes; GoogLeNet's first layer is 7x7.
    @Test func lesson1() throws {
        #expect(tiny.input == FeatureShape(c: 1, h: 32, w: 32) && tiny.classes == ShapeClass.count && ShapeClass.count == 10)
        guard case .conv(let conv1) = googlenet.layers[0] else { Issue.record("conv1 is not a conv"); return }
        #expect(conv1.kernel == 7 && conv1.stride == 2)
        let text = try lesson("01")
        // tiny-macs: 4 x every convolution at 64x64, the classifier's 880 unchanged.
        var large = tiny
        large.input = FeatureShape(c: 1, h: 64, w: 64)
        let at32 = CostModel(tiny).totals().reduced.multiplyAdds, at64 = CostModel(large).totals().reduced.multiplyAdds
        #expect(at64 == 4 * (at32 - 880) + 880 && text.contains("answer=\(at64) tolerance=5%"))
        #expect(abs(Double(4 * at32) / Double(at64) - 1) < 0.05)
        // conv1-macs: the plain 7x7 costs about 3.5 times the separable one.
        let stem = try #require(SeparableStem())
        #expect((Double(stem.plainMultiplies) / Double(stem.separableMultiplies) * 10).rounded() / 10 == 3.5)
        #expect(stem.separableWeights == 3 * 8 * 49 + 24 * 64 && text.contains("about 3.5 times"))
    }

    /// Lesson 2: the per-pixel question, 3a's 1x1 branch over its 16x16 map.
    @Test func lesson2() throws {
        let text = try lesson("02")
        let input = try moduleInput(tiny, "3a")
        let w = try #require(tiny.module(named: "3a")).spec.widths
        #expect(input.c == 16 && w.n1x1 == 8 && input.h == 16 && input.w == 16)
        #expect(text.contains("reads the module's \(input.c) input channels and writes \(w.n1x1)")
                && text.contains("answer=\(input.c * w.n1x1 * input.h * input.w) explain"))
    }

    /// Lesson 3: "the sizes of GoogLeNet's 3a module, 5x5 branch" passed to cost-example.
    @Test func lesson3() throws {
        let text = try lesson("03")
        let input = try moduleInput(googlenet, "3a")
        let w = try #require(googlenet.module(named: "3a")).spec.widths
        #expect(text.contains("::: cost-example in=\(input.c) out=\(w.n5x5) reduce=\(w.n5x5red) size=\(input.h) kernel=5"))
        #expect(ExperimentName.bottleneck.work.contains("1, 2, 4, 8 and 16"))
    }

    /// Lesson 4: "same" padding of k/2 keeps the size; the branch pool is 3x3, stride 1, padding 1.
    @Test func lesson4() {
        let pool = ParameterLayout.branchPool
        #expect(pool.kernel == 3 && pool.stride == 1 && pool.padding == 1)
        #expect(tiny.branch5x5Kernel == 5 && googlenet.branch5x5Kernel == 5)
    }

    /// Lesson 6: a 6x6 matrix, two dense blocks, a 2x2 kernel.
    @Test func lesson6() {
        let demo = SparseDemo.article
        #expect(demo.matrix.count == 6 && demo.matrix[0].count == 6 && demo.blocks.count == 2)
        #expect(demo.kernelRows == 2 && demo.kernelColumns == 2)
    }

    /// Lesson 7: the hebb question (B = 2A + 1 is perfectly correlated with A, measured by
    /// the experiment's own correlation) and the first channel of 3b's 5x5 block.
    @Test func lesson7() throws {
        let text = try lesson("07")
        var correlation = ChannelCorrelation(channels: 2)
        let a: [Float] = [0.5, 1, 2, 3, 0.25, 4]
        correlation.add([Tensor(shape: [1, 1, 2, 3], data: a), Tensor(shape: [1, 1, 2, 3], data: a.map { 2 * $0 + 1 })])
        #expect(abs(correlation.correlation(0, 1) - 1) < 1e-9)
        #expect(text.contains("B equals 2 x channel A + 1") && text.contains("answer=1 tolerance=0.001"))
        let w = try #require(tiny.module(named: "3b")).spec.widths
        #expect(w.n1x1 == 16 && w.n3x3 == 24 && text.contains("answer=\(w.n1x1 + w.n3x3) gate=true explain=\"The 1x1 branch fills channels 0 to 15"))
    }

    /// Lesson 11: the paper's savings, 1 - 18/25 and 1 - 6/9, as the cost-example notes print them.
    @Test func lesson11() throws {
        let text = try lesson("11")
        #expect(text.contains("saves 28% of the kernel's weights (18 instead of 25") && text.contains("saves 33% (6\ninstead of 9"))
        for (line, saving) in [("::: cost-example in=64 out=64 reduce=64 size=35 kernel=5 factorize=stacked", "saves 28.0%"),
                               ("::: cost-example in=64 out=64 reduce=64 size=17 kernel=3 factorize=asymmetric", "saves 33.3%")] {
            #expect(text.contains(line))
            let environment = try TemporaryWidgetEnvironment()
            #expect(try environment.table(line).notes.joined(separator: " ").contains(saving))
        }
        #expect(abs((1 - 18.0 / 25) - 0.28) < 1e-12 && abs((1 - 6.0 / 9) * 100 - 33.3) < 0.05)
    }

    /// Lesson 6, against §3's 100x: on the shipped timing, the densest matrices keep a few
    /// percent of their entries, so sparse does a few tens of times fewer products there,
    /// and one sparse product costs more dense ones on the sparsest matrices.
    @Test func lesson6SparseTiming() throws {
        let findings = try #require(try ShippedResults().file(.sparseTiming)).outcome.findings
        let (sparsest, densest) = (try #require(findings.variants.first), try #require(findings.variants.last))
        let density = findings.values("matrix_density", variant: densest)
        #expect(density.allSatisfy { $0 > 0.01 && $0 < 0.1 })
        let fewer = zip(findings.values("multiplies", variant: densest), findings.values("useful_multiplies", variant: densest)).map { $0 / $1 }
        #expect(fewer.allSatisfy { $0 > 10 && $0 < 100 })
        let mean = { (v: String) in findings.values("sparse_overhead", variant: v).reduce(0, +) / Double(findings.values("sparse_overhead", variant: v).count) }
        #expect(mean(sparsest) > mean(densest))
        #expect(try lesson("06").contains("does a few tens of times fewer products"))
    }

    /// Lesson 8: GoogLeNet's last maps are 7x7 with 1024 channels and 1000 classes; tiny trains on 32x32.
    @Test func lesson8() throws {
        let heads = HeadsComparison(network: googlenet)
        #expect(heads.features == FeatureShape(c: 1024, h: 7, w: 7) && googlenet.classes == 1000)
        #expect(HeadsComparison(network: tiny).features == FeatureShape(c: 88, h: 8, w: 8) && tiny.classes == 10)
        // The size question: at 64x64 the last maps are 16x16, flattened 88 x 16 x 16.
        var large = tiny
        large.input = FeatureShape(c: 1, h: 64, w: 64)
        let f = HeadsComparison(network: large).features
        #expect(f == FeatureShape(c: 88, h: 16, w: 16) && f.c * f.h * f.w == 22_528)
        #expect(try lesson("08").contains("gets 22,528 numbers for weights built for 5,632"))
        #expect(GrayImage.networkSide == 32)
    }

    /// Lesson 9: more than twenty weighted layers on the longest path; heads after 4a and 4d
    /// (tiny: 3b); each aux loss weighted 0.3 by the trainer; tiny's aux head outweighs the main network.
    @Test func lesson9() throws {
        let depth = googlenet.layers.reduce(0) { total, layer in
            switch layer {
            case .conv(let c): total + (c.reduce == nil ? 1 : 2)
            case .inception: total + 2
            case .linear: total + 1
            default: total
            }
        }
        #expect(depth > 20)
        // §5: "22 layers deep when counting only layers with parameters".
        #expect(googlenet.weightedDepth() == 22 && depth == 22)
        // tiny: stem, three modules of 1x1 then kernel, the classifier; naive modules lose their 1x1s.
        #expect(tiny.weightedDepth() == 8 && tiny.weightedDepth(wholeNaive: true) == 5)
        let stacked = try tiny.applying(assignments: ["3a.factorize=stacked"])
        #expect(stacked.weightedDepth() == 9 && stacked.weightedDepth(wholeNaive: true) == 6)
        #expect(googlenet.auxHeads.map(\.after.short) == ["4a", "4d"] && tiny.auxHeads.map(\.after.short) == ["3b"])
        let network = try InceptionNetwork(tiny, seed: 1)
        let trainer = Trainer(network: network, optimizer: Optimizer(.sgd(momentum: 0), learningRate: 0.1), seed: 1)
        #expect(trainer.auxWeight == 0.3)
        #expect(try lesson("09").contains("**0.3**"))
        // The aux-weight question: main 2.0, heads 3.0 and 4.0.
        #expect(abs(Double(2.0 + trainer.auxWeight * 3.0 + trainer.auxWeight * 4.0) - 4.1) < 1e-6)
        #expect(try lesson("09").contains("answer=4.1 tolerance=0.001"))
        let model = CostModel(tiny)
        let aux = model.auxHeads().reduce(CostBreakdown.zero) { $0 + $1.total }
        #expect(Convention.torchinfo.parameters(aux) > Convention.torchinfo.parameters(model.totals().reduced))
        let fc1 = try #require(model.auxHeads().first?.layers.first { $0.name.hasSuffix("fc1") })
        #expect(Double(Convention.torchinfo.parameters(fc1.cost)) > 0.8 * Double(Convention.torchinfo.parameters(aux)))
    }

    /// Lesson 10: 224x224 input, two modules at 28x28, five at 14x14, two at 7x7, 1% tolerance,
    /// and most module rows of Table 1 agree.
    @Test func lesson10() throws {
        #expect(googlenet.input.h == 224 && googlenet.input.w == 224)
        var sizes: [Int: [String]] = [:]
        for m in googlenet.modules { sizes[try moduleInput(googlenet, m.name.short).h, default: []].append(m.name.short) }
        #expect(sizes == [28: ["3a", "3b"], 14: ["4a", "4b", "4c", "4d", "4e"], 7: ["5a", "5b"]])
        #expect(Table1Comparison.agrees(100, 101) && !Table1Comparison.agrees(98.9, 100))
        let modules = Table1Comparison().rows.filter { $0.layer.hasPrefix("inception") }
        #expect(modules.filter { !$0.flagged }.count * 2 > modules.count)
        let text = try lesson("10")
        // §1's 12x against AlexNet's 60M, with the weights counted from Table 1's widths.
        let weights = Convention.paper.parameters(CostModel(googlenet).totals().reduced)
        #expect(weights == 6_990_272 && text.contains("6,990,272 weights"))
        #expect((60e6 / Double(weights) * 10).rounded() / 10 == 8.6 && text.contains("about 8.6 times"))
        // The 5a question: printed 1072K x 49 positions, against 5a's widths (1018K, 51.1M).
        let printed = try #require(Table1Comparison.printed["inception_5a"])
        #expect(printed.paramsK == 1072 && printed.opsM == 54)
        #expect((printed.paramsK * 1024 * 49 / 1e5).rounded() / 10 == 53.8 && text.contains("answer=53.8"))
        let row = try #require(Table1Comparison().rows.first { $0.layer == "inception_5a" })
        #expect((row.computedParamsK * 10).rounded() / 10 == 1018.0 && (row.computedOpsM * 10).rounded() / 10 == 51.1)
        #expect(text.contains("give 1018K and 51.1M"))
    }
}
