import ArgumentParser
import Foundation
import InceptionCore

/// `inception-explorer lessons`: the course as plain text, for pipes and screen readers.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the lessons or print one as plain text.",
        subcommands: [LessonsListCommand.self, LessonsShowCommand.self],
        defaultSubcommand: LessonsListCommand.self
    )
}

/// Where the lessons are, shared by `lessons list` and `lessons show`.
struct LessonsOptions: ParsableArguments {
    @Option(name: .customLong("lessons"), help: ArgumentHelp(
        "The lessons directory (default: $INCEPTION_EXPLORER_LESSONS, ./Lessons, then the package's Lessons/).",
        valueName: "dir"))
    var directory: String?

    func library() throws -> LessonLibrary {
        let environment = ProcessInfo.processInfo.environment
        return try LessonLibrary(directory: LessonLocator.locate(option: directory, environment: environment).directory)
    }

    /// Saved progress; a problem with the file is reported on stderr, never fatal.
    func progress() -> (store: ProgressStore?, progress: LessonProgress) {
        guard let store = try? ProgressStore(environment: ProcessInfo.processInfo.environment) else {
            return (nil, LessonProgress())
        }
        let (progress, warning) = store.load()
        if let warning { warn(warning) }
        return (store, progress)
    }

    func warn(_ message: String) {
        FileHandle.standardError.write(Data("inception-explorer: warning: \(message)\n".utf8))
    }
}

/// `lessons list`: number, seen mark and title of every lesson.
struct LessonsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the lessons, with [x] for those already opened."
    )

    @OptionGroup var options: LessonsOptions

    func run() throws {
        let library = try options.library()
        guard !library.lessons.isEmpty else { throw UserError("there are no lessons in \(library.directory)") }
        let progress = options.progress().progress
        let digits = String(library.lessons.count).count
        for lesson in library.lessons {
            let mark = progress.isSeen(lesson.fileName) ? "[x]" : "[ ]"
            let number = String(repeating: " ", count: digits - String(lesson.number).count) + String(lesson.number)
            print("\(mark) \(number). \(lesson.title)")
        }
    }
}

/// `lessons show N`: one lesson wrapped to a width, widgets computed; marks it seen.
struct LessonsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print lesson N as plain text, widgets computed, and mark it seen."
    )

    @Argument(help: "The lesson number, as `lessons list` shows it.")
    var number: Int

    @Option(help: "Wrap lines to this many columns.")
    var width = 80

    @Option(help: ArgumentHelp("The tiny network's weights for widgets that run it (default: the package's Weights/tiny.safetensors).",
                               valueName: "file"))
    var weights: String?

    @OptionGroup var options: LessonsOptions

    func run() throws {
        guard width >= LessonTextRenderer.minimumWidth else {
            throw UserError("--width \(width): lessons need at least \(LessonTextRenderer.minimumWidth) columns")
        }
        // The seeded stand-in is for a missing shipped file; a file the user names must load.
        if let weights { _ = try WeightsLocator.network(option: weights) }
        let library = try options.library()
        let lesson = try library.lesson(number: number)
        let registry = WidgetRegistry.standard.with(environment: .process(weights: weights))
        let lines = LessonTextRenderer(width: width, registry: registry).render(try library.document(for: lesson))
        print(lines.joined(separator: "\n"))

        var (store, progress) = options.progress()
        guard let store, !progress.isSeen(lesson.fileName) else { return }
        progress.markSeen(lesson.fileName)
        do { try store.save(progress) } catch { options.warn("\(error)") }
    }
}
