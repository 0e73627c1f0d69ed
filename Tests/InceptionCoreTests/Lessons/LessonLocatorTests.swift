import Foundation
import Testing
@testable import InceptionCore

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("lessons-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func subdirectory(_ name: String) throws -> String {
        let sub = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        return sub
    }

    func write(_ text: String, to name: String) throws {
        try AtomicWrite.write(text, to: (path as NSString).appendingPathComponent(name))
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct LessonLocatorTests {
    @Test func searchOrder() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let option = try root.subdirectory("option")
        let variable = try root.subdirectory("variable")
        let cwd = try root.subdirectory("cwd")
        let local = try root.subdirectory("cwd/Lessons")
        let package = try root.subdirectory("package")
        let env = [LessonLocator.environmentVariable: variable]

        func locate(_ option: String?, _ env: [String: String], cwd: String) throws -> LessonLocator.Source {
            try LessonLocator.locate(option: option, environment: env, currentDirectory: cwd, packageDirectory: package).source
        }
        #expect(try locate(option, env, cwd: cwd) == .option)
        #expect(try locate(nil, env, cwd: cwd) == .environment)
        #expect(try locate(nil, [:], cwd: cwd) == .workingDirectory)
        #expect(try LessonLocator.locate(option: nil, environment: [:], currentDirectory: cwd, packageDirectory: package).directory == local)
        #expect(try locate(nil, [:], cwd: root.path) == .package)
        #expect(try locate(nil, [LessonLocator.environmentVariable: ""], cwd: root.path) == .package)
    }

    @Test func namedDirectoriesMustExist() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let missing = root.path + "/nope"
        #expect(throws: UserError("--lessons \(missing): no such directory")) {
            try LessonLocator.locate(option: missing, environment: [:], currentDirectory: root.path, packageDirectory: missing)
        }
        #expect(throws: UserError("$INCEPTION_EXPLORER_LESSONS \(missing): no such directory")) {
            try LessonLocator.locate(option: nil, environment: [LessonLocator.environmentVariable: missing],
                                     currentDirectory: root.path, packageDirectory: missing)
        }
        #expect(throws: UserError.self) {
            try LessonLocator.locate(option: nil, environment: [:], currentDirectory: root.path, packageDirectory: missing)
        }
    }

    @Test func libraryOrdersByFileNameAndSkipsReadme() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try root.write("# Second\n", to: "02-b.md")
        try root.write("no heading\n", to: "10-c.md")
        try root.write("# First\n", to: "01-a.md")
        try root.write("# Format\n", to: "README.md")
        try root.write("ignored\n", to: "notes.txt")
        let library = try LessonLibrary(directory: root.path)
        #expect(library.lessons.map(\.fileName) == ["01-a.md", "02-b.md", "10-c.md"])
        #expect(library.lessons.map(\.title) == ["First", "Second", "10-c"])
        #expect(library.lessons.map(\.number) == [1, 2, 3])
        #expect(throws: UserError("no lesson 4: lessons are numbered 1 to 3")) { try library.lesson(number: 4) }
        #expect(throws: UserError("no lesson 0: lessons are numbered 1 to 3")) { try library.lesson(number: 0) }
    }
}
