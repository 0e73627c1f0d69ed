import Foundation
import Testing
@testable import InceptionCore

/// The article's Figure 4, counted by hand:
/// non-zeros (0,0) (0,1) (1,1) (2,2) (2,3) (3,2) (3,4) (4,4); a 2x2 window at [r,c]
/// covers rows r...r+1 and columns c...c+1 of the 6x6 matrix (25 positions).
@Suite struct SparseDemoTests {
    let demo = SparseDemo.article

    // dense 25*4 = 100. sparse: each non-zero is under as many windows as contain
    // it: (0,0) 1, (0,1) 2, the other six 4 each -> 27. blocks: the 2x2 block
    // gives 1 window, the 3x3 block 2x2 = 4 windows, x4 -> 20. padded: windows
    // touching the 2x2 block r,c in 0...1 (4), the 3x3 block r,c in 1...4 (16),
    // x4 -> 80.
    @Test func multiplies() {
        #expect(demo.multiplies(.dense) == 100)
        #expect(demo.multiplies(.sparse) == 27)
        #expect(demo.multiplies(.blocks) == 20)
        #expect(demo.multiplies(.padded) == 80)
        #expect(demo.positions.count == 25)
    }

    // [0,0] = 2*4 + 3*1 + 0*3 + 2*2 = 15; [0,1] = 3*4 + 0*1 + 2*3 + 0*2 = 18;
    // [3,4] = 3*4 + 0*1 + 1*3 + 0*2 = 15; [1,1] = 2*4 + 0 + 0 + 1*2 = 10.
    @Test func denseOutputByHand() {
        let dense = demo.output(.dense)
        #expect(dense[0][0] == 15)
        #expect(dense[0][1] == 18)
        #expect(dense[3][4] == 15)
        #expect(dense[1][1] == 10)
        #expect(dense[0][4] == 0)
    }

    // blocks computes [0,0] and [2,2] [2,3] [3,2] [3,3] only. Every other position
    // whose window holds a non-zero is missed: [0,1] [1,0] [1,1] [1,2] [1,3] [2,1]
    // [2,4] [3,1] [3,4] [4,3] [4,4] -> 11.
    @Test func missedPositions() {
        let expected = [(0, 1), (1, 0), (1, 1), (1, 2), (1, 3), (2, 1), (2, 4), (3, 1), (3, 4), (4, 3), (4, 4)]
        #expect(demo.missed == expected.map { SparseDemo.Position($0.0, $0.1) })
        let blocks = demo.output(.blocks)
        #expect(blocks.flatMap { $0 }.compactMap { $0 }.count == 5)
        #expect(blocks[0][1] == nil)
    }

    // Where padded computes, it equals dense (all non-zeros lie in the blocks);
    // where it computes nothing the dense result is 0.
    @Test func paddedEqualsDense() {
        let dense = demo.output(.dense), padded = demo.output(.padded)
        for p in demo.positions {
            #expect(padded[p.row][p.column] ?? 0 == dense[p.row][p.column])
        }
        // [1,1] touches both blocks: 4 + 4 products.
        #expect(demo.products(.padded, at: .init(1, 1)).count == 8)
        #expect(Set(demo.products(.padded, at: .init(1, 1)).compactMap(\.block)) == [0, 1])
    }

    @Test func perPositionProducts() {
        // Window [2,2]: 1*4, 2*1, 2*3, 0*2; CSR does the three non-zero ones.
        let sparse = demo.products(.sparse, at: .init(2, 2))
        #expect(sparse.map(\.value) == [4, 2, 6])
        #expect(demo.products(.dense, at: .init(2, 2)).map(\.value) == [4, 2, 6, 0])
    }

    @Test func anEntryOutsideEveryBlockIsMissedByBothBlockMethods() throws {
        var matrix = demo.matrix
        matrix[5][0] = 7
        let edited = try SparseDemo(matrix: matrix, kernel: demo.kernel, blocks: demo.blocks)
        // 7 sits under window [4,0] only: weight 3 -> 21.
        #expect(edited.output(.dense)[4][0] == 21)
        #expect(edited.output(.padded)[4][0] == nil)
        #expect(edited.multiplies(.sparse) == 28)
    }

    @Test func jsonShape() throws {
        let text = demo.table().rendered(as: .json)
        let object = try #require(try JSONSerializationHelper.object(text) as? [String: Any])
        for key in ["dense", "sparse", "blocks", "padded"] {
            let method = try #require(object[key] as? [String: Any])
            #expect(method["multiplies"] is Int)
            #expect((method["output"] as? [[Any]])?.count == 5)
        }
        #expect((object["missed"] as? [[Int]])?.count == 11)
        let blocks = try #require((object["blocks"] as? [String: Any])?["output"] as? [[Any]])
        #expect(blocks[0][0] as? Int == 15)
        #expect(blocks[0][1] is NSNull)
    }

    @Test func tableTotalsRow() throws {
        let total = try #require(demo.table().row(named: "total"))
        #expect(Array(total[2...5]) == [100, 27, 20, 80].map(TableCell.integer))
        #expect(total.last == .integer(11))
    }

    @Test func badShapes() {
        #expect(throws: UserError.self) { try SparseDemo(matrix: [[1, 2], [3]], kernel: [[1]], blocks: []) }
        #expect(throws: UserError.self) { try SparseDemo(matrix: [[1]], kernel: [[1, 1]], blocks: []) }
        #expect(throws: UserError.self) {
            try SparseDemo(matrix: [[1, 2], [3, 4]], kernel: [[1]], blocks: [.init(row: 1, column: 1, rows: 2, columns: 1)])
        }
        #expect(throws: UserError.self) {
            try SparseDemo(matrix: [[1, 2], [3, 4]], kernel: [[1]],
                           blocks: [.init(row: 0, column: 0, rows: 2, columns: 2), .init(row: 1, column: 1, rows: 1, columns: 1)])
        }
    }
}
