import BulletinModel
import BulletinNLP

/// Marks mentions of people, organisations, places and other names with entity nodes.
///
/// The whole article, its given title and its body, is tagged as one document, so short forms link to
/// the full form ("Ivashov" → "Leonid Ivashov"). The title's mentions become its
/// ``ArticleMetadata/titleContent`` and count as the body's do; a title derived from the text is not tagged,
/// since its words are the body's. Citations and cross-references are left alone: they are bulletin
/// apparatus, not prose. The article's entity list (with counts) is filled in by ``EntityLinking``.
public struct EntityTagging: ArticleTransform {
    public let name = "Tag entities"
    private let tagger = EntityTagger()

    /// Creates the transform.
    public init() {}

    /// Builds the tagger's word lists (tens of milliseconds, on one core).
    public func prepare() {
        EntityTagger.prepare()
    }

    /// The stable id of an entity: type and canonical name, e.g. `per-leonid-ivashov`.
    public static func entityID(type: EntityType, canonicalName: String) -> String {
        let slug = Slug.make(canonicalName, maxLength: 60, fallback: "")
        return idPrefix(of: type) + (slug.isEmpty ? "x" + SHA256.hex(of: canonicalName).prefix(10) : slug)
    }

    /// The type's raw value in lower case and a hyphen, spelt out: made from the raw value, it was two
    /// more strings for every entity of every article.
    private static func idPrefix(of type: EntityType) -> String {
        switch type {
        case .person: "per-"
        case .organization: "org-"
        case .location: "loc-"
        case .miscellaneous: "misc-"
        }
    }

    public func apply(to article: consuming Article) -> Article {
        apply(to: article, mentions: mentions(in: article))
    }

    /// What the tagger finds in `article`: all that ``apply(to:mentions:)`` needs besides the article.
    /// Nothing in an article that is not in English: the tagger's word lists and cues are English ones,
    /// and in other languages they find names that are not there.
    public func mentions(in article: Article) -> Mentions {
        guard article.metadata.isEnglish else { return Mentions(runs: []) }
        var runs: [[Inline]] = []
        for block in article.blocks { block.collectInlineRuns(into: &runs) }
        let texts = runs.map { $0.plainText }
        let title = article.metadata.titleIsDerived ? "" : article.metadata.title
        guard !title.isBlank else {
            guard !runs.isEmpty else { return Mentions(runs: []) }
            return Mentions(runs: Self.linkingAcronyms(tagger.tag(paragraphs: texts), in: texts))
        }
        let found = tagger.tag(title: title, paragraphs: texts)
        let linked = Self.linkingAcronyms([found.title] + found.paragraphs, in: [title] + texts)
        return Mentions(runs: Array(linked.dropFirst()), title: linked[0])
    }

    /// `article` with `mentions`, found in it by ``mentions(in:)``, made entity nodes.
    public func apply(to article: Article, mentions: Mentions) -> Article {
        let spans = mentions.runs
        guard !spans.isEmpty || !mentions.title.isEmpty else { return article }
        // Sized once for every mention: grown from empty, the tables were rehashed several times an article.
        var entities = ArticleEntities(capacity: spans.reduce(mentions.title.count) { $0 + $1.count })
        var next = 0
        var result = article
        // A derived title holds no mentions of its own: they are its words' in the body.
        if !mentions.title.isEmpty, !article.metadata.titleIsDerived {
            var rewriter = MentionRewriter(spans: mentions.title)
            let content = rewriter.rewrite([.text(article.metadata.title)], entities: &entities)
            if rewriter.placedCount > 0 { result.metadata.titleContent = content }
        }
        result.blocks = article.blocks.map { block in
            block.mapInlines { run in
                // Mentions found in another article could count other runs: the runs past them get none.
                let runSpans = next < spans.count ? spans[next] : []
                next += 1
                var rewriter = MentionRewriter(spans: runSpans)
                return rewriter.rewrite(run, entities: &entities)
            }
        }
        result.metadata.entities = entities.counts.map { entity in
            EntityCount(id: entity.id, name: entity.name, type: entity.type, count: entity.count, provenance: .automatic)
        }.sorted { ($1.count, $0.name, $0.id) < ($0.count, $1.name, $1.id) }
        return result
    }
}

extension EntityTagging {
    /// An acronym in parentheses right after a name of the same type is that name:
    /// "Organization for Security and Co-operation in Europe (OSCE)", "Federal Security Service (FSB)".
    /// Every mention of the acronym in the article then joins the full name's entity.
    static func linkingAcronyms(_ spans: [[EntitySpan]], in texts: [String]) -> [[EntitySpan]] {
        var aliases: [String: (name: String, kind: EntityKind)] = [:]
        for (run, runSpans) in spans.enumerated() where runSpans.count > 1 {
            // Made only for a run with a name and an acronym two scalars apart, which few runs have.
            var scalars: [Unicode.Scalar] = []
            for index in runSpans.indices.dropFirst() {
                let name = runSpans[index - 1], acronym = runSpans[index]
                // What the spans tell first: most pairs two scalars apart are lists ("Moscow, Kyiv").
                guard acronym.start == name.end + 2, acronym.kind == name.kind, acronym.text.count >= 2, name.text.contains(" "),
                      acronym.text.unicodeScalars.allSatisfy({ $0.properties.isUppercase || $0 == "." })
                else { continue }
                if scalars.isEmpty { scalars = Array(texts[run].unicodeScalars) }
                guard acronym.end < scalars.count,
                      scalars[name.end] == " ", scalars[name.end + 1] == "(", scalars[acronym.end] == ")"
                else { continue }
                aliases[acronym.canonicalName] = (name.canonicalName, name.kind)
            }
        }
        guard !aliases.isEmpty else { return spans }
        return spans.map { runSpans in
            runSpans.map { span in
                guard let alias = aliases[span.canonicalName], alias.kind == span.kind else { return span }
                var linked = span
                linked.canonicalName = alias.name
                return linked
            }
        }
    }
}

extension EntityType {
    /// The model's type for a tagger kind.
    init(_ kind: EntityKind) {
        switch kind {
        case .person: self = .person
        case .organization: self = .organization
        case .location: self = .location
        case .miscellaneous: self = .miscellaneous
        }
    }
}

/// An entity as the tagger names it: its type and canonical name.
struct EntityIDKey: Hashable {
    var type: EntityType
    var canonicalName: String
}

/// The entities of one article with their mentions counted, as the mentions are placed.
///
/// Each entity's id is made once, and every mention of it shares the string: an archive holds some thirty
/// mentions an article, and a slug made (and kept) for each would be as many strings. A mention is counted
/// by its key alone; the id is looked up only for a new key, as two keys can give one id ("Leonid Ivashov"
/// and "Leonid IVASHOV" both `per-leonid-ivashov`), and those count as one entity, named as its first mention.
///
/// Most articles name a dozen or so entities: their keys and ids are found by reading the lists in order,
/// which compares strings that are most often the same string (the tagger hands every mention of a name
/// one canonical name) and costs less than hashing them. Past ``scanLimit`` keys the lists are indexed by
/// dictionaries, so that an article naming hundreds is not counted in quadratic time.
struct ArticleEntities {
    /// Each entity of the article, in the order of its first mention.
    private(set) var counts: [(id: String, name: String, type: EntityType, count: Int)] = []
    /// Each key met, in order, until they are indexed: the key, the length of its name in UTF-8 bytes
    /// (compared first, as most names differ in length) and the index in `counts` of its entity.
    private var keys: [(key: EntityIDKey, length: Int, index: Int)] = []
    /// `keys` and the ids of `counts` indexed, once there are more than ``scanLimit`` of them.
    private var indexByKey: [EntityIDKey: Int] = [:]
    private var indexByID: [String: Int] = [:]
    /// How many mentions the article has, at most the keys it can have: the dictionaries' size when made.
    private let capacity: Int

    /// How many keys, or ids, are searched in order before they are indexed.
    static let scanLimit = 24

    init(capacity: Int) {
        self.capacity = capacity
        counts.reserveCapacity(capacity)
        keys.reserveCapacity(min(capacity, Self.scanLimit + 1))
    }

    /// Counts a mention of `span`'s entity and returns the entity's id.
    mutating func count(_ span: EntitySpan) -> String {
        let type = EntityType(span.kind)
        let key = EntityIDKey(type: type, canonicalName: span.canonicalName)
        if let index = index(of: key) {
            counts[index].count += 1
            return counts[index].id
        }
        let id = EntityTagging.entityID(type: type, canonicalName: span.canonicalName)
        let index = index(ofID: id) ?? counts.count
        if index == counts.count {
            counts.append((id, span.canonicalName, type, 0))
            if counts.count > Self.scanLimit {
                if indexByID.isEmpty { indexByID = Self.index(counts.indices.map { (counts[$0].id, $0) }, capacity: capacity) }
                else { indexByID[id] = index }
            }
        }
        if indexByKey.isEmpty {
            keys.append((key, key.canonicalName.utf8.count, index))
            if keys.count > Self.scanLimit { indexByKey = Self.index(keys.map { ($0.key, $0.index) }, capacity: capacity) }
        } else {
            indexByKey[key] = index
        }
        counts[index].count += 1
        return counts[index].id
    }

    private func index(of key: EntityIDKey) -> Int? {
        guard keys.count <= Self.scanLimit else { return indexByKey[key] }
        let length = key.canonicalName.utf8.count
        return keys.first { $0.length == length && $0.key == key }?.index
    }

    private func index(ofID id: String) -> Int? {
        guard counts.count <= Self.scanLimit else { return indexByID[id] }
        let length = id.utf8.count
        return counts.firstIndex { $0.id.utf8.count == length && $0.id == id }
    }

    /// A dictionary of `pairs`, with room for `capacity` entries.
    private static func index<Key: Hashable>(_ pairs: [(Key, Int)], capacity: Int) -> [Key: Int] {
        var index = [Key: Int](minimumCapacity: max(capacity, pairs.count))
        for (key, value) in pairs { index[key] = value }
        return index
    }
}

/// Splits text inlines at entity spans given in Unicode-scalar offsets of the run's plain text.
struct MentionRewriter {
    let spans: [EntitySpan]
    private var offset = 0
    private var spanIndex = 0
    /// How many mentions were placed.
    private(set) var placedCount = 0

    init(spans: [EntitySpan]) {
        self.spans = spans.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// `inlines` with their mentions split out, each counted in `entities`, the article's entities so far.
    mutating func rewrite(_ inlines: [Inline], entities: inout ArticleEntities) -> [Inline] {
        var output: [Inline] = []
        // A span adds at most a mention and the text after it; sized so, the rewritten run keeps no
        // spare capacity from doubling, which a whole archive of runs would hold on to.
        output.reserveCapacity(inlines.count + 2 * (spans.count - spanIndex))
        for inline in inlines {
            switch inline {
            case .text(let text):
                split(text, into: &output, entities: &entities)
            case .emphasis(let content):
                output.append(.emphasis(rewrite(content, entities: &entities)))
            case .strong(let content):
                output.append(.strong(rewrite(content, entities: &entities)))
            case .link(var link):
                link.content = rewrite(link.content, entities: &entities)
                output.append(.link(link))
            case .lineBreak, .citation, .crossReference, .entity:
                offset += inline.plainText.unicodeScalars.count
                output.append(inline)
            }
        }
        return output
    }

    private mutating func split(_ text: String, into output: inout [Inline], entities: inout ArticleEntities) {
        var contiguous = text
        contiguous.withUTF8 { bytes in
            let count = UTF8Scalar.count(in: bytes, 0..<bytes.count)
            let start = offset, end = offset + count
            offset = end
            // Most texts hold no mention: keep the string as it is.
            guard spanIndex < spans.count, spans[spanIndex].start < end else {
                if count > 0 { output.append(.text(text)) }
                return
            }
            // Spans come in order, so their scalar offsets become byte offsets in one forward walk
            // (none in ASCII text, most of it, where the two are the same).
            var scalar = 0, byte = 0
            func byteOffset(_ target: Int) -> Int {
                if count == bytes.count { return target }
                if target > scalar {
                    byte = UTF8Scalar.offset(target - scalar, after: byte, in: bytes)
                    scalar = target
                }
                return byte
            }
            func slice(_ from: Int, _ to: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[byteOffset(from)..<byteOffset(to)]), as: UTF8.self)
            }
            var cursor = 0
            while spanIndex < spans.count, spans[spanIndex].start < end {
                let span = spans[spanIndex]
                // A span that begins before this text or runs past it crosses apparatus: leave it untagged.
                if span.start < start + cursor || span.end > end {
                    spanIndex += 1
                    continue
                }
                let localStart = span.start - start, localEnd = span.end - start
                if localStart > cursor { output.append(.text(slice(cursor, localStart))) }
                let id = entities.count(span)
                // The mention's text is the span's, which the tagger read from these bytes: that string is
                // kept rather than another made, once the bytes say it is the same.
                let mention = UnsafeBufferPointer(rebasing: bytes[byteOffset(localStart)..<byteOffset(localEnd)])
                var spanText = span.text
                let text = spanText.withUTF8 { Self.same($0, mention) } ? spanText : String(decoding: mention, as: UTF8.self)
                output.append(.entity(EntityMention(text: text, type: EntityType(span.kind), entityID: id, provenance: .automatic)))
                placedCount += 1
                cursor = localEnd
                spanIndex += 1
            }
            if cursor < count { output.append(.text(slice(cursor, count))) }
        }
    }
}

extension MentionRewriter {
    /// Whether `a` and `b` hold the same bytes, compared in a loop the compiler keeps inline (a mention is
    /// a dozen bytes; the standard library's `elementsEqual` cost as much as making the string).
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where a[k] != b[k] { return false }
        return true
    }
}

extension Block {
    /// Every inline sequence of the block in reading order (paragraph, heading, and those nested in quotes and lists).
    func collectInlineRuns(into runs: inout [[Inline]]) {
        switch self {
        case .paragraph(let content, _), .heading(_, let content): runs.append(content)
        case .blockQuote(let blocks): for block in blocks { block.collectInlineRuns(into: &runs) }
        case .list(_, let items): for item in items { for block in item { block.collectInlineRuns(into: &runs) } }
        case .rule: break
        }
    }
}
