/// RSS 2.0 documents: one per channel, the newest items only (Atom and JSON Feed carry the paging).
enum RSSFeed {
    /// The output path of a channel's RSS document, which holds its newest items only.
    static func path(_ channel: FeedChannel) -> String {
        path(folder: channel.folder)
    }

    /// The output path of the RSS document of the channel whose folder is `folder`.
    static func path(folder: String) -> String {
        folder + "/rss.xml"
    }

    /// One RSS document. The description carries the summary and `content:encoded` the full HTML;
    /// authors are `dc:creator`, since RSS's own `author` wants an e-mail address.
    static func document(_ channel: FeedChannel, items: some Collection<FeedItem>, path: String) -> [UInt8] {
        var xml = MarkupBuilder(xmlStyle: true)
        xml.append(trusted: "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        xml.open("rss", [
            ("version", "2.0"), ("xmlns:atom", AtomFeed.namespace),
            ("xmlns:content", "http://purl.org/rss/1.0/modules/content/"), ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ])
        xml.newline()
        xml.open("channel")
        xml.newline()
        xml.line(1, "title", text: channel.title)
        if let home = channel.homeURL { xml.line(1, "link", text: home) }
        xml.line(1, "description", text: channel.description)
        xml.line(1, "language", text: channel.language)
        if let selfURL = channel.links.absolute(path) {
            xml.voidLine(1, "atom:link", [("rel", "self"), ("type", "application/rss+xml"), ("href", selfURL)])
        }
        if let rights = channel.rights { xml.line(1, "copyright", text: rights) }
        xml.line(1, "lastBuildDate", text: FeedChannel.updated(items).rfc822)
        xml.line(1, "generator", text: "Bulletin")
        for item in items {
            xml.indent(1)
            xml.open("item")
            xml.newline()
            xml.line(2, "title", text: item.title)
            if let url = item.url { xml.line(2, "link", text: url) }
            xml.line(2, "guid", [("isPermaLink", "false")], text: item.id)
            if let date = item.date { xml.line(2, "pubDate", text: date.rfc822) }
            for author in item.authors { xml.line(2, "dc:creator", text: author) }
            for category in item.categories { xml.line(2, "category", text: category) }
            xml.line(2, "description", text: item.summary)
            xml.line(2, "content:encoded", characterData: item.content.characterData)
            xml.indent(1)
            xml.close("item")
            xml.newline()
        }
        xml.close("channel")
        xml.newline()
        xml.close("rss")
        xml.newline()
        return xml.utf8
    }
}
