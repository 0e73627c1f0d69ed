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

    /// Copies are timed only where the convolution makes them: a pointwise 1x1
    /// reads its input plane as it is, so its copy time is exactly zero.
    @Test func copiesAreTimedForSpatialConvolutionsOnly() {
        let measurements = KernelBench.run(Preset.tiny.description, batch: 2, repeats: 1)
        for m in measurements {
            let copies = m.forwardCopySeconds + m.backwardCopySeconds
            #expect(m.geometry.isPointwise ? copies == 0 : copies > 0, "\(m.name)")
        }
        // The stem (3x3) has no input gradient, so its backward copies are the forward's again.
        let stem = measurements[0]
        #expect(!stem.inputGradient && stem.backwardCopySeconds == stem.forwardCopySeconds)
    }

    /// The breakdown has a row per convolution, then GEMMs, copies, update, the rest and the step.
    @Test func stepBreakdownRows() throws {
        let net = Preset.tiny.description
        let breakdown = try StepBreakdown.measure(net, batch: 4, repeats: 1, peakGflops: 100)
        let table = breakdown.table
        #expect(table.rows.count == KernelBench.convolutions(of: net, batch: 4).count + 5)
        #expect(table.rows.last?.first == .text("training step, 1 thread"))
    }

    /// The peak loop adds x·y to 12 chains of 8 lanes started at k, k+1, ..., k+11:
    /// after n iterations the lanes sum to 8·(12k + 66 + 12·n·x·y).
    @Test func fmaLoopComputesWhatItCounts() {
        let (x, y): (Float, Float) = (1.000_000_1, 0.999_999_9)
        let expected = 8 * (12 * 2 + 66 + 12 * 100 * Double(x * y))
        #expect(abs(Double(fmaChains(100, start: 2)) - expected) < 1e-3)
    }
}
