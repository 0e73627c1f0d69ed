import Foundation
import Testing
@testable import InceptionCore

/// The course's widgets against figures worked out independently: by hand from the
/// widths, from the article, from torchvision's documentation, or from the engine.
@Suite struct CourseWidgetTests {
    let env: TemporaryWidgetEnvironment
    init() throws { env = try TemporaryWidgetEnvironment() }

    /// The article: 192x256x3x3x32x32 = 452,984,832 direct, 192x96x32x32 + 96x256x3x3x32x32 = 245,366,784 reduced.
    @Test func costExampleShowsTheArticlesFigures() throws {
        let table = try env.table("::: cost-example")
        #expect(table.cell("direct", "multiplies") == "452,984,832")
        #expect(table.cell("reduced total", "multiplies") == "245,366,784")
        // 5x5 at 28x28 from 192 to 32 via 16: 192x32x25x784 direct; (192x16 + 16x32x25) x 784 reduced.
        let five = try env.table("::: cost-example in=192 out=32 reduce=16 size=28 kernel=5")
        #expect(five.cell("direct", "multiplies") == NumberText.integer(192 * 32 * 25 * 784, grouped: true))
        #expect(five.cell("reduced total", "multiplies") == NumberText.integer((192 * 16 + 16 * 32 * 25) * 784, grouped: true))
    }

    @Test func costExampleRejectsAKernelLargerThanTheMaps() throws {
        let directive = try WidgetDirective.parse("::: cost-example size=3 kernel=5"[...], file: "t.md", line: 4)
        guard case .failure(let problem) = env.registry.evaluate(directive) else { Issue.record("accepted"); return }
        #expect(problem.message.contains("--kernel 5 is larger than --size 3"))
    }

    /// GoogLeNet 3a by hand: 192x64 + 192x96 + 96x128x9 + 192x16 + 16x32x25 + 192x32 weights at 28x28.
    @Test func costsCountGoogLeNet3aByHand() throws {
        let table = try env.table("::: costs preset=googlenet")
        let weights = 192 * 64 + 192 * 96 + 96 * 128 * 9 + 192 * 16 + 16 * 32 * 25 + 192 * 32
        #expect(table.cell("inception_3a", "params") == NumberText.integer(weights, grouped: true))
        #expect(table.cell("inception_3a", "multiplies") == NumberText.integer(weights * 28 * 28, grouped: true))
        #expect(table.cell("inception_3a", "output") == "256x28x28")
        // Naive 3a: 1x1, 3x3 and 5x5 straight from the 192 inputs.
        let naive = (192 * 64 + 192 * 128 * 9 + 192 * 32 * 25) * 28 * 28
        #expect(table.cell("inception_3a", "naive mult.") == NumberText.integer(naive, grouped: true))
    }

    /// Tiny widths (8,8,16,4,8,8), (16,16,24,8,12,12), (24,16,32,8,16,16) after a 16-channel stem:
    /// reduced 40, 64, 88; naive 8+16+8+16 = 48, 16+24+12+48 = 100, 24+32+16+100 = 172.
    @Test func naiveGrowthCompoundsThroughThePoolBranch() throws {
        let table = try env.table("::: naive-growth preset=tiny")
        for (layer, reduced, naive) in [("inception_3a", "40", "48"), ("inception_3b", "64", "100"), ("inception_4a", "88", "172")] {
            #expect(table.cell(layer, "channels") == reduced)
            #expect(table.cell(layer, "naive ch.") == naive)
        }
        #expect(try ComputedValue.resolve("tiny.4a.naive-output").value == 172)
    }

    /// conv1 is 7x7x3x64 = 9,408 weights = 9.2 K against the printed 2.7 K; 3a is 163,328 = 159.5 K against 159.
    @Test func table1FlagsConv1AndNot3a() throws {
        let table = try env.table("::: table1")
        #expect(table.row("conv1")?.last == "DIFFERS")
        #expect(table.row("conv1")?[2] == "9.2")
        #expect(table.row("inception_3a")?.last == "ok")
    }

    /// 1024 x 7 x 7 x 1000 + 1000 and 1024 x 1000 + 1000.
    @Test func headsCountGoogLeNetsTwoHeads() throws {
        let table = try env.table("::: heads preset=googlenet")
        #expect(table.cell("flatten + fc", "params") == "50,177,000")
        #expect(table.cell("gap + linear", "params") == "1,025,000")
        #expect(try ComputedValue.resolve("heads.googlenet.fc").value == 50_177_000)
    }

    /// Tiny aux head after 3b (64x16x16, pooled to 4x4): conv 64x32+32, fc1 512x64+64, fc2 64x10+10.
    @Test func auxHeadsCountTheTinyHeadByHand() throws {
        let table = try env.table("::: aux-heads preset=tiny")
        #expect(table.cell("aux total", "params") == NumberText.integer(64 * 32 + 32 + 512 * 64 + 64 + 64 * 10 + 10, grouped: true))
        #expect(table.notes.joined().contains("64x16x16 output of 3b"))
    }

    /// Counted by hand on the article's matrix: 25 windows x 4; one product per non-zero per
    /// window covering it (1+2+4+4+4+4+4+4); block A one window, B four; padded 4 + 16 windows;
    /// 16 non-zero dense outputs of which blocks computes 5.
    @Test func sparseDemoTotalsMatchAHandCount() throws {
        let table = try env.table("::: sparse-demo")
        #expect(table.cell("dense", "multiplies") == "100")
        #expect(table.cell("sparse", "multiplies") == "27")
        #expect(table.cell("blocks", "multiplies") == "20")
        #expect(table.cell("padded", "multiplies") == "80")
        #expect(table.notes.joined().contains("misses 11 positions"))
        #expect(try ComputedValue.resolve("sparse-demo.missed").value == 11)
        let matrix = try env.table("::: sparse-demo show=matrix")
        #expect(matrix.row("0") == ["0", "2A", "3A", "0", "0", "0", "0"])
        let outputs = try env.table("::: sparse-demo show=outputs")
        // Dense [0,0]: 2x4 + 3x1 + 0x3 + 2x2 = 15; blocks does not compute [0,1].
        #expect(outputs.row("0")?[1].hasPrefix(" 15 18") == true)
        #expect(outputs.row("0")?[3] == " 15  .  .  .  .")
    }

    /// torchvision's documentation gives 6,624,904 parameters for GoogLeNet (no aux heads).
    @Test func presetCompareMatchesTorchvisionsParameterCount() throws {
        let table = try env.table("::: preset-compare")
        #expect(table.row("params with bias and BN") == ["params with bias and BN", "6,998,552", "6,624,904"])
        #expect(table.row("\"5x5\" branch kernel") == ["\"5x5\" branch kernel", "5x5", "3x3"])
        #expect(try ComputedValue.resolve("costs.torchvision.pytorch-params").value == 6_624_904)
    }

    /// The widget's hand-written dot products against the engine's convolution on the same image.
    @Test func conv1x1PixelAgreesWithTheEngine() throws {
        let table = try env.table("::: conv1x1-pixel module=3a sample=ring-large x=5 y=9 outputs=8")
        let network = try InceptionNetwork(Preset.tiny.description, seed: TrainedWeights.fallbackSeed)
        var rng = SeededGenerator(seed: 0)
        let image = Dataset.sample(of: .ringLarge, seed: 1).tensor
        let module = network.forward(image, training: false, rng: &rng).layers[2].module!
        let branch = try #require(module.branch1x1)
        let output = try #require(table.row("output"))
        #expect(output.count == 2 + 8)
        for k in 0..<8 {
            let engine = branch.data[(k * 16 + 9) * 16 + 5]
            #expect(abs(Double(output[2 + k])! - Double(engine)) <= 0.006, "channel \(k)")
        }
        #expect(table.rows.count == 16 + 3)
        #expect(table.notes.contains { $0.hasPrefix("untrained") })
    }

    @Test func conv1x1PixelOutsideTheMapsIsAnErrorBox() throws {
        let directive = try WidgetDirective.parse("::: conv1x1-pixel module=4a x=12"[...], file: "t.md", line: 3)
        guard case .failure(let problem) = env.registry.evaluate(directive) else { Issue.record("accepted"); return }
        #expect(problem.message.contains("outside the 8x8 input of 4a"))
    }

    /// 3a's branches fill channels 0-7, 8-23, 24-31, 32-39 (widths 8, 16, 8, 8).
    @Test func branchMapsGroupTheChannelsByBranch() throws {
        guard case .featureMaps(let panel) = try env.content("::: branch-maps module=3a maps=2") else {
            Issue.record("not feature maps"); return
        }
        #expect(panel.groups.count == 5)
        #expect(panel.groups[0].maps.first?.rows == 32)
        let ranges = ["channels 0-7", "channels 8-23", "channels 24-31", "channels 32-39"]
        for (group, range) in zip(panel.groups.dropFirst(), ranges) {
            #expect(group.title.contains(range), "\(group.title)")
            #expect(group.maps.count == 2 && group.maps.allSatisfy { $0.rows == 16 && $0.columns == 16 })
        }
        let lines = panel.textLines(width: 80)
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func featureMapsUseTheAsciiRampInText() {
        let map = FeatureMapPanel.Map(label: "m", rows: 1, columns: 4, values: [0, 0.35, 0.75, 1])
        let panel = FeatureMapPanel(title: "T", groups: [.init(title: "G", maps: [map], low: 0, high: 1)], notes: [])
        // 10 levels: 0 -> ' ', 0.35 -> level 3 '-', 0.75 -> level 7 '#', 1 -> '@'.
        #expect(panel.textLines(width: 20) == ["T", "G", "m", " -#@"])
        let tall = FeatureMapPanel.Map(label: "t", rows: 4, columns: 2, values: [0, 2, 4, 6, 1, 1, 3, 3]).averaged(by: 2)
        #expect(tall.values == [3, 2])
    }

    @Test func experimentWithNothingCachedSaysWhatRunningItTakes() throws {
        guard case .notice(let notice) = try env.content("::: experiment name=bottleneck") else {
            Issue.record("not a placeholder"); return
        }
        let text = notice.paragraphs.joined(separator: " ")
        #expect(text.contains("inception-explorer experiment bottleneck"))
        #expect(text.contains("5 variants") && text.contains("15 training runs"))
        #expect(text.contains(env.cache.directory))
    }

    @Test func experimentShowsACachedResult() throws {
        let findings = ExperimentFindings(
            title: "GAP vs FC", variantColumn: "head", columns: [ExperimentColumn("parameters"), ExperimentColumn("accuracy", places: 3)],
            rows: [ExperimentRow(variant: "gap", seed: 1, values: [650, 0.91]), ExperimentRow(variant: "fc", seed: 1, values: [163_850, 0.84])],
            chart: .scatter(x: "parameters", y: "accuracy", series: []), conclusion: "GAP overfits less.")
        let outcome = ExperimentOutcome(experiment: .gapVsFc, findings: findings, provenance: ExperimentProvenance(
            computedAt: "2026-11-27T05:00:00Z", seconds: 12, seeds: 1, budget: "b", testImages: 5, version: 1, networkHash: "h"))
        try env.cache.store(outcome, key: ExperimentKey(.gapVsFc, ExperimentSettings(seeds: 1)))
        let table = try env.table("::: experiment name=gap-vs-fc")
        #expect(table.title == "GAP vs FC")
        #expect(table.row("fc") == ["fc", "1", "163,850", "0.840"])
        #expect(table.notes.contains("Conclusion: GAP overfits less."))
        #expect(table.notes.contains { $0.contains("2026-11-27T05:00:00Z (in 12.0 s, 1 seed") })
    }

    @Test func aCorruptCachedResultIsAnErrorBoxNotACrash() throws {
        let path = env.cache.path(for: ExperimentKey(.scale, ExperimentSettings()))
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try AtomicWrite.write("{not json", to: path)
        let directive = try WidgetDirective.parse("::: experiment name=scale"[...], file: "t.md", line: 9)
        guard case .failure(let problem) = env.registry.evaluate(directive) else { Issue.record("accepted"); return }
        #expect(problem.message.contains("is corrupt; use --rerun to replace it"))
    }

    @Test func computedValuesReportUnknownFields() {
        #expect(throws: LessonDiagnosticMessage.self) { try ComputedValue.resolve("costs.tiny.banana") }
        #expect(throws: LessonDiagnosticMessage.self) { try ComputedValue.resolve("heads.tiny.both") }
        #expect(throws: LessonDiagnosticMessage.self) { try ComputedValue.resolve("sparse-demo.magic") }
        #expect(throws: LessonDiagnosticMessage.self) { try ComputedValue.resolve("table1.rows") }
    }
}

@Suite struct WidgetEnvironmentTests {
    @Test func experimentCacheFollowsXDG() throws {
        #expect(try ExperimentCache(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]).directory == "/c/inception-explorer")
        #expect(try ExperimentCache(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]).directory == "/h/.cache/inception-explorer")
        #expect(throws: UserError.self) { try ExperimentCache(environment: [:]) }
        // Without a home there is no cache, but the shipped results remain.
        let library = try #require(WidgetEnvironment.process(environment: [:]).experiments as? ExperimentLibrary)
        #expect(library.cache?.directory == nil && library.shipped?.directory == ShippedResults.packageDirectory)
    }

    /// Weights written to a file come back unchanged and without the untrained note; a
    /// file for another network falls back to the seeded stand-in and says why.
    @Test func trainedWeightsLoadFromTheGivenFile() throws {
        let env = try TemporaryWidgetEnvironment()
        let saved = try InceptionNetwork(Preset.tiny.description, seed: 99)
        let path = env.root + "/tiny.safetensors"
        try SafeTensors(tensors: saved.parameters.names.map { NamedTensor(name: $0, tensor: saved.parameters[$0]!) }).write(to: path)
        let (loaded, note) = TrainedWeights.tiny(path: path)
        #expect(note == nil && loaded.parameters == saved.parameters)

        // A 5x5 stem kernel where the tiny network has 3x3.
        try SafeTensors(tensors: saved.parameters.names.map { name in
            NamedTensor(name: name, tensor: name == "stem.weight" ? Tensor(shape: [16, 1, 5, 5]) : saved.parameters[name]!)
        }).write(to: path)
        let (fallback, problem) = TrainedWeights.tiny(path: path)
        #expect(problem?.hasPrefix("untrained") == true && problem?.contains("stem.weight") == true)
        #expect(fallback.parameters == (try InceptionNetwork(Preset.tiny.description, seed: TrainedWeights.fallbackSeed)).parameters)
    }
}
