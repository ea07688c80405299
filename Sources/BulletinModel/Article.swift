/// One article: its metadata and its body.
public struct Article: Sendable, Hashable, Codable, Identifiable {
    /// Everything known about the article besides its body.
    public var metadata: ArticleMetadata
    /// The body, in reading order.
    public var blocks: [Block]

    /// The article's stable id.
    public var id: String { metadata.id }

    /// Creates an article.
    public init(metadata: ArticleMetadata, blocks: [Block]) {
        self.metadata = metadata
        self.blocks = blocks
    }
}

/// Where an article came from.
public struct SourceInfo: Sendable, Hashable, Codable {
    /// The path as given to the reader (relative to the working directory when it was given so).
    public var path: String
    /// The source format's name, e.g. "text".
    public var format: String
    /// Lowercase hex SHA-256 of the source bytes.
    public var sha256: String

    /// Creates source information.
    public init(path: String, format: String, sha256: String) {
        self.path = path
        self.format = format
        self.sha256 = sha256
    }
}

/// A summary of an article, made of its own sentences or given by the source.
public struct ArticleSummary: Sendable, Hashable, Codable {
    /// Where a summary came from.
    public enum Origin: String, Sendable, Hashable, Codable {
        /// Extracted by the summarizer.
        case generated
        /// Given by a `Summary:` header field.
        case source
    }

    /// The full summary, for feeds, issue pages and title pages.
    public var text: String
    /// A one-line teaser, for lists and `meta description`.
    public var dek: String
    /// Who wrote it.
    public var origin: Origin

    /// Creates a summary.
    public init(text: String, dek: String, origin: Origin) {
        self.text = text
        self.dek = dek
        self.origin = origin
    }
}

/// How often an article mentions one entity.
public struct EntityCount: Sendable, Hashable, Codable {
    /// The canonical entity's stable id.
    public var id: String
    /// The canonical name.
    public var name: String
    /// The entity's type.
    public var type: EntityType
    /// Mentions in the article.
    public var count: Int
    /// Who tagged it.
    public var provenance: Provenance

    /// Creates an entity count.
    public init(id: String, name: String, type: EntityType, count: Int, provenance: Provenance) {
        self.id = id
        self.name = name
        self.type = type
        self.count = count
        self.provenance = provenance
    }
}

/// The metadata of one article.
public struct ArticleMetadata: Sendable, Hashable, Codable {
    /// Stable id derived from content.
    public var id: String
    /// URL-safe slug, unique within its issue.
    public var slug: String
    /// The title, given or derived.
    public var title: String
    /// True when the title was derived from the text rather than given.
    public var titleIsDerived: Bool
    /// The given title as inline content with the entities it names, once tagged; nil when it names
    /// none (or was derived from the text, whose mentions are the body's). Its plain text is ``title``.
    public var titleContent: [Inline]?
    /// The publication's display name.
    public var publication: String
    /// The volume number.
    public var volume: Int
    /// The issue number.
    public var issue: Int
    /// The date as an ISO 8601 calendar date (`YYYY-MM-DD`), when known.
    public var date: String?
    /// Authors, in the order given.
    public var authors: [String]
    /// BCP 47 language tag.
    public var language: String
    /// The section, when given.
    public var section: String?
    /// The explicit order within the issue, when given.
    public var order: Int?
    /// Where the article came from.
    public var source: SourceInfo
    /// Words in the body.
    public var wordCount: Int
    /// The summary, once known.
    public var summary: ArticleSummary?
    /// The entities mentioned, most frequent first.
    public var entities: [EntityCount]
    /// Header fields the reader did not interpret, kept in source order.
    public var extraFields: [HeaderField]

    /// Creates article metadata.
    public init(
        id: String, slug: String, title: String, titleIsDerived: Bool, titleContent: [Inline]? = nil,
        publication: String, volume: Int, issue: Int, date: String? = nil,
        authors: [String] = [], language: String = "en", section: String? = nil, order: Int? = nil,
        source: SourceInfo, wordCount: Int, summary: ArticleSummary? = nil,
        entities: [EntityCount] = [], extraFields: [HeaderField] = []
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.titleIsDerived = titleIsDerived
        self.titleContent = titleContent
        self.publication = publication
        self.volume = volume
        self.issue = issue
        self.date = date
        self.authors = authors
        self.language = language
        self.section = section
        self.order = order
        self.source = source
        self.wordCount = wordCount
        self.summary = summary
        self.entities = entities
        self.extraFields = extraFields
    }
}

/// A `Key: value` header field.
public struct HeaderField: Sendable, Hashable, Codable {
    /// The key as written.
    public var key: String
    /// The value, trimmed.
    public var value: String

    /// Creates a header field.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

extension ArticleMetadata {
    /// Whether the article is in English (`en`, `en-GB`, …): the language the entity tagger and the
    /// title rules know.
    public var isEnglish: Bool {
        Self.isEnglish(language)
    }

    /// Whether the BCP 47 tag `language` names English.
    public static func isEnglish(_ language: String) -> Bool {
        let tag = language.lowercased()
        return tag == "en" || tag.hasPrefix("en-")
    }
}

extension ArticleMetadata {
    /// `text`, a summary or dek shown under the article's title in a list, without the words a derived
    /// title already shows.
    ///
    /// A derived title is the opening sentence, cut short with an ellipsis when long, and a summary of
    /// news most often opens with that sentence too: a list printing both would print those words twice,
    /// one under the other. The text then goes on where the title stopped, after an ellipsis ("…also to
    /// its long-frozen relations with NATO. Top Russian officials…"), or at its next sentence when the
    /// title is the whole first sentence; nil when nothing is left. Any other text, and any text under a
    /// title the source gave, is returned as it is. White space is compared collapsed, and the title's
    /// words must end where a word of the text ends.
    public func continuingTitle(_ text: String) -> String? {
        guard titleIsDerived else { return text }
        let stemText = title.collapsingWhitespace
        var stem = stemText.utf8[...]
        let ellipsis = "…".utf8
        let wasCut = stem.count >= ellipsis.count && stem.suffix(ellipsis.count).elementsEqual(ellipsis)
        if wasCut { stem = stem.dropLast(ellipsis.count) }
        // Compared as bytes (the title was made from these very words), not as characters, and before the
        // text is collapsed: the page of an issue's contents asks this of every article, and most texts
        // do not open with the title.
        let stemCount = stem.count
        guard stemCount > 0, text.withUTF8Bytes({ text in
            stemText.withUTF8Bytes { Self.collapsed(text, startsWith: UnsafeBufferPointer(rebasing: $0[..<stemCount])) }
        }) else { return text }
        let collapsed = text.collapsingWhitespace
        var rest = collapsed[collapsed.utf8.index(collapsed.startIndex, offsetBy: stemCount)...]
        if let next = rest.first, next.isLetter || next.isNumber { return text }
        // A mark combining with the title's last letter: the title ends inside a character.
        if let scalar = rest.unicodeScalars.first,
           [.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory) { return text }
        if !wasCut, rest.first == "." { rest = rest.dropFirst() }
        // The separators a cut title drops before its ellipsis are not printed after it either.
        rest = rest.drop { $0.isWhitespace || (wasCut && ",;:–—-".contains($0)) }
        guard !rest.isEmpty else { return nil }
        return wasCut ? "…" + rest : String(rest)
    }

    /// Whether `text`, its white space collapsed as ``Swift/String/collapsingWhitespace`` collapses it,
    /// starts with `stem`: read up to the end of the stem, without making the collapsed text.
    static func collapsed(_ text: UnsafeBufferPointer<UInt8>, startsWith stem: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0, matched = 0
        // A run of white space is one space, but only between two words: none leads, none ends the text.
        var spaceBefore = false
        while matched < stem.count {
            guard index < text.count else { return false }
            let space = UTF8Whitespace.length(text, at: index)
            if space > 0 {
                spaceBefore = matched > 0
                index += space
                continue
            }
            if spaceBefore {
                guard stem[matched] == 0x20 else { return false }
                matched += 1
                spaceBefore = false
                if matched == stem.count { return true }
            }
            guard stem[matched] == text[index] else { return false }
            matched += 1
            index += 1
        }
        return true
    }
}
