import Foundation

/// One lesson file: its place in the course, file name and title.
public struct LessonEntry: Hashable, Sendable {
    /// 1-based position in file-name order, as `lessons show N` takes it.
    public var number: Int
    /// The file name, e.g. `01-why-inception.md`; progress is keyed by it.
    public var fileName: String
    public var path: String
    /// The lesson's first heading, or its file name without `.md` if it has none.
    public var title: String
}

/// The lessons in a directory: every `*.md` file except `README.md`, in file-name order.
public struct LessonLibrary: Sendable {
    public let directory: String
    public let lessons: [LessonEntry]

    /// Reads the directory and each lesson's title; a missing or unreadable directory
    /// is a `UserError`, an unreadable lesson is listed under its file name.
    public init(directory: String) throws {
        self.directory = directory
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw UserError("cannot read lessons directory \(directory): it does not exist or is not readable")
        }
        let files = names
            .filter { $0.lowercased().hasSuffix(".md") && $0.lowercased() != "readme.md" && !$0.hasPrefix(".") }
            .sorted()
        var lessons: [LessonEntry] = []
        for (index, name) in files.enumerated() {
            let path = (directory as NSString).appendingPathComponent(name)
            // An unreadable lesson is still listed (by file name), so one bad file does
            // not hide the course; opening it reports the problem.
            let document = (try? Self.read(path)).map { LessonParser.parse($0, file: name) }
            let title = document?.title ?? String(name.dropLast(3))
            lessons.append(LessonEntry(number: index + 1, fileName: name, path: path, title: title))
        }
        self.lessons = lessons
    }

    /// The lesson numbered `number`, or a `UserError` saying which numbers exist.
    public func lesson(number: Int) throws -> LessonEntry {
        guard lessons.indices.contains(number - 1) else {
            let range = lessons.isEmpty ? "there are no lessons in \(directory)" : "lessons are numbered 1 to \(lessons.count)"
            throw UserError("no lesson \(number): \(range)")
        }
        return lessons[number - 1]
    }

    /// The parsed lesson.
    public func document(for entry: LessonEntry) throws -> LessonDocument {
        LessonParser.parse(try Self.read(entry.path), file: entry.fileName)
    }

    private static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError("cannot read lesson \(path)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
