/// JSON Feed 1.1 documents, paged with `next_url`: `feed.json` holds the newest items, `feed-2.json` the next, ….
enum JSONFeed {
    /// The format's version URL.
    static let version = "https://jsonfeed.org/version/1.1"

    /// A JSON Feed document.
    struct Document: Encodable, Sendable {
        var version: String
        var title: String
        var homePageURL: String?
        var feedURL: String?
        var description: String
        var nextURL: String?
        var authors: [Author]?
        var items: [Item]

        enum CodingKeys: String, CodingKey {
            case version, title, description, authors, items
            case homePageURL = "home_page_url", feedURL = "feed_url", nextURL = "next_url"
        }
    }

    /// An author: only the name is known.
    struct Author: Encodable, Sendable {
        var name: String
    }

    /// A JSON Feed item.
    struct Item: Encodable, Sendable {
        var id: String
        var url: String?
        var title: String
        var contentHTML: String
        var summary: String
        var datePublished: String?
        var authors: [Author]?
        var tags: [String]?
        var language: String

        enum CodingKeys: String, CodingKey {
            case id, url, title, summary, authors, tags, language
            case contentHTML = "content_html", datePublished = "date_published"
        }

        init(_ item: FeedItem) {
            id = item.id
            url = item.url
            title = item.title
            contentHTML = item.contentHTML
            summary = item.summary
            datePublished = item.date?.rfc3339
            authors = item.authors.isEmpty ? nil : item.authors.map(Author.init(name:))
            tags = item.categories.isEmpty ? nil : item.categories
            language = item.language
        }
    }

    /// The output path of page `number` (1-based).
    static func pagePath(_ channel: FeedChannel, _ number: Int) -> String {
        pagePath(folder: channel.folder, number)
    }

    /// The output path of page `number` (1-based) of the channel whose folder is `folder`.
    static func pagePath(folder: String, _ number: Int) -> String {
        folder + (number == 1 ? "/feed.json" : "/feed-\(number).json")
    }

    /// Page `number` of `pageCount` of a channel, holding `items`, by output path. A channel without
    /// items still has its first page.
    static func page(_ channel: FeedChannel, number: Int, of pageCount: Int, items: some Collection<FeedItem>) -> (path: String, bytes: [UInt8]) {
        let path = pagePath(channel, number)
        let document = Document(
            version: version, title: channel.title, homePageURL: channel.homeURL, feedURL: channel.links.absolute(path),
            description: channel.description,
            nextURL: number < pageCount ? channel.links.href(to: pagePath(channel, number + 1), from: path) : nil,
            authors: [Author(name: channel.author)], items: items.map(Item.init)
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
                    json.member("content_html", item.contentHTML)
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
            json.member("next_url", document.nextURL)
            json.member("title", document.title)
            json.member("version", document.version)
        }
        json.newline()
        return json.bytes
    }
}
