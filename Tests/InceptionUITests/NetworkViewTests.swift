import Foundation
import InceptionCore
import Testing
@testable import InceptionUI

/// The Network view on the test backend, with seeded weights (not the shipped
/// file, so these tests do not change when the network is retrained) and a fixed
/// step time, so snapshots are stable.
struct NetworkFixture {
    static let network = try! InceptionNetwork(Preset.tiny.description, seed: 7)
    static let input = NetworkInput.testSample(0)

    var app: TestBackend

    init(size: Size = Size(width: 80, height: 24), capabilities: Capabilities = .full, exportDirectory: String = ".",
         imageFile: NetworkInput? = nil, network: InceptionNetwork = Self.network) {
        let view = NetworkView(network: network, weights: .init(trained: false, text: "seeded test weights"),
                               input: Self.input, imageFile: imageFile, theme: Theme(capabilities),
                               exportDirectory: exportDirectory, fixedSeconds: 0.0005)
        var views = ViewID.allCases.map { BlankView($0) as any ExplorerView }
        views[1] = view
        app = TestBackend(options: ExplorerOptions(capabilities: capabilities), size: size, views: views)
        app.type("2")
    }

    var view: NetworkView { app.state.views[1] as! NetworkView }
    var screen: String { app.screen }
    var area: Rect { app.state.layout.body }

    mutating func steps(_ n: Int) {
        for _ in 0..<n { app.press(.character(" ")) }
    }

    /// Steps `n` layers on, moves the branch selection `down` places and opens the kernels.
    mutating func showKernels(steps n: Int, down: Int) {
        steps(n)
        for _ in 0..<down { app.press(.down) }
        app.press(.character("k"))
    }

    /// The whole forward pass of the fixture's input, by the engine's own forward (not the step runner).
    static let forward: ForwardPass = {
        var rng = SeededGenerator(seed: 0)
        return network.forward(input.tensor, training: false, rng: &rng)
    }()
}

@Suite("Network view")
struct NetworkViewTests {
    @Test func snapshotsAt80x24And200x60() {
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            var f = NetworkFixture(size: size)
            Snapshot.check(f.app.canvas, named: "network-input-\(size)")
            f.steps(3)
            Snapshot.check(f.app.canvas, named: "network-3a-\(size)")
            f.app.press(.character("a"))
            Snapshot.check(f.app.canvas, named: "network-end-\(size)")
        }
    }

    @Test func asciiSnapshotShowsTheRamp() {
        var f = NetworkFixture(capabilities: Capabilities(color: .none, unicode: false))
        f.steps(3)
        Snapshot.check(f.app.canvas, named: "network-3a-ascii-80x24")
        #expect(f.app.canvas.cells.allSatisfy { $0.glyph.isASCII })
    }

    @Test func spaceRunsOneLayerWithItsMultiplies() {
        var f = NetworkFixture()
        #expect(f.view.run.next == 0)
        f.steps(1)
        // stem: 16 kernels of 1x3x3 at each of 32x32 positions = 147,456 multiplies.
        #expect(f.view.run.results.map(\.multiplies) == [16 * 9 * 32 * 32])
        #expect(f.app.lines.contains { $0.contains(" stem ") && $0.contains(" 147K ") })
        f.app.press(.right)
        f.app.press(.right)
        // 3a on 16x16x16 (hand count): 1x1 16*8, 3x3 16*8 + 8*16*9, 5x5 16*4 + 4*8*25, pool 16*8, per position.
        let perPosition = [16 * 8, 16 * 8 + 8 * 16 * 9, 16 * 4 + 4 * 8 * 25, 16 * 8]
        #expect(f.view.run.results[2].branches.map(\.multiplies) == perPosition.map { $0 * 256 })
        #expect(f.view.run.results[2].multiplies == 614_400)
        // Branch shares of 614,400: 5%, 53%, 36%, 5%.
        for header in ["w8 32.8K 5%", "w16 328K 53%", "w8 221K 36%"] { #expect(f.screen.contains(header)) }
        #expect(f.screen.contains("3a: Inception module  16x16x16 → 40x16x16"))
        // The step really ran the layer: same output as the engine's whole forward pass.
        #expect(f.view.run.results[2].output == NetworkFixture.forward.layers[2].output)
    }

    @Test func backResetAndRunAll() {
        var f = NetworkFixture()
        f.steps(4)
        f.app.press(.left)
        #expect(f.view.run.next == 3)
        f.app.press(.character("r"))
        #expect(f.view.run.next == 0)
        f.app.press(.left)
        #expect(f.app.state.message?.contains("at the input") == true)
        f.app.press(.character("a"))
        #expect(f.view.run.isComplete)
        let probabilities = f.view.run.probabilities!
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-5)
        // The prediction agrees with the engine's batched evaluation path.
        let predicted = NetworkFixture.network.logits(NetworkFixture.input.tensor).argmaxRows()[0]
        let name = ShapeClass(rawValue: predicted)!.name
        #expect(f.screen.contains("predicted \(name)"))
        #expect(f.screen.contains(predicted == 0 ? "RIGHT" : "WRONG: it is a ring-small"))
        for shape in ShapeClass.allCases { #expect(f.screen.contains(shape.name)) }
        f.steps(1)
        #expect(f.app.state.message?.contains("complete") == true)
    }

    @Test func clicksPickAStepAndABranch() {
        var f = NetworkFixture()
        let lines = f.app.lines
        let row = lines.firstIndex { $0.contains(" 3b ") }!
        f.app.send(.click(x: 3, y: row))
        #expect(f.view.run.next == 4)
        #expect(f.screen.contains("3b: Inception module"))
        let header = f.app.lines.firstIndex { $0.contains("5x5 (red") }!
        let column = f.app.lines[header].distance(from: f.app.lines[header].startIndex, to: f.app.lines[header].range(of: "5x5 (red")!.lowerBound)
        f.app.send(.click(x: column + 1, y: header + 3))
        #expect(f.view.branchName == "5x5")
        f.app.send(.click(x: 3, y: f.app.lines.firstIndex { $0.hasPrefix("│ stem") }!))
        #expect(f.view.run.next == 1)
    }

    @Test func pagingChannels() {
        var f = NetworkFixture()
        f.steps(1)
        let pages = f.view.painted(area: f.area).pages
        #expect(pages > 1)
        #expect(f.screen.contains("page 1/\(pages)"))
        for _ in 0..<pages + 2 { f.app.press(.character("]")) }
        #expect(f.view.page == pages - 1)
        #expect(f.screen.contains("page \(pages)/\(pages)"))
        #expect(f.screen.contains("of 16"))
        let last = f.view.painted(area: f.area).tiles.map(\.name).last
        #expect(last == "stem-c15")
        f.app.press(.character("["))
        #expect(f.view.page == pages - 2)
    }

    @Test func scaleModesShowTheDataRange() {
        var f = NetworkFixture(size: Size(width: 200, height: 60))
        f.steps(3)
        let trace = NetworkFixture.forward.layers[2]
        let module = trace.module!
        let text = { (low: Float, high: Float) in "\(ValueRange.format(low))..\(ValueRange.format(high))" }
        // per branch (the default): each column's header is its branch output's min..max.
        for branch in [module.branch1x1!, module.branch3x3!, module.branch5x5!, module.poolProj!] {
            #expect(f.screen.contains(text(branch.data.min()!, branch.data.max()!)))
        }
        f.app.press(.character("s"))
        #expect(f.screen.contains("per module  min \(ValueRange.format(trace.output.data.min()!)) max \(ValueRange.format(trace.output.data.max()!))"))
        f.app.press(.character("s"))
        let everything = [NetworkFixture.input.tensor, NetworkFixture.forward.layers[0].output, NetworkFixture.forward.layers[1].output,
                          trace.output, module.reduce3x3!, module.reduce5x5!, module.pooled!].flatMap(\.data)
        #expect(f.screen.contains("global  min \(ValueRange.format(everything.min()!)) max \(ValueRange.format(everything.max()!))"))
        f.app.press(.character("s"))
        #expect(f.screen.contains("per channel"))
        for tile in f.view.painted(area: f.area).tiles {
            #expect(tile.range.low == tile.values.min()! && tile.range.high == tile.values.max()!)
        }
        f.app.press(.character("s"))
        #expect(f.view.scale == .branch)
    }

    @Test func kernelsOfTheSelectedBranch() {
        var f = NetworkFixture()
        f.app.press(.character("k"))
        #expect(f.app.state.message == "this step has no learned kernels")
        f.showKernels(steps: 3, down: 1)
        #expect(f.screen.contains("3a 3x3 branch learned kernels"))
        #expect(f.screen.contains("reduce 1x1: 8 out x 16 in"))
        #expect(f.screen.contains("3x3: 16 out x 8 in"))
        Snapshot.check(f.app.canvas, named: "network-kernels-80x24")
        // The tiles are the state_dict tensors, by name.
        let parameters = NetworkFixture.network.parameters
        let reduce = parameters["inception3a.branch3x3_reduce.weight"]!
        let conv = parameters["inception3a.branch3x3.weight"]!
        let tiles = f.view.painted(area: f.area).tiles
        #expect(tiles.first?.values == reduce.data)
        let o0i1 = tiles.first { $0.name == "3a-3x3-3x3-o00-i01" }
        #expect(o0i1?.values == Array(conv.data[9..<18]))
        f.app.press(.character("k"))
        #expect(f.screen.contains("3a output"))
    }

    /// A factorised branch shows each of its kernels, and names them apart: the
    /// asymmetric 3x3 as 1x3 then 3x1, the stacked 5x5 as 3x3a then 3x3b.
    @Test func kernelsOfFactorisedBranches() throws {
        let description = try Preset.tiny.description.applying(assignments: ["3a.factorize=asymmetric", "3b.factorize=stacked"])
        let network = try InceptionNetwork(description, seed: 7)
        var f = NetworkFixture(network: network)
        f.showKernels(steps: 3, down: 1)
        #expect(f.screen.contains("reduce 1x1: 8 out x 16 in"))
        #expect(f.screen.contains("1x3: 8 out x 8 in"))
        #expect(f.screen.contains("3x1: 16 out x 8 in"))
        var tiles = f.view.painted(area: f.area).tiles
        let parameters = network.parameters
        #expect(tiles.first { $0.name == "3a-3x3-1x3-o00-i01" }?.values == Array(parameters["inception3a.branch3x3_1.weight"]!.data[3..<6]))
        #expect(tiles.first { $0.name == "3a-3x3-3x1-o00-i01" }?.values == Array(parameters["inception3a.branch3x3_2.weight"]!.data[3..<6]))
        f.app.press(.character("k"))
        f.showKernels(steps: 1, down: 1)
        #expect(f.screen.contains("3x3a: 12 out x 8 in"))
        #expect(f.screen.contains("3x3b: 12 out x 12 in"))
        tiles = f.view.painted(area: f.area).tiles
        #expect(tiles.first { $0.name == "3b-5x5-3x3a-o00-i00" }?.values == Array(parameters["inception3b.branch5x5_1.weight"]!.data[0..<9]))
        #expect(tiles.first { $0.name == "3b-5x5-3x3b-o00-i00" }?.values == Array(parameters["inception3b.branch5x5_2.weight"]!.data[0..<9]))
        #expect(Set(tiles.map(\.name)).count == tiles.count)
    }

    @Test func exportWritesThePGMsOnScreen() throws {
        let directory = NSTemporaryDirectory() + "netview-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var f = NetworkFixture(exportDirectory: directory)
        f.steps(1)
        let tiles = f.view.painted(area: f.area).tiles
        f.app.press(.character("e"))
        let writes = f.app.effects.filter { if case .writeFile = $0 { true } else { false } }
        #expect(writes.count == tiles.count + 1)
        f.app.performEffects()
        #expect(f.app.state.message == "wrote \(directory)/stem-maps.txt")
        let index = try String(contentsOfFile: directory + "/stem-maps.txt", encoding: .utf8)
        #expect(index.split(separator: "\n").count == tiles.count + 1)
        #expect(index.contains("stem-c00.pgm 32x32 min"))
        for tile in tiles { #expect(FileManager.default.fileExists(atPath: "\(directory)/\(tile.name).pgm")) }
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/stem-c00.pgm"))
        let header = Array("P5\n32 32\n255\n".utf8)
        #expect(Array(data.prefix(header.count)) == header)
        // The map is stretched to its scale: its darkest pixel is 0, its brightest 255 (per branch = the whole stem output).
        let stem = NetworkFixture.forward.layers[0].output.data
        let pixels = Array(data.dropFirst(header.count))
        let channel = Array(stem[0..<1024])
        let (low, high) = (stem.min()!, stem.max()!)
        let expected = channel.map { UInt8((min(max(($0 - low) / (high - low), 0), 1) * 255).rounded()) }
        #expect(pixels == expected)
    }

    @Test func exportErrorGoesToTheStatusLine() {
        var f = NetworkFixture(exportDirectory: "/nonexistent-netview")
        f.steps(1)
        f.app.press(.character("e"))
        f.app.performEffects()
        #expect(f.app.state.message?.hasPrefix("could not write /nonexistent-netview/stem-maps.txt: directory") == true)
    }

    @Test func inputGallery() throws {
        let directory = NSTemporaryDirectory() + "netview-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/mine.pgm"
        try PGMWriter.write(Dataset(split: .test).image(at: 7), to: path)
        var f = NetworkFixture(imageFile: try NetworkInput.file(path))
        f.steps(2)
        f.app.press(.character("i"))
        Snapshot.check(f.app.canvas, named: "network-gallery-80x24")
        #expect(f.screen.contains("ring-small") && f.screen.contains("random test"))
        f.app.press(.right)
        f.app.press(.enter)
        #expect(f.view.gallery == nil)
        #expect(f.view.run.input.source == .testSample(index: 1))
        #expect(f.view.run.input.label == .ringLarge)
        #expect(f.view.run.next == 0)
        #expect(f.screen.contains("input: test #1 (ring-large)"))
        // The random entry draws a test image; the file entry comes last.
        f.app.press(.character("i"))
        for _ in 0..<9 { f.app.press(.right) }
        f.app.press(.enter)
        guard case .testSample(let index) = f.view.run.input.source else { Issue.record("not a test image"); return }
        #expect(f.view.run.input.label == Dataset(split: .test).label(at: index))
        f.app.press(.character("i"))
        for _ in 0..<12 { f.app.press(.right) }
        f.app.press(.enter)
        #expect(f.view.run.input.source == .file(path: path))
        #expect(f.view.run.input.label == nil)
        f.app.press(.character("a"))
        #expect(f.screen.contains("true class unknown (a file)"))
        f.app.press(.character("i"))
        f.app.press(.escape)
        #expect(f.view.gallery == nil)
    }

    @Test func weightsFileOrUntrainedFallback() throws {
        let options = ExplorerOptions(capabilities: .full, weightsPath: "/nonexistent/tiny.safetensors")
        let fallback = NetworkView.load(options: options)
        #expect(!fallback.weights.trained)
        #expect(fallback.weights.text.contains("untrained"))
        let directory = NSTemporaryDirectory() + "netview-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let parameters = NetworkFixture.network.parameters
        let file = SafeTensors(tensors: parameters.names.map { NamedTensor(name: $0, tensor: parameters[$0]!) })
        try file.write(to: directory + "/w.safetensors")
        let loaded = NetworkView.load(options: ExplorerOptions(capabilities: .full, weightsPath: directory + "/w.safetensors"))
        #expect(loaded.weights.trained)
        #expect(loaded.run.network.parameters == parameters)
        try AtomicWrite.write("not safetensors", to: directory + "/bad.safetensors")
        let bad = NetworkView.load(options: ExplorerOptions(capabilities: .full, weightsPath: directory + "/bad.safetensors"))
        #expect(!bad.weights.trained)
    }

    @Test func benchmarkStepComputesTheModule() {
        let bench = NetworkBenchmark(network: NetworkFixture.network)
        #expect(bench.inceptionStep() != 0)
        let lines = App.render(App.update(bench.state, .key(.character(" "))).0, size: Size(width: 200, height: 60)).lines()
        #expect(lines.joined().contains("3a: Inception module"))
        #expect(bench.afterStep().renderFrame() != 0)
    }
}
