import Foundation
@testable import InceptionUI
import TestScratch

/// The views that load nothing from disk, with blank tabs for the rest.
func builtViews() -> [any ExplorerView] {
    [BlankView(.lessons), BlankView(.network), CostsView(), SparseView(repeats: 1), HeadsView(), BlankView(.experiments)]
}

/// Fills a tab a test does not look at, so the test builds only the view it checks.
struct BlankView: ExplorerView {
    let id: ViewID
    init(_ id: ViewID) { self.id = id }
    var keyBindings: [KeyBinding] { [] }
    func render(into canvas: inout Canvas, area: Rect, theme: Theme) {}
}

extension TestBackend {
    /// A test backend at `size` on view `tab`, with the built views.
    static func on(_ tab: ViewID, size: Size = Size(width: 80, height: 24)) -> TestBackend {
        var app = TestBackend(size: size, views: builtViews())
        app.type("\(tab.rawValue)")
        return app
    }

    /// Empties the open text field and types `text` into it.
    mutating func replaceField(with text: String) {
        press(.end)
        for _ in 0..<(state.prompt?.prompt.field.text.count ?? 0) { press(.backspace) }
        type(text)
    }

    /// Answers the open field with `text` and Enter.
    mutating func answer(_ text: String) {
        replaceField(with: text)
        press(.enter)
    }

    /// The status line's text.
    var statusLine: String { lines[state.size.height - 1] }

    var costs: CostsView { state.views[2] as! CostsView }
    var sparse: SparseView { state.views[3] as! SparseView }
    var heads: HeadsView { state.views[4] as! HeadsView }
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
    URL(fileURLWithPath: try TestScratch.directory("views"), isDirectory: true)
}
