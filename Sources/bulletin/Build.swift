import ArgumentParser
import BulletinKit
import Foundation

extension BulletinCommand {
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
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

        @Flag(help: ArgumentHelp(
            "Build, then build again whenever a source, the configuration or a theme file changes, until stopped (Ctrl-C).",
            discussion: "Each build keeps the files of unchanged issues from the one before. A build that fails leaves the output as it was, and the watch goes on."
        ))
        var watch = false

        @OptionGroup var common: CommonOptions

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs takes a whole number of tasks, 1 or more, not \(jobs)") }
        }

        func run() async throws {
            Pipeline.prepareTransforms()
            let console = Console(quiet: common.quiet)
            Interruption.install()
            if watch { return try await watchInputs(console: console) }
            do {
                var project = try resolveProject()
                let report = try await build(&project, console: console)
                // The process ends here, and its end hands all its memory back at once; freeing the archive's
                // tree object by object first took about 0.16 s at 10,000 articles. So it is kept.
                _ = Unmanaged.passRetained(KeptUntilExit(report))
            } catch {
                console.finishProgress()
                throw console.fail(error)
            }
        }

        private func resolveProject() throws -> Project {
            try Project.resolve(sources: sources, configPath: config, output: output, formats: formats, theme: theme)
        }

        /// Builds `project`, whose sources it hands to the pipeline, and reports the build, with the
        /// configuration's warnings unless `repeatedWarnings` says they were shown already, and how long it
        /// took when `timed` (a watch's builds: the editor waits for each).
        private func build(_ project: inout Project, console: Console, repeatedWarnings: Set<String> = [], timed: Bool = false) async throws -> BuildReport {
            let start = ContinuousClock.now
            var pipeline = Pipeline(configuration: project.configuration, observer: console.progressObserver(timings: timings))
            if let jobs { pipeline.concurrency = max(1, jobs) }
            if let stream { pipeline.streamingThreshold = stream ? 0 : nil }
            pipeline.keepsUnchangedFiles = !clean
            pipeline.searchErrors = project.discoveryErrors
            // The pipeline frees the source bytes once they are read, as long as nothing else holds them.
            let files = project.sources
            project.sources = []
            let report: BuildReport
            do {
                report = try await pipeline.build(consume files, output: project.output, formats: project.formats, theme: project.theme)
            } catch {
                // What the search left out may be why the build failed (a folder skipped as another build's
                // output held sources): it is said before the failure.
                console.finishProgress()
                console.show(project.discoveryWarnings.filter { !repeatedWarnings.contains($0.summary) })
                throw error
            }
            console.finishProgress()
            console.show(report.diagnostics + project.warnings.filter { !repeatedWarnings.contains($0.summary) })
            let issues = report.archive.issueCount, articles = report.archive.articleCount
            let kept = report.keptFiles > 0 ? " (\(report.keptFiles) kept unchanged from the previous build)" : ""
            let time = timed ? String(format: ", in %.2f s", (ContinuousClock.now - start) / .milliseconds(1) / 1000) : ""
            console.info("Built \(issues) issue\(issues == 1 ? "" : "s"), \(articles) article\(articles == 1 ? "" : "s") as \(project.formats.joined(separator: ", ")): \(report.files.count + 1) files in \(project.output.path)\(kept)\(time)")
            return report
        }

        /// Builds, then looks at the files the build read every quarter of a second (longer when looking
        /// takes long), and builds again once some have changed and then stayed as they are for as long
        /// (editors save in steps).
        /// A problem is reported and watched like the rest: a broken configuration is read again when it
        /// changes. Ends only by a signal, which ``Interruption`` handles.
        private func watchInputs(console: Console) async throws {
            guard !sources.isEmpty || Project.configurationPath(sources: sources, configPath: config) != nil else {
                throw console.fail(BulletinError(code: .invalidUsage, message: "--watch watches sources on disk: give source files or folders, or a configuration that names them (the bundled example has none)"))
            }
            // A quarter of a second, or twenty times as long as looking takes, so that a watch over a large
            // archive (about 55 ms a look at 10,000 sources) keeps to about 5% of a core while nothing changes.
            var interval = Duration.milliseconds(250)
            // Where inotify is had, the watch waits for something to happen in the folders it reads rather
            // than looking every interval; it still looks now and then, for file systems that tell nothing
            // of changes made elsewhere (a network share).
            let events = FolderEvents()
            var watched: InputSnapshot?
            // The configuration's warnings are shown again only when they change, not at every build.
            var shownWarnings: Set<String> = []
            while true {
                let lookStarted = ContinuousClock.now
                var (project, snapshot, failure) = survey(watched)
                interval = max(.milliseconds(250), (ContinuousClock.now - lookStarted) * 20)
                if snapshot != watched {
                    if let watched {
                        // Editors save in steps: the files must hold still a while. With events that is a quarter of
                        // a second; polling, a whole interval, since looking again is what costs.
                        try await Task.sleep(for: events == nil ? interval : .milliseconds(250))
                        let settled = survey(watched)
                        guard settled.snapshot == snapshot else { continue }
                        (project, snapshot, failure) = settled
                        // Empty when only a folder's entries changed (a file the build does not read).
                        let changes = snapshot.changes(since: watched)
                        if !changes.isEmpty { console.info("Changed: " + Self.listing(changes)) }
                    }
                    if let failure {
                        _ = console.fail(failure)
                    } else if var project {
                        let warnings = Set(project.warnings.map(\.summary))
                        defer { shownWarnings = warnings }
                        do {
                            _ = try await build(&project, console: console, repeatedWarnings: warnings == shownWarnings ? warnings : [], timed: true)
                        } catch {
                            console.finishProgress()
                            _ = console.fail(error)
                        }
                    }
                    if watched == nil { console.info("Watching \(snapshot.count) file\(snapshot.count == 1 ? "" : "s") for changes; Ctrl-C stops.") }
                    watched = snapshot
                }
                if let events {
                    events.watch(project?.inputFolders ?? namedFolders())
                    _ = events.wait(timeout: max(.seconds(2), interval * 8))
                } else {
                    try await Task.sleep(for: interval)
                }
            }
        }

        /// What was named: the sources, the configuration, the theme.
        private var namedPaths: [String] {
            sources + [Project.configurationPath(sources: sources, configPath: config), theme].compactMap { $0 }
        }

        /// The folders of what was named, for a project that cannot be resolved: each named folder, and the
        /// folder each named path is in.
        private func namedFolders() -> [String] {
            var folders: [String] = []
            for path in namedPaths {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { folders.append(path) }
                let parent = (path as NSString).deletingLastPathComponent
                folders.append(parent.isEmpty ? "." : parent)
            }
            return folders
        }

        /// The project as its files say now, and the state of those files; when it cannot be resolved, the
        /// problem, and the state of what was named (the configuration, the sources and theme folder given),
        /// to see it fixed, and of the files of `watched`, the snapshot before: a change is then told
        /// against the same files, and the Changed line names only those that changed.
        private func survey(_ watched: InputSnapshot?) -> (project: Project?, snapshot: InputSnapshot, failure: (any Error)?) {
            do {
                let project = try resolveProject()
                return (project, InputSnapshot(paths: project.inputFiles, after: watched), nil)
            } catch {
                return (nil, InputSnapshot(paths: (watched?.paths ?? []) + namedPaths, after: watched), error)
            }
        }

        /// Up to three paths, then how many more.
        private static func listing(_ paths: [String]) -> String {
            let shown = paths.prefix(3).joined(separator: ", ")
            return paths.count > 3 ? "\(shown) and \(paths.count - 3) more" : shown
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
