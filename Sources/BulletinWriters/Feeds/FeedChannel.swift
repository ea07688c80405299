import BulletinModel

/// One logical feed — the whole archive or one publication — before it is written in any format.
struct FeedChannel: Sendable {
    /// The feed's title.
    var title: String
    /// What the feed holds, in a sentence.
    var description: String
    /// The output folder of its documents, `feeds` or `feeds/<publication-slug>`.
    var folder: String
    /// The site path of the page it describes: `` for the home page, `monitor/` for a publication.
    var homePath: String
    /// Its items, newest first.
    var items: [FeedItem]
    /// The feed's id, the same on every page of it: `urn:uuid:` from the base URL (or site title) and the folder.
    var id: String
    /// The author of the feed as a whole: the publisher, else the site's title.
    var author: String
    /// The rights statement, when configured.
    var rights: String?
    /// Most items per document.
    var limit: Int
    /// Where links point.
    var links: FeedLinks

    /// The absolute URL of the page the feed describes.
    var homeURL: String? { links.absolute(homePath) }

    /// The newest item date, or the fixed epoch when no item is dated.
    static func updated(_ items: some Collection<FeedItem>) -> FeedDate {
        items.compactMap(\.date).max() ?? .epoch
    }

    /// The whole archive and then each publication, in slug order.
    static func channels(for archive: Archive, settings: WriterSettings) -> [FeedChannel] {
        let links = FeedLinks(baseURL: settings.baseURL)
        let items = FeedItem.items(for: archive, links: links)
        let siteTitle = settings.siteTitle
        func channel(title: String, description: String, folder: String, homePath: String, items: [FeedItem]) -> FeedChannel {
            FeedChannel(
                title: title, description: description, folder: folder, homePath: homePath, items: items,
                id: "urn:uuid:" + ContentUUID.make(from: "feed:\(links.baseURL ?? siteTitle):\(folder)"),
                author: settings.publisher ?? siteTitle, rights: settings.rights, limit: max(1, settings.feedItemLimit), links: links
            )
        }
        var channels = [channel(title: siteTitle, description: "Every article of \(siteTitle), newest first.", folder: "feeds", homePath: "", items: items)]
        for publication in archive.publications {
            channels.append(channel(
                title: "\(publication.name) — \(siteTitle)", description: "Every article of \(publication.name), newest first.",
                folder: "feeds/" + Markup.pathSegment(publication.slug), homePath: FeedLinks.publicationPath(publication.slug),
                items: items.filter { $0.publicationSlug == publication.slug }
            ))
        }
        return channels
    }
}
