import BulletinModel

/// `OUTPUT/manifest.json`: what was built from what. Stable across versions; documented in the README.
public struct Manifest: Sendable, Hashable, Codable {
    /// The tool that wrote it.
    public struct Generator: Sendable, Hashable, Codable {
        /// "Bulletin".
        public var name: String
        /// Semantic version.
        public var version: String
    }

    /// One article of an issue.
    public struct ArticleEntry: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var slug: String
        public var source: String
        public var sourceHash: String
    }

    /// One issue.
    public struct IssueEntry: Sendable, Hashable, Codable {
        public var id: String
        public var publication: String
        public var volume: Int
        public var issue: Int
        public var date: String?
        public var articles: [ArticleEntry]
    }

    /// One file written.
    public struct FileEntry: Sendable, Hashable, Codable {
        /// Path relative to the output folder.
        public var path: String
        /// The format that wrote it.
        public var format: String
        /// The issue it belongs to, when one.
        public var issue: String?
        /// Size in bytes.
        public var bytes: Int
        /// Lowercase hex SHA-256 of the contents.
        public var sha256: String

        /// Describes one file written.
        public init(path: String, format: String, issue: String?, bytes: Int, sha256: String) {
            self.path = path
            self.format = format
            self.issue = issue
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    /// Version of the manifest's own shape.
    public var manifestVersion: Int = 1
    public var generator: Generator
    /// Formats built, sorted.
    public var formats: [String]
    public var issues: [IssueEntry]
    /// Every file written except the manifest itself, sorted by path.
    public var files: [FileEntry]

    /// The manifest of `archive` and the files written.
    public init(archive: Archive, formats: [String], files: [FileEntry]) {
        generator = Generator(name: BulletinInfo.name, version: BulletinInfo.version)
        self.formats = formats.sorted()
        issues = archive.issues.map { issue in
            IssueEntry(id: issue.id, publication: issue.publication, volume: issue.volume, issue: issue.number, date: issue.date,
                       articles: issue.articles.map {
                           ArticleEntry(id: $0.id, title: $0.metadata.title, slug: $0.metadata.slug,
                                        source: $0.metadata.source.path, sourceHash: $0.metadata.source.sha256)
                       })
        }
        self.files = files
        // Files from a sink's `entries` come sorted, and are not copied and sorted again.
        if !files.indices.dropFirst().allSatisfy({ files[$0 - 1].path < files[$0].path }) { self.files.sort { $0.path < $1.path } }
    }
}

/// The tool's name and version.
public enum BulletinInfo {
    /// "Bulletin".
    public static let name = "Bulletin"
    /// The version, also printed by `bulletin --version`.
    public static let version = "0.1.0"
}
