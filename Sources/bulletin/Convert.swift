import ArgumentParser
import BulletinKit
import BulletinWriters
import Foundation

extension BulletinCommand {
    struct Convert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert",
            abstract: "Convert one source to one format, to standard output by default (a Unix filter).",
            discussion: "feeds prints the article's Atom document alone; a build writes RSS and JSON Feed beside it."
        )

        @Argument(help: "The source file, or - for standard input.")
        var source: String

        // The formats are those of the writers Converter uses, so the list cannot fall behind them.
        @Option(name: .shortAndLong, help: ArgumentHelp("The format to write: \(WriterRegistry.standard.formats.joined(separator: ", ")).", valueName: "format"))
        var to: String

        @Option(name: .shortAndLong, help: "The file to write, or - for standard output (default).")
        var output: String = "-"

        @Option(help: "The project configuration.")
        var config: String?

        @OptionGroup var common: CommonOptions

        func run() async throws {
            Pipeline.prepareTransforms()
            // Ended by a signal, it deletes the temporary file its --output is written to first.
            Interruption.install()
            let console = Console(quiet: common.quiet)
            do {
                if output != "-" {
                    // Before the source is read: a named pipe, once read, is gone.
                    let (sourcePath, name) = source == "-" ? ("/dev/stdin", "<stdin>") : (source, source)
                    try FileDestination(path: output).ensureDistinct(fromSourceAt: sourcePath, named: name)
                }
                let file = try SourceInput.read(source)
                let (configuration, warnings) = try Project.readConfiguration(at: config)
                let (bytes, diagnostics) = try await Converter(configuration: configuration).convert(file, to: to)
                console.show(warnings + diagnostics)
                // A book is a ZIP container: its bytes would fill a terminal with garbage and can upset it.
                if output == "-", isatty(STDOUT_FILENO) == 1, bytes.contains(0) {
                    throw BulletinError(code: .invalidUsage, message: "\(to) is binary and standard output is a terminal: give --output FILE, or redirect standard output")
                }
                try SourceInput.write(bytes, to: output)
            } catch {
                throw console.fail(error)
            }
        }
    }
}
