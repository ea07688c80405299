/// A feed document a web page names for subscribing: one channel's newest items in one format.
///
/// The site names these in every page's head (`<link rel="alternate">`, which browsers and feed readers look
/// for) and in its footer, when the same build writes the feeds. Their URLs are absolute: the `feeds` folder
/// is published beside the site's pages (see ``FeedLinks``), and on disk the two folders are siblings, so no
/// relative link would reach a feed from both a published page and a page opened from the output folder.
struct FeedSubscription: Sendable, Hashable {
    /// The format as readers know it: "Atom", "RSS", "JSON Feed".
    var formatName: String
    /// The document's media type.
    var mediaType: String
    /// The feed's title, as the feed itself gives it.
    var title: String
    /// The document's absolute URL.
    var url: String

    /// The current documents of the feed of one publication's articles (`publication`: its slug and name), or
    /// of the whole archive's when nil: Atom, RSS and JSON Feed. Empty without a base URL, which says where
    /// the feeds are published.
    static func documents(publication: (slug: String, name: String)?, settings: WriterSettings) -> [FeedSubscription] {
        let links = FeedLinks(baseURL: settings.baseURL)
        let folder = FeedChannel.folder(publicationSlug: publication?.slug)
        let title = FeedChannel.title(publicationName: publication?.name, siteTitle: settings.siteTitle)
        let documents = [
            ("Atom", "application/atom+xml", AtomFeed.currentPath(folder: folder)),
            ("RSS", "application/rss+xml", RSSFeed.path(folder: folder)),
            ("JSON Feed", "application/feed+json", JSONFeed.currentPath(folder: folder)),
        ]
        return documents.compactMap { name, mediaType, path in
            links.absolute(path).map { FeedSubscription(formatName: name, mediaType: mediaType, title: title, url: $0) }
        }
    }
}
