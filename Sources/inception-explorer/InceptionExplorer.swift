import ArgumentParser
import Foundation
import InceptionCore
import InceptionUI

/// `inception-explorer`: with no arguments, the interactive explorer; every table
/// and result is also a subcommand, for pipes, scripts and screen readers.
@main
struct InceptionExplorer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inception-explorer",
        abstract: "Learn how the Inception (GoogLeNet) architecture works by running it.",
        subcommands: [
            TableCommand.self,
            LessonsCommand.self,
        ]
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
        let status = Explorer.run(flags) { _ in
            [PlaceholderView(.lessons), PlaceholderView(.network), CostsView(), SparseView(),
             HeadsView(), PlaceholderView(.experiments)]
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Every mistake a user can make ends in one line on stderr and exit status 2
    /// (ArgumentParser's own usage errors would otherwise exit with 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as UserError {
            fail(error.message)
        } catch {
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            if error is ExitCode { exit(withError: error) }
            let message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            fail(message)
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("inception-explorer: \(message)\n".utf8))
        Foundation.exit(2)
    }
}
