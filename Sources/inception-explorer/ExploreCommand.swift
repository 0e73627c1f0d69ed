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

    @Option(name: .customLong("image"), help: ArgumentHelp("Use this image (PGM, PPM or PNG) as the network's input.", valueName: "FILE"))
    var imagePath: String?

    func run() throws {
        let flags = Explorer.Flags(noColor: noColor, ascii: ascii, lessonsDirectory: lessonsDirectory, imagePath: imagePath)
        let status = Explorer.run(flags) { options in
            ViewID.allCases.map { id -> any ExplorerView in
                switch id {
                case .lessons: LessonsView.load(options: options, environment: ProcessInfo.processInfo.environment)
                case .costs: CostsView(retrain: RetrainPanel.load(environment: ProcessInfo.processInfo.environment))
                case .sparse: SparseView()
                case .heads: HeadsView()
                case .experiments: ExperimentsView.load(environment: ProcessInfo.processInfo.environment)
                default: PlaceholderView(id)
                }
            }
        }
        if status != 0 { throw ExitCode(status) }
    }

}
