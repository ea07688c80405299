import BulletinModel

/// One article as every feed format shows it, made once and shared by Atom, RSS and JSON Feed.
struct FeedItem: Sendable, Hashable {
    /// `urn:uuid:` from the article's content id: stable across builds and base URLs.
    var id: String
    /// The article's title.
    var title: String
    /// The summary when the article has one, else a plain-text lead.
    var summary: String
    /// The full body as HTML, escaped once for every document that shows it.
    var content: Content
    /// The article's date, else its issue's; nil when neither is known.
    var date: FeedDate?
    /// Authors, in the order given.
    var authors: [String]
    /// Entity names, most mentioned first, without repeats.
    var categories: [String]
    /// The article page's absolute URL, when there is a base URL.
    var url: String?
    /// BCP 47 language tag.
    var language: String

    /// What stands in for an item that only documents kept from the previous build show, and is never written.
    static let unshown = FeedItem()

    private init() {
        (id, title, summary, content, date, authors, categories, url, language) = ("", "", "", Content(html: []), nil, [], [], nil, "")
    }

    /// An item's body, as each format carries it: an item is shown by a document of each format in the
    /// archive's channel and in its publication's, and its body is most of each.
    struct Content: Sendable, Hashable {
        /// The HTML as XML character data (``Markup/characterData(_:)``): Atom's `content`, RSS's `content:encoded`.
        var characterData: [UInt8] = []
        /// The HTML as a JSON string literal: JSON Feed's `content_html`.
        var jsonLiteral: [UInt8] = []

        /// The body whose HTML is the UTF-8 `html`.
        init(html: [UInt8]) {
            html.withUnsafeBufferPointer { html in
                Markup.appendCharacterData(html, to: &characterData)
                JSONTreeSerializer.appendLiteral(utf8: html, into: &jsonLiteral)
            }
        }
    }

    /// Longest plain-text lead, in characters, when an article has no summary.
    static let leadLength = 280

    /// Where an article is in the archive and what orders it among the feed's items: all a feed needs
    /// of it until its page is written.
    struct Entry: Sendable, Hashable {
        /// Index of its issue in `archive.issues`.
        var issue: Int
        /// Index of the article in that issue.
        var article: Int
        /// Position in archive order, the tie-breaker that keeps ordering total.
        var archiveIndex: Int
        /// The article's date, else its issue's; nil when neither is known.
        var date: FeedDate?
        /// The publication's slug, for per-publication feeds.
        var publicationSlug: String
    }

    /// Entries for every article of the archive, newest first.
    static func entries(for archive: Archive) -> [Entry] {
        var entries: [Entry] = []
        // The same numbering as `archive.issues`, which ``FeedWriter`` indexes.
        for (i, issue) in archive.issues.enumerated() {
            for (a, article) in issue.articles.enumerated() {
                entries.append(Entry(
                    issue: i, article: a, archiveIndex: entries.count,
                    date: (article.metadata.date ?? issue.date).flatMap(FeedDate.init(iso:)), publicationSlug: issue.publicationSlug))
            }
        }
        // Newest first; undated entries after dated ones; ties in archive order.
        return entries.sorted { lhs, rhs in
            switch (lhs.date, rhs.date) {
            case let (left?, right?) where left != right: left > right
            case (.some, nil): true
            case (nil, .some): false
            default: lhs.archiveIndex < rhs.archiveIndex
            }
        }
    }

    /// The renderer for article bodies: cross-references link to the referenced issue's page when there is a base URL;
    /// entity mentions are plain text. Feed readers show content without the site's stylesheet and drop
    /// classes and data attributes, and the entities are already the item's categories; marked up, the
    /// mentions were about a third of every item's content (10,000-article bench: feeds 235 → 146 MiB).
    static func bodyRenderer(for archive: Archive, links: FeedLinks) -> HTMLBodyRenderer {
        var issuePaths: [String: String] = [:]
        for issue in archive.issues {
            issuePaths[issue.id] = FeedLinks.issuePath(publicationSlug: issue.publicationSlug, volume: issue.volume, issue: issue.number)
        }
        let resolved = issuePaths
        return HTMLBodyRenderer(
            xmlStyle: false,
            links: HTMLBodyRenderer.Links(crossReference: { reference in
                reference.target.flatMap { resolved[$0.id] }.flatMap { links.absolute($0) }
            }),
            marksEntities: false
        )
    }

    /// The ids of an issue's items, in the order of its articles: each a `urn:uuid:` of the issue and its
    /// source's file name, which an edit to the article leaves as it is, as RFC 4287 asks of an entry's id
    /// (an id of its text made a corrected typo a new item in every reader). Where two sources of the issue
    /// have one file name (in two folders), each adds its article's id. Made for the whole issue at once:
    /// asked article by article, every item split the path of every other article of its issue.
    static func ids(in issue: Issue) -> [String] {
        let names = issue.articles.map { $0.metadata.source.path.split(separator: "/").last ?? Substring($0.metadata.source.path) }
        var articlesNamed: [Substring: [String]] = [:]
        for (name, article) in zip(names, issue.articles) { articlesNamed[name, default: []].append(article.id) }
        return zip(names, issue.articles).map { name, article in
            let shared = articlesNamed[name, default: []].contains { $0 != article.id }
            return "urn:uuid:" + ContentUUID.make(from: "item:\(issue.id)/\(name)" + (shared ? "/\(article.id)" : ""))
        }
    }

    /// The item of `article` of `issue`, whose id is `id` (``ids(in:)``).
    init(_ article: Article, in issue: Issue, id: String, renderer: HTMLBodyRenderer, links: FeedLinks) {
        let metadata = article.metadata
        self.id = id
        self.title = metadata.title
        let given = metadata.summary?.text.collapsingWhitespace ?? ""
        self.summary = given.isEmpty ? Self.lead(of: article) : given
        var html = MarkupBuilder(xmlStyle: renderer.xmlStyle)
        renderer.render(article.blocks, into: &html)
        self.content = Content(html: html.utf8)
        self.date = (metadata.date ?? issue.date).flatMap(FeedDate.init(iso:))
        self.authors = metadata.authors.map { $0.collapsingWhitespace }.filter { !$0.isEmpty }
        var seen = Set<String>()
        // People, organisations and places, as a book's subjects are: the other names are mostly nationalities
        // ("Russian", "Western"), which say little of what an item is about.
        self.categories = metadata.entities.filter { $0.type != .miscellaneous }.map { $0.name.collapsingWhitespace }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
        self.url = links.absolute(FeedLinks.articlePath(
            publicationSlug: issue.publicationSlug, volume: issue.volume, issue: issue.number, slug: metadata.slug))
        self.language = metadata.language
    }

    /// The first paragraph's text, cut at a word boundary with an ellipsis when longer than ``leadLength``.
    static func lead(of article: Article) -> String {
        let first = article.blocks.lazy.map { $0.plainText.collapsingWhitespace }.first { !$0.isEmpty } ?? ""
        guard first.count > leadLength else { return first }
        let cut = first.prefix(leadLength)
        let head = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return head.trimmingSuffix { $0 == "," || $0 == ";" || $0 == ":" } + "…"
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) { result.removeLast() }
        return String(result)
    }
}
