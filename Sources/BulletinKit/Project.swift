import BulletinModel
import BulletinReaders
import BulletinWriters
import Foundation

/// What one `bulletin build` works on: configuration, sources, output, formats and theme, all resolved.
public struct Project: Sendable {
    /// The configuration in force.
    public var configuration: Configuration
    /// The sources, found; files on disk are read when the build needs them.
    public var sources: [SourceFile]
    /// The output folder.
    public var output: URL
    /// Formats to build.
    public var formats: [String]
    /// The theme, merged over the default.
    public var theme: Theme

    /// What reading the configuration file found: its warnings (fields it does not know), and its
    /// errors too when resolved for `check` (``resolve(sources:configPath:output:formats:theme:writers:keepingConfigurationErrors:)``).
    public var readingDiagnostics: [Diagnostic] = []
    /// The configuration file read, if any.
    public var configurationPath: String?
    /// The folders searched for the sources (those named and every folder under them that is not skipped);
    /// none for the bundled example.
    public var sourceFolders: [String] = []
    /// What the search for the sources left out and why (``SourceDiscovery/Found/warnings``).
    public var discoveryWarnings: [Diagnostic] = []
    /// What the search for the sources could not search (``SourceDiscovery/Found/errors``): errors that fail
    /// a build of the project, reported with its sources' (``Pipeline/searchErrors``).
    public var discoveryErrors: [Diagnostic] = []
    /// What looks mistyped in the theme folder's strings files (``BulletinWriters/Theme/stringsWarnings``).
    public var themeWarnings: [Diagnostic] = []

    /// The configuration file's warnings, and what the configuration leaves undecided for the chosen
    /// formats.
    public var configurationWarnings: [Diagnostic] {
        guard configuration.baseURL == nil, formats.contains("feeds") || formats.contains("site") else { return readingDiagnostics }
        return readingDiagnostics + [Diagnostic(
            id: "config.missing-base-url", severity: .warning,
            message: "no baseURL is configured: feeds carry no links to the site, and the site has no sitemap.xml, canonical links or links to the feeds",
            location: nil, fix: "set 'baseURL: https://…/' in bulletin.yml to the address the output's site/ folder is published at"
        )]
    }

    /// Every warning a build of the project reports before its sources': the configuration's, the
    /// search's, then the theme's.
    public var warnings: [Diagnostic] { configurationWarnings + discoveryWarnings + themeWarnings }

    /// Resolves command-line values against the configuration: explicit values win, then the configuration,
    /// then defaults. With no sources and no configuration the bundled example archive is the source.
    /// An error in the configuration file stops it, unless `keepingConfigurationErrors` (as `check` does,
    /// to go on to the sources): then the errors are kept in ``readingDiagnostics`` and the values in
    /// error are left out, and they stop it only when what is left cannot be resolved.
    public static func resolve(
        sources: [String], configPath: String?, output: String?, formats: String?, theme: String?,
        writers: WriterRegistry = .standard, keepingConfigurationErrors: Bool = false
    ) throws -> Project {
        let path = configurationPath(sources: sources, configPath: configPath)
        let (configuration, diagnostics) = try Self.diagnoseConfiguration(at: path, formats: writers.formats)
        do {
            if !keepingConfigurationErrors { try path.map { try Configuration.stop(on: diagnostics, path: $0) } }
            return try resolve(sources: sources, configuration: configuration, readingDiagnostics: diagnostics, at: path,
                               output: output, formats: formats, theme: theme, writers: writers)
        } catch let error as BulletinError where error.code == .invalidUsage && keepingConfigurationErrors {
            // What could not be resolved may be what the errors left out (sources: 5): they come first.
            try path.map { try Configuration.stop(on: diagnostics, path: $0) }
            throw error
        }
    }

    /// Resolves command-line values against `configuration`, read from the file at `path`.
    private static func resolve(
        sources: [String], configuration: Configuration, readingDiagnostics: [Diagnostic], at path: String?,
        output: String?, formats: String?, theme: String?, writers: WriterRegistry
    ) throws -> Project {
        func relative(_ value: String) -> String { Self.path(value, relativeTo: path) }
        let outputPath = output ?? configuration.output.map(relative) ?? "output"
        if outputPath.isEmpty {
            throw BulletinError(code: .invalidUsage, message: "the output folder is empty; name a folder for the build, or leave --output out for ./output")
        }
        // A source folder that is the output itself would be skipped whole, and the build would find no
        // sources; one inside it would be deleted with the previous output when the build replaces it.
        for input in sources + (configuration.sources ?? []).map(relative) {
            if Self.isSameFolder(input, outputPath) {
                throw BulletinError(code: .invalidUsage, message: "\(input) is the output folder; its files are never read as sources: choose another output folder")
            }
            if Self.isInside(input, outputPath) {
                throw BulletinError(code: .invalidUsage, message: "\(input) is inside the output folder \(outputPath), which each build replaces: keep sources outside it, or choose another output folder")
            }
        }
        // The output folder may lie inside a source folder (`bulletin build .`): its files are never sources.
        let found: SourceDiscovery.Found
        if !sources.isEmpty {
            found = try SourceDiscovery().search(under: sources, excluding: [outputPath])
        } else if let configured = configuration.sources, !configured.isEmpty {
            found = try SourceDiscovery().search(under: configured.map(relative), excluding: [outputPath])
        } else if path == nil {
            found = SourceDiscovery.Found(files: Resources.exampleSources, folders: [], warnings: [])
        } else {
            throw BulletinError(code: .invalidUsage, message: "\(path!) names no sources; add 'sources: [folder]' or give source folders on the command line")
        }
        let chosen = formats.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            ?? configuration.formats ?? writers.formats
        _ = try writers.writers(for: chosen)
        if chosen.isEmpty {
            throw BulletinError(code: .invalidUsage, message: "no format to build: name one or more of \(writers.formats.joined(separator: ", "))")
        }
        let theme = try Resources.theme(theme ?? configuration.theme)
        return Project(
            configuration: configuration, sources: found.files, output: URL(fileURLWithPath: outputPath),
            formats: Array(Set(chosen)).sorted(), theme: theme,
            readingDiagnostics: readingDiagnostics, configurationPath: path, sourceFolders: found.folders,
            discoveryWarnings: found.warnings, discoveryErrors: found.errors, themeWarnings: theme.stringsWarnings
        )
    }

    /// True when both paths name one existing folder.
    static func isSameFolder(_ a: String, _ b: String) -> Bool {
        guard let first = FileIdentity(folder: a) else { return false }
        return first == FileIdentity(folder: b)
    }

    /// True when `path` exists inside the existing folder `folder`, however either is spelled.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        guard let inner = realpath(path, nil) else { return false }
        defer { free(inner) }
        guard let outer = realpath(folder, nil) else { return false }
        defer { free(outer) }
        let prefix = String(cString: outer)
        return String(cString: inner).hasPrefix(prefix.hasSuffix("/") ? prefix : prefix + "/")
    }

    /// The configuration file a command reads: the one named, else `bulletin.yml` in the current folder
    /// when it exists and no sources are given, else none.
    public static func configurationPath(sources: [String], configPath: String?) -> String? {
        if let configPath { return configPath }
        return sources.isEmpty && FileManager.default.fileExists(atPath: "bulletin.yml") ? "bulletin.yml" : nil
    }

    /// The configuration at `path`, or the defaults when nil.
    public static func configuration(at path: String?) throws -> Configuration {
        try readConfiguration(at: path).configuration
    }

    /// The configuration at `path` (the defaults when nil), and the warnings reading it gave; an error
    /// in it is thrown, with every other.
    public static func readConfiguration(at path: String?) throws -> (configuration: Configuration, warnings: [Diagnostic]) {
        let (configuration, diagnostics) = try diagnoseConfiguration(at: path)
        try path.map { try Configuration.stop(on: diagnostics, path: $0) }
        return (configuration, diagnostics)
    }

    /// The configuration at `path` (the defaults when nil) without the values in error, and every error
    /// and warning of the file (``Configuration/diagnose(_:path:formats:)``); throws only when the file
    /// cannot be read.
    public static func diagnoseConfiguration(at path: String?, formats: [String] = WriterRegistry.standard.formats) throws
        -> (configuration: Configuration, diagnostics: [Diagnostic]) {
        guard let path else { return (Configuration(), []) }
        // Read to its end, so that --config <(…) and a named pipe read too.
        let bytes: [UInt8]
        switch SourceDiscovery.read(path, limit: SourceFile.sizeLimit) {
        case .success(let read): bytes = read
        case .failure(.tooLarge(let limit)):
            throw BulletinError(code: .invalidConfiguration,
                                message: "\(path): the configuration file cannot be read: it holds more than \(SourceReadFailure.size(limit))")
        case .failure(.unreadable):
            throw BulletinError(code: .invalidConfiguration, message: "\(path): the configuration file cannot be read")
        }
        // Bytes that are not UTF-8 are read as a source's are, as Windows-1252, and said so: a title saved in
        // Latin-1 keeps its letters rather than turning them into U+FFFD unannounced.
        var text = String(validating: bytes, as: UTF8.self)
        var decoding: [Diagnostic] = []
        if text == nil {
            let decoded = SourceTextDecoder.decode(bytes)
            text = decoded.text
            if let (line, column) = decoded.firstInvalid {
                decoding.append(Diagnostic(
                    id: "config.invalid-utf8", severity: .warning, message: SourceTextDecoder.invalidBytesMessage(decoded.invalidByteCount),
                    location: SourceLocation(path: path, line: line, column: column),
                    sourceLine: decoded.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).dropFirst(line - 1).first.map(String.init),
                    fix: "save the file as UTF-8 to silence this warning"))
            }
        }
        var (configuration, diagnostics) = Configuration.diagnose(text ?? "", path: path, formats: formats)
        configuration.theme = configuration.theme.map { Self.theme($0, relativeTo: path) }
        return (configuration, (decoding + diagnostics).sorted())
    }

    /// A theme the configuration file at `configurationPath` names, as ``Resources/theme(_:)`` takes it: a
    /// folder is relative to the file, as its sources and output are; a bundled theme's name stays.
    static func theme(_ value: String, relativeTo configurationPath: String?) -> String {
        Resources.themeNames.contains(value) ? value : path(value, relativeTo: configurationPath)
    }

    /// A path the configuration file at `configurationPath` names, as a path from the current folder: joined
    /// to the file's folder as the file was named, so that it is spelled the same on every machine
    /// (`--config site/bulletin.yml` naming `sources: [articles]` gives `site/articles`), never made
    /// absolute. An absolute path, or one with no configuration file, stays as it is.
    static func path(_ value: String, relativeTo configurationPath: String?) -> String {
        guard let configurationPath, !value.hasPrefix("/") else { return value }
        let folder = (configurationPath as NSString).deletingLastPathComponent
        return folder.isEmpty ? value : folder + "/" + value
    }
}

/// `bulletin convert`: one source, one format.
public struct Converter: Sendable {
    /// The configuration in force.
    public var configuration: Configuration
    /// Writers by format.
    public var writers: WriterRegistry

    /// Creates a converter.
    public init(configuration: Configuration = Configuration(), writers: WriterRegistry = .standard) {
        self.configuration = configuration
        self.writers = writers
    }

    /// The standalone document `format` makes of `file`, and the warnings reading it and the theme's strings gave.
    public func convert(_ file: SourceFile, to format: String, theme: Theme? = nil) async throws -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        let writer = try writers.writers(for: [format])[0]
        let pipeline = Pipeline(configuration: configuration, writers: writers, concurrency: 1)
        let (archive, diagnostics) = try await pipeline.load([file])
        guard let article = archive.articles.first else {
            throw BulletinError(code: .invalidSources, message: "\(file.path): no article was read")
        }
        let context = WriterContext(settings: configuration.writerSettings, theme: try theme ?? Resources.theme(configuration.theme))
        do {
            return (try writer.standalone(article, in: archive, context: context), diagnostics + context.theme.stringsWarnings)
        } catch let error as BulletinError {
            throw error
        } catch let error as WriterError where !error.diagnostics.isEmpty {
            // A problem in the theme, with where it is.
            throw error
        } catch {
            throw BulletinError(code: .writer, message: "\(error)")
        }
    }
}

/// `bulletin check`: reads and assembles, reports every diagnostic, writes nothing.
public struct Checker: Sendable {
    /// The configuration whose entity dictionary is checked against the archive's entities, as a build
    /// checks it; none checks only the sources.
    public var configuration: Configuration?

    /// Creates a checker.
    public init(configuration: Configuration? = nil) {
        self.configuration = configuration
    }

    /// Every diagnostic of every file, sorted by location; with a configuration whose entity dictionary
    /// names entities (merges, renames, suppressions), also its entries that name none, which takes tagging
    /// the whole archive as a build does.
    public func check(_ files: [SourceFile]) async throws -> [Diagnostic] {
        if !files.isEmpty, let configuration, let dictionary = configuration.entities,
           !(dictionary.merge ?? []).isEmpty || !(dictionary.rename ?? []).isEmpty || !(dictionary.suppress ?? []).isEmpty {
            // Loaded as a build loads them, read once: the sources' diagnostics, the assembly's and the
            // dictionary's, or, when the sources have errors, theirs alone.
            do {
                return try await Pipeline(configuration: configuration).load(files).diagnostics
            } catch let failure as BulletinError where failure.code == .invalidSources {
                return failure.diagnostics
            }
        }
        let results = await Pipeline().read(files)
        var diagnostics = results.flatMap(\.diagnostics)
        if !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics += Assembler().assemble(results.compactMap(\.article)).1
        }
        return diagnostics.sorted()
    }
}

extension WriterRegistry {
    /// The writers of `formats`, in order; an unknown format is a usage error that lists the known ones.
    func writers(for formats: [String]) throws -> [any Writer] {
        try formats.map { format in
            guard let writer = self[format] else {
                throw BulletinError(code: .invalidUsage, message: "unknown format '\(format)'; known formats: \(self.formats.joined(separator: ", "))")
            }
            return writer
        }
    }
}
