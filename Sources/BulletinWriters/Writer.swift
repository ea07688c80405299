import BulletinModel

/// Turns the archive into the files of one format.
///
/// Writers never touch the disk: they hand bytes to an ``OutputSink``. The pipeline calls ``write(_:in:to:context:)``
/// for every issue, in parallel, then ``writeArchive(_:to:context:)`` once for files that span the archive.
public protocol Writer: Sendable {
    /// The format's name, e.g. "text".
    var format: String { get }
    /// What a user gets, for `--help`.
    var summary: String { get }
    /// Writes the files of one issue.
    func write(_ issue: Issue, in archive: Archive, to sink: any OutputSink, context: WriterContext) throws
    /// Writes files that span the archive (indexes, feeds, bulk exports).
    func writeArchive(_ archive: Archive, to sink: any OutputSink, context: WriterContext) throws
    /// One article as one standalone document, for `bulletin convert`.
    func standalone(_ article: Article, in archive: Archive, context: WriterContext) throws -> [UInt8]
    /// Whether, with `context`'s settings, the writer reads no article's body but those of the issue it is
    /// writing: ``write(_:in:to:context:)`` reads the rest of the archive only for what issues and article
    /// headers say (names, numbers, dates, titles, slugs), and ``writeArchive(_:to:context:)`` reads no body.
    ///
    /// When every writer of a build says so, the build streams: it keeps the archive without bodies and
    /// makes each issue's articles again just before they are written, so its memory does not grow with
    /// the archive. The archive such a writer is given has bodies only in the issue being written.
    func writesIssuesAlone(context: WriterContext) -> Bool
    /// What ``write(_:in:to:context:)`` reads of the archive outside `issue`, as bytes that change whenever
    /// that does. With the issue itself (every field and body), the build's context and the program, they
    /// decide every file the writer makes for `issue`: a later build into the same output in which all of
    /// them are unchanged keeps the files written before rather than writing them again.
    ///
    /// nil, the default, when the writer cannot say: its issues are then written by every build.
    func dependencies(of issue: Issue, in archive: Archive, context: WriterContext) -> [UInt8]?
    /// Whether the files of ``writeArchive(_:to:context:)`` are decided by the archive it is given, the
    /// context and the program alone, so that a later build given the same archive may keep them. False
    /// by default: they are written by every build.
    func archiveFilesAreReusable(context: WriterContext) -> Bool
    /// Whether the writer reads the theme file at `path` (such as `site/assets/style.css`). A file it does not
    /// read cannot change what it writes, so a later build in which only such files changed keeps its files.
    /// True by default: every theme file is taken to count.
    func readsThemeFile(_ path: String) -> Bool
    /// `settings` as far as the writer reads them, the rest at their defaults: a later build whose settings
    /// differ only in what the writer does not read (the site's title, for the books) keeps its files.
    /// `settings` unchanged by default: every setting is taken to count.
    func settingsRead(from settings: WriterSettings) -> WriterSettings
}

extension Writer {
    public func writeArchive(_ archive: Archive, to sink: any OutputSink, context: WriterContext) throws {}

    /// False: a writer is taken to read the whole archive unless it says otherwise.
    public func writesIssuesAlone(context: WriterContext) -> Bool { false }

    /// nil: the writer's issues are written by every build.
    public func dependencies(of issue: Issue, in archive: Archive, context: WriterContext) -> [UInt8]? { nil }

    /// False: the writer's archive-wide files are written by every build.
    public func archiveFilesAreReusable(context: WriterContext) -> Bool { false }

    /// True: every theme file is taken to count.
    public func readsThemeFile(_ path: String) -> Bool { true }

    /// All of them: every setting is taken to count.
    public func settingsRead(from settings: WriterSettings) -> WriterSettings { settings }
}

/// Where writers put what they make: a relative path and its bytes. Thread-safe.
public protocol OutputSink: Sendable {
    /// Stores `bytes` at `path` (relative, `/`-separated), made by `format`, for `issue` when it belongs to one.
    func write(_ bytes: [UInt8], to path: String, format: String, issue: String?) throws

    /// Stores a file given in pieces, for files too large to hold whole: `produce` calls the function it
    /// is given with each piece, in order.
    func write(to path: String, format: String, issue: String?, pieces produce: (_ append: ([UInt8]) throws -> Void) throws -> Void) throws
}

extension OutputSink {
    /// Joins the pieces and stores them with ``write(_:to:format:issue:)``.
    public func write(to path: String, format: String, issue: String?, pieces produce: (_ append: ([UInt8]) throws -> Void) throws -> Void) throws {
        var bytes: [UInt8] = []
        try produce { bytes += $0 }
        try write(bytes, to: path, format: format, issue: issue)
    }
}

/// What every writer may consult: configuration and theme, fixed for the whole build.
public struct WriterContext: Sendable {
    /// The project's settings that writers use.
    public var settings: WriterSettings
    /// The theme's files.
    public var theme: Theme
    /// The formats the build writes, so that one writer's files may link to another's (the site's pages to the feeds).
    public var formats: Set<String>
    /// Set only while ``Writer/writeArchive(_:to:context:)`` runs in a build that may keep files from the
    /// previous build into the same output, and its archive-wide files cannot all be kept: the writer may
    /// then keep those of its files whose inputs it can name (``FileKeeping``).
    public var keeping: (any FileKeeping)?

    /// Creates a context.
    public init(settings: WriterSettings = WriterSettings(), theme: Theme = Theme(files: [:]), formats: Set<String> = []) {
        self.settings = settings
        self.theme = theme
        self.formats = formats
    }
}

/// Keeps single archive-wide files of the previous build into the same output, for a writer that can say
/// what decides each one: a feed's archive page is decided by the articles on it, not by the whole archive.
public protocol FileKeeping: Sendable {
    /// A digest of the archive's issue at `index` (in `archive.issues` order): of every field of every
    /// article, bodies included, after every transform.
    func issueDigest(_ index: Int) -> [UInt8]

    /// Keeps the file at `path` from the previous build when that build made it from the same `key`, and
    /// records `key` for the next build either way. `key` must change whenever anything the file is made
    /// of changes, besides the program, the writer's format and the build's context, which are added to it.
    /// True when the file is kept: the writer then makes nothing for `path`.
    func keep(_ path: String, key: [UInt8]) throws -> Bool

    /// The bytes of the part named `key` of the file at `path`, from the previous build's file, when that
    /// build recorded a part of it under the same key: for a file made in runs, such as one issue's lines of
    /// `articles.ndjson`, each decided by its key as a kept file is. Nil when the part must be made.
    func keptPart(of path: String, key: [UInt8]) throws -> [UInt8]?

    /// Records, for the next build, that `count` bytes at `offset` in the file at `path` are the part named `key`.
    func recordPart(of path: String, key: [UInt8], offset: Int, count: Int)
}

extension FileKeeping {
    /// The key of a part (named by `kind`) that the archive's issue at `index` alone decides.
    public func issuePartKey(_ kind: String, issue index: Int) -> [UInt8] {
        var digest = ContentDigest()
        digest.add(kind)
        digest.add(bytes: issueDigest(index))
        return digest.finalize()
    }
}

/// Settings from the project configuration that writers read.
public struct WriterSettings: Sendable, Hashable, Codable {
    /// Column at which plain text wraps.
    public var textWidth: Int
    /// The site's absolute base URL, e.g. `https://example.org/bulletin/`, when configured.
    public var baseURL: String?
    /// The site's title.
    public var siteTitle: String
    /// Publisher, for EPUB metadata and feeds.
    public var publisher: String?
    /// Rights statement.
    public var rights: String?
    /// Most items per feed document before paging.
    public var feedItemLimit: Int
    /// Most articles on one page of an entity's list before it continues on the next.
    public var entityPageSize: Int
    /// Also write one EPUB per volume.
    public var epubPerVolume: Bool

    /// Creates settings.
    public init(
        textWidth: Int = 72, baseURL: String? = nil, siteTitle: String = "Bulletin", publisher: String? = nil,
        rights: String? = nil, feedItemLimit: Int = 50, entityPageSize: Int = 100, epubPerVolume: Bool = false
    ) {
        self.textWidth = textWidth
        self.baseURL = baseURL
        self.siteTitle = siteTitle
        self.publisher = publisher
        self.rights = rights
        self.feedItemLimit = feedItemLimit
        self.entityPageSize = entityPageSize
        self.epubPerVolume = epubPerVolume
    }
}

/// A theme's files by relative path (`site/article.mustache`, `epub/style.css`), already merged over the default.
public struct Theme: Sendable, Hashable {
    /// The files.
    public var files: [String: [UInt8]]
    /// Where the files read from disk were read, by relative path, for diagnostics; a file bundled
    /// with Bulletin has none.
    public var origins: [String: String]
    /// Bulletin's own strings files that the theme's take the place of, by path (`strings/fr.json`): the
    /// keys a theme's file leaves out come from them before any other language's (English last).
    public var bundledStrings: [String: [UInt8]]

    /// Creates a theme from its files.
    public init(files: [String: [UInt8]], origins: [String: String] = [:], bundledStrings: [String: [UInt8]] = [:]) {
        self.files = files
        self.origins = origins
        self.bundledStrings = bundledStrings
    }

    /// Where the file at `path` came from: its path on disk, or the bundled theme's path.
    public func origin(of path: String) -> String {
        origins[path] ?? "(bundled theme) \(path)"
    }

    /// A file's text, when the theme has it.
    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}

/// The writers Bulletin knows, by format name: a plain table.
public struct WriterRegistry: Sendable {
    /// Writers by format name.
    public private(set) var writers: [String: any Writer]

    /// Creates a registry.
    public init(_ writers: [any Writer]) {
        var table: [String: any Writer] = [:]
        for writer in writers { table[writer.format] = writer }
        self.writers = table
    }

    /// Adds or replaces a writer.
    public mutating func register(_ writer: any Writer) {
        writers[writer.format] = writer
    }

    /// The writers that ship with Bulletin.
    public static let standard = WriterRegistry([TextWriter(), JSONWriter(), FeedWriter(), SiteWriter(), EPUBWriter()])

    /// Format names, sorted.
    public var formats: [String] { writers.keys.sorted() }

    /// The writer for a format.
    public subscript(format: String) -> (any Writer)? { writers[format] }
}

/// Why a writer could not write.
public struct WriterError: Error, Sendable, CustomStringConvertible {
    /// The format.
    public var format: String
    /// What went wrong.
    public var message: String
    /// Where, when the problem is in a file the user gave (a theme's template).
    public var diagnostics: [Diagnostic]

    /// Creates an error.
    public init(format: String, message: String, diagnostics: [Diagnostic] = []) {
        self.format = format
        self.message = message
        self.diagnostics = diagnostics
    }

    public var description: String { "\(format) writer: \(message)" }
}
