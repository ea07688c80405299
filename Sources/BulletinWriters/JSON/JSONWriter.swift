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

    /// Writes `articles.ndjson`. With ``WriterContext/keeping``, each issue's lines are a part of the file,
    /// named by the issue's digest: an unchanged issue's lines are copied from the previous build's file
    /// rather than written again.
    public func writeArchive(_ archive: Archive, to sink: any OutputSink, context: WriterContext) throws {
        let path = "json/articles.ndjson"
        // Written a megabyte at a time: the whole file is about as large as the archive's tree.
        try sink.write(to: path, format: format, issue: nil) { append in
            var serializer = JSONTreeSerializer(pretty: false, capacity: 1 << 21)
            var handedOn = 0
            for (index, issue) in archive.issues.enumerated() {
                let start = handedOn + serializer.count
                var key: [UInt8] = []
                if let keeping = context.keeping {
                    key = keeping.issuePartKey("ndjson issue 1", issue: index)
                    if let kept = try keeping.keptPart(of: path, key: key) {
                        let pending = serializer.takeBytes()
                        try append(pending)
                        try append(kept)
                        handedOn += pending.count + kept.count
                        keeping.recordPart(of: path, key: key, offset: start, count: kept.count)
                        continue
                    }
                }
                for article in issue.articles {
                    serializer.write(ArticleRecord(schemaVersion: IssueDocument.currentSchemaVersion, issue: issue.id, article: article))
                    serializer.newline()
                }
                context.keeping?.recordPart(of: path, key: key, offset: start, count: handedOn + serializer.count - start)
                if serializer.count >= 1 << 20 {
                    let pending = serializer.takeBytes()
                    try append(pending)
                    handedOn += pending.count
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

    /// None: the JSON is the document tree, whatever the settings.
    public func settingsRead(from settings: WriterSettings) -> WriterSettings { WriterSettings() }

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
