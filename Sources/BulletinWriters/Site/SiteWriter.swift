import BulletinModel

/// The static website: every issue and article, publication and volume indexes, entity pages, offline search.
///
/// Files, under `site/`: `index.html`, `<publication>/index.html`, `<publication>/<volume>/index.html`,
/// `<publication>/<volume>/<issue>/index.html`, `…/<issue>/<article-slug>/index.html`, `entities/index.html`,
/// `entities/<entity>/index.html`, `search/index.html` with the index under `search/` (``SearchIndex``),
/// `404.html`, the theme's assets, and `sitemap.xml` (an index of `sitemap-<n>.xml` past 50,000 pages, ``Sitemap``)
/// when a base URL is configured (a sitemap must hold absolute URLs, so without one there is none, and pages
/// carry no canonical link); `robots.txt`, naming the sitemap by its absolute URL, only when the base URL is a
/// host's root (``SiteLayout/isHostRoot(_:)``), the one place crawlers read it, and the theme has none of its own.
///
/// Issue and article pages are written per issue, in parallel; pages that span the archive in
/// ``writeArchive(_:to:context:)``. Templates come from the theme (`site/*.mustache`), compiled once per theme.
public struct SiteWriter: Writer {
    public let format = "site"
    public let summary = "a static website: issue, article, entity and index pages, offline search, sitemap"

    let cache = SiteTemplateCache()

    /// Creates the writer.
    public init() {}

    // MARK: - Per issue

    public func write(_ issue: Issue, in archive: Archive, to sink: any OutputSink, context: WriterContext) throws {
        let templates = try cache.templates(for: context.theme)
        let renderer = SitePageRenderer(templates: templates, settings: context.settings, linksFeeds: context.formats.contains(FeedWriter.formatName))
        let issuePath = SiteLayout.issuePath(issue)
        try sink.write(renderer.issuePage(issue, path: issuePath, neighbours: archive.neighbours(of: issue)), to: "site/" + issuePath, format: format, issue: issue.id)
        for (index, article) in issue.articles.enumerated() {
            let path = SiteLayout.articlePath(article.metadata, in: issue)
            let bytes = renderer.articlePage(article, at: index, in: issue, path: path)
            try sink.write(bytes, to: "site/" + path, format: format, issue: issue.id)
        }
    }

    /// The issues before and after it, which its page links to: their headers, not their articles.
    public func dependencies(of issue: Issue, in archive: Archive, context: WriterContext) -> [UInt8]? {
        let (previous, next) = archive.neighbours(of: issue)
        var digest = ContentDigest()
        for neighbour in [previous, next] {
            digest.add(bytes: neighbour.map { issue in
                var header = issue
                header.articles = []
                return JSONWriter.digest(of: header)
            } ?? [])
        }
        return digest.finalize()
    }

    // MARK: - Archive-wide

    public func writeArchive(_ archive: Archive, to sink: any OutputSink, context: WriterContext) throws {
        let templates = try cache.templates(for: context.theme)
        let renderer = SitePageRenderer(templates: templates, settings: context.settings, linksFeeds: context.formats.contains(FeedWriter.formatName))
        let language = archive.dominantLanguage
        var paths: [String] = []
        // Every file this writer makes under `site/` (pages kept from the last build among them), for a theme
        // file's path to be checked against.
        var made: Set<String> = []
        func file(_ path: String, _ bytes: [UInt8]) throws {
            try sink.write(bytes, to: path, format: format, issue: nil)
            made.insert(path)
        }
        func page(_ path: String, _ bytes: [UInt8]) throws {
            try file("site/" + path, bytes)
            paths.append(path)
        }

        try page(SiteLayout.homePath, renderer.homePage(archive, language: language))
        for publication in archive.publications {
            // A publication's pages are in its own language, not the archive's: a Chinese bulletin's
            // volumes are listed in Chinese on a site whose other bulletins are English.
            let publicationLanguage = publication.dominantLanguage
            try page(SiteLayout.publicationPath(publication.slug), renderer.publicationPage(publication, language: publicationLanguage))
            for volume in publication.volumes {
                try page(SiteLayout.volumePath(publicationSlug: publication.slug, volume: volume.number),
                         renderer.volumePage(volume, of: publication, language: publicationLanguage))
            }
        }
        let entities = EntityDirectory(archive, strings: templates.strings.strings(for: language))
        try page(SiteLayout.entitiesPath, renderer.entitiesPage(entities, language: language))
        var items: [EntityItemKey: [UInt8]] = [:]
        // With keeping, a page showing what it showed before (the entity, its place in the entity's pages
        // and every field of the articles it lists) is kept rather than made.
        let referenceDigests = context.keeping == nil ? [] : entities.references.map(\.digest)
        for entity in entities.entries {
            let pages = try renderer.entityPages(entity, in: entities, language: language, items: &items) { path, number, pageCount, articles in
                guard let keeping = context.keeping else { return false }
                var key = ContentDigest()
                key.add("entity page 1")
                key.add(language)
                for field in [entity.id, entity.name, entity.type.rawValue] { key.add(field) }
                for count in [entity.mentions, entity.articles.count, number, pageCount] { key.add(count) }
                for article in articles { key.add(bytes: referenceDigests[Int(article)]) }
                return try keeping.keep("site/" + path, key: key.finalize())
            }
            for (path, bytes) in pages {
                if let bytes { try page(path, bytes) } else { paths.append(path); made.insert("site/" + path) }
            }
        }
        try page(SiteLayout.searchPath, renderer.searchPage(language: language))
        let strings = templates.strings.strings(for: language)
        try SearchIndex.write(archive, strings: strings, page: PageLanguage(content: language, strings: strings)) { path, bytes in
            try file("site/" + path, bytes)
        }
        try file("site/" + SiteLayout.notFoundPath, renderer.notFoundPage(language: language))
        // The issue and article pages, written issue by issue (``write(_:in:to:context:)``).
        for issue in archive.issues {
            made.insert("site/" + SiteLayout.issuePath(issue))
            for article in issue.articles { made.insert("site/" + SiteLayout.articlePath(article.metadata, in: issue)) }
        }

        if let baseURL = context.settings.baseURL {
            var sitemapPaths = paths.filter { $0 != SiteLayout.searchPath }
            for issue in archive.issues {
                sitemapPaths.append(SiteLayout.issuePath(issue))
                for article in issue.articles { sitemapPaths.append(SiteLayout.articlePath(article.metadata, in: issue)) }
            }
            for (path, bytes) in Sitemap.files(paths: sitemapPaths, baseURL: baseURL) {
                try file("site/" + path, bytes)
            }
            // Crawlers read robots.txt only at a host's root: a site published below it (https://example.org/news/)
            // gets none, for a file there would be read by no one, and a copy of it at the root would open the
            // whole host to them; the README tells such a site to add the Sitemap line to the host's own file.
            // Without a base URL there is none either: there is no sitemap to name, allowing everything is what
            // no file at all means (RFC 9309), and the folder may be copied to a host whose own rules it would
            // replace. A theme's own `site/robots.txt`, copied below, is the site's, and stands alone.
            if SiteLayout.isHostRoot(baseURL), context.theme.files["site/robots.txt"] == nil {
                let robots = "User-agent: *\nAllow: /\n\nSitemap: \(SiteLayout.url(for: "sitemap.xml", baseURL: baseURL))\n"
                try file("site/robots.txt", Array(robots.utf8))
            }
        }

        // The theme's files last, once every path the site's own files take is known: a theme file at one of
        // them (or at a folder holding one, or inside one) is an error at the theme file. Its `robots.txt`
        // takes the place of Bulletin's, which only allows everything; no other file of Bulletin's can be
        // replaced without breaking the site (a home page the templates do not make, a search index that does
        // not match its records, a sitemap missing pages), and a theme file left out with a warning would give
        // a site other than the theme asks for: the template (`site/home.mustache`) is the way to change a page.
        let theme = context.theme.files.filter { $0.key.hasPrefix("site/") && !$0.key.hasSuffix(".mustache") }.sorted { $0.key < $1.key }
        // Every folder of a made path: found from the path's end, byte by byte (a path's characters are
        // not needed to find its slashes), up to the first one already known, whose own folders are then too.
        var folders: Set<Substring> = []
        for path in made {
            var folder = path[...]
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                guard folders.insert(folder).inserted else { break }
            }
        }
        for path in theme.map(\.key) {
            var ancestor = path[...]
            var clash = made.contains(path) ? "the path of a file" : folders.contains(path[...]) ? "the path of a folder" : nil
            while clash == nil, let slash = ancestor.lastIndex(of: "/") {
                ancestor = ancestor[..<slash]
                if made.contains(String(ancestor)) { clash = "a path inside the file \(ancestor)" }
            }
            if let clash {
                let origin = context.theme.origin(of: path)
                throw WriterError(format: format, message: "the theme's \(path) has \(clash) the site writer makes", diagnostics: [Diagnostic(
                    id: "theme.site-file-clash", severity: .error,
                    message: "the theme file has \(clash) Bulletin writes into the site, and would replace it",
                    location: SourceLocation(path: origin, line: 1, column: 1),
                    fix: "change a page through its template (site/*.mustache), or move the file to a path of its own, such as under site/assets/")])
            }
        }
        for (path, bytes) in theme { try sink.write(bytes, to: path, format: format, issue: nil) }
    }

    /// True: the archive-wide pages are made of the archive, the settings and the theme alone.
    public func archiveFilesAreReusable(context: WriterContext) -> Bool { true }

    /// The files under `site/` (templates, stylesheets, scripts and assets) and the words under `strings/`.
    public func readsThemeFile(_ path: String) -> Bool { path.hasPrefix("site/") || path.hasPrefix("strings/") }

    /// The base URL, the site's title, publisher, rights and the articles on a page of an entity's list.
    public func settingsRead(from settings: WriterSettings) -> WriterSettings {
        WriterSettings(baseURL: settings.baseURL, siteTitle: settings.siteTitle, publisher: settings.publisher, rights: settings.rights,
                       entityPageSize: settings.entityPageSize)
    }

    // MARK: - One article

    /// One self-contained page: the theme's stylesheet inline, no links to pages that do not exist.
    public func standalone(_ article: Article, in archive: Archive, context: WriterContext) throws -> [UInt8] {
        let templates = try cache.templates(for: context.theme)
        var renderer = SitePageRenderer(templates: templates, settings: context.settings)
        renderer.inlineStyle = context.theme.text("site/assets/style.css") ?? ""
        let issue = archive.issues.first { $0.articles.contains { $0.id == article.id } }
            ?? Issue(id: "", publication: article.metadata.publication, publicationSlug: Slug.make(article.metadata.publication),
                     volume: article.metadata.volume, number: article.metadata.issue, date: article.metadata.date, articles: [article])
        return renderer.articlePage(article, at: 0, in: issue, path: "index.html")
    }
}
