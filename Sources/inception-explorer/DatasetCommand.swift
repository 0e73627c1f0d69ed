import ArgumentParser
import Foundation
import InceptionCore

/// `inception-explorer dataset ...`: the generated shapes dataset.
struct DatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Look at the generated shapes dataset the network is trained on.",
        discussion: "Classes, in label order: \(ShapeClass.names.joined(separator: ", ")).",
        subcommands: [DatasetExport.self, DatasetCalibrate.self]
    )
}

/// `inception-explorer dataset export DIR`: writes samples as PGM files.
struct DatasetExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write dataset images as PGM files named with their index and class (0007-plus.pgm).",
        discussion: "With --seed, images come from a fresh set drawn from the same generator instead of the fixed split."
    )

    @Argument(help: "Directory to write into (created if missing).")
    var directory: String

    @Option(help: "Number of images, from index 0 (at most the split's size unless --seed is given).")
    var count: Int = 100

    @Option(help: "Seed of a fresh set instead of the fixed split's seed.")
    var seed: UInt64?

    @Option(help: "Which fixed split: train (10000 images) or test (2000).")
    var split: DatasetSplit = .train

    func run() throws {
        guard count >= 0, count <= 1_000_000 else { throw UserError("--count must be between 0 and 1000000, not \(count)") }
        guard !directory.isEmpty else { throw UserError("the directory to export to is empty; name one, e.g. dataset export images") }
        guard seed != nil || count <= split.count else {
            throw UserError("--count \(count) is more than the \(split.rawValue) split's \(split.count) images; add --seed for a fresh set of any size")
        }
        try Self.makeDirectory(directory)
        let dataset = Dataset(seed: seed ?? split.seed, count: count)
        let digits = max(4, String(max(count - 1, 0)).count)
        for index in 0..<count {
            let number = String(index)
            let name = String(repeating: "0", count: digits - number.count) + number + "-" + dataset.label(at: index).name + ".pgm"
            try PGMWriter.write(dataset.image(at: index), to: (directory as NSString).appendingPathComponent(name))
        }
        print("wrote \(count) images to \(directory)")
    }
}

extension DatasetExport {
    /// Creates `path` and its missing parents with POSIX `mkdir`, whose errno names the
    /// reason (Foundation's message on Linux says only "The file doesn't exist").
    static func makeDirectory(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else { throw UserError("\(prefix) exists and is not a directory") }
            } else if mkdir(prefix, 0o755) != 0 {
                throw UserError("cannot create directory \(prefix): \(String(cString: strerror(errno)))")
            }
            prefix += "/"
        }
    }
}

extension DatasetSplit: ExpressibleByArgument {}
