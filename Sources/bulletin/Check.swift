import ArgumentParser
import BulletinKit
import BulletinModel

extension BulletinCommand {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate sources without writing anything; reports every problem of every file."
        )

        @Argument(help: "Source files or folders; - reads one source from standard input.")
        var sources: [String] = []

        @Option(help: ArgumentHelp(
            "The project configuration, checked too (default: bulletin.yml in the current folder, if present, when no sources are given).",
            discussion: "With a configuration and no sources, the sources are the configuration's, and its output folder is not read."
        ))
        var config: String?

        @OptionGroup var common: CommonOptions

        func run() async throws {
            Pipeline.prepareTransforms()
            let console = Console(quiet: common.quiet)
            do {
                let files: [SourceFile]
                var foundDiagnostics: [Diagnostic] = []
                var checker = Checker()
                if sources.contains("-") && sources != ["-"] {
                    throw BulletinError(code: .invalidUsage, message: "- reads one source from standard input, given alone: check the other sources in a command of their own")
                }
                if sources == ["-"] {
                    files = [try SourceInput.read("-")]
                } else if Project.configurationPath(sources: sources, configPath: config) != nil {
                    // As a build would find them: the configuration read, its sources, its output folder left
                    // out; its errors are reported with the sources' rather than stopping before them.
                    let project = try Project.resolve(sources: sources, configPath: config, output: nil, formats: nil, theme: nil,
                                                      keepingConfigurationErrors: true)
                    files = project.sources
                    foundDiagnostics = project.readingDiagnostics + project.discoveryWarnings + project.discoveryErrors + project.themeWarnings
                    // Its entity dictionary is checked against the sources' entities only when the file has no error.
                    if !foundDiagnostics.contains(where: { $0.severity == .error }) { checker.configuration = project.configuration }
                } else {
                    // As a build of them would: the output folder it would write is not read, nor mentioned.
                    let found = try SourceDiscovery().search(under: sources.isEmpty ? ["."] : sources, excluding: ["output"])
                    files = found.files
                    foundDiagnostics = found.warnings + found.errors
                }
                // In one order, by path, line and column, as a failed build lists them: a folder that cannot be
                // listed among the files that cannot be read.
                let diagnostics = (foundDiagnostics + (try await checker.check(files))).sorted()
                console.show(diagnostics)
                // As a build of them would fail: a folder with no source checks nothing, and says so.
                if files.isEmpty && !diagnostics.contains(where: { $0.severity == .error }) { throw Pipeline.noSources }
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
