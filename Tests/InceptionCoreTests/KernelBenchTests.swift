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

    /// Stacked everywhere, by hand from the 3,556,208 above: 3a's 5x5 4*8*25 = 800
    /// becomes 4*8*9 + 8*8*9 = 864 (+64 x 256 positions), 3b's 8*12*25 = 2,400 becomes
    /// 8*12*9 + 12*12*9 = 2,160 (-240 x 256), 4a's 8*16*25 = 3,200 becomes
    /// 8*16*9 + 16*16*9 = 3,456 (+256 x 64): 3,527,536.
    @Test func factorisedConvolutionsAreTimedWithTheirOwnShapes() {
        let convs = KernelBench.convolutions(of: Preset.tiny.description.withFactorization(.stacked), batch: 1)
        let main = convs.filter { !$0.name.hasPrefix("aux.") }
        #expect(main.reduce(0) { $0 + $1.geometry.multiplies } + 88 * 10 == 3_527_536)
        #expect(main.contains { $0.name == "inception3b.branch5x5_2" && $0.geometry.kh == 3 && $0.geometry.c == 12 })
        let asymmetric = KernelBench.convolutions(of: Preset.tiny.description.withFactorization(.asymmetric), batch: 1)
        let g = asymmetric.first { $0.name == "inception3a.branch5x5_1" }?.geometry
        #expect(g == ConvGeometry(n: 1, c: 4, h: 16, w: 16, oc: 4, kh: 1, kw: 5, padH: 0, padW: 2))
    }

    @Test func reportHasOneRowPerConvolutionAndATotal() {
        let net = Preset.tiny.description
        let table = KernelBench.report(KernelBench.run(net, batch: 1, repeats: 1))
        let rows = table.split(separator: "\n")
        #expect(rows.count == 1 + KernelBench.convolutions(of: net, batch: 1).count + 1)
        #expect(rows.last?.hasPrefix("total") == true)
    }
}
