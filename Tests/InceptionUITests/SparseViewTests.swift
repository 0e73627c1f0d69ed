import Foundation
import Testing
@testable import InceptionUI

/// The Sparse view, against the article's matrix counted by hand (see
/// SparseDemoTests): dense 100, sparse 27, blocks 20, padded 80 multiplies,
/// 11 missed positions; [0,0] = 2*4 + 3*1 + 0*3 + 2*2 = 15.
@Suite struct SparseViewTests {
    @Test func startsAtTheFirstWindowAt80x24And200x60() {
        let app = TestBackend.on(.sparse)
        #expect(app.screen.contains("Window at [0, 0], position 1 of 25"))
        #expect(app.screen.contains("dense  4: 2×4+3×1+0×3+2×2 = 15"))
        #expect(app.screen.contains("sparse 3: 2×4+3×1+2×2 = 15"))
        for total in ["dense 100", "sparse 27", "blocks 20", "padded 80"] { #expect(app.screen.contains(total)) }
        // The blocks grid (third of four, columns 43-57) marks the 11 missed positions.
        let grid = app.lines[11...15].map { String($0.dropFirst(43).prefix(15)) }
        #expect(grid.joined().filter { $0 == "x" }.count == 11)
        Snapshot.check(app.canvas, named: "sparse-80x24")
        Snapshot.check(TestBackend.on(.sparse, size: Size(width: 200, height: 60)).canvas, named: "sparse-200x60")
    }

    @Test func arrowsViKeysAndSpaceStepTheWindow() {
        var app = TestBackend.on(.sparse)
        app.press(.right, .character("l"), .down, .character("j"))
        #expect(app.sparse.windowPosition == .init(2, 2))
        app.press(.left, .character("h"), .character("h"), .up, .character("k"), .up)
        #expect(app.sparse.windowPosition == .init(0, 0))
        for _ in 0..<24 { app.type(" ") }
        #expect(app.sparse.windowPosition == .init(4, 4))
        // [4,4] = 1*4 + 0*1 + 0*3 + 0*2 = 4; blocks misses it.
        #expect(app.screen.contains("dense  4: 1×4+0×1+0×3+0×2 = 4"))
        #expect(app.screen.contains("blocks 0: no block holds the whole window"))
        app.type(" ")
        #expect(app.sparse.position == 0)
    }

    @Test func editingACellOutsideTheBlocksChangesWhatIsEqual() {
        var app = TestBackend.on(.sparse)
        app.type("e")
        #expect(app.sparse.focus == .editing)
        for _ in 0..<6 { app.press(.right, .down) }
        #expect(app.sparse.cursor == .init(5, 5))
        app.press(.enter)
        app.answer("1")
        #expect(app.sparse.demo.matrix[5][5] == 1)
        #expect(app.screen.contains("padded differs from dense at 1 position ([4, 4])"))
        // The padded grid (fourth, from column 64) draws its [4, 4] (4, dense 6) in the error style.
        #expect(app.lines[15].hasSuffix("  ·  0  0  1  4") && app.canvas[78, 15].style == app.state.theme.error)
        #expect(app.canvas[75, 15].style != app.state.theme.error)
        Snapshot.check(app.canvas, named: "sparse-edited-80x24")
        app.press(.enter)
        app.answer("12")
        #expect(app.sparse.demo.matrix[5][5] == 1 && app.statusLine.contains("between 0 and 9"))
        app.type("+")
        #expect(app.sparse.demo.matrix[5][5] == 2)
        app.type("--")
        #expect(app.sparse.demo.matrix[5][5] == 0)
        app.type("-")
        #expect(app.sparse.demo.matrix[5][5] == 0)
        app.press(.escape)
        #expect(app.sparse.focus == .demo)
        app.type("e+r")
        #expect(app.sparse.demo == .article)
    }

    /// Ticks until the background timing is done (at most ~20 s).
    func waitForTiming(_ app: inout TestBackend) { app.waitForJobs(seconds: 20) }

    // size 64, k 3: dense 62 * 62 * 9 = 34,596 multiplies.
    @Test func timingRunsInTheBackgroundAndShowsEveryMethod() {
        var app = TestBackend.on(.sparse)
        app.type("t")
        app.press(.enter)
        #expect(app.state.prompt?.prompt.field.text == "size=256 blocks=4 density=0.50 k=3")
        app.answer("size=32")
        #expect(!app.sparse.isTiming && app.statusLine.contains("size 32: must be between 64 and 1024"))
        app.press(.enter)
        app.answer("size=64 blocks=2")
        #expect(app.sparse.isTiming)
        waitForTiming(&app)
        #expect(app.sparse.timing?.rows.count == 4)
        #expect(app.screen.contains("34,596"))
        #expect(app.screen.contains("Least time per useful multiply"))
        // At 80x24 the timing panel has no room for the density sweep; at 200x60 it has.
        #expect(app.sparse.sweep?.timings.count == 5 && !app.screen.contains("Density sweep"))
        app.resize(to: Size(width: 200, height: 60))
        #expect(app.screen.contains("Density sweep") && app.screen.contains("1.00             512"))
        app.resize(to: Size(width: 80, height: 24))
        app.type("x")
        app.answer("csv")
        #expect(app.state.prompt?.prompt.field.text == "./sparse-timing.csv")
        app.press(.escape)
        app.type("t")
        #expect(app.sparse.focus == .demo)
    }
}
