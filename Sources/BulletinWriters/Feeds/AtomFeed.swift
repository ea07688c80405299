/// Atom 1.0 (RFC 4287) documents with RFC 5005 archive paging.
enum AtomFeed {
    /// Which document of a paged feed is being written.
    enum Page: Sendable, Hashable {
        /// The subscription document, `atom.xml`, linking to the newest of `archivePages` archive documents.
        case current(archivePages: Int)
        /// Archive document `number` of `count`, numbered from the oldest.
        case archive(number: Int, count: Int)
    }

    static let namespace = "http://www.w3.org/2005/Atom"
    static let historyNamespace = "http://purl.org/syndication/history/1.0"

    /// The output path of the current document of the channel whose folder is `folder`: its newest items.
    static func currentPath(folder: String) -> String {
        folder + "/atom.xml"
    }

    /// The output path of archive document `number` (1 holds the oldest items).
    static func archivePath(_ channel: FeedChannel, _ number: Int) -> String {
        channel.folder + "/archive/atom-\(number).xml"
    }

    /// One Atom document holding `items`, newest first.
    static func document(_ channel: FeedChannel, items: some Collection<FeedItem>, path: String, page: Page) -> [UInt8] {
        let links = channel.links
        var xml = MarkupBuilder(xmlStyle: true)
        xml.append(trusted: "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        var namespaces: [(String, String?)] = [("xmlns", namespace)]
        if case .archive = page { namespaces.append(("xmlns:fh", historyNamespace)) }
        // The language most of its items are in; each entry gives its own.
        xml.open("feed", namespaces + [("xml:lang", channel.language)])
        xml.newline()
        xml.line(1, "id", text: channel.id)
        xml.line(1, "title", text: channel.title)
        xml.line(1, "subtitle", text: channel.description)
        xml.line(1, "updated", text: FeedChannel.updated(items).rfc3339)
        xml.indent(1)
        xml.element("author") { $0.element("name", text: channel.author) }
        xml.newline()
        if let rights = channel.rights { xml.line(1, "rights", text: rights) }
        xml.line(1, "generator", text: "Bulletin")
        if let selfURL = links.absolute(path) {
            xml.voidLine(1, "link", [("rel", "self"), ("type", "application/atom+xml"), ("href", selfURL)])
        }
        if let home = channel.homeURL {
            xml.voidLine(1, "link", [("rel", "alternate"), ("type", "text/html"), ("href", home)])
        }
        switch page {
        case .current(let archivePages):
            if archivePages > 0 {
                xml.voidLine(1, "link", [("rel", "prev-archive"), ("href", links.href(to: archivePath(channel, archivePages), from: path))])
            }
        case .archive(let number, let count):
            xml.voidLine(1, "fh:archive", [])
            xml.voidLine(1, "link", [("rel", "current"), ("href", links.href(to: currentPath(folder: channel.folder), from: path))])
            if number > 1 {
                xml.voidLine(1, "link", [("rel", "prev-archive"), ("href", links.href(to: archivePath(channel, number - 1), from: path))])
            }
            if number < count {
                xml.voidLine(1, "link", [("rel", "next-archive"), ("href", links.href(to: archivePath(channel, number + 1), from: path))])
            }
        }
        for item in items { entry(item, into: &xml) }
        xml.close("feed")
        xml.newline()
        return xml.utf8
    }

    private static func entry(_ item: FeedItem, into xml: inout MarkupBuilder) {
        xml.indent(1)
        xml.open("entry", [("xml:lang", item.language)])
        xml.newline()
        xml.line(2, "id", text: item.id)
        xml.line(2, "title", text: item.title)
        if let url = item.url {
            xml.voidLine(2, "link", [("rel", "alternate"), ("type", "text/html"), ("href", url)])
        }
        if let date = item.date { xml.line(2, "published", text: date.rfc3339) }
        xml.line(2, "updated", text: (item.date ?? .epoch).rfc3339)
        for author in item.authors {
            xml.indent(2)
            xml.element("author") { $0.element("name", text: author) }
            xml.newline()
        }
        for category in item.categories {
            xml.voidLine(2, "category", [("term", category)])
        }
        xml.line(2, "summary", text: item.summary)
        xml.line(2, "content", [("type", "html")], characterData: item.content.characterData)
        xml.indent(1)
        xml.close("entry")
        xml.newline()
    }
}

extension MarkupBuilder {
    /// Two spaces per level, for readable feeds.
    mutating func indent(_ level: Int) {
        for _ in 0..<level { append(trusted: "  ") }
    }

    /// An indented element holding escaped text, then a line break.
    mutating func line(_ level: Int, _ name: String, _ attributes: [(String, String?)] = [], text: String) {
        indent(level)
        element(name, attributes, text: text)
        newline()
    }

    /// An indented element holding character data made already (``Markup/characterData(_:)``), then a line break.
    mutating func line(_ level: Int, _ name: String, _ attributes: [(String, String?)] = [], characterData: [UInt8]) {
        indent(level)
        open(name, attributes)
        append(trusted: characterData)
        close(name)
        newline()
    }

    /// An indented empty element, then a line break.
    mutating func voidLine(_ level: Int, _ name: String, _ attributes: [(String, String?)]) {
        indent(level)
        void(name, attributes)
        newline()
    }
}
