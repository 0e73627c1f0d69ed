import Foundation
import InceptionCore
import Testing
@testable import InceptionUI

/// `x` in every built view: format question, path question (default named
/// after the view), the file written atomically, the outcome in the status line.
@Suite struct ExportTests {
    @Test func defaultPathIsNamedAfterTheViewAndFormat() {
        var app = TestBackend.on(.costs)
        app.type("x")
        #expect(app.state.prompt?.prompt.label == "Export format (text, markdown, csv, json)")
        Snapshot.check(app.canvas, named: "export-prompt-80x24")
        app.answer("csv")
        #expect(app.state.prompt?.prompt.field.text == "./costs.csv")
        app.press(.escape)
        #expect(app.state.prompt == nil && app.effects.isEmpty)
        for (tab, name) in [(ViewID.sparse, "./sparse.md"), (.heads, "./heads.md")] {
            var other = TestBackend.on(tab)
            other.type("x")
            other.answer("markdown")
            #expect(other.state.prompt?.prompt.field.text == name)
        }
    }

    @Test func unknownFormatIsRefused() {
        var app = TestBackend.on(.heads)
        app.type("x")
        app.answer("xml")
        #expect(app.state.prompt == nil)
        #expect(app.statusLine.contains("unknown format 'xml'"))
    }

    /// Exports from `tab` after typing `keys`, in `format`, into a fresh
    /// directory; returns the written file's bytes.
    func exported(from tab: ViewID, after keys: String = "", format: String) throws -> Data {
        let dir = try temporaryDirectory()
        var app = TestBackend.on(tab)
        app.type(keys + "x")
        app.answer(format)
        let path = dir.appendingPathComponent("table").path
        app.answer(path)
        app.performEffects()
        #expect(app.statusLine.hasSuffix("wrote \(path)"))
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func costsCSVHoldsTheEditedWidth() throws {
        let text = String(decoding: try exported(from: .costs, after: "+", format: "csv"), as: UTF8.self)
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        #expect(header.first == "layer")
        let row3a = try #require(rows.first { $0.first == "inception_3a" })
        #expect(row3a[header.firstIndex(of: "n1x1")!] == "9")
        // 3b reads 3a's 9 + 16 + 8 + 8 = 41 channels.
        let row3b = try #require(rows.first { $0.first == "inception_3b" })
        #expect(row3b[header.firstIndex(of: "in_c")!] == "41")
    }

    @Test func sparseJSONHasTheHandCountedTotals() throws {
        let object = try JSONSerialization.jsonObject(with: exported(from: .sparse, format: "json")) as? [String: Any]
        let counts = ["dense": 100, "sparse": 27, "blocks": 20, "padded": 80]
        for (method, count) in counts {
            #expect((object?[method] as? [String: Any])?["multiplies"] as? Int == count)
        }
        #expect((object?["missed"] as? [Any])?.count == 11)
    }

    @Test func unwritablePathsAreErrorsAndLeaveNoFile() throws {
        let dir = try temporaryDirectory()
        var app = TestBackend.on(.heads)
        app.type("x")
        app.answer("text")
        let missing = dir.appendingPathComponent("no/such/heads.txt").path
        app.answer(missing)
        app.performEffects()
        #expect(app.statusLine.contains("could not write"))
        #expect(!FileManager.default.fileExists(atPath: missing))
        // A directory in the way: the rename fails and the temporary file goes.
        let blocked = dir.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
        app.type("x")
        app.answer("text")
        app.answer(blocked.path)
        app.performEffects()
        #expect(app.state.message?.hasPrefix("could not write \(blocked.path)") == true && app.statusLine.hasSuffix("it is a directory"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["taken"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: blocked.path).isEmpty)
    }

    @Test func emptyPathWritesNothing() {
        var app = TestBackend.on(.costs)
        app.type("x")
        app.answer("text")
        app.answer("  ")
        #expect(app.effects.isEmpty && app.statusLine.contains("no path given"))
    }
}

/// `x` on a lesson widget exports its table: tiny's 3a has widths 8 8 16 4 8 8
/// and writes 8 + 16 + 8 + 8 = 40 channels.
@Suite struct LessonWidgetExportTests {
    @Test func selectedWidgetTableIsExported() throws {
        let fixture = try LessonsFixture()
        defer { fixture.remove() }
        var app = fixture.app(Size(width: 80, height: 24))
        app.press(.enter, .character("x"))
        #expect(app.state.prompt == nil && app.statusLine.contains("n selects a widget with a table"))
        app.press(.character("n"), .character("x"))
        app.answer("csv")
        #expect(app.state.prompt?.prompt.field.text == "./widget.csv")
        let path = fixture.root + "/widget.csv"
        app.answer(path)
        app.performEffects()
        #expect(app.statusLine.hasSuffix("wrote \(path)"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("n1x1,n3x3red,n3x3,n5x5red,n5x5,poolproj"))
        #expect(text.contains("8,8,16,4,8,8,40"))
    }
}
