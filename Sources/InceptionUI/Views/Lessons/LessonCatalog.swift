import InceptionCore

/// The course as the Lessons view holds it: every lesson and its parsed document
/// (or why it could not be read), loaded once when the explorer starts so that
/// `update` never reads files.
public struct LessonCatalog: Sendable {
    /// The lessons folder, nil when none was found.
    public var directory: String?
    /// Why there is no course to show (no folder, unreadable folder), nil otherwise.
    public var problem: String?
    public var lessons: [Lesson]

    /// One lesson file as the view needs it.
    public struct Lesson: Sendable {
        public var entry: LessonEntry
        /// The parsed lesson, or the one-line reason it could not be read.
        public var document: Result<LessonDocument, UserError>
        /// The ids of its check questions, to show "2/3 right" in the list.
        public var questionIDs: [String]

        public init(entry: LessonEntry, document: Result<LessonDocument, UserError>) {
            self.entry = entry
            self.document = document
            questionIDs = (try? document.get())?.directives.filter { $0.name == WidgetDefinition.question.name }.compactMap { $0["id"] } ?? []
        }
    }

    public init(directory: String?, problem: String?, lessons: [Lesson]) {
        self.directory = directory
        self.problem = problem
        self.lessons = lessons
    }

    /// Finds the folder as `LessonLocator` does and reads every lesson; never throws:
    /// problems become text the view shows.
    public static func load(option: String?, environment: [String: String]) -> LessonCatalog {
        let directory: String
        do {
            directory = try LessonLocator.locate(option: option, environment: environment).directory
        } catch {
            return LessonCatalog(directory: nil, problem: "\(error)", lessons: [])
        }
        do {
            let library = try LessonLibrary(directory: directory)
            let lessons = library.lessons.map { entry in
                Lesson(entry: entry, document: Result { () throws(UserError) in try Self.document(entry, in: library) })
            }
            return LessonCatalog(directory: directory, problem: nil, lessons: lessons)
        } catch {
            return LessonCatalog(directory: directory, problem: "\(error)", lessons: [])
        }
    }

    private static func document(_ entry: LessonEntry, in library: LessonLibrary) throws(UserError) -> LessonDocument {
        do { return try library.document(for: entry) } catch let error as UserError { throw error } catch { throw UserError("\(error)") }
    }
}
