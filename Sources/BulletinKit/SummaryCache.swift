import BulletinModel
import BulletinTransforms
import BulletinWriters
import Foundation
import Synchronization

/// The summaries of a build's articles, kept in its output for the next build: when the next build has the
/// same sources (every path, format and byte), the same configuration and the same program, every summary
/// would come out the same, and none is made again.
///
/// A summary reads its article and the term statistics of the whole archive, so one changed source can
/// change them all: the cache is used whole or not at all. It is read from its file as each article comes,
/// never held whole. A streamed build keeps each issue's summaries in a scratch store as it writes the
/// issue, and writes the cache from it at the end, the same bytes as a held build's.
///
/// `OUTPUT/.bulletin-summaries` holds a line `bulletin-summaries<TAB>1<TAB><program build id><TAB><key>`,
/// then one entry an article, in archive order: the article id's length (4 bytes, little-endian) and
/// the id, then the summary's length (4 bytes) and the summary, empty when the article has none, else
/// its origin (one byte, 0 generated, 1 given by the source) and the text and dek, each after its length.
/// A file of another program, or one that does not read to its end, is not used.
final class SummaryCache: Sendable {
    static let fileName = ".bulletin-summaries"

    /// The previous build's cache, by article id, read from its file as summaries are asked for; its
    /// header holds the key they were made under.
    private let previous: EntryFile.Index?
    private let reusedCount = Mutex(0)

    /// The cache of the build into `output` before this one, when `reading` and it was made by the
    /// running program; nil when the program has no build id.
    init?(output: URL, reading: Bool) {
        guard let program = ProgramIdentity.current else { return nil }
        let path = output.standardizedFileURL.appendingPathComponent(Self.fileName).path
        previous = reading ? Self.index(at: path, program: program) : nil
    }

    /// The index of the cache file at `path` when `program` wrote it, or nil.
    static func index(at path: String, program: String) -> EntryFile.Index? {
        EntryFile.Index(path: path, headerPrefix: "bulletin-summaries\t1\t\(program)\t")
    }

    /// What every summary of `archive` follows from, besides the program: the settings that reach the
    /// articles before they are summarized (summary options, the entity dictionary, the default language)
    /// and every source, by path, format and digest, in archive order (which the sources' headers decide).
    static func key(of archive: Archive, configuration: Configuration) -> String {
        var relevant = Configuration()
        relevant.language = configuration.language
        relevant.summaries = configuration.summaries
        relevant.entities = configuration.entities
        var digest = ContentDigest()
        digest.add("bulletin-summaries 1")
        // Plain fields, which JSON always encodes; were it ever to fail, nothing would be kept.
        digest.add(bytes: (try? JSONWriter.encode(relevant, pretty: false)) ?? Array(UUID().uuidString.utf8))
        for issue in archive.issues {
            digest.add(issue.id)
            for article in issue.articles {
                let source = article.metadata.source
                for field in [article.id, source.path, source.format, source.sha256] { digest.add(field) }
            }
        }
        return digest.finalize().hexString
    }

    /// How many articles' summaries came from the previous build.
    var reused: Int { reusedCount.withLock { $0 } }

    /// The transform giving every article of `archive` its summary from the previous build, when that
    /// build had the same sources and `configuration` (and the same program) and summarized every article.
    func kept(for archive: Archive, configuration: Configuration) -> KeptSummaries? {
        guard let previous, previous.header == Self.key(of: archive, configuration: configuration) else { return nil }
        // Every article's entry is read and checked first, one at a time: the cache is used whole or not at all.
        for issue in archive.issues {
            for article in issue.articles where previous.value(for: article.id).flatMap(Self.decoded) == nil { return nil }
        }
        reusedCount.withLock { $0 = archive.articleCount }
        return KeptSummaries(index: previous)
    }

    /// Writes the summaries of `archive`, made under `key`, to `url`: each article's own, or, for a
    /// streamed build whose archive holds headers only, what `stored` gives for its id
    /// (``encoded(_:)``). When `stored` has none for some article, no file is written.
    static func write(_ archive: Archive, key: String, to url: URL, stored: ((String) -> [UInt8]?)? = nil) throws {
        guard let program = ProgramIdentity.current else { return }
        struct Incomplete: Error {}
        do {
            // Written as it is read, each stored entry read once; a file found to lack one is abandoned.
            try EntryFile.write(to: url, shownAs: fileName, header: "bulletin-summaries\t1\t\(program)\t\(key)") { add in
                for issue in archive.issues {
                    for index in issue.articles.indices {
                        let id = issue.articles[index].id
                        let value: [UInt8]
                        if let stored {
                            guard let kept = stored(id) else { throw Incomplete() }
                            value = kept
                        } else {
                            value = encoded(issue.articles[index].metadata.summary)
                        }
                        try add(Array(id.utf8), value)
                    }
                }
            }
        } catch is Incomplete {
            _ = unlink(url.path)
        }
    }

    /// A summary as the cache holds it: empty for none, else its origin (one byte) and its text and dek,
    /// each after its length.
    static func encoded(_ summary: ArticleSummary?) -> [UInt8] {
        guard let summary else { return [] }
        var bytes: [UInt8] = [summary.origin == .source ? 1 : 0]
        EntryFile.append(Array(summary.text.utf8), to: &bytes)
        EntryFile.append(Array(summary.dek.utf8), to: &bytes)
        return bytes
    }

    /// A summary as ``encoded(_:)`` wrote it: `.some(nil)` for none; nil when the bytes are no summary.
    static func decoded(_ entry: [UInt8]) -> ArticleSummary?? {
        guard let origin = entry.first else { return .some(nil) }
        var offset = 1
        guard origin <= 1, let text = EntryFile.field(in: entry[...], at: &offset), let dek = EntryFile.field(in: entry[...], at: &offset),
              offset == entry.count
        else { return nil }
        return ArticleSummary(text: String(decoding: text, as: UTF8.self), dek: String(decoding: dek, as: UTF8.self),
                              origin: origin == 1 ? .source : .generated)
    }
}

/// Gives each article the summary the previous build made for it (``SummaryCache``), in place of summarizing;
/// each is read from the cache file as its article comes.
struct KeptSummaries: ArticleTransform {
    let name = "Summarize"
    let index: EntryFile.Index

    func apply(to article: consuming Article) -> Article {
        // Every entry was read and checked before this transform was made.
        if let kept = index.value(for: article.id).flatMap(SummaryCache.decoded) { article.metadata.summary = kept }
        return article
    }
}
