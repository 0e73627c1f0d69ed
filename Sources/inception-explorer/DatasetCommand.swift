import ArgumentParser
import Foundation
import InceptionCore

/// `inception-explorer dataset ...`: the generated shapes dataset.
struct DatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Look at the generated shapes dataset the network is trained on.",
        discussion: "Classes, in label order: \(ShapeClass.names.joined(separator: ", ")).",
        subcommands: [DatasetExport.self]
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

    @Option(help: "Number of images, from index 0.")
    var count: Int = 100

    @Option(help: "Seed of a fresh set instead of the fixed split's seed.")
    var seed: UInt64?

    @Option(help: "Which fixed split: train or test.")
    var split: DatasetSplit = .train

    func run() throws {
        guard count >= 0, count <= 1_000_000 else { throw UserError("--count must be between 0 and 1000000, not \(count)") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw UserError("\(directory) exists and is not a directory") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw UserError("cannot create directory \(directory): \(error.localizedDescription)")
            }
        }
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

extension DatasetSplit: ExpressibleByArgument {}
