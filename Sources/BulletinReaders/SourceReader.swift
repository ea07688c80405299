import BulletinModel

/// Reads one source file into a ``SourceArticle``.
///
/// Readers are pure: bytes and a path in, an article and diagnostics out. They never touch the disk.
public protocol SourceReader: Sendable {
    /// The format's name, e.g. "text".
    var format: String { get }
    /// File name extensions this reader claims, lowercase, without the dot.
    var fileExtensions: [String] { get }
    /// Reads `bytes`, reporting every problem found, not just the first.
    func read(_ bytes: [UInt8], path: String) -> ReadResult
}

/// What a reader made of one file.
public struct ReadResult: Sendable {
    /// The article, or nil when an error made one impossible.
    public var article: SourceArticle?
    /// Everything worth telling, errors and warnings.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(article: SourceArticle?, diagnostics: [Diagnostic]) {
        self.article = article
        self.diagnostics = diagnostics
    }

    /// True when a diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// An article as read from its source, before assembly gives it ids, a slug and a title.
public struct SourceArticle: Sendable, Hashable {
    /// The publication as spelled in the source.
    public var publication: String
    /// The volume number.
    public var volume: Int
    /// The issue number.
    public var issue: Int
    /// ISO 8601 date, when given.
    public var date: String?
    /// The title, when given.
    public var title: String?
    /// Authors, when given.
    public var authors: [String]
    /// BCP 47 language tag, when given.
    public var language: String?
    /// Section, when given.
    public var section: String?
    /// Explicit order within the issue, when given.
    public var order: Int?
    /// A summary written by the editor, when given.
    public var summary: String?
    /// Fields the reader did not interpret.
    public var extraFields: [HeaderField]
    /// The body.
    public var blocks: [Block]
    /// Where it came from.
    public var source: SourceInfo
    /// Where the header starts, for diagnostics about the whole article.
    public var headerLocation: SourceLocation
    /// Where the values of the fields that assembly compares across articles are (`date`, `order`), for
    /// its diagnostics about them.
    public var fieldPlaces: [String: FieldPlace]

    /// Creates a source article.
    public init(
        publication: String, volume: Int, issue: Int, date: String? = nil, title: String? = nil,
        authors: [String] = [], language: String? = nil, section: String? = nil, order: Int? = nil,
        summary: String? = nil, extraFields: [HeaderField] = [], blocks: [Block],
        source: SourceInfo, headerLocation: SourceLocation, fieldPlaces: [String: FieldPlace] = [:]
    ) {
        self.publication = publication
        self.volume = volume
        self.issue = issue
        self.date = date
        self.title = title
        self.authors = authors
        self.language = language
        self.section = section
        self.order = order
        self.summary = summary
        self.extraFields = extraFields
        self.blocks = blocks
        self.source = source
        self.headerLocation = headerLocation
        self.fieldPlaces = fieldPlaces
    }
}

/// Where a header field's value is, and the line it is on: what a diagnostic shows with a caret.
public struct FieldPlace: Sendable, Hashable {
    /// The value's first character.
    public var location: SourceLocation
    /// The line the value is on.
    public var line: String

    /// Creates a place.
    public init(location: SourceLocation, line: String) {
        self.location = location
        self.line = line
    }
}

/// The readers the pipeline knows, by format name and file extension: a plain table.
public struct ReaderRegistry: Sendable {
    /// Readers by format name.
    public private(set) var readers: [String: any SourceReader]

    /// Creates a registry.
    public init(_ readers: [any SourceReader]) {
        var table: [String: any SourceReader] = [:]
        for reader in readers { table[reader.format] = reader }
        self.readers = table
    }

    /// The readers that ship with Bulletin.
    public static let standard = ReaderRegistry([BulletinTextReader()])

    /// The reader claiming a file extension, if any.
    public func reader(forExtension fileExtension: String) -> (any SourceReader)? {
        let wanted = fileExtension.lowercased()
        return readers.keys.sorted().lazy.compactMap { readers[$0] }.first { $0.fileExtensions.contains(wanted) }
    }

    /// Every extension some reader claims, sorted.
    public var fileExtensions: [String] {
        readers.values.flatMap(\.fileExtensions).sorted()
    }
}
