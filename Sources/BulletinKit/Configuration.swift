import BulletinModel
import BulletinNLP
import BulletinTransforms
import BulletinWriters
import Foundation

/// The project configuration, read from `bulletin.yml`. Every field is optional.
public struct Configuration: Sendable, Hashable, Codable {
    /// The site's and feeds' title.
    public var title: String?
    /// Absolute base URL of the published site, for feeds, canonical links and EPUB links to the site.
    public var baseURL: String?
    /// Publisher, for EPUB metadata and feeds.
    public var publisher: String?
    /// Rights statement.
    public var rights: String?
    /// Default language for sources that do not name one.
    public var language: String?
    /// Formats to build when `--formats` is not given.
    public var formats: [String]?
    /// Theme name or path.
    public var theme: String?
    /// Source folders or files, relative to the configuration file.
    public var sources: [String]?
    /// Output folder, relative to the configuration file.
    public var output: String?
    /// Plain-text settings.
    public var text: TextSettings?
    /// Feed settings.
    public var feeds: FeedSettings?
    /// Site settings.
    public var site: SiteSettings?
    /// EPUB settings.
    public var epub: EPUBSettings?
    /// Summary settings.
    public var summaries: SummarySettings?
    /// The editor's entity dictionary: additions, merges, renames, suppressions.
    public var entities: EntityDictionary?
    /// Where each value was written, by its field's name as the file writes it (`entities.merge[0].into`),
    /// when the configuration was read from a file: for diagnostics about a value that reads well but
    /// names nothing. Not a field of the file.
    public var locations: [String: SourceLocation] = [:]

    private enum CodingKeys: String, CodingKey {
        case title, baseURL, publisher, rights, language, formats, theme, sources, output, text, feeds, site, epub, summaries, entities
    }

    /// Summary settings.
    public struct SummarySettings: Sendable, Hashable, Codable {
        /// Words a summary stops after (whole sentences; default 60).
        public var wordBudget: Int?
        /// Most sentences in a summary.
        public var maxSentences: Int?
        /// Words a dek may have before it is shortened at a clause boundary (default 30).
        public var dekWords: Int?
    }

    /// Plain-text settings.
    public struct TextSettings: Sendable, Hashable, Codable {
        /// Wrap column, at least ``minimumWidth`` (default 72).
        public var width: Int?

        /// The narrowest wrap column: in fewer, a long word would stand alone on most lines.
        public static let minimumWidth = 20
    }

    /// Site settings.
    public struct SiteSettings: Sendable, Hashable, Codable {
        /// Articles per page of an entity's list (default 100).
        public var entityPageSize: Int?

        /// Creates site settings.
        public init(entityPageSize: Int? = nil) {
            self.entityPageSize = entityPageSize
        }
    }

    /// Feed settings.
    public struct FeedSettings: Sendable, Hashable, Codable {
        /// Items per feed document before paging.
        public var itemLimit: Int?
    }

    /// EPUB settings.
    public struct EPUBSettings: Sendable, Hashable, Codable {
        /// Also write one book per volume.
        public var perVolume: Bool?

        /// Creates settings.
        public init(perVolume: Bool? = nil) {
            self.perVolume = perVolume
        }
    }

    /// The whole-number settings, by name as the file writes them: the least value each takes (a value
    /// below it is an error when the file is read, and ignored in a configuration made in code), and
    /// what leaving it out gives. One not listed takes 1 or more.
    static let numbers: [String: (minimum: Int, unset: String)] = [
        "text.width": (TextSettings.minimumWidth, "\(WriterSettings().textWidth) columns"),
        "summaries.wordBudget": (1, "\(SummaryOptions().wordBudget) words"),
        "summaries.maxSentences": (1, "no limit"),
        "summaries.dekWords": (1, "\(SummaryOptions().dekWordLimit) words"),
        "feeds.itemLimit": (1, "\(WriterSettings().feedItemLimit) items"),
        "site.entityPageSize": (1, "\(WriterSettings().entityPageSize) articles"),
    ]

    /// An empty configuration: every default.
    public init() {}

    /// The summarizer's options.
    public var summaryOptions: SummaryOptions {
        var options = SummaryOptions()
        if let budget = summaries?.wordBudget, budget > 0 { options.wordBudget = budget }
        if let cap = summaries?.maxSentences, cap > 0 { options.maxSentences = cap }
        if let dek = summaries?.dekWords, dek > 0 { options.dekWordLimit = dek }
        return options
    }

    /// The settings writers read.
    public var writerSettings: WriterSettings {
        var settings = WriterSettings()
        if let width = text?.width, width >= TextSettings.minimumWidth { settings.textWidth = width }
        if let baseURL { settings.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        if let title { settings.siteTitle = title }
        settings.publisher = publisher
        settings.rights = rights
        if let limit = feeds?.itemLimit, limit > 0 { settings.feedItemLimit = limit }
        if let size = site?.entityPageSize, size > 0 { settings.entityPageSize = size }
        if let perVolume = epub?.perVolume { settings.epubPerVolume = perVolume }
        return settings
    }
}
