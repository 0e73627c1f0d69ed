import Testing
@testable import InceptionCore

/// The fast convolution against the plain reference loops (the oracle), on
/// geometries chosen to reach every path: the 1x1 direct path, im2col with padding
/// and strides, kernels wider than the image, 24-, 16-, 8-wide and scalar column
/// tiles, more than one depth block (K > 256), channel counts that are not
/// multiples of 4 or 8, and batches of one and of several chunks, of 4 images
/// or fewer when their im2col matrices are large; and the windows read in place
/// (stride 1, output rows of whole vectors), with the same variety.
@Suite struct Conv2DFastTests {
    static let geometries: [ConvGeometry] = [
        ConvGeometry(n: 2, c: 5, h: 6, w: 7, oc: 3, kh: 1, kw: 1),                      // direct 1x1, P = 42
        ConvGeometry(n: 3, c: 4, h: 9, w: 10, oc: 6, kh: 3, kw: 3, pad: 1),              // P = 90
        ConvGeometry(n: 1, c: 3, h: 5, w: 7, oc: 9, kh: 5, kw: 5, pad: 2),               // P = 35
        ConvGeometry(n: 2, c: 3, h: 9, w: 9, oc: 5, kh: 3, kw: 3, stride: 2, pad: 1),
        ConvGeometry(n: 2, c: 2, h: 11, w: 13, oc: 4, kh: 7, kw: 7, stride: 2, pad: 3),
        ConvGeometry(n: 2, c: 3, h: 7, w: 7, oc: 2, kh: 1, kw: 1, stride: 2),            // 1x1 through im2col
        ConvGeometry(n: 1, c: 30, h: 6, w: 6, oc: 5, kh: 3, kw: 3, pad: 1),              // K = 270: two depth blocks
        ConvGeometry(n: 2, c: 2, h: 3, w: 3, oc: 3, kh: 5, kw: 5, pad: 2),               // kernel wider than image
        ConvGeometry(n: 9, c: 8, h: 4, w: 4, oc: 8, kh: 3, kw: 3, pad: 1),               // three chunks of images
        ConvGeometry(n: 4, c: 8, h: 86, w: 86, oc: 2, kh: 3, kw: 3, pad: 1),             // 2 MB per col: chunks of 3
        ConvGeometry(n: 2, c: 5, h: 9, w: 10, oc: 6, kh: 1, kw: 3, padH: 0, padW: 1),    // factorised 1x3
        ConvGeometry(n: 3, c: 4, h: 9, w: 10, oc: 5, kh: 7, kw: 1, padH: 3, padW: 0),    // factorised 7x1
        ConvGeometry(n: 1, c: 3, h: 8, w: 8, oc: 4, kh: 1, kw: 5, stride: 2, padH: 0, padW: 2),
        // Read in place:
        ConvGeometry(n: 3, c: 4, h: 8, w: 16, oc: 6, kh: 3, kw: 3, pad: 1),             // P = 128: 24-wide tiles
        ConvGeometry(n: 2, c: 3, h: 5, w: 8, oc: 9, kh: 5, kw: 5, pad: 2),               // P = 40: 24 + 16
        ConvGeometry(n: 1, c: 30, h: 8, w: 8, oc: 5, kh: 3, kw: 3, pad: 1),              // K = 270: two depth blocks
        ConvGeometry(n: 2, c: 2, h: 3, w: 8, oc: 3, kh: 5, kw: 5, pad: 2),               // kernel taller than image
        ConvGeometry(n: 2, c: 5, h: 9, w: 16, oc: 6, kh: 1, kw: 3, padH: 0, padW: 1),    // factorised 1x3
        ConvGeometry(n: 3, c: 4, h: 9, w: 8, oc: 5, kh: 7, kw: 1, padH: 3, padW: 0),     // factorised 7x1
        ConvGeometry(n: 2, c: 3, h: 10, w: 10, oc: 4, kh: 3, kw: 3),                     // forward in place, backward not
        // Weight gradient in channels-last order (c a multiple of 8):
        ConvGeometry(n: 3, c: 8, h: 8, w: 16, oc: 5, kh: 3, kw: 3, pad: 1),              // in place, K = 72
        ConvGeometry(n: 2, c: 16, h: 5, w: 8, oc: 6, kh: 5, kw: 5, pad: 2),              // K = 400: 24- then 16-wide
        ConvGeometry(n: 1, c: 8, h: 20, w: 20, oc: 4, kh: 3, kw: 3, pad: 1),             // P = 400: two depth blocks
        ConvGeometry(n: 2, c: 8, h: 7, w: 9, oc: 4, kh: 3, kw: 3, pad: 1),               // im2col for the input gradient
    ]

    /// Which geometries the products read in place: stride 1, not the direct 1x1,
    /// and output rows (forward) and input rows (input gradient) of whole vectors.
    @Test func windowsReadInPlace() {
        let inPlace = Self.geometries.filter { $0.inputWindows != nil }
        #expect(inPlace.count == 9)
        #expect(Self.geometries.filter { $0.outputGradientWindows != nil }.count == 8)
        // Stride 1, a kernel wider than 1x1 and channels in whole vectors: the last four,
        // and two im2col ones with c = 8.
        #expect(Self.geometries.filter(\.weightGradientIsChannelsLast).count == 6)
        #expect(!ConvGeometry(n: 2, c: 16, h: 6, w: 7, oc: 3, kh: 1, kw: 1).weightGradientIsChannelsLast)
        let unpadded = ConvGeometry(n: 2, c: 3, h: 10, w: 10, oc: 4, kh: 3, kw: 3)
        #expect(unpadded.inputWindows != nil && unpadded.outputGradientWindows == nil)
        // The tiny network's 3x3 at 16x16: rows (i, ky, kx) of col start at (i·18 + ky)·18 + kx,
        // and position (oy, ox) at oy·18 + ox.
        let windows = ConvGeometry(n: 1, c: 2, h: 16, w: 16, oc: 4, kh: 3, kw: 3, pad: 1).inputWindows!
        #expect(windows.rowOffsets() == [0, 1, 2, 18, 19, 20, 36, 37, 38, 324, 325, 326, 342, 343, 344, 360, 361, 362])
        #expect(windows.vectorOffsets().prefix(4) == [0, 8, 18, 26])
        #expect(windows.paddedSize == 2 * 18 * 18)
    }

    @Test(arguments: geometries)
    func forwardMatchesReference(_ g: ConvGeometry) {
        var rng = SeededGenerator(seed: UInt64(g.multiplies))
        let x = randomArray(g.n * g.c * g.h * g.w, &rng)
        let w = randomArray(g.oc * g.c * g.kh * g.kw, &rng)
        let bias = randomArray(g.oc, &rng)
        var expected = [Float](repeating: .nan, count: g.n * g.oc * g.oh * g.ow)
        var actual = expected
        conv2dForwardReference(out: &expected, inp: x, weight: w, bias: bias, g)
        conv2dForwardFast(out: &actual, inp: x, weight: w, bias: bias, g)
        expectClose(actual, expected, "forward \(g)")
        // Without bias the output starts from zero, not from what the buffer held.
        conv2dForwardReference(out: &expected, inp: x, weight: w, bias: nil, g)
        conv2dForwardFast(out: &actual, inp: x, weight: w, bias: nil, g)
        expectClose(actual, expected, "forward without bias \(g)")
    }

    /// ReLU in the product's epilogue gives exactly what the separate pass gives
    /// on the same product, NaN included (max(NaN, 0) stays NaN).
    @Test(arguments: geometries)
    func reluEpilogueEqualsTheSeparatePass(_ g: ConvGeometry) {
        var rng = SeededGenerator(seed: UInt64(g.multiplies) + 3)
        var x = randomArray(g.n * g.c * g.h * g.w, &rng)
        x[x.count / 2] = .nan
        let w = randomArray(g.oc * g.c * g.kh * g.kw, &rng)
        let bias = randomArray(g.oc, &rng)
        var separate = [Float](repeating: 0, count: g.n * g.oc * g.oh * g.ow)
        var fused = separate
        conv2dForwardFast(out: &separate, inp: x, weight: w, bias: bias, g)
        reluForward(out: &separate, inp: separate, count: separate.count)
        conv2dForwardFast(out: &fused, inp: x, weight: w, bias: bias, g, relu: true)
        #expect(separate.contains { $0.isNaN } && separate.contains { $0 == 0 } && separate.contains { $0 > 0 })
        #expect(fused.map(\.bitPattern) == separate.map(\.bitPattern), "\(g)")
    }

    @Test(arguments: geometries, [false, true])
    func backwardAddsWhatReferenceAdds(_ g: ConvGeometry, withInputGradient: Bool) {
        var rng = SeededGenerator(seed: UInt64(g.multiplies) + 7)
        let x = randomArray(g.n * g.c * g.h * g.w, &rng)
        let w = randomArray(g.oc * g.c * g.kh * g.kw, &rng)
        let dout = randomArray(g.n * g.oc * g.oh * g.ow, &rng)
        // Non-zero starting gradients: backward must add to them, not overwrite.
        let dinp0 = randomArray(x.count, &rng), dw0 = randomArray(w.count, &rng), db0 = randomArray(g.oc, &rng)
        var (dinpR, dwR, dbR) = (dinp0, dw0, db0)
        var (dinpF, dwF, dbF) = (dinp0, dw0, db0)
        if withInputGradient {
            conv2dBackwardReference(dinp: &dinpR, dweight: &dwR, dbias: &dbR, dout: dout, inp: x, weight: w, g)
            conv2dBackwardFast(dinp: &dinpF, dweight: &dwF, dbias: &dbF, dout: dout, inp: x, weight: w, g)
        } else {
            conv2dBackwardReference(dinp: nil, dweight: &dwR, dbias: &dbR, dout: dout, inp: x, weight: w, g)
            conv2dBackwardFast(dinp: nil, dweight: &dwF, dbias: &dbF, dout: dout, inp: x, weight: w, g)
        }
        expectClose(dwF, dwR, "dweight \(g)")
        expectClose(dbF, dbR, "dbias \(g)")
        expectClose(dinpF, dinpR, "dinp \(g)")
    }

    /// Backward chunks of 4 images, fewer when 4 im2col matrices would pass 8 MB:
    /// 72 rows × 7,396 positions × 4 bytes = 2.13 MB per image, so 3 per chunk.
    @Test func chunksShrinkForLargeImages() {
        #expect(ConvGeometry(n: 4, c: 8, h: 86, w: 86, oc: 2, kh: 3, kw: 3, pad: 1).chunkImages == 3)
        #expect(ConvGeometry(n: 64, c: 24, h: 16, w: 16, oc: 32, kh: 3, kw: 3, pad: 1).chunkImages == 4)
    }

    private func randomArray(_ count: Int, _ rng: inout SeededGenerator) -> [Float] {
        (0..<count).map { _ in rng.nextUnit() * 2 - 1 }
    }

    /// Within 1e-4 of the reference, relative to the reference's largest magnitude
    /// (sums in another order differ by a few ulps of their largest terms).
    private func expectClose(_ actual: [Float], _ expected: [Float], _ what: String) {
        #expect(actual.count == expected.count)
        #expect(actual.allSatisfy { $0.isFinite }, "\(what): non-finite output")
        let scale = max(1, expected.map { abs($0) }.max() ?? 0)
        let worst = zip(actual, expected).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= 1e-4 * scale, "\(what): max difference \(worst), scale \(scale)")
    }
}
