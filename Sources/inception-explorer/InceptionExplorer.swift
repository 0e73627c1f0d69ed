import ArgumentParser
import InceptionCore

/// `inception-explorer`: with no arguments, the interactive explorer; every table
/// and result is also a subcommand, for pipes, scripts and screen readers.
@main
struct InceptionExplorer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inception-explorer",
        abstract: "Learn how the Inception (GoogLeNet) architecture works by running it.",
        subcommands: []
    )

    func run() throws {
        print("The interactive explorer is not built yet; see --help for the commands.")
    }
}
