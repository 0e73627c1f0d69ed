import Testing
@testable import InceptionCore

@Suite struct ImageFittingTests {
    static func expectClose(_ got: [Float], _ want: [Float], tolerance: Float = 1e-5) {
        #expect(got.count == want.count)
        for (g, w) in zip(got, want) { #expect(abs(g - w) <= tolerance, "\(got) vs \(want)") }
    }

    /// Halving: each output pixel is the mean of a 2x2 block.
    @Test func squareShrinkAveragesBlocks() {
        let source = GrayImage(width: 4, height: 4, pixels: [
            0, 1, 0.5, 0.5,
            1, 0, 0.5, 0.5,
            0.2, 0.2, 1, 1,
            0.2, 0.6, 1, 0,
        ])
        Self.expectClose(source.fitted(side: 2).pixels, [0.5, 0.5, 0.3, 0.75])
    }

    /// 3x3 to 2x2: source pixels are 2/3 wide, so output pixel 0 takes 2/3 of source
    /// pixel 0 and 1/3 of source pixel 1 along an axis, output pixel 1 takes 1/3 of
    /// source pixel 1 and 2/3 of source pixel 2.
    @Test func fractionalShrinkWeightsByOverlap() {
        let p: [Float] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
        let source = GrayImage(width: 3, height: 3, pixels: p)
        let a: Float = 2.0 / 3, b: Float = 1.0 / 3
        let weights: [[Float]] = [[a, b, 0], [0, b, a]]  // weights[output][source]
        var expected: [Float] = []
        for y in 0..<2 {
            for x in 0..<2 {
                var sum: Float = 0
                for j in 0..<3 { for i in 0..<3 { sum += weights[y][j] * weights[x][i] * p[j * 3 + i] } }
                expected.append(sum)
            }
        }
        // By hand for (0, 0): 4/9 * 0.1 + 2/9 * 0.2 + 2/9 * 0.4 + 1/9 * 0.5 = 2.1 / 9.
        #expect(abs(expected[0] - 2.1 / 9) < 1e-6)
        Self.expectClose(source.fitted(side: 2).pixels, expected)
    }

    /// A 4x2 image in a 4x4 square keeps its aspect ratio: rows 1 and 2 hold it, rows 0
    /// and 3 are the border median (border = all 8 pixels here: median of sorted
    /// [0, 0.1, 0.1, 0.1, 0.1, 0.2, 0.2, 0.8] = (0.1 + 0.1) / 2).
    @Test func widePictureIsPaddedWithBorderMedian() {
        let source = GrayImage(width: 4, height: 2, pixels: [0.1, 0.2, 0.1, 0.8, 0, 0.1, 0.2, 0.1])
        #expect(source.backgroundEstimate == 0.1)
        let out = source.fitted(side: 4).pixels
        Self.expectClose(out, [0.1, 0.1, 0.1, 0.1] + source.pixels + [0.1, 0.1, 0.1, 0.1])
    }

    /// A 2x1 image into 3x3: each source pixel becomes a 1.5 x 1.5 square, centred
    /// vertically at y in [0.75, 2.25). Output row 0 is 1/4 image, 3/4 background.
    @Test func fractionalPaddingBlendsWithBackground() {
        let source = GrayImage(width: 2, height: 1, pixels: [1, 0])
        let background = source.backgroundEstimate  // median of [1, 0] = 0.5
        #expect(background == 0.5)
        let rowFraction: [Float] = [0.25, 1, 0.25]
        // Along x: output 0 = source 0; output 1 = half of each; output 2 = source 1.
        let columnValue: [Float] = [1, 0.5, 0]
        var expected: [Float] = []
        for y in 0..<3 {
            for x in 0..<3 { expected.append(rowFraction[y] * columnValue[x] + (1 - rowFraction[y]) * background) }
        }
        Self.expectClose(source.fitted(side: 3).pixels, expected)
    }

    @Test func enlargingAOnePixelImageFillsTheSquare() {
        let out = GrayImage(width: 1, height: 1, pixels: [0.7]).fitted()
        #expect(out.width == 32 && out.height == 32)
        Self.expectClose(out.pixels, [Float](repeating: 0.7, count: 1024))
    }

    @Test func networkInputShapes() throws {
        let path = try DataFixtures.scratchFile(Array("P5 4 2 255\n".utf8) + [0, 0, 0, 0, 255, 255, 255, 255], name: "in.pgm")
        #expect(try ImageFile.networkInput(path: path).shape == [1, 1, 32, 32])
        let raw = try ImageFile.networkInput(path: path, resize: false)
        #expect(raw.shape == [1, 1, 2, 4])
        #expect(raw.data == [0, 0, 0, 0, 1, 1, 1, 1])
    }

    @Test func unresizedInputHasASizeLimit() throws {
        // 1025 wide, 1 high: within the loader's limits, one column over the --no-resize limit.
        let wide = try DataFixtures.scratchFile(Array("P5 1025 1 255\n".utf8) + [UInt8](repeating: 9, count: 1025), name: "wide.pgm")
        #expect(try ImageFile.networkInput(path: wide).shape == [1, 1, 32, 32])
        #expect(throws: UserError.self) { try ImageFile.networkInput(path: wide, resize: false) }
        let edge = try DataFixtures.scratchFile(Array("P5 1 1024 255\n".utf8) + [UInt8](repeating: 9, count: 1024), name: "tall.pgm")
        #expect(try ImageFile.networkInput(path: edge, resize: false).shape == [1, 1, 1024, 1])
    }
}
