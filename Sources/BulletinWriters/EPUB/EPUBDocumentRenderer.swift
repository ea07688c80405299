import BulletinModel

/// Renders a book's content documents (cover, title pages, articles) through the theme's templates.
///
/// Every value handed to a template is escaped through ``Markup`` first, or is markup that
/// ``MarkupBuilder`` or ``HTMLBodyRenderer`` built.
struct EPUBDocumentRenderer: Sendable {
    /// The book being rendered.
    var book: EPUBBook
    /// The archive the book comes from, to resolve cross-references.
    var archive: Archive
    /// Settings (base URL, publisher).
    var settings: WriterSettings
    /// The compiled templates.
    var templates: EPUBTemplates

    /// The stylesheet's path, relative to the package document.
    static let stylesheetPath = "style.css"
    /// The cover image's path.
    static let coverImagePath = "cover.svg"
    /// The cover page's path.
    static let coverPagePath = "cover.xhtml"

    // MARK: - Cover

    /// The cover image: publication, volume and issue, date.
    func coverImage() throws -> [UInt8] {
        let (lines, size) = Self.coverTitle(book.seriesName)
        let lineHeight = size + 12
        let top = 330 - (lines.count - 1) * lineHeight / 2
        let titleLines: [TemplateValues] = lines.enumerated().map { index, line in
            ["y": .number(top + index * lineHeight), "size": .number(size), "text": .text(Markup.text(line))]
        }
        let issueY = top + lines.count * lineHeight + 60
        return try templates.coverImage([
            "t": book.words.templateValue,
            "label": .text(Markup.text(coverDescription)),
            "langAttributes": .text(" xml:lang=\"\(Markup.attribute(book.language))\""),
            "wordsLangAttributes": .text(book.words.markedLanguage(in: book.language).map { " xml:lang=\"\(Markup.attribute($0))\"" } ?? ""),
            "titleLines": .list(titleLines),
            "issueLine": .text(Markup.text(book.coverLine)),
            "issueY": .number(issueY),
            "hasDate": .flag(book.date != nil),
            "dateText": .text(Markup.text(book.date.map(book.longDate) ?? "")),
            "dateY": .number(issueY + 56),
            "hasPublisher": .flag(settings.publisher.map { !$0.isBlank } ?? false),
            "publisher": .text(Markup.text(settings.publisher ?? "")),
        ], document: Self.coverImagePath)
    }

    /// Type sizes for the publication's name on the cover, largest first, with the characters a line
    /// holds inside the frame at that size and the most lines that look well there.
    private static let coverTitleSizes: [(size: Int, width: Int, lines: Int)] = [(64, 16, 2), (46, 16, 4), (40, 20, 5), (34, 24, 7), (28, 30, 12)]

    /// The publication's name in lines for the cover, at the largest size at which every word of it fits;
    /// only a name too long for the smallest size loses its end to an ellipsis (the cover's text
    /// alternative still names it whole).
    static func coverTitle(_ name: String) -> (lines: [String], size: Int) {
        for option in coverTitleSizes {
            let lines = TextWrapper.wrap(name, width: option.width)
            if lines.count <= option.lines, lines.allSatisfy({ TextWrapper.columns(of: $0) <= option.width }) { return (lines, option.size) }
        }
        let smallest = coverTitleSizes[coverTitleSizes.count - 1]
        var lines = TextWrapper.wrap(name, width: smallest.width)
        if lines.count > smallest.lines {
            lines = Array(lines.prefix(smallest.lines))
            lines[lines.count - 1] += " …"
        }
        return (lines, smallest.size)
    }

    /// What the cover shows, in words: its alternative text.
    var coverDescription: String {
        var text = "\(book.seriesName), \(book.coverLine)"
        if let date = book.date { text += ", " + book.longDate(date) }
        return book.words.text("coverOf", ["title": text])
    }

    /// The cover page, showing the cover image with its alternative text.
    func coverPage() throws -> [UInt8] {
        try templates.coverPage([
            "t": book.words.templateValue,
            "lang": .text(Markup.attribute(book.language)),
            "direction": .text(TextDirection.of(book.language)),
            "title": .text(Markup.text(book.title)),
            "stylesheet": .text(Markup.attribute(Self.stylesheetPath)),
            "image": .text(Markup.attribute(Self.coverImagePath)),
            "alt": .text(Markup.attribute(coverDescription)),
            "wordsLangAttributes": Self.wordsAttributes(book.words, in: book.language),
        ], document: Self.coverPagePath)
    }

    // MARK: - Title page

    /// An issue's title page: masthead and contents with each article's summary.
    func titlePage(for part: EPUBBook.Part) throws -> [UInt8] {
        let issue = part.issue
        // In its own issue's language, which in a volume's book may not be the book's.
        let language = issue.dominantLanguage
        let words = templates.strings.strings(for: language)
        let articles: [TemplateValues] = part.articles.map { article, path in
            let metadata = article.metadata
            // Under a derived title, without the words the title shows.
            let summary = metadata.summary.flatMap { metadata.continuingTitle($0.text) } ?? ""
            return [
                "href": .text(Markup.attribute(path)),
                "lang": .text(Markup.attribute(metadata.language)),
                "title": .text(Markup.text(metadata.title)),
                "derived": .flag(metadata.titleIsDerived),
                "hasByline": .flag(!metadata.authors.isEmpty),
                "byline": .text(Markup.text(words.byline(metadata.authors))),
                "wordsLangAttributes": Self.wordsAttributes(words, in: metadata.language),
                "hasSummary": .flag(!summary.isBlank),
                "summary": .text(Markup.text(summary)),
            ]
        }
        return try templates.titlePage([
            "t": words.templateValue,
            "lang": .text(Markup.attribute(language)),
            "direction": .text(TextDirection.of(language)),
            "title": .text(Markup.text(words.title(of: issue))),
            "stylesheet": .text(Markup.attribute(Self.stylesheetPath)),
            "publication": .text(Markup.text(issue.publication)),
            "issueLine": .text(Markup.text(words.text("volumeAndIssue", ["volume": String(issue.volume), "issue": String(issue.number)]))),
            "hasDate": .flag(issue.date != nil),
            "dateISO": .text(Markup.attribute(issue.date ?? "")),
            "dateText": .text(Markup.text(issue.date.map { EPUBBook.longDate($0, in: words) } ?? "")),
            "contentsHeading": .text(Markup.text(words.text("inThisIssue"))),
            "wordsLangAttributes": Self.wordsAttributes(words, in: language),
            "articles": .list(articles),
        ], document: part.titlePagePath)
    }

    // MARK: - Articles

    /// The attributes that mark the theme's words (a byline, a date, a heading) inside a document in
    /// `language` where the theme has none in it and they are another language's: ` lang="en" xml:lang="en"`,
    /// and ` dir="ltr"` in a right-to-left document; empty where they are the document's language.
    static func wordsAttributes(_ words: UIStrings, in language: String) -> TemplateValue {
        guard let marked = words.markedLanguage(in: language), let marks = PageLanguage(tag: language).marks(for: marked) else {
            return .text("")
        }
        let tag = Markup.attribute(marks.tag)
        return .text(" lang=\"\(tag)\" xml:lang=\"\(tag)\"" + (marks.direction.map { " dir=\"\($0)\"" } ?? ""))
    }

    /// One article's document; `path` is where it lives, for relative links.
    func articlePage(_ article: Article, at path: String) throws -> [UInt8] {
        let metadata = article.metadata
        // Book paths have no empty segments: the depth is the number of slashes.
        let depth = path.utf8.count { $0 == UInt8(ascii: "/") }
        let up = String(repeating: "../", count: depth)
        let renderer = HTMLBodyRenderer(xmlStyle: true, links: crossReferenceLinks(up: up), headingBase: 2)
        // In the article's own language, which the document is marked with.
        let words = templates.strings.strings(for: metadata.language)
        // Rendered as bytes, which the document's bytes take as they are: made a string, every byte of
        // every body was validated as UTF-8 only to be taken apart again.
        var body = MarkupBuilder(xmlStyle: true)
        renderer.render(article.blocks, into: &body)
        return try templates.article([
            "t": words.templateValue,
            "lang": .text(Markup.attribute(metadata.language)),
            "direction": .text(TextDirection.of(metadata.language)),
            "title": .text(Markup.text(metadata.title.isBlank ? words.text("untitled") : metadata.title)),
            // The heading's title, its names marked as the body's are.
            "titleMarkup": .text(metadata.titleContent.map { renderer.render($0) }
                ?? Markup.text(metadata.title.isBlank ? words.text("untitled") : metadata.title)),
            "derived": .flag(metadata.titleIsDerived),
            "stylesheet": .text(Markup.attribute(up + Self.stylesheetPath)),
            "hasSection": .flag(metadata.section.map { !$0.isBlank } ?? false),
            "section": .text(Markup.text(metadata.section ?? "")),
            "hasByline": .flag(!metadata.authors.isEmpty),
            "byline": .text(Markup.text(words.byline(metadata.authors))),
            "hasDate": .flag(metadata.date != nil),
            "dateISO": .text(Markup.attribute(metadata.date ?? "")),
            "dateText": .text(Markup.text(metadata.date.map { EPUBBook.longDate($0, in: words) } ?? "")),
            "wordsLangAttributes": Self.wordsAttributes(words, in: metadata.language),
            "body": .utf8(body.utf8),
        ], document: path)
    }

    /// Cross-references go to the referenced issue's title page when it is in this book, else to the
    /// issue on the site when a base URL is configured, else nowhere (plain text): no dead links.
    /// Entities stay plain text with semantic spans.
    func crossReferenceLinks(up: String) -> HTMLBodyRenderer.Links {
        let inBook = Dictionary(book.parts.map { ($0.issue.id, $0.titlePagePath) }) { first, _ in first }
        let baseURL = settings.baseURL.flatMap { Markup.isSafeURL($0) && !$0.isBlank ? $0 : nil }
        let archive = self.archive
        return HTMLBodyRenderer.Links(crossReference: { reference in
            guard let target = reference.target else { return nil }
            if let path = inBook[target.id] { return up + path }
            guard let baseURL, let slug = Self.publicationSlug(of: target, in: archive) else { return nil }
            let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
            return base + Markup.pathSegment(slug) + "/\(target.volume)/\(target.issue)/"
        }, entity: { _ in nil })
    }

    /// The slug of the publication that holds the referenced issue.
    static func publicationSlug(of target: IssueReference, in archive: Archive) -> String? {
        for publication in archive.publications {
            for volume in publication.volumes where volume.number == target.volume {
                if volume.issues.contains(where: { $0.id == target.id }) { return publication.slug }
            }
        }
        return nil
    }
}
