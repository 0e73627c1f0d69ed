import Foundation
import Testing
@testable import InceptionUI

/// Text snapshots stored next to the tests in `Snapshots/NAME.txt`: a canvas is
/// stored as its glyphs, then its styles (a legend, and a letter per cell), so a
/// lost colour or bold fails like a lost character. With
/// `RECORD_SNAPSHOTS=1` in the environment the snapshot is (re)written and the
/// test FAILS, so recording never passes silently: read the new file, then run
/// again without the variable.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"

    /// Checks the canvas's glyphs and the style of every cell.
    static func check(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        check(canvas.lines() + styleLines(canvas), named: name, sourceLocation: sourceLocation)
    }

    /// The styles section: each style other than plain gets a key, in order of
    /// first appearance, then one row of keys per canvas row ("." plain,
    /// trailing plain cells left off).
    static func styleLines(_ canvas: Canvas) -> [String] {
        let keys = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var order: [Style] = []
        var index: [Style: Int] = [:]
        var rows: [String] = []
        for y in 0..<canvas.height {
            var row = ""
            for x in 0..<canvas.width {
                let style = canvas[x, y].style
                if style == .plain {
                    row.append(".")
                    continue
                }
                if index[style] == nil {
                    index[style] = order.count
                    order.append(style)
                }
                let k = index[style]!
                row.append(k < keys.count ? keys[k] : "?")
            }
            while row.last == "." { row.removeLast() }
            rows.append(row)
        }
        let legend = order.enumerated().map { k, style in "\(k < keys.count ? keys[k] : "?") \(describe(style))" }
        return ["--- styles (. is plain) ---"] + legend + ["--- style of each cell ---"] + rows
    }

    static func describe(_ style: Style) -> String {
        let attributes: [(Attributes, String)] = [(.bold, "bold"), (.reverse, "reverse"), (.dim, "dim"), (.underline, "underline")]
        return (["fg \(style.fg.index)", "bg \(style.bg.index)"] + attributes.filter { style.attributes.contains($0.0) }.map(\.1))
            .joined(separator: " ")
    }

    static func check(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = lines.joined(separator: "\n") + "\n"
        let file = directory.appendingPathComponent("\(name).txt")
        if recording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: file)
            Issue.record("recorded snapshot \(name); check it and run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let data = try? Data(contentsOf: file), let expected = String(data: data, encoding: .utf8) else {
            Issue.record("no snapshot \(name).txt; run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let got = text.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(got, want)).firstIndex { $0.0 != $0.1 } ?? min(got.count, want.count)
            let gotLine = first < got.count ? String(got[first]) : "(none)"
            let wantLine = first < want.count ? String(want[first]) : "(none)"
            Issue.record("snapshot \(name) differs at line \(first + 1):\n  got:  \(gotLine)\n  want: \(wantLine)\n\(text)", sourceLocation: sourceLocation)
        }
    }
}
