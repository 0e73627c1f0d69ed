import Foundation
import Testing
@testable import InceptionCore

/// Walks the real `Lessons/` of this package: every lesson parses, every widget
/// computes, and every line fits 80 columns.
@Suite struct CourseTests {
    private let directory = LessonLocator.packageDirectory

    @Test func everyLessonRendersWithoutError() throws {
        let library = try LessonLibrary(directory: directory)
        #expect(!library.lessons.isEmpty)
        for lesson in library.lessons {
            let document = try library.document(for: lesson)
            #expect(lesson.title != String(lesson.fileName.dropLast(3)), "\(lesson.fileName) has no heading")
            for block in document.blocks {
                if case .error(let problem) = block.kind { Issue.record("\(problem)") }
            }
            for directive in document.directives {
                if case .failure(let problem) = WidgetRegistry.standard.evaluate(directive) { Issue.record("\(problem)") }
            }
            let lines = LessonTextRenderer(width: 80).render(document)
            #expect(!lines.contains { $0.hasPrefix("[error]") }, "\(lesson.fileName)")
            for line in lines where line.count > 80 { Issue.record("\(lesson.fileName): wider than 80: \(line)") }
        }
    }

    /// The format guide must mention every widget and every argument it takes.
    @Test func readmeDocumentsEveryWidget() throws {
        let readme = try String(contentsOfFile: directory + "/README.md", encoding: .utf8)
        for definition in WidgetRegistry.standard.definitions {
            #expect(readme.contains("### `\(definition.name)`"), "README lacks a section for \(definition.name)")
            for argument in definition.arguments {
                #expect(readme.contains("| `\(argument.name)`"), "README lacks \(definition.name) argument \(argument.name)")
            }
        }
    }
}
