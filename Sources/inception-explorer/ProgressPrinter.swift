import Foundation
import InceptionCore

/// Shows a training run's progress on stderr: a bar redrawn in place on a terminal,
/// plain lines (every tenth of the run) when stderr is a file or a pipe.
struct ProgressPrinter {
    let label: String
    let isTerminal = isatty(2) != 0
    private var lastLine = -1

    init(label: String) { self.label = label }

    mutating func show(_ p: TrainingProgress) {
        let stats = "step \(p.step)/\(p.steps)  loss \(String(format: "%.3f", p.loss))  "
            + "acc \(String(format: "%5.1f", 100 * p.accuracy))%  "
            + "\(Int(p.imagesPerSecond.rounded())) img/s  \(NumberText.clock(p.secondsLeft)) left"
        if isTerminal {
            let bar = Self.bar(Double(p.step) / Double(max(1, p.steps)))
            write("\r\(label) [\(bar)] \(stats)\u{1B}[K" + (p.step == p.steps ? "\n" : ""))
        } else {
            let tenth = 10 * p.step / max(1, p.steps)
            guard tenth != lastLine else { return }
            lastLine = tenth
            write("\(label): \(stats)\n")
        }
    }

    /// Ends a bar that stopped before its last step (a cancelled run).
    func finish() {
        if isTerminal { write("\n") }
    }

    private func write(_ text: String) { Self.write(text) }

    /// Writes `text` to stderr as it is (no newline added).
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A 24-cell bar with `fraction` (0...1) of it filled: `#####...`.
    static func bar(_ fraction: Double, width: Int = 24) -> String {
        let filled = min(width, max(0, Int(Double(width) * fraction)))
        return String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    }
}
