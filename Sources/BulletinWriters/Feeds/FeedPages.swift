/// The documents of one channel, made as its items arrive newest first.
///
/// Every document of a channel is a run of consecutive items: the current Atom document and the RSS
/// document hold the newest ``FeedChannel/limit``, each Atom archive document a run counted from the
/// oldest item, each JSON Feed page a run counted from the newest. A document is written as soon as
/// its last item arrives, and an item is let go once every document showing it is written. Every
/// document still to be written then begins at most ``FeedChannel/limit`` items back, so a channel
/// holds no more items than that, however large the archive.
struct FeedPages {
    let channel: FeedChannel
    /// Every document of the channel, in the order they complete.
    private let documents: [Document]
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
            case json(number: Int, pageCount: Int)
        }

        var items: Range<Int>
        var kind: Kind
    }

    init(_ channel: FeedChannel) {
        self.channel = channel
        let count = channel.count, limit = channel.limit
        let newest = 0..<min(limit, count)
        let older = count - newest.count
        let archivePages = (older + limit - 1) / limit
        var documents = [Document(items: newest, kind: .atom(.current(archivePages: archivePages))), Document(items: newest, kind: .rss)]
        // Archive document 1 holds the oldest items, so a full one never changes as items are added.
        for number in 1...max(1, archivePages) where archivePages > 0 {
            let lower = count - min(number * limit, older), upper = count - (number - 1) * limit
            documents.append(Document(items: lower..<upper, kind: .atom(.archive(number: number, count: archivePages))))
        }
        let jsonPages = max(1, (count + limit - 1) / limit)
        for number in 1...jsonPages {
            documents.append(Document(
                items: min((number - 1) * limit, count)..<min(number * limit, count), kind: .json(number: number, pageCount: jsonPages)))
        }
        // Stable, so documents completing at the same item keep the order above.
        self.documents = documents.enumerated().sorted { ($0.element.items.upperBound, $0.offset) < ($1.element.items.upperBound, $1.offset) }.map(\.element)
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
            case .json(let number, let pageCount):
                let (path, bytes) = JSONFeed.page(channel, number: number, of: pageCount, items: items)
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
