import Foundation
import InceptionCore
import Testing
@testable import InceptionUI
import TestScratch

/// The real course in the explorer, on the test backend at 80x24 with an empty
/// experiment cache: every lesson opens with no error box, every experiment widget
/// shows the shipped result (none says "not run yet"), and every widget's renderer
/// draws at 80 columns, in colour and in plain ASCII.
@Suite struct CourseRenderingTests {
    /// The package's lessons in the explorer, with a home where nothing is saved yet.
    func course(_ size: Size) throws -> TestBackend {
        let root = try TestScratch.directory("course-ui")
        let environment = ["XDG_STATE_HOME": root + "/state", "XDG_CACHE_HOME": root + "/cache", "HOME": root]
        let options = ExplorerOptions(capabilities: .full, lessonsDirectory: LessonLocator.packageDirectory)
        let view = LessonsView.load(options: options, environment: environment)
        return TestBackend(options: options, size: size, views: ViewID.allCases.map { $0 == .lessons ? view as any ExplorerView : BlankView($0) })
    }

    @Test func everyLessonOpensAndEveryWidgetDraws() throws {
        var app = try course(Size(width: 80, height: 24))
        let view = app.lessons
        #expect(view.catalog.lessons.count >= 10)
        var placeholders = 0, shipped = 0
        for index in view.catalog.lessons.indices {
            app.press(.left, .home)
            for _ in 0..<index { app.press(.down) }
            app.press(.enter)
            let open = try #require(app.lessons.open)
            #expect(open.index == index)
            #expect(!app.lines.contains { $0.contains("[error]") })
            for slot in open.slots {
                if case .failure(let problem) = slot.content { Issue.record("\(problem)") }
                if case .success(.notice(let notice)) = slot.content, notice.title.contains("not run yet") { placeholders += 1 }
                if case .success(.table(let table)) = slot.content, table.notes.contains(where: { $0.hasPrefix("Shipped with the package") }) {
                    shipped += 1
                }
                for capabilities in [Capabilities.full, Capabilities(color: .none, unicode: false)] {
                    let renderer = WidgetRenderers.renderer(for: slot, context: WidgetContext(result: nil, selected: false, capabilities: capabilities))
                    let height = renderer.height(width: 80)
                    #expect(height > 0)
                    var canvas = Canvas(width: 80, height: height, asciiOnly: !capabilities.unicode)
                    renderer.render(into: &canvas, area: Rect(x: 0, y: 0, width: 80, height: height), theme: Theme(capabilities))
                    #expect(canvas.lines().contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
                }
            }
        }
        #expect(placeholders == 0, "with an empty cache every experiment widget shows the shipped result")
        #expect(shipped >= 6)
    }

    /// Prose keeps to 100 columns, but a table may take the whole panel: at 200x60 the
    /// scale experiment's 101-column table in lesson 4 stays a table, with its header.
    @Test func wideTablesUseThePanelsWidth() throws {
        var app = try course(Size(width: 200, height: 60))
        for _ in 0..<3 { app.press(.down) }
        app.press(.enter, .end, .character("s"), .end)
        #expect(app.lessons.open?.index == 3)
        let header = try #require(app.lines.first { $0.contains("object_scale") })
        #expect(header.contains("object_scale  seed  energy_1x1  energy_3x3  energy_5x5  energy_pool  share_5x5"))
    }
}
