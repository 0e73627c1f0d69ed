import Testing
@testable import InceptionCore

@Suite struct KernelBenchTests {
    /// The convolutions the benchmark times are the network's: with the classifier's
    /// 88 × 10 they add up to the 3,556,208 multiply-adds per image that PyTorch's
    /// count gives for the tiny network (shared/bench/README.md).
    @Test func tinyConvolutionsCostWhatPyTorchCounts() {
        let convs = KernelBench.convolutions(of: Preset.tiny.description, batch: 1)
        let main = convs.filter { !$0.name.hasPrefix("aux.") }
        #expect(main.count == 1 + 3 * 6)
        #expect(main.reduce(0) { $0 + $1.geometry.multiplies } + 88 * 10 == 3_556_208)
        // The aux head: 5x5/3 average pool of 64x16x16 gives 4x4, then a 1x1 conv to 32.
        let aux = convs.first { $0.name == "aux.conv" }?.geometry
        #expect(aux == ConvGeometry(n: 1, c: 64, h: 4, w: 4, oc: 32, kh: 1, kw: 1))
        #expect(KernelBench.convolutions(of: Preset.tiny.description, batch: 64).allSatisfy { $0.geometry.n == 64 })
    }

    @Test func reportHasOneRowPerConvolutionAndATotal() {
        let net = Preset.tiny.description
        let table = KernelBench.report(KernelBench.run(net, batch: 1, repeats: 1))
        let rows = table.split(separator: "\n")
        #expect(rows.count == 1 + KernelBench.convolutions(of: net, batch: 1).count + 1)
        #expect(rows.last?.hasPrefix("total") == true)
    }
}
