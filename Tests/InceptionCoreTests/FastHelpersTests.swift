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
        #expect(reluGradient(dout: Self.dout, out: Self.out, count: 21) == expected)
        // By hand: out[3] = 1 and out[4] = 2 are active, out[0...2] (-2, -1, 0) are not.
        #expect(expected[0..<5] == [0, 0, 0, 1.75, 2])
    }

    @Test func dotFloatsIsTheDotProduct() {
        // Small integers: every partial sum is exact, so any order gives the same value.
        let exact = zip(Self.out, Self.dout).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        #expect(Double(dotFloats(Self.out, Self.dout, 21)) == exact)
        #expect(dotFloats(Self.out, Self.dout, 0) == 0)
    }
}
