import Foundation

/// Finds the lessons directory, in this order: `--lessons DIR`,
/// `$INCEPTION_EXPLORER_LESSONS`, `./Lessons`, then the `Lessons/` of the package
/// the binary was built from (so a built binary works from any directory).
///
/// A directory the user named (option or variable) must exist; the two defaults are
/// skipped when missing.
public enum LessonLocator {
    /// Where the directory came from, for messages.
    public enum Source: String, Sendable {
        case option = "--lessons"
        case environment = "$INCEPTION_EXPLORER_LESSONS"
        case workingDirectory = "./Lessons"
        case package = "the package's Lessons/"
    }

    public static let environmentVariable = "INCEPTION_EXPLORER_LESSONS"

    /// `Lessons/` in the source tree the binary was built from.
    public static let packageDirectory = PackageDirectory.path("Lessons")

    public static func locate(option: String?, environment: [String: String],
                              currentDirectory: String = FileManager.default.currentDirectoryPath,
                              packageDirectory: String = packageDirectory) throws -> (directory: String, source: Source) {
        if let option {
            return (try existing(option, named: "--lessons"), .option)
        }
        if let variable = environment[environmentVariable], !variable.isEmpty {
            return (try existing(variable, named: "$\(environmentVariable)"), .environment)
        }
        let local = (currentDirectory as NSString).appendingPathComponent("Lessons")
        if isDirectory(local) { return (local, .workingDirectory) }
        if isDirectory(packageDirectory) { return (packageDirectory, .package) }
        throw UserError("no lessons found: pass --lessons DIR or set \(environmentVariable) (looked in \(local) and \(packageDirectory))")
    }

    private static func existing(_ path: String, named origin: String) throws -> String {
        guard isDirectory(path) else { throw UserError("\(origin) \(path): no such directory") }
        return path
    }

    private static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
