import BulletinModel
import BulletinTransforms
import Foundation
import Synchronization

/// The entity mentions a streamed build's survey found, kept on disk until the issue is written, so that
/// each article is tagged once though it is read twice; at about a kilobyte an article (10.5 MB for the
/// 10,000-article bench), they are more than a build that keeps memory flat in the number of articles can hold.
/// A second store keeps each written issue's summaries, by article id, for the build's ``SummaryCache``.
///
/// The file is made in the build's staging folder and unlinked at once: it is never seen, nothing is
/// written outside the output, and the system frees it when the store is let go. A mention that cannot be
/// written or read back is simply not there, and the article is tagged again.
final class MentionStore: Sendable {
    private let descriptor: Int32
    /// The end of the file, and where the mentions of each source path are in it.
    private let state = Mutex<(end: Int, places: [String: (offset: Int, count: Int)])>((0, [:]))

    /// A store in `folder`, or nil when no file can be made there.
    init?(in folder: URL) {
        // mkstemp replaces the six trailing X's with a name no other file has.
        var template = Array(folder.appendingPathComponent(".mentions-" + String(repeating: "X", count: 6)).path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Keeps the mentions of the source at `path`.
    func keep(_ mentions: EntityTagging.Mentions, for path: String) {
        keep(encoded: mentions.encoded(), for: path)
    }

    /// Keeps mentions already encoded (``EntityTagging/Mentions/encoded()``) under `path`.
    func keep(encoded bytes: [UInt8], for path: String) {
        let offset = state.withLock { state in
            defer { state.end += bytes.count }
            return state.end
        }
        let written = bytes.withUnsafeBytes { buffer in
            Self.whole(buffer.count) { done in pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done)) }
        }
        if written { state.withLock { $0.places[path] = (offset, bytes.count) } }
    }

    /// The mentions kept for the source at `path`, or nil.
    func mentions(for path: String) -> EntityTagging.Mentions? {
        bytes(for: path).flatMap(EntityTagging.Mentions.init(encoded:))
    }

    /// The mentions kept for the source at `path`, encoded, or nil.
    func bytes(for path: String) -> [UInt8]? {
        guard let place = state.withLock({ $0.places[path] }) else { return nil }
        var bytes = [UInt8](repeating: 0, count: place.count)
        let read = bytes.withUnsafeMutableBytes { buffer in
            Self.whole(buffer.count) { done in pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(place.offset + done)) }
        }
        return read ? bytes : nil
    }

    /// Whether `count` bytes were moved by `call` (a pwrite or pread of the bytes from `done` on), which is
    /// called again after a short or interrupted transfer.
    private static func whole(_ count: Int, _ call: (_ done: Int) -> Int) -> Bool {
        var done = 0
        while done < count {
            let moved = call(done)
            if moved < 0, errno == EINTR { continue }
            guard moved > 0 else { return false }
            done += moved
        }
        return true
    }
}

/// Entity tagging that places mentions found before, in a ``MentionStore`` or a ``MentionCache``, and tags
/// an article whose mentions were not found before.
struct KeptMentionsTagging: ArticleTransform {
    private let mentions: @Sendable (Article, EntityTagging) -> EntityTagging.Mentions
    private let tagging = EntityTagging()

    /// Places the mentions `store` kept for each article's source path; an article whose mentions were
    /// not kept (a second copy of a body in one issue, which the survey skips) is tagged, and its mentions
    /// kept now, so that the store holds those of every article written (for the next build's cache).
    init(store: MentionStore) {
        mentions = { article, tagging in
            let path = article.metadata.source.path
            if let mentions = store.mentions(for: path) { return mentions }
            let mentions = tagging.mentions(in: article)
            store.keep(mentions, for: path)
            return mentions
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
