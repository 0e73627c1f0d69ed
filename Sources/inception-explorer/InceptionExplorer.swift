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
            ExploreCommand.self,
            TableCommand.self,
            LessonsCommand.self,
            DatasetCommand.self,
            TrainCommand.self,
            EvalCommand.self,
            RunCommand.self,
            BenchCommand.self,
            ExperimentCommand.self,
        ],
        defaultSubcommand: ExploreCommand.self
    )

    /// Every mistake a user can make ends in one line on stderr and exit status 2
    /// (ArgumentParser's own usage errors would otherwise exit with 64).
    static func main() {
        // Before anything runs code built for AVX2 + FMA (this target is not).
        if let refusal = CPUCheck.currentRefusal() { fail(refusal) }
        // Past a file-size limit (ulimit -f) a write then fails with EFBIG, which
        // AtomicWrite reports in one line after removing its temporary file, instead
        // of the signal killing the process mid-write.
        signal(SIGXFSZ, SIG_IGN)
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
