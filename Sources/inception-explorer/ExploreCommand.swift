import ArgumentParser
import Foundation
import InceptionCore
import InceptionUI

/// `inception-explorer [explore]`: the interactive explorer, the default command.
/// Its options live here rather than on the root command, so that a subcommand's
/// own `--lessons` is not taken by the root.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the interactive explorer (the default when no command is given)."
    )

    @Flag(name: .customLong("no-color"), help: "Draw without colour (so does a non-empty NO_COLOR).")
    var noColor = false

    @Flag(help: "Draw only ASCII characters: no box drawing or block characters.")
    var ascii = false

    @Option(name: .customLong("lessons"), help: ArgumentHelp("Read the lessons from this folder.", valueName: "DIR"))
    var lessonsDirectory: String?

    @Option(name: .customLong("image"), help: ArgumentHelp("Use this image (PGM, PPM, PNG or JPEG) as the network's input.", valueName: "FILE"))
    var imagePath: String?

    @Option(name: .customLong("weights"), help: ArgumentHelp("Weights (safetensors) for the Network view and lesson widgets instead of the shipped tiny ones: the tiny network's, or torchvision's GoogLeNet state_dict (Scripts/export-googlenet.py).", valueName: "FILE"))
    var weightsPath: String?

    func run() throws {
        // A file the user named must be usable: say so before the screen is taken.
        // The seeded stand-in is for a missing shipped file; a file the user names must load.
        let channels = try weightsPath.map { try WeightsLocator.anyNetwork(option: $0).network.description.input.c } ?? 1
        if let imagePath { _ = try NetworkInput.file(imagePath, channels: channels) }
        if let lessonsDirectory { _ = try LessonLocator.locate(option: lessonsDirectory, environment: [:]) }
        let flags = Explorer.Flags(noColor: noColor, ascii: ascii, lessonsDirectory: lessonsDirectory, imagePath: imagePath,
                                   weightsPath: weightsPath, photoWeights: channels != 1)
        let status = Explorer.run(flags) { options in
            StandardViews.make(options: options, environment: ProcessInfo.processInfo.environment,
                               currentDirectory: FileManager.default.currentDirectoryPath)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
