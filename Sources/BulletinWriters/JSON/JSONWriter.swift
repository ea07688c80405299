import BulletinModel
import Foundation

/// The document tree as JSON: one document per issue and `articles.ndjson`, one article a line.
///
/// Files: `json/<issue>.json` and `json/articles.ndjson`. Both follow the shipped JSON Schema.
///
/// A build writes compact documents: indentation would double their size (the 10,000-article bench's issue
/// documents: 99.5 MB compact, 198.2 MB indented) for readers that are programs. `bulletin convert --to json`,
/// whose one-article document is usually read by a person, indents it.
public struct JSONWriter: Writer {
    public let format = "json"
    public let summary = "the document tree as JSON per issue, and articles.ndjson for bulk loads"

    /// Creates the writer.
    public init() {}

    /// One line of `articles.ndjson`.
    public struct ArticleRecord: Codable, Sendable, Hashable {
        /// The schema version.
        public var schemaVersion: Int
        /// The issue's id.
        public var issue: String
        /// The article.
        public var article: Article

        /// Creates a record.
        public init(schemaVersion: Int, issue: String, article: Article) {
            self.schemaVersion = schemaVersion
            self.issue = issue
            self.article = article
        }
    }

    public func write(_ issue: Issue, in archive: Archive, to sink: any OutputSink, context: WriterContext) throws {
        try sink.write(Self.serialize(IssueDocument(issue: issue), pretty: false), to: "json/\(issue.id).json", format: format, issue: issue.id)
    }

    public func writeArchive(_ archive: Archive, to sink: any OutputSink, context: WriterContext) throws {
        // Written a megabyte at a time: the whole file is about as large as the archive's tree.
        try sink.write(to: "json/articles.ndjson", format: format, issue: nil) { append in
            var serializer = JSONTreeSerializer(pretty: false, capacity: 1 << 21)
            for issue in archive.issues {
                for article in issue.articles {
                    serializer.write(ArticleRecord(schemaVersion: IssueDocument.currentSchemaVersion, issue: issue.id, article: article))
                    serializer.newline()
                    if serializer.count >= 1 << 20 { try append(serializer.takeBytes()) }
                }
            }
            try append(serializer.takeBytes())
        }
    }

    /// None: an issue's document is the issue alone.
    public func dependencies(of issue: Issue, in archive: Archive, context: WriterContext) -> [UInt8]? { [] }

    /// True: `articles.ndjson` is the archive's articles and nothing else.
    public func archiveFilesAreReusable(context: WriterContext) -> Bool { true }

    /// None: the JSON is the document tree.
    public func readsThemeFile(_ path: String) -> Bool { false }

    public func standalone(_ article: Article, in archive: Archive, context: WriterContext) throws -> [UInt8] {
        guard let issue = archive.issues.first(where: { $0.articles.contains { $0.id == article.id } }) else {
            throw WriterError(format: format, message: "the article is not in the archive given")
        }
        var single = issue
        single.articles = [article]
        return Self.serialize(IssueDocument(issue: single), pretty: true)
    }

    /// An issue document with sorted keys and a final newline; `pretty` indents it by two spaces.
    /// A digest of `issue`'s whole tree, every field of every article: the SHA-256 of what the walk that
    /// writes its JSON document gives in digest form (``JSONTreeSerializer/digest(of:)``), so it changes
    /// exactly when the document does.
    public static func digest(of issue: Issue) -> [UInt8] {
        JSONTreeSerializer.digest(of: issue)
    }

    public static func serialize(_ document: IssueDocument, pretty: Bool) -> [UInt8] {
        var serializer = JSONTreeSerializer(pretty: pretty, capacity: 1 << 16)
        serializer.write(document)
        serializer.newline()
        return serializer.bytes
    }

    /// Deterministic JSON: sorted keys, no escaped slashes, a final newline when pretty.
    public static func encode<Value: Encodable>(_ value: Value, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        var bytes = [UInt8](try encoder.encode(value))
        if pretty { bytes.append(0x0A) }
        return bytes
    }
}
