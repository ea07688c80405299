import ArgumentParser
import BulletinKit

extension BulletinCommand {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate sources without writing anything; reports every problem of every file."
        )

        @Argument(help: "Source files or folders; - reads one source from standard input.")
        var sources: [String] = []

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let console = Console(quiet: common.quiet)
            do {
                let files = try sources == ["-"] ? [SourceInput.read("-")] : SourceDiscovery().files(under: sources.isEmpty ? ["."] : sources)
                let diagnostics = try await Checker().check(files)
                console.show(diagnostics)
                let errors = diagnostics.filter { $0.severity == .error }.count
                let warnings = diagnostics.count - errors
                console.info("\(files.count) file\(files.count == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
                if errors > 0 { throw ExitCode(1) }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                throw console.fail(error)
            }
        }
    }
}
