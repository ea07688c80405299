/// JSON Feed 1.1 documents, paged with `next_url` as the Atom documents are with RFC 5005: `feed.json` holds
/// the newest items and names the newest archive page, `archive/feed-N.json`; archive pages are numbered from
/// the oldest, each names the one before it, and a full one never changes as the archive grows.
enum JSONFeed {
    /// Which page of a channel is being written.
    enum Page: Sendable, Hashable {
        /// `feed.json`, whose `next_url` is the newest of `archivePages` archive pages.
        case current(archivePages: Int)
        /// Archive page `number`, numbered from the oldest; its `next_url` is the page before it.
        case archive(number: Int)
    }

    /// The format's version URL.
    static let version = "https://jsonfeed.org/version/1.1"

    /// A JSON Feed document, as ``serialize(_:)`` writes it (its members named as JSON Feed names them).
    struct Document: Sendable {
        var version: String
        var title: String
        var homePageURL: String?
        var feedURL: String?
        var description: String
        var nextURL: String?
        var authors: [Author]?
        var language: String
        var items: [Item]
    }

    /// An author: only the name is known.
    struct Author: Sendable {
        var name: String
    }

    /// A JSON Feed item.
    struct Item: Sendable {
        var id: String
        var url: String?
        var title: String
        /// The body's HTML, as a JSON string literal.
        var contentHTML: [UInt8]
        var summary: String
        var datePublished: String?
        var authors: [Author]?
        var tags: [String]?
        var language: String

        init(_ item: FeedItem) {
            id = item.id
            url = item.url
            title = item.title
            contentHTML = item.content.jsonLiteral
            summary = item.summary
            datePublished = item.date?.rfc3339
            authors = item.authors.isEmpty ? nil : item.authors.map(Author.init(name:))
            tags = item.categories.isEmpty ? nil : item.categories
            language = item.language
        }
    }

    /// The output path of the current page of the channel whose folder is `folder`: its newest items.
    static func currentPath(folder: String) -> String {
        folder + "/feed.json"
    }

    /// The output path of archive page `number` (1 holds the oldest items).
    static func archivePath(_ channel: FeedChannel, _ number: Int) -> String {
        channel.folder + "/archive/feed-\(number).json"
    }

    /// The output path of `page` of `channel`.
    static func path(_ channel: FeedChannel, _ page: Page) -> String {
        switch page {
        case .current: currentPath(folder: channel.folder)
        case .archive(let number): archivePath(channel, number)
        }
    }

    /// `page` of a channel, holding `items`, by output path. A channel without items still has its current page.
    static func page(_ channel: FeedChannel, _ page: Page, items: some Collection<FeedItem>) -> (path: String, bytes: [UInt8]) {
        let path = path(channel, page)
        let older: String?
        switch page {
        case .current(let archivePages): older = archivePages > 0 ? archivePath(channel, archivePages) : nil
        case .archive(let number): older = number > 1 ? archivePath(channel, number - 1) : nil
        }
        let document = Document(
            version: version, title: channel.title, homePageURL: channel.homeURL, feedURL: channel.links.absolute(path),
            description: channel.description, nextURL: older.map { channel.links.href(to: $0, from: path) },
            authors: [Author(name: channel.author)], language: channel.language, items: items.map(Item.init)
        )
        return (path, serialize(document))
    }

    /// The document as pretty JSON with sorted keys and a final newline, written directly: Foundation's
    /// encoder dominated feed writing on large archives.
    static func serialize(_ document: Document) -> [UInt8] {
        var json = JSONTreeSerializer(pretty: true, capacity: 1 << 16)
        func authors(_ list: [Author], into json: inout JSONTreeSerializer) {
            json.key("authors")
            json.array(list) { json, author in json.object { $0.member("name", author.name) } }
        }
        json.object { json in
            if let list = document.authors { authors(list, into: &json) }
            json.member("description", document.description)
            json.member("feed_url", document.feedURL)
            json.member("home_page_url", document.homePageURL)
            json.key("items")
            json.array(document.items) { json, item in
                json.object { json in
                    if let list = item.authors { authors(list, into: &json) }
                    json.key("content_html")
                    json.literal(item.contentHTML)
                    json.member("date_published", item.datePublished)
                    json.member("id", item.id)
                    json.member("language", item.language)
                    json.member("summary", item.summary)
                    if let tags = item.tags {
                        json.key("tags")
                        json.array(tags) { $0.string($1) }
                    }
                    json.member("title", item.title)
                    json.member("url", item.url)
                }
            }
            json.member("language", document.language)
            json.member("next_url", document.nextURL)
            json.member("title", document.title)
            json.member("version", document.version)
        }
        json.newline()
        return json.bytes
    }
}
