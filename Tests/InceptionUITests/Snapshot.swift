import Foundation
import Testing

/// Text snapshots stored next to the tests in `Snapshots/NAME.txt`. With
/// `RECORD_SNAPSHOTS=1` in the environment the snapshot is (re)written and the
/// test FAILS, so recording never passes silently: read the new file, then run
/// again without the variable.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"

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
