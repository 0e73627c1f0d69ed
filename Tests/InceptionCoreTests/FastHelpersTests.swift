import Testing
@testable import InceptionCore

/// The small vector helpers of the fast path against plain definitions.
@Suite struct FastHelpersTests {
    /// 21 values: two eight-wide steps and a tail of 5; zeros, negatives and positives.
    static let out: [Float] = (0..<21).map { Float($0 % 5) - 2 }
    static let dout: [Float] = (0..<21).map { Float($0) * 0.25 + 1 }

    @Test func reluGradientIsReluBackwardIntoZeros() {
        var expected = [Float](repeating: 0, count: 21)
        reluBackward(dinp: &expected, dout: Self.dout, out: Self.out, count: 21)
        let fast = Self.dout.withUnsafeBufferPointer {
            reluGradient(dout: ImageRuns(contiguous: $0.baseAddress!, count: 21), out: Self.out, positions: 21, bias: nil)
        }
        #expect(fast == expected)
        // By hand: out[3] = 1 and out[4] = 2 are active, out[0...2] (-2, -1, 0) are not.
        #expect(expected[0..<5] == [0, 0, 0, 1.75, 2])
    }

    /// A branch's gradient read in place from a concatenation (n 2, channels 1 + 2 + 1, hw 21)
    /// equals the gradient `concatBackward` splits out; the bias gradient summed on the way
    /// equals conv2dBackward's: each channel's rows summed with sumFloats, image after image.
    @Test func reluGradientReadsAConcatenatedPartInPlace() {
        let (n, hw, channels) = (2, 21, [1, 2, 1])
        let dcat = (0..<n * 4 * hw).map { Float($0 % 13) * 0.375 - 2 }
        let out = (0..<n * 2 * hw).map { Float($0 % 7) - 3 }
        // The three parts' gradients one after another; the middle one is the branch's.
        var parts = [Float](repeating: 0, count: n * 4 * hw)
        parts.withUnsafeMutableBufferPointer { p in
            let starts = [0, n * hw, 3 * n * hw].map { p.baseAddress! + $0 }
            concatBackward(dparts: starts, channels: channels, dout: dcat, n: n, hw: hw)
        }
        let split = Array(parts[n * hw..<3 * n * hw])
        var expected = [Float](repeating: 0, count: n * 2 * hw)
        reluBackward(dinp: &expected, dout: split, out: out, count: expected.count)
        var expectedBias: [Float] = [0.5, -1]
        expected.withUnsafeBufferPointer { e in
            for b in 0..<n {
                for o in 0..<2 { expectedBias[o] += sumFloats(e.baseAddress! + (b * 2 + o) * hw, hw) }
            }
        }
        var bias: [Float] = [0.5, -1]
        let fast = dcat.withUnsafeBufferPointer { d in
            bias.withUnsafeMutableBufferPointer { sums in
                let part = concatParts(d.baseAddress!, channels: channels, n: n, hw: hw)[1]
                #expect(part.gathered() == split)
                return reluGradient(dout: part, out: out, positions: hw, bias: (sums.baseAddress!, 2))
            }
        }
        #expect(fast == expected)
        #expect(bias == expectedBias)
    }

    @Test func dotFloatsIsTheDotProduct() {
        // Small integers: every partial sum is exact, so any order gives the same value.
        let exact = zip(Self.out, Self.dout).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        #expect(Double(dotFloats(Self.out, Self.dout, 21)) == exact)
        #expect(dotFloats(Self.out, Self.dout, 0) == 0)
    }
}
