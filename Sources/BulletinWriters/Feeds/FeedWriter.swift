import BulletinModel

/// Atom 1.0, RSS 2.0 and JSON Feed 1.1 for the whole archive and for each publication.
///
/// Files, for the archive under `feeds/` and for each publication under `feeds/<publication-slug>/`:
/// - `atom.xml`: the newest ``WriterSettings/feedItemLimit`` items; older ones in RFC 5005 archive documents
///   `archive/atom-1.xml` (the oldest items), `archive/atom-2.xml`, …, so a page never changes once full.
/// - `rss.xml`: the newest items only.
/// - `feed.json`: the same newest items as JSON Feed, its `next_url` naming the newest of the archive pages
///   `archive/feed-1.json` (the oldest items), `archive/feed-2.json`, …, each naming the one before it.
///
/// Items are newest first by date (an article's own, else its issue's), undated ones last, ties in archive order.
/// See ``FeedLinks`` for what happens without a base URL.
public struct FeedWriter: Writer {
    public let format = FeedWriter.formatName
    /// The format's name, which other writers look for among a build's formats to link to the feeds.
    public static let formatName = "feeds"
    public let summary = "Atom, RSS and JSON Feed for the archive and each publication, with archive paging"

    /// Creates the writer.
    public init() {}

    /// Feeds span the archive; nothing is written per issue.
    public func write(_ issue: Issue, in archive: Archive, to sink: any OutputSink, context: WriterContext) throws {}

    /// None: nothing is written per issue.
    public func dependencies(of issue: Issue, in archive: Archive, context: WriterContext) -> [UInt8]? { [] }

    /// True: the feeds are made of the archive and the settings alone (no clock).
    public func archiveFilesAreReusable(context: WriterContext) -> Bool { true }

    /// The words under `strings/`, which describe each feed in its language; feeds are otherwise made of
    /// the archive and the settings.
    public func readsThemeFile(_ path: String) -> Bool { path.hasPrefix("strings/") }

    /// The base URL, the site's title, publisher, rights and the items a document holds.
    public func settingsRead(from settings: WriterSettings) -> WriterSettings {
        WriterSettings(baseURL: settings.baseURL, siteTitle: settings.siteTitle, publisher: settings.publisher, rights: settings.rights,
                       feedItemLimit: settings.feedItemLimit)
    }

    /// Writes every feed document; with ``WriterContext/keeping``, a document whose items are the same
    /// articles of unchanged issues as before is kept instead, and an item shown by no document made again
    /// is not made: adding an issue leaves the full archive documents of every channel as they were.
    public func writeArchive(_ archive: Archive, to sink: any OutputSink, context: WriterContext) throws {
        let strings = try ThemeStrings.of(context.theme)
        try Self.forEachDocument(of: archive, settings: context.settings, strings: strings, keeping: context.keeping) { path, bytes in
            try sink.write(bytes, to: path, format: format, issue: nil)
        }
    }

    /// One article as a one-entry Atom feed.
    public func standalone(_ article: Article, in archive: Archive, context: WriterContext) throws -> [UInt8] {
        guard let issue = archive.issues.first(where: { $0.articles.contains { $0.id == article.id } }),
              let index = issue.articles.firstIndex(where: { $0.id == article.id }) else {
            throw WriterError(format: format, message: "the article is not in the archive given")
        }
        // Links resolve against the whole archive; the feed holds the one article.
        let links = FeedLinks(baseURL: context.settings.baseURL)
        var channel = FeedChannel.channels(for: Archive(publications: []), entries: [], settings: context.settings,
                                           strings: try ThemeStrings.of(context.theme))[0]
        channel.count = 1
        let item = FeedItem(article, in: issue, id: FeedItem.ids(in: issue)[index], renderer: FeedItem.bodyRenderer(for: archive, links: links), links: links)
        return AtomFeed.document(channel, items: [item], path: "feeds/atom.xml", page: .current(archivePages: 0))
    }

    /// Hands every feed document of the archive to `body` as soon as it is complete. Items are made
    /// newest first, each once for all the channels showing it, and let go when their documents are
    /// written: a large archive's rendered items are never all in memory.
    static func forEachDocument(
        of archive: Archive, settings: WriterSettings, strings: ThemeStrings, keeping: (any FileKeeping)? = nil,
        _ body: (String, [UInt8]) throws -> Void
    ) throws {
        let links = FeedLinks(baseURL: settings.baseURL)
        let entries = FeedItem.entries(for: archive)
        var channels = FeedChannel.channels(for: archive, entries: entries, settings: settings, strings: strings).map(FeedPages.init)
        var channelOfPublication: [String: Int] = [:]
        for (index, pages) in channels.enumerated() {
            if let slug = pages.channel.publicationSlug { channelOfPublication[slug] = index }
        }
        let renderer = FeedItem.bodyRenderer(for: archive, links: links)
        let issues = archive.issues // made from the publications on each use
        // With keeping, whether each entry is shown by a document made again, by its position in the
        // archive's channel and in its publication's.
        var shown: [[Bool]]? = nil
        if let keeping {
            var articles = [[(id: String, issue: Int)]](repeating: [], count: channels.count)
            for entry in entries {
                let article = (id: issues[entry.issue].articles[entry.article].id, issue: entry.issue)
                articles[0].append(article)
                if let index = channelOfPublication[entry.publicationSlug] { articles[index].append(article) }
            }
            shown = try channels.indices.map { try channels[$0].keepDocuments(articles[$0], keeping: keeping) }
        }
        var positions = [Int](repeating: 0, count: channels.count)
        // The item ids of each issue, made when its first item is.
        var itemIDs = [[String]?](repeating: nil, count: issues.count)
        for entry in entries {
            let issue = issues[entry.issue]
            let publicationChannel = channelOfPublication[entry.publicationSlug]
            let isShown = shown.map { shown in
                shown[0][positions[0]] || publicationChannel.map { shown[$0][positions[$0]] } == true
            } ?? true
            positions[0] += 1
            if let publicationChannel { positions[publicationChannel] += 1 }
            // An item no document made again shows is never rendered: an empty one stands in its place.
            var item = FeedItem.unshown
            if isShown {
                let ids = itemIDs[entry.issue] ?? FeedItem.ids(in: issue)
                itemIDs[entry.issue] = ids
                item = FeedItem(issue.articles[entry.article], in: issue, id: ids[entry.article], renderer: renderer, links: links)
            }
            try channels[0].add(item, body)
            if let index = channelOfPublication[entry.publicationSlug] { try channels[index].add(item, body) }
        }
        for index in channels.indices { try channels[index].finish(body) }
    }
}
