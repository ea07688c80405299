import BulletinModel
import Foundation

/// EPUB 3 books: one per issue, and with ``WriterSettings/epubPerVolume`` one per volume (an issue a part).
///
/// Files: `epub/<issue-id>.epub` (`epub/monitor-v6-i23.epub`) and `epub/<publication-slug>-v<volume>.epub`.
/// The same sources give the same bytes: ids come from content, dates from the sources (or a fixed epoch),
/// and the container has fixed timestamps and sorted entries. Chapters reuse ``HTMLBodyRenderer``; the
/// cover, title pages and articles come from the theme's `epub/` templates.
public struct EPUBWriter: Writer {
    public let format = "epub"
    public let summary = "EPUB 3 books: one per issue (and one per volume when configured)"

    /// Creates the writer.
    public init() {}

    public func write(_ issue: Issue, in archive: Archive, to sink: any OutputSink, context: WriterContext) throws {
        let templates = try EPUBTemplates.compiled(for: context.theme)
        let bytes = try makeBook(.issue(issue, strings: templates.strings), archive: archive, settings: context.settings, templates: templates)
        try sink.write(bytes, to: "epub/\(issue.id).epub", format: format, issue: issue.id)
        // A volume's book is written with its first issue, so volumes are built in parallel like issues.
        if context.settings.epubPerVolume, let (publication, volume) = Self.volume(startingWith: issue, in: archive) {
            let book = EPUBBook.volume(volume, of: publication, strings: templates.strings)
            let volumeBytes = try makeBook(book, archive: archive, settings: context.settings, templates: templates)
            try sink.write(volumeBytes, to: "epub/\(publication.slug)-v\(volume.number).epub", format: format, issue: nil)
        }
    }

    public func standalone(_ article: Article, in archive: Archive, context: WriterContext) throws -> [UInt8] {
        let templates = try EPUBTemplates.compiled(for: context.theme)
        let issue = archive.issues.first { $0.articles.contains { $0.id == article.id } } ?? Issue(
            id: "\(Slug.make(article.metadata.publication, fallback: "bulletin"))-v\(article.metadata.volume)-i\(article.metadata.issue)",
            publication: article.metadata.publication, publicationSlug: Slug.make(article.metadata.publication, fallback: "bulletin"),
            volume: article.metadata.volume, number: article.metadata.issue, date: article.metadata.date, articles: [article]
        )
        return try makeBook(.article(article, of: issue, strings: templates.strings), archive: archive, settings: context.settings, templates: templates)
    }

    /// True unless volume books are asked for: an issue's book reads the rest of the archive only for
    /// the publication slugs of the issues it cross-references, and a volume's book needs every issue of it.
    public func writesIssuesAlone(context: WriterContext) -> Bool { !context.settings.epubPerVolume }

    /// Without volume books, when cross-references may link to the site, the publication slug each of the
    /// issue's resolved cross-references links with (``EPUBDocumentRenderer/publicationSlug(of:in:)``), and
    /// nothing otherwise; nil with volume books, whose files are written with their first issue but made of
    /// the whole volume. (The whole list of issues once stood here, digested for every issue: at 2,000
    /// issues that took a tenth of an all-format build.)
    public func dependencies(of issue: Issue, in archive: Archive, context: WriterContext) -> [UInt8]? {
        guard !context.settings.epubPerVolume else { return nil }
        guard context.settings.baseURL != nil else { return [] }
        var digest = ContentDigest()
        for article in issue.articles {
            for block in article.blocks {
                block.forEachInline { inline in
                    guard case .crossReference(let reference) = inline, let target = reference.target else { return }
                    digest.add(target.id)
                    digest.add(EPUBDocumentRenderer.publicationSlug(of: target, in: archive) ?? "")
                }
            }
        }
        return digest.finalize()
    }

    /// The files under `epub/` (the templates of cover, title page and article, and the stylesheet) and the
    /// words under `strings/`.
    public func readsThemeFile(_ path: String) -> Bool { path.hasPrefix("epub/") || path.hasPrefix("strings/") }

    /// The base URL (cross-references to the site), publisher, rights and whether volumes get books; not
    /// the site's title, the text's width or the feeds' and entity pages' sizes.
    public func settingsRead(from settings: WriterSettings) -> WriterSettings {
        WriterSettings(baseURL: settings.baseURL, publisher: settings.publisher, rights: settings.rights, epubPerVolume: settings.epubPerVolume)
    }

    /// The publication and volume whose first issue is `issue`.
    static func volume(startingWith issue: Issue, in archive: Archive) -> (Publication, Volume)? {
        for publication in archive.publications where publication.slug == issue.publicationSlug {
            for volume in publication.volumes where volume.number == issue.volume && volume.issues.first?.id == issue.id {
                return (publication, volume)
            }
        }
        return nil
    }

    // MARK: - Making a book

    /// The container bytes of `book`.
    func makeBook(_ book: EPUBBook, archive: Archive, settings: WriterSettings, templates: EPUBTemplates) throws -> [UInt8] {
        let renderer = EPUBDocumentRenderer(book: book, archive: archive, settings: settings, templates: templates)
        let navigation = EPUBNavigation(book: book)
        let date = EPUBContainer.date(fromTimestamp: book.modified) ?? Date(timeIntervalSince1970: 946_684_800)
        var container = EPUBContainer(modificationDate: date)
        container.add("META-INF/container.xml", templates.containerXML)

        let xhtml = "application/xhtml+xml"
        var items: [EPUBPackageDocument.Item] = [
            .init(id: "cover", href: EPUBDocumentRenderer.coverPagePath, mediaType: xhtml, inSpine: true),
        ]
        container.add("EPUB/" + EPUBDocumentRenderer.coverPagePath, try renderer.coverPage())
        for part in book.parts {
            items.append(.init(id: "t-\(part.issue.id)", href: part.titlePagePath, mediaType: xhtml, inSpine: true))
            container.add("EPUB/" + part.titlePagePath, try renderer.titlePage(for: part))
            for (article, path) in part.articles {
                items.append(.init(id: "a-\(part.issue.id)-\(article.metadata.slug)", href: path, mediaType: xhtml, inSpine: true))
                container.add("EPUB/" + path, try renderer.articlePage(article, at: path))
            }
        }
        items += [
            .init(id: "nav", href: "nav.xhtml", mediaType: xhtml, properties: "nav", inSpine: false),
            .init(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml", inSpine: false),
            .init(id: "cover-image", href: EPUBDocumentRenderer.coverImagePath, mediaType: "image/svg+xml", properties: "cover-image", inSpine: false),
            .init(id: "style", href: EPUBDocumentRenderer.stylesheetPath, mediaType: "text/css", inSpine: false),
        ]
        container.add("EPUB/nav.xhtml", navigation.navigationDocument())
        container.add("EPUB/toc.ncx", navigation.ncx())
        container.add("EPUB/" + EPUBDocumentRenderer.coverImagePath, try renderer.coverImage())
        container.add("EPUB/" + EPUBDocumentRenderer.stylesheetPath, templates.stylesheet)
        let package = EPUBPackageDocument(book: book, settings: settings, items: items, claimsConformance: templates.areBundled)
        container.add("EPUB/package.opf", package.render())
        return try container.archive()
    }
}
