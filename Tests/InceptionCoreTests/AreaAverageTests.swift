import Testing
@testable import InceptionCore

@Suite struct AreaAverageTests {
    /// 3x3 by 2: blocks {1,2,4,5}, {3,6}, {7,8}, {9}.
    @Test func edgeBlocksAverageWhatTheyHave() {
        let shrunk = AreaAverage.shrink([1, 2, 3, 4, 5, 6, 7, 8, 9], rows: 3, columns: 3, factor: 2)
        #expect(shrunk.rows == 2 && shrunk.columns == 2)
        #expect(shrunk.values == [3, 4.5, 7.5, 9])
    }

    /// A NaN or infinity is left out of its block's mean; a block of nothing finite is NaN.
    @Test func nonFiniteValuesAreLeftOut() {
        let shrunk = AreaAverage.shrink([1, .nan, .nan, .nan, 3, .infinity, .nan, .nan], rows: 2, columns: 4, factor: 2)
        #expect(shrunk.values[0] == 2)
        #expect(shrunk.values[1].isNaN)
    }

    @Test func aFactorOfOneChangesNothing() {
        #expect(AreaAverage.shrink([1, 2], rows: 1, columns: 2, factor: 1).values == [1, 2])
    }
}
