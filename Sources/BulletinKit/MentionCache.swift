import BulletinModel
import BulletinTransforms
import Foundation
import Synchronization

/// The entity mentions of every source a build tagged, kept in its output for the next build: a source
/// whose bytes have not changed is not tagged again. Tagging reads an article's text and language alone (never
/// the rest of the archive or the other settings), so its mentions follow from the source's bytes, its format,
/// its language and the program.
///
/// `OUTPUT/.bulletin-mentions` holds a line `bulletin-mentions<TAB>1<TAB><program build id>`, then one
/// entry an article, in archive order: the key's length (4 bytes, little-endian), the key (`<sha256>:<format>:<language>`),
/// the mentions' length (4 bytes) and the mentions (``EntityTagging/Mentions/encoded()``). A file of another
/// program, or one that does not read to its end, is not used.
final class MentionCache: Sendable {
    static let fileName = ".bulletin-mentions"
    private let program: String
    /// The previous build's entries, read from its file as they are asked for.
    private let previous: EntryFile.Index?
    /// This build's entries, by key, when it keeps them itself (a streamed build keeps them in its own
    /// ``ScratchStore``, by path): in a store of their own beside the output, or in memory where none can be made.
    private let store: ScratchStore?
    private let entries = Mutex<[String: [UInt8]]>([:])
    private let reusedCount = Mutex(0)

    /// A cache for a build into `output` by the running program, holding the previous build's mentions when
    /// `reading`; nil when the program has no build id.
    init?(output: URL, reading: Bool) {
        guard let program = ProgramIdentity.current else { return nil }
        self.program = program
        let path = output.standardizedFileURL.appendingPathComponent(Self.fileName).path
        previous = reading ? Self.index(at: path, program: program) : nil
        // The folder the staging folder is made in: the store's file is unlinked as soon as it is made.
        store = ScratchStore(in: output.standardizedFileURL.deletingLastPathComponent())
    }

    /// The key of an article's mentions: its source's bytes and format, and its language (which a source
    /// need not give: the configuration's default can change under the same bytes).
    static func key(of metadata: ArticleMetadata) -> String {
        metadata.source.sha256 + ":" + metadata.source.format + ":" + metadata.language
    }

    /// How many sources' mentions came from the previous build.
    var reused: Int { reusedCount.withLock { $0 } }

    /// The mentions of `article`: the previous build's for the same source bytes, or the tagger's. With
    /// `keeping`, they are also kept for the next build (a streamed build keeps them elsewhere).
    func mentions(in article: Article, tagging: EntityTagging, keeping: Bool) -> EntityTagging.Mentions {
        let key = Self.key(of: article.metadata)
        if let bytes = previous?.value(for: key), let mentions = EntityTagging.Mentions(encoded: bytes) {
            reusedCount.withLock { $0 += 1 }
            if keeping { keep(bytes, key: key) }
            return mentions
        }
        let mentions = tagging.mentions(in: article)
        if keeping { keep(mentions.encoded(), key: key) }
        return mentions
    }

    private func keep(_ bytes: [UInt8], key: String) {
        if let store { store.keep(encoded: bytes, for: key) } else { entries.withLock { $0[key] = bytes } }
    }

    /// Writes the cache file at `url`: the mentions of each article of `archive`, in archive order, as
    /// `stored` gives them (a streamed build's store, by source path) or else as this cache kept them.
    /// Written as they are read, one at a time, nothing gathered or sorted first.
    func write(to url: URL, archive: Archive, stored: ((SourceInfo) -> [UInt8]?)? = nil) throws {
        try EntryFile.write(to: url, shownAs: Self.fileName, header: "bulletin-mentions\t1\t\(program)") { add in
            for issue in archive.issues {
                for article in issue.articles {
                    let key = Self.key(of: article.metadata)
                    guard let mentions = stored.map({ $0(article.metadata.source) }) ?? kept(key) else { continue }
                    try add(Array(key.utf8), mentions)
                }
            }
        }
    }

    /// The mentions this cache kept under `key`.
    private func kept(_ key: String) -> [UInt8]? {
        if let store { return store.bytes(for: key) }
        return entries.withLock { $0[key] }
    }

    /// The index of the cache file at `path` when `program` wrote it, or nil.
    static func index(at path: String, program: String) -> EntryFile.Index? {
        guard let index = EntryFile.Index(path: path, headerPrefix: "bulletin-mentions\t1\t\(program)"), index.header.isEmpty else { return nil }
        return index
    }
}

/// Entity tagging that places mentions found before, in a ``ScratchStore`` or a ``MentionCache``, and tags
/// an article whose mentions were not found before.
struct KeptMentionsTagging: ArticleTransform {
    private let mentions: @Sendable (Article, EntityTagging) -> EntityTagging.Mentions
    private let tagging = EntityTagging()

    /// Places the mentions `store` kept for each article's source path; an article whose mentions the store
    /// could not keep is tagged again (and the next build's cache goes without them).
    init(store: ScratchStore) {
        mentions = { article, tagging in
            let path = article.metadata.source.path
            if let mentions = store.bytes(for: path).flatMap(EntityTagging.Mentions.init(encoded:)) { return mentions }
            return tagging.mentions(in: article)
        }
    }

    /// Places the mentions `cache` has from the previous build for each article's source bytes, tags the
    /// other articles, and keeps every article's mentions in `cache` for the next build.
    init(cache: MentionCache) {
        mentions = { article, tagging in cache.mentions(in: article, tagging: tagging, keeping: true) }
    }

    var name: String { tagging.name }

    func prepare() {
        tagging.prepare()
    }

    func apply(to article: consuming Article) -> Article {
        tagging.apply(to: article, mentions: mentions(article, tagging))
    }
}
