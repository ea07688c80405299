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
    /// The publication whose articles it holds; nil for the whole archive.
    var publicationSlug: String?
    /// How many items it holds.
    var count: Int
    /// The feed's id, the same on every page of it: `urn:uuid:` from the site title and the folder. Not
    /// from the base URL: a feed whose site moves is the same feed (RFC 4287 asks an id never to change),
    /// and a reader that keys feeds by id would otherwise take it for a new one.
    var id: String
    /// The author of the feed as a whole: the publisher, else the site's title.
    var author: String
    /// The rights statement, when configured.
    var rights: String?
    /// Most items per document.
    var limit: Int
    /// Where links point.
    var links: FeedLinks
    /// The language most of its articles are in (each item also gives its own).
    var language: String

    /// The absolute URL of the page the feed describes.
    var homeURL: String? { links.absolute(homePath) }

    /// The newest item date, or the fixed epoch when no item is dated.
    static func updated(_ items: some Collection<FeedItem>) -> FeedDate {
        items.compactMap(\.date).max() ?? .epoch
    }

    /// The whole archive and then each publication, in slug order, sized for `entries`; each described in
    /// the words of `strings` for its language.
    static func channels(for archive: Archive, entries: [FeedItem.Entry], settings: WriterSettings, strings: ThemeStrings) -> [FeedChannel] {
        let links = FeedLinks(baseURL: settings.baseURL)
        let siteTitle = settings.siteTitle
        var counts: [String: Int] = [:]
        for entry in entries { counts[entry.publicationSlug, default: 0] += 1 }
        func channel(title: String, description: String, folder: String, homePath: String, publicationSlug: String?, count: Int,
                     language: String) -> FeedChannel {
            FeedChannel(
                title: title, description: description, folder: folder, homePath: homePath,
                publicationSlug: publicationSlug, count: count,
                id: "urn:uuid:" + ContentUUID.make(from: "feed:\(siteTitle):\(folder)"),
                author: settings.publisher ?? siteTitle, rights: settings.rights, limit: max(1, settings.feedItemLimit), links: links,
                language: language
            )
        }
        func description(of name: String, language: String) -> String {
            strings.strings(for: language).text("feedDescription", ["title": name])
        }
        var channels = [channel(
            title: title(publicationName: nil, siteTitle: siteTitle), description: description(of: siteTitle, language: archive.dominantLanguage),
            folder: folder(publicationSlug: nil), homePath: "", publicationSlug: nil, count: entries.count,
            language: archive.dominantLanguage
        )]
        for publication in archive.publications {
            channels.append(channel(
                title: title(publicationName: publication.name, siteTitle: siteTitle),
                description: description(of: publication.name, language: publication.dominantLanguage),
                folder: folder(publicationSlug: publication.slug), homePath: FeedLinks.publicationPath(publication.slug),
                publicationSlug: publication.slug, count: counts[publication.slug] ?? 0,
                language: publication.dominantLanguage
            ))
        }
        return channels
    }

    /// The title of the feed of a publication's articles, or of the whole archive's when `publicationName` is nil.
    static func title(publicationName: String?, siteTitle: String) -> String {
        publicationName.map { "\($0) — \(siteTitle)" } ?? siteTitle
    }

    /// The output folder of the feed of a publication's articles, or of the whole archive's when `publicationSlug` is nil.
    static func folder(publicationSlug: String?) -> String {
        publicationSlug.map { "feeds/" + Markup.pathSegment($0) } ?? "feeds"
    }
}
