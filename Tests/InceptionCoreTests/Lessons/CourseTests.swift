import Foundation
import Testing
@testable import InceptionCore

/// Walks the real `Lessons/` of this package with an empty experiment cache and no
/// weights file: every lesson parses, every widget computes (experiments show their
/// placeholder, nothing trains), every check question's answer resolves, every lesson
/// asks at least three questions with at least one gated prediction, and every line
/// of `lessons show` fits 80 columns.
@Suite struct CourseTests {
    private let directory = LessonLocator.packageDirectory

    @Test func everyLessonRendersWithoutError() throws {
        let env = try TemporaryWidgetEnvironment()
        let library = try LessonLibrary(directory: directory)
        #expect(library.lessons.count >= 10)
        for lesson in library.lessons {
            let document = try library.document(for: lesson)
            #expect(lesson.title != String(lesson.fileName.dropLast(3)), "\(lesson.fileName) has no heading")
            for block in document.blocks {
                if case .error(let problem) = block.kind { Issue.record("\(problem)") }
            }
            var questions: [CheckQuestion?] = []
            for directive in document.directives {
                let content = env.registry.evaluate(directive)
                if case .success(.question(let question)) = content { questions.append(question) } else { questions.append(nil) }
                switch content {
                case .failure(let problem): Issue.record("\(problem)")
                case .success(.question): break
                case .success(.notice(let notice)):
                    // Only an experiment's placeholder is a notice.
                    #expect(notice.paragraphs.joined().contains("inception-explorer experiment"), "\(lesson.fileName)")
                case .success: break
                }
            }
            let asked = questions.compactMap { $0 }
            #expect(asked.count >= 3, "\(lesson.fileName) has \(asked.count) check questions")
            #expect(asked.contains { $0.gates }, "\(lesson.fileName) has no gated prediction (gate=true)")
            // A gate folds the widget after it, which must be there and not another question.
            for (slot, id) in PredictionGate.gates(questions) where questions[slot] != nil {
                Issue.record("\(lesson.fileName): the gated question \(id) is followed by another question")
            }
            for (index, question) in questions.enumerated() where question?.gates == true && index == questions.count - 1 {
                Issue.record("\(lesson.fileName): the gated question \(question!.id) has no widget after it")
            }
            let lines = LessonTextRenderer(width: 80, registry: env.registry).render(document)
            #expect(!lines.contains { $0.hasPrefix("[error]") }, "\(lesson.fileName)")
            for line in lines where line.count > 80 { Issue.record("\(lesson.fileName): wider than 80: \(line)") }
        }
    }

    /// Computed answers (`@...`) resolve to the value the tool computes, not to a typed number.
    @Test func everyComputedAnswerResolves() throws {
        let library = try LessonLibrary(directory: directory)
        var computed = 0
        for lesson in library.lessons {
            for directive in try library.document(for: lesson).directives where directive.name == "question" {
                guard let answer = directive.arguments.first(where: { $0.key == "answer" })?.value,
                      answer.first == ComputedValue.marker else { continue }
                computed += 1
                #expect(throws: Never.self, "\(lesson.fileName): \(answer)") { try ComputedValue.resolve(String(answer.dropFirst())) }
            }
        }
        #expect(computed >= 10)
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
        let experimentRow = try #require(readme.split(separator: "\n").first { $0.hasPrefix("| `name`   | yes      | `bottleneck`") })
        for name in ExperimentName.allCases { #expect(experimentRow.contains("`\(name.rawValue)`"), "README lacks experiment \(name.rawValue)") }
    }
}
