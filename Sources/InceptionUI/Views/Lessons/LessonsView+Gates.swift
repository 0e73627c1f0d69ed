import InceptionCore

/// Gated predictions in the open lesson (`PredictionGate`): which widgets are folded,
/// skipping with `s`, and scrolling an answered question's explanation into view.
extension LessonsView {
    /// The open lesson's folded widgets, each with the id of the question holding it.
    var foldedSlots: [Int: String] {
        guard let open else { return [:] }
        return PredictionGate.folded(open.slots.map(\.question), record: progress.lessons[catalog.lessons[open.index].entry.fileName])
    }

    /// `s`: skips the gate of the selected question or folded widget, else the first
    /// folded widget on screen, and remembers it with the lesson's progress.
    mutating func skipPrediction(area: Rect) -> [ViewCommand] {
        guard let open else { return [] }
        let folded = foldedSlots
        let panels = Self.panels(area), text = panels.text
        let rows = page(panels)?.widgetRows ?? []
        let onScreen = folded.keys.sorted().first { slot in
            rows.indices.contains(slot) && rows[slot].lowerBound < open.scroll + text.height && rows[slot].upperBound > open.scroll
        }
        let selected = open.widget.flatMap { folded[$0] != nil ? $0 : (folded[$0 + 1] != nil ? $0 + 1 : nil) }
        guard let slot = selected ?? onScreen, let id = folded[slot] else {
            return [.message("nothing to skip: s opens a widget folded behind a prediction")]
        }
        progress.skip(question: id, lesson: catalog.lessons[open.index].entry.fileName)
        return saveProgress() + [.message("skipped the prediction; the widget below it is open")]
    }

    /// After an answer the question grows by the verdict and the explanation (and the
    /// widget it held unfolds): scroll so the whole question is on screen, its end
    /// first when it is taller than the panel.
    mutating func showWholeQuestion(_ slot: Int, area: Rect) {
        guard var lesson = open else { return }
        let panels = Self.panels(area), text = panels.text
        guard let page = page(panels), page.widgetRows.indices.contains(slot) else { return }
        let rows = page.widgetRows[slot]
        let limit = max(0, page.lines.count - text.height)
        lesson.scroll = min(max(0, max(min(lesson.scroll, rows.lowerBound), rows.upperBound - text.height)), limit)
        open = lesson
    }
}
