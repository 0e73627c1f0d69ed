import InceptionCore
import Testing
@testable import InceptionUI

/// The Costs view. Hand-counted oracle for tiny's 3a (input 16 channels at
/// 16x16, 256 positions, widths 8 8 16 4 8 8), paper convention:
/// reduced weights 16*8 + 16*8 + 8*16*9 + 16*4 + 4*8*25 + 16*8 = 2,400 -> 614,400
/// multiplies; naive 16*8 + 16*16*9 + 16*8*25 = 5,632 -> 1,441,792; saved 57%.
/// 3a's output is 8 + 16 + 8 + 8 = 40 channels, 3b's input.
@Suite struct CostsViewTests {
    func inputChannels(of module: String, _ view: CostsView) -> Int? {
        CostModel(view.network).layers().first { $0.layer.name.hasSuffix(module) }?.input.c
    }

    @Test func tableShowsHandCountedNumbersAt80x24() {
        let app = TestBackend.on(.costs)
        let row = app.lines.first { $0.contains("▶3a") } ?? ""
        #expect(row.contains("2.4K") && row.contains("5.6K") && row.contains("614K") && row.contains("1.4M") && row.contains("57%"))
        Snapshot.check(app.canvas, named: "costs-80x24")
    }

    @Test func googlenetScrollsAt80x24AndFitsAt200x60() {
        var app = TestBackend.on(.costs)
        app.type("p")
        app.press(.down, .down, .down, .down, .down, .down, .down, .down)
        #expect(app.costs.module == 8)
        #expect(app.screen.contains("▶5b") && !app.screen.contains(" 3a "))
        #expect(app.screen.contains("of 9"))
        Snapshot.check(app.canvas, named: "costs-googlenet-80x24")
        var wide = TestBackend.on(.costs, size: Size(width: 200, height: 60))
        wide.type("p")
        Snapshot.check(wide.canvas, named: "costs-googlenet-200x60")
    }

    @Test func arrowsAndViKeysSelectAndStopAtTheEdges() {
        var app = TestBackend.on(.costs)
        app.press(.down, .character("j"), .character("j"))
        #expect(app.costs.module == 2)
        app.press(.character("k"), .up, .up)
        #expect(app.costs.module == 0)
        app.press(.right, .character("l"))
        #expect(app.costs.field == 2)
        for _ in 0..<8 { app.press(.character("l")) }
        #expect(app.costs.field == 5)
        app.press(.left, .character("h"))
        #expect(app.costs.field == 3)
    }

    @Test func plusMinusDoubleHalveAndDownstreamFollows() {
        var app = TestBackend.on(.costs)
        app.type("+")
        #expect(app.costs.network.modules[0].widths.n1x1 == 9)
        #expect(inputChannels(of: "3b", app.costs) == 41)
        #expect(app.statusLine.hasSuffix("3a.n1x1 = 9"))
        app.type("-->")
        #expect(app.costs.network.modules[0].widths.n1x1 == 14)
        app.type("<")
        #expect(app.costs.network.modules[0].widths.n1x1 == 7)
        #expect(app.screen.contains("1 change") || app.screen.contains("changes"))
    }

    @Test func typedValuesAndRefusedValuesLeaveTheStateAlone() {
        var app = TestBackend.on(.costs)
        app.press(.enter)
        #expect(app.state.prompt?.prompt.label == "New 3a.n1x1")
        app.answer("12")
        #expect(app.costs.network.modules[0].widths.n1x1 == 12)
        let before = app.costs.network
        app.press(.enter)
        app.answer("abc")
        #expect(app.costs.network == before)
        #expect(app.statusLine.contains("'abc' is not a whole number"))
        app.press(.enter)
        app.answer("-3")
        #expect(app.costs.network == before)
        #expect(app.statusLine.contains("cannot be negative"))
        // n3x3red down to 0 while the 3x3 branch exists: refused with the reason.
        app.press(.right)
        app.type("<<<-")
        #expect(app.costs.network.modules[0].widths.n3x3red == 1)
        #expect(app.state.message?.contains("3x3 branch exists") == true && app.statusLine.hasSuffix("to remove the branch"))
        #expect(app.screen.contains("remove the branch (nothing changed)"))
        Snapshot.check(app.canvas, named: "costs-refused-80x24")
        app.press(.down)
        #expect(app.costs.refusal == nil && !app.screen.contains("nothing changed"))
    }

    /// Five-digit widths keep a space before the next column: 65,536 reads 66K, so 3x3r's
    /// 8 and 3x3's width never run together as "865536".
    @Test func fiveDigitWidthsStayInTheirColumn() {
        var app = TestBackend.on(.costs)
        app.press(.right, .right, .enter)
        #expect(app.state.prompt?.prompt.label == "New 3a.n3x3")
        app.answer("65536")
        #expect(app.costs.network.modules[0].widths.n3x3 == 65_536)
        let row = app.lines.first { $0.contains("3a ") && $0.contains("66K") } ?? ""
        #expect(row.contains("    8  66K    4") && !row.contains("865536"), "\(row)")
        #expect(CostsView.widthText(9_999) == "9999" && CostsView.widthText(10_000) == "10K" && CostsView.widthText(65_536) == "66K")
    }

    @Test func undoResetAndPresetCycle() {
        var app = TestBackend.on(.costs)
        app.type("++")
        app.type("u")
        #expect(app.costs.network.modules[0].widths.n1x1 == 9)
        app.type("r")
        #expect(app.costs.network == Preset.tiny.description)
        app.type("u")
        #expect(app.costs.network.modules[0].widths.n1x1 == 9)
        app.type("uu")
        #expect(app.costs.network == Preset.tiny.description)
        #expect(app.statusLine.contains("nothing to undo"))
        app.press(.down, .down)
        app.type("p")
        #expect(app.costs.preset == .googlenet && app.costs.module == 2)
        for _ in 0..<6 { app.press(.down) }
        app.type("p")
        #expect(app.costs.preset == .torchvision && app.costs.module == 8)
        app.type("p")
        #expect(app.costs.preset == .tiny && app.costs.module == 2)
        app.type("u")
        #expect(app.costs.preset == .torchvision)
    }

    @Test func conventionUnitAndWholeNaiveShowInTheHeader() {
        var app = TestBackend.on(.costs)
        #expect(app.lines[1].contains("paper (c)") && app.lines[1].contains("multiply-adds (f)"))
        app.type("c")
        #expect(app.costs.convention == .torchinfo && app.lines[1].contains("torchinfo (c)"))
        app.type("ccc")
        #expect(app.costs.convention == .paper)
        app.type("f")
        #expect(app.costs.unit == .flops && app.lines[1].contains("FLOPs (f)"))
        // FLOPs double the paper's multiply-adds: 3a 614,400 -> 1,228,800.
        #expect((app.lines.first { $0.contains("▶3a") } ?? "").contains("1.2M"))
        app.type("w")
        #expect(app.costs.wholeNaive && app.lines[1].contains("whole network (w)"))
        // Whole naive: 3b reads naive 3a's 8 + 16 + 8 + 16 (its input passed through) = 48.
        #expect((app.lines.first { $0.contains(" 3b ") } ?? "").contains(" 48 "))
    }

    // Reduce to 1: 192*1 + 1*256*9 = 2,496 weights, x 1,024 positions = 2,555,904.
    @Test func workedExampleReduceWidth() {
        var app = TestBackend.on(.costs)
        #expect(app.screen.contains("452,984,832") && app.screen.contains("245,366,784") && app.screen.contains("54.2%"))
        app.type("e+")
        #expect(app.costs.focus == .example && app.costs.example.reduce == 97)
        app.type("<")
        #expect(app.costs.example.reduce == 48)
        app.press(.enter)
        app.answer("0")
        #expect(app.costs.example.reduce == 48 && app.statusLine.contains("--reduce 0"))
        app.press(.enter)
        app.answer("1")
        #expect(app.screen.contains("2,496") && app.screen.contains("2,555,904"))
        Snapshot.check(app.canvas, named: "costs-example-80x24")
        app.type("r")
        #expect(app.costs.example.reduce == 96)
        app.type("e")
        #expect(app.costs.focus == .modules)
    }

    @Test func helpListsTheViewsKeys() {
        var app = TestBackend.on(.costs)
        app.type("?")
        #expect(app.screen.contains("whole naive") && app.screen.contains("export the table"))
    }
}
