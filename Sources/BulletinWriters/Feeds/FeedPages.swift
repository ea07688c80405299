import BulletinModel

/// The documents of one channel, made as its items arrive newest first.
///
/// Every document of a channel is a run of consecutive items: the current Atom document, the RSS document
/// and the current JSON Feed page hold the newest ``FeedChannel/limit``, and each Atom archive document and
/// JSON Feed archive page a run counted from the oldest item. A document is written as soon as
/// its last item arrives, and an item is let go once every document showing it is written. Every
/// document still to be written then begins at most ``FeedChannel/limit`` items back, so a channel
/// holds no more items than that, however large the archive.
struct FeedPages {
    let channel: FeedChannel
    /// Every document of the channel, in the order they complete.
    private var documents: [Document]
    /// The first document not yet written.
    private var next = 0
    /// Items from channel position `heldStart` on, waiting for documents that show them.
    private var held: [FeedItem] = []
    private var heldStart = 0
    /// Items received so far.
    private var received = 0

    /// One document: the channel positions of its items (newest first) and what it is.
    private struct Document {
        enum Kind {
            case atom(AtomFeed.Page)
            case rss
            case json(JSONFeed.Page)
        }

        var items: Range<Int>
        var kind: Kind
        /// Kept from the previous build (``keepDocuments(_:issueOf:keeping:)``): not made again.
        var isKept = false

        /// The document's output path in `channel`.
        func path(in channel: FeedChannel) -> String {
            switch kind {
            case .atom(.current): AtomFeed.currentPath(folder: channel.folder)
            case .atom(.archive(let number, _)): AtomFeed.archivePath(channel, number)
            case .rss: RSSFeed.path(channel)
            case .json(let page): JSONFeed.path(channel, page)
            }
        }
    }

    init(_ channel: FeedChannel) {
        self.channel = channel
        let count = channel.count, limit = channel.limit
        let newest = 0..<min(limit, count)
        let older = count - newest.count
        let archivePages = (older + limit - 1) / limit
        var documents = [Document(items: newest, kind: .atom(.current(archivePages: archivePages))), Document(items: newest, kind: .rss),
                         Document(items: newest, kind: .json(.current(archivePages: archivePages)))]
        // Archive document 1 holds the oldest items, so a full one never changes as items are added.
        for number in 1...max(1, archivePages) where archivePages > 0 {
            let lower = count - min(number * limit, older), upper = count - (number - 1) * limit
            documents.append(Document(items: lower..<upper, kind: .atom(.archive(number: number, count: archivePages))))
            documents.append(Document(items: lower..<upper, kind: .json(.archive(number: number))))
        }
        // Stable, so documents completing at the same item keep the order above.
        self.documents = documents.enumerated().sorted { ($0.element.items.upperBound, $0.offset) < ($1.element.items.upperBound, $1.offset) }.map(\.element)
    }

    /// Keeps every document whose items are the same articles, of unchanged issues, as in the previous
    /// build, with `keeping`. `articles` are the channel's items in order (newest first), as the article's
    /// id and the index of its issue. Returns, for each channel position, whether a document made again
    /// shows that item: an item no such document shows need not be made.
    mutating func keepDocuments(_ articles: [(id: String, issue: Int)], keeping: any FileKeeping) throws -> [Bool] {
        precondition(articles.count == channel.count, "a feed channel was given \(articles.count) of its \(channel.count) items")
        var shown = [Bool](repeating: false, count: channel.count)
        var kept = documents
        for index in kept.indices {
            let document = kept[index]
            // What the document shows besides its items: the channel's own fields (the rest of it comes
            // from the settings, which the keeper adds) and its links to other documents of the channel.
            // Not where its items stand from the newest: adding items leaves a full archive document as it was.
            var key = ContentDigest()
            key.add("feed document 1")
            key.add(document.path(in: channel))
            key.add(channel.title)
            key.add(channel.description)
            switch document.kind {
            case .atom(.current(let archivePages)): key.add(1); key.add(archivePages)
            case .atom(.archive(let number, let count)): key.add(2); key.add(number); key.add(number < count ? 1 : 0)
            case .rss: key.add(3)
            case .json(.current(let archivePages)): key.add(4); key.add(archivePages)
            case .json(.archive(let number)): key.add(5); key.add(number)
            }
            key.add(document.items.count)
            for article in articles[document.items] {
                key.add(article.id)
                key.add(bytes: keeping.issueDigest(article.issue))
            }
            kept[index].isKept = try keeping.keep(document.path(in: channel), key: key.finalize())
            if !kept[index].isKept {
                for position in document.items { shown[position] = true }
            }
        }
        documents = kept
        return shown
    }

    /// Takes the channel's next item, newest first, and writes the documents it completes.
    mutating func add(_ item: FeedItem, _ body: (String, [UInt8]) throws -> Void) rethrows {
        held.append(item)
        received += 1
        try writeCompleted(body)
    }

    /// Writes the documents still due; a channel without items has its empty current documents.
    mutating func finish(_ body: (String, [UInt8]) throws -> Void) rethrows {
        precondition(received == channel.count, "a feed channel was given \(received) of its \(channel.count) items")
        try writeCompleted(body)
    }

    private mutating func writeCompleted(_ body: (String, [UInt8]) throws -> Void) rethrows {
        while next < documents.count, documents[next].items.upperBound <= received {
            let document = documents[next]
            if document.isKept {
                next += 1
                continue
            }
            let items = held[(document.items.lowerBound - heldStart)..<(document.items.upperBound - heldStart)]
            switch document.kind {
            case .atom(let page):
                let path: String
                switch page {
                case .current: path = AtomFeed.currentPath(folder: channel.folder)
                case .archive(let number, _): path = AtomFeed.archivePath(channel, number)
                }
                try body(path, AtomFeed.document(channel, items: items, path: path, page: page))
            case .rss:
                let path = RSSFeed.path(channel)
                try body(path, RSSFeed.document(channel, items: items, path: path))
            case .json(let page):
                let (path, bytes) = JSONFeed.page(channel, page, items: items)
                try body(path, bytes)
            }
            next += 1
        }
        // Items before the first run still to be written are shown by no document left.
        let keepFrom = documents[next...].map(\.items.lowerBound).min() ?? received
        if keepFrom > heldStart {
            held.removeFirst(keepFrom - heldStart)
            heldStart = keepFrom
        }
    }
}
