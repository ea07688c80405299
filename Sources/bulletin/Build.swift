import ArgumentParser
import BulletinKit
import Foundation

extension BulletinCommand {
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build every format of an archive into an output folder.",
            discussion: "With no sources and no configuration, builds the bundled example archive."
        )

        @Argument(help: "Source files or folders (bulletin text .txt).")
        var sources: [String] = []

        @Option(name: .shortAndLong, help: "The output folder (default: output).")
        var output: String?

        @Option(name: .shortAndLong, help: "Comma-separated formats to build (default: all).")
        var formats: String?

        @Option(help: "A theme name or a folder overriding the default theme file by file.")
        var theme: String?

        @Option(help: "The project configuration (default: bulletin.yml in the current folder, if present).")
        var config: String?

        @Option(help: "Tasks to run at once (default: the number of cores).")
        var jobs: Int?

        @Flag(inversion: .prefixedNo, help: ArgumentHelp(
            "Stream: hold one issue at a time rather than the archive, reading each source twice (default: when the formats allow it and there are more than \(Pipeline.defaultStreamingThreshold) sources).",
            discussion: "Only formats written issue by issue stream (epub without volume books, text); with any other format the archive is held."
        ))
        var stream: Bool?

        @Flag(help: ArgumentHelp(
            "Make every file again, keeping none from the previous build in the output folder.",
            discussion: "By default a build keeps each writer's files for an issue whose content, settings and theme are unchanged since the previous build into the same folder by the same program; kept or made, the files are the same."
        ))
        var clean = false

        @Flag(help: "Print how long each step took, on standard error.")
        var timings = false

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let console = Console(quiet: common.quiet)
            Interruption.install()
            do {
                var project = try Project.resolve(sources: sources, configPath: config, output: output, formats: formats, theme: theme)
                var pipeline = Pipeline(configuration: project.configuration, observer: console.progressObserver(timings: timings))
                if let jobs { pipeline.concurrency = max(1, jobs) }
                if let stream { pipeline.streamingThreshold = stream ? 0 : nil }
                pipeline.keepsUnchangedFiles = !clean
                // The pipeline frees the source bytes once they are read, as long as nothing else holds them.
                let files = project.sources
                project.sources = []
                let report = try await pipeline.build(consume files, output: project.output, formats: project.formats, theme: project.theme)
                console.finishProgress()
                console.show(report.diagnostics + project.configurationWarnings)
                let issues = report.archive.issueCount, articles = report.archive.articleCount
                let kept = report.keptFiles > 0 ? " (\(report.keptFiles) kept unchanged from the previous build)" : ""
                console.info("Built \(issues) issue\(issues == 1 ? "" : "s"), \(articles) article\(articles == 1 ? "" : "s") as \(project.formats.joined(separator: ", ")): \(report.files.count + 1) files in \(project.output.path)\(kept)")
                // The process ends here, and its end hands all its memory back at once; freeing the archive's
                // tree object by object first took about 0.16 s at 10,000 articles. So it is kept.
                _ = Unmanaged.passRetained(KeptUntilExit(report))
            } catch {
                console.finishProgress()
                throw console.fail(error)
            }
        }
    }
}

/// Holds a value the process no longer needs but should not spend time freeing before it exits.
private final class KeptUntilExit<Value> {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
