import ArgumentParser
import BulletinKit
import BulletinModel
import Foundation

/// The `bulletin` command: parses arguments, calls BulletinKit, renders what it reports.
@main
struct BulletinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "Turns news-bulletin sources into EPUBs, a static site, feeds, plain text and JSON.",
        discussion: """
        Exit status: 0 success; 1 invalid sources, --jsonl input or configuration (a source that cannot be \
        read is one, reported with the others; so is a configuration file that cannot be read); \
        64 invalid usage; 70 a writer failed; 74 a file or folder named as a source is missing, the one \
        source of convert, tag or summarize cannot be read, or an output could not be written.
        """,
        version: "\(BulletinInfo.name) \(BulletinInfo.version)",
        // Each names itself (`commandName`): a name derived from the type's is made by reflecting on the
        // type, for every subcommand at every start, some 9M instructions before any work.
        subcommands: [Build.self, Convert.self, Check.self, Tag.self, Summarize.self, Schema.self],
        defaultSubcommand: nil
    )

    /// Runs the command as ArgumentParser's own `main` does, but prints its help, version and usage errors
    /// through ``StandardStreams`` rather than `print`, and ends with ``StandardStreams/exitStatus(_:)``, so
    /// that output which cannot be written is reported, never lost or a crash.
    static func main() async {
        var status: Int32 = 0
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            status = report(error)
        }
        Foundation.exit(StandardStreams.exitStatus(status))
    }

    /// Prints what ArgumentParser makes of `error` (help and the version on standard output, a usage error on
    /// standard error; nothing for an exit code) and returns the status it ends with.
    private static func report(_ error: any Error) -> Int32 {
        let status = exitCode(for: error).rawValue
        let message = fullMessage(for: error)
        guard !message.isEmpty else { return status }
        guard status == 0 else {
            // A usage error may quote an argument (a file's name): its control characters are not passed on.
            StandardStreams.writeError(ControlCharacter.printable(message) + "\n")
            return status
        }
        do {
            try StandardStreams.write(message + "\n")
            return status
        } catch {
            return exitCode(for: Console(quiet: false).fail(error)).rawValue
        }
    }
}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing but errors and warnings.")
    var quiet = false
}
