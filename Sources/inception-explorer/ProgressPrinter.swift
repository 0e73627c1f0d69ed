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
            + "\(Int(p.imagesPerSecond.rounded())) img/s  \(Self.clock(p.secondsLeft)) left"
        if isTerminal {
            let width = 24, filled = width * p.step / max(1, p.steps)
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
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

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `m:ss`.
    static func clock(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        return "\(s / 60):" + (s % 60 < 10 ? "0" : "") + "\(s % 60)"
    }
}
