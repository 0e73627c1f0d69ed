import Foundation
import InceptionCore
import Testing
@testable import InceptionUI

/// The real course in the explorer, on the test backend at 80x24 with an empty
/// experiment cache: every lesson opens with no error box, and every widget's
/// renderer draws at 80 columns, in colour and in plain ASCII.
@Suite struct CourseRenderingTests {
    @Test func everyLessonOpensAndEveryWidgetDraws() throws {
        let root = (NSTemporaryDirectory() as NSString).appendingPathComponent("course-ui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let environment = ["XDG_STATE_HOME": root + "/state", "XDG_CACHE_HOME": root + "/cache", "HOME": root]
        let options = ExplorerOptions(capabilities: .full, lessonsDirectory: LessonLocator.packageDirectory)
        let view = LessonsView.load(options: options, environment: environment)
        #expect(view.catalog.lessons.count >= 10)
        var app = TestBackend(options: options, size: Size(width: 80, height: 24),
                              views: ViewID.allCases.map { $0 == .lessons ? view as any ExplorerView : PlaceholderView($0) })
        var placeholders = 0
        for index in view.catalog.lessons.indices {
            app.press(.left, .home)
            for _ in 0..<index { app.press(.down) }
            app.press(.enter)
            let open = try #require(app.lessons.open)
            #expect(open.index == index)
            #expect(!app.lines.contains { $0.contains("[error]") })
            for slot in open.slots {
                if case .failure(let problem) = slot.content { Issue.record("\(problem)") }
                if case .success(.notice(let notice)) = slot.content {
                    placeholders += 1
                    // An experiment's placeholder, or lesson 10's photo run without GoogLeNet weights.
                    #expect(notice.paragraphs.joined().contains(root + "/cache/inception-explorer")
                            || notice.paragraphs.contains { $0.hasPrefix("python3 Scripts/export-googlenet.py ") })
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
        #expect(placeholders >= 5, "every experiment widget shows its placeholder with an empty cache")
    }
}
