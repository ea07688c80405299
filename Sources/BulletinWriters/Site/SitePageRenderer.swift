import BulletinModel
import Foundation

/// Turns archive values into the template values of each page and renders them through the theme.
///
/// Every string given to a template passes through ``Markup`` here (`escaped(_:)`) or is a fragment that
/// ``MarkupBuilder`` or ``HTMLBodyRenderer`` built; hrefs are made only from slugs and numbers.
struct SitePageRenderer {
    let templates: SiteTemplates
    let settings: WriterSettings
    /// The stylesheet to inline instead of linking, for standalone pages.
    var inlineStyle: String?
    /// The whole archive's feed documents, which every page names when the build writes the feeds beside the site.
    private var archiveFeeds: [FeedSubscription] = []
    /// The feed values of a publication's pages (and, under "", of the others) in a language: the same on
    /// every one, so made once.
    private let feedValues = FeedValuesCache()

    private final class FeedValuesCache {
        var byPublication: [String: TemplateValues] = [:]
    }

    /// The issue's values and breadcrumbs of its article pages, by issue, page root and language: the same
    /// on each of an issue's article pages (but for the one that names the article), so made once per issue.
    private let articleParts = ArticlePartsCache()

    private final class ArticlePartsCache {
        var byIssue: [String: (values: TemplateValues, crumbs: [Crumb])] = [:]
    }

    /// The layout's values that only a page's root and language decide, by root and language (see ``layoutValues(root:language:strings:)``).
    private let layoutParts = LayoutPartsCache()

    private final class LayoutPartsCache {
        var byRoot: [String: (shared: TemplateValues, layout: TemplateValues)] = [:]
    }

    /// Each language's words, page language and counted phrases ("3 articles"): the same on every page in
    /// the language, and asked for on each of thousands of entity pages, so made once.
    private let languageParts = LanguagePartsCache()

    private final class LanguagePartsCache {
        var strings: [String: UIStrings] = [:]
        var pageLanguages: [String: PageLanguage] = [:]
        var counted: [CountedKey: String] = [:]
    }

    /// A counted phrase: the language of its words, its noun and its count.
    private struct CountedKey: Hashable {
        var language: String
        var noun: String
        var count: Int
    }

    /// A renderer; `linksFeeds` when the same build writes the feeds, which pages then name.
    init(templates: SiteTemplates, settings: WriterSettings, linksFeeds: Bool = false) {
        self.templates = templates
        self.settings = settings
        if linksFeeds { archiveFeeds = FeedSubscription.documents(publication: nil, settings: settings) }
    }

    private var isStandalone: Bool { inlineStyle != nil }

    // MARK: - Layout

    /// What a page tells machines about itself besides its title and description: schema.org JSON-LD
    /// (see ``StructuredData``), and the Open Graph type and date that link previews read.
    struct About {
        var structuredData: [UInt8]?
        var openGraphType = "website"
        var published: String?
    }

    /// A crumb of the breadcrumb trail: a label and, but for the current page, an href; the language of
    /// the label when it is content (an article's title) rather than the page's words.
    struct Crumb {
        var label: String
        var path: String?
        var language: String?
    }

    /// Renders `template` inside the layout.
    private func page(
        _ template: String, path: String, title: String, language: PageLanguage, description: String? = nil,
        crumbs: [Crumb] = [], scripts: [String] = [], values: TemplateValues, absoluteLinks: Bool = false,
        publication: (slug: String, name: String)? = nil, about: About = About()
    ) -> [UInt8] {
        let root: String
        if absoluteLinks, let baseURL = settings.baseURL {
            root = Markup.attribute(baseURL.hasSuffix("/") ? baseURL : baseURL + "/")
        } else {
            root = SiteLayout.rootPrefix(path)
        }
        let strings = self.strings(language.tag)
        let base = layoutValues(root: root, language: language, strings: strings)
        var content = values
        content.add(missingFrom: base.shared)
        // Made as bytes and spliced into the layout's as they are.
        let main = templates.renderUTF8(template, content)

        var shared = base.layout
        shared["pageTitle"] = escaped(title)
        shared["content"] = .utf8(main)
        // "Page · Site" in the title bar, but not "Site · Site" on the home page, nor on a standalone page.
        shared["titleSuffix"] = .flag(!isStandalone && title != settings.siteTitle)
        if let description, !description.isBlank { shared["description"] = escaped(description) }
        if let url = absoluteURL(path), !isStandalone, path != SiteLayout.notFoundPath {
            shared["canonical"] = escaped(url)
            // Open Graph wants the page's absolute address, so it comes with the canonical link.
            var openGraph: TemplateValues = ["type": escaped(about.openGraphType), "title": escaped(title)]
            if let description, !description.isBlank { openGraph["description"] = escaped(description) }
            openGraph["url"] = escaped(url)
            openGraph["siteName"] = escaped(settings.siteTitle)
            if let published = about.published { openGraph["published"] = escaped(published) }
            shared["openGraph"] = .values(openGraph)
        }
        if let structuredData = about.structuredData, !isStandalone { shared["structuredData"] = .utf8(structuredData) }
        if !crumbs.isEmpty, !isStandalone {
            shared["hasBreadcrumbs"] = .flag(true)
            shared["breadcrumbs"] = .list(crumbs.map { crumb -> TemplateValues in
                var item: TemplateValues = ["label": escaped(crumb.label), "langAttributes": language.attributes(for: crumb.language ?? language.tag)]
                if let target = crumb.path { item["href"] = .text(root + target) }
                return item
            })
        }
        if !scripts.isEmpty { shared["scripts"] = .list(scripts.map { ["src": .text(root + $0)] }) }
        if !archiveFeeds.isEmpty, !isStandalone { addFeeds(to: &shared, publication: publication, strings: strings) }
        return templates.renderUTF8("layout", shared)
    }

    /// The values of a page's layout that only its root and language decide: `shared`, those its own
    /// template is given too, and `layout`, those and the layout's others. The same on every page at the
    /// same depth, so made once for each.
    private func layoutValues(root: String, language: PageLanguage, strings: UIStrings) -> (shared: TemplateValues, layout: TemplateValues) {
        let key = root + "\u{0}" + language.tag
        if let made = layoutParts.byRoot[key] { return made }
        let shared: TemplateValues = [
            "root": .text(root),
            "siteTitle": escaped(settings.siteTitle),
            "homeHref": .text(root + SiteLayout.homePath),
            "entitiesHref": .text(root + SiteLayout.entitiesPath),
            "searchHref": .text(root + SiteLayout.searchPath),
            "t": strings.templateValue,
        ]
        var layout = shared
        layout["lang"] = escaped(language.tag)
        // Browsers do not take the direction from the language: an Arabic or Hebrew page must say it.
        if language.direction == "rtl" { layout["rightToLeft"] = .flag(true) }
        layout["standalone"] = .flag(isStandalone)
        layout["stylesheetHref"] = .text(root + "assets/style.css")
        layout["scriptHref"] = .text(root + "assets/site.js")
        if let inlineStyle { layout["inlineStyle"] = .text(inlineStyle) }
        if let publisher = settings.publisher {
            layout["publisher"] = escaped(publisher)
            layout["publishedBy"] = escaped(strings.text("publishedBy", ["publisher": publisher]))
        }
        if let rights = settings.rights { layout["rights"] = escaped(rights) }
        layoutParts.byRoot[key] = (shared, layout)
        return (shared, layout)
    }

    /// The feeds a page names: in its head, for discovery, its publication's feed (on the pages of a publication)
    /// and the whole archive's; in its footer, links to the nearer of the two.
    private func addFeeds(to values: inout TemplateValues, publication: (slug: String, name: String)?, strings: UIStrings) {
        let key = (publication?.slug ?? "") + "\u{0}" + strings.language
        if let made = feedValues.byPublication[key] { return values.add(missingFrom: made) }
        let publicationFeeds = publication.map { FeedSubscription.documents(publication: $0, settings: settings) } ?? []
        var feeds: TemplateValues = [:]
        feeds["feeds"] = .list((publicationFeeds + archiveFeeds).map { feed in
            ["type": escaped(feed.mediaType), "title": escaped("\(feed.title) (\(feed.formatName))"), "href": escaped(feed.url)]
        })
        let nearest = publicationFeeds.isEmpty ? archiveFeeds : publicationFeeds
        feeds["hasFeedLinks"] = .flag(true)
        feeds["feedTitle"] = escaped(nearest[0].title)
        feeds["followFeed"] = escaped(strings.text("followFeed", ["feed": nearest[0].title]))
        feeds["feedLinks"] = .list(nearest.enumerated().map { index, feed in
            ["label": escaped(feed.formatName), "type": escaped(feed.mediaType), "href": escaped(feed.url), "first": .flag(index == 0)]
        })
        feedValues.byPublication[key] = feeds
        values.add(missingFrom: feeds)
    }

    /// The absolute URL of the page at `path`, when there is a base URL.
    private func absoluteURL(_ path: String) -> String? {
        settings.baseURL.map { SiteLayout.url(for: path, baseURL: $0) }
    }

    /// `text` escaped for an element or an attribute, as a template value.
    private func escaped(_ text: String) -> TemplateValue {
        .text(Markup.attribute(text))
    }

    /// The theme's words for a page in `language`.
    private func strings(_ language: String) -> UIStrings {
        if let made = languageParts.strings[language] { return made }
        let strings = templates.strings.strings(for: language)
        languageParts.strings[language] = strings
        return strings
    }

    /// The language of a page whose content is in `language`, worded with `strings`, its words for `language`.
    private func pageLanguage(_ language: String, _ strings: UIStrings) -> PageLanguage {
        if let made = languageParts.pageLanguages[language] { return made }
        let pageLanguage = PageLanguage(content: language, strings: strings)
        languageParts.pageLanguages[language] = pageLanguage
        return pageLanguage
    }

    /// `strings.counted(count, noun)` ("3 articles"): an entity page gives its counts three times over, and
    /// most entities share their counts with many others.
    private func counted(_ count: Int, _ noun: String, _ strings: UIStrings) -> String {
        let key = CountedKey(language: strings.language, noun: noun, count: count)
        if let made = languageParts.counted[key] { return made }
        let phrase = strings.counted(count, noun)
        languageParts.counted[key] = phrase
        return phrase
    }

    /// The text of `key` with each `{name}` that `links` names made a link to its href, its label the
    /// text of the key given: markup, everything else escaped.
    private func sentence(_ key: String, links: [String: (label: String, href: String)], _ strings: UIStrings) -> TemplateValue {
        var values: [String: String] = [:]
        var placeholders: [(marker: String, markup: String)] = []
        for (index, (name, link)) in links.sorted(by: { $0.key < $1.key }).enumerated() {
            let marker = "\u{E000}\(index)\u{E001}"
            values[name] = marker
            placeholders.append((Markup.text(marker), "<a href=\"\(link.href)\">\(Markup.text(strings.text(link.label)))</a>"))
        }
        var markup = Markup.text(strings.text(key, values))
        for (marker, link) in placeholders { markup = markup.replacingOccurrences(of: marker, with: link) }
        return .text(markup)
    }

    // MARK: - Issue and article pages

    /// An issue's contents; `neighbours` are the issues before and after it in its publication, which it links.
    func issuePage(_ issue: Issue, path: String, neighbours: (previous: Issue?, next: Issue?) = (nil, nil)) -> [UInt8] {
        let root = SiteLayout.rootPrefix(path)
        // The language most of its articles are in, as its book's: one article in Arabic does not make
        // an English issue's page right-to-left.
        let language = issue.dominantLanguage
        let strings = self.strings(language)
        let pageLanguage = PageLanguage(content: language, strings: strings)
        // Each article's entities come both as a list and as links rendered from `issue-entity`; a value
        // the theme's issue template never names is not made.
        let listsEntities = templates.mentions("entities", in: "issue")
        let printsEntityLinks = templates.mentions("entityLinks", in: "issue")
        let articles = issue.articles.map { article -> TemplateValues in
            let metadata = article.metadata
            var item: TemplateValues = [
                "title": escaped(metadata.title),
                "href": .text(root + SiteLayout.articlePath(metadata, in: issue)),
                "langAttributes": pageLanguage.attributes(for: metadata.language),
            ]
            if !metadata.authors.isEmpty {
                item["authors"] = escaped(strings.list(metadata.authors))
                item["byline"] = escaped(strings.byline(metadata.authors))
            }
            if let section = metadata.section { item["section"] = escaped(section) }
            // Under a derived title, without the words the title shows.
            if let summary = metadata.summary {
                if let text = metadata.continuingTitle(summary.text) { item["summary"] = escaped(text) }
                if let dek = metadata.continuingTitle(summary.dek) { item["dek"] = escaped(dek) }
            }
            if !metadata.entities.isEmpty {
                item["hasEntities"] = .flag(true)
                if listsEntities { item["entities"] = .list(entityLinks(metadata.entities, root: root, strings: strings)) }
                if printsEntityLinks {
                    item["entityLinks"] = .text(entityItems(metadata.entities, template: "issue-entity", root: root, strings: strings,
                                                                   separator: Markup.attribute(strings.text("listSeparator"))))
                }
            }
            return item
        }
        var values = issueValues(issue, root: root, strings: strings)
        values["articles"] = .list(articles)
        values.setCount(issue.articles.count, of: "article", in: strings)
        if neighbours.previous != nil || neighbours.next != nil {
            values["hasIssueSiblings"] = .flag(true)
            func link(_ other: Issue) -> TemplateValue {
                .values(["title": escaped(strings.text("volumeAndIssue", ["volume": String(other.volume), "issue": String(other.number)])),
                         "href": .text(root + SiteLayout.issuePath(other))])
            }
            if let previous = neighbours.previous { values["previousIssue"] = link(previous) }
            if let next = neighbours.next { values["nextIssue"] = link(next) }
            values["issuesOf"] = escaped(strings.text("issuesOf", ["publication": issue.publication]))
        }
        let title = strings.title(of: issue)
        return page("issue", path: path, title: title, language: pageLanguage,
                    description: strings.counted(issue.articles.count, "article"), crumbs: crumbs(for: issue, current: true, strings), values: values,
                    publication: (issue.publicationSlug, issue.publication),
                    about: About(structuredData: StructuredData.issue(issue, name: title, url: absoluteURL(path)) { absoluteURL(SiteLayout.articlePath($0, in: issue)) }))
    }

    func articlePage(_ article: Article, at index: Int, in issue: Issue, path: String) -> [UInt8] {
        let metadata = article.metadata
        let root = SiteLayout.rootPrefix(path)
        let strings = self.strings(metadata.language)
        let pageLanguage = PageLanguage(content: metadata.language, strings: strings)
        // Each entity's link made once for the page, not once for each of its mentions.
        var entityHrefs: [String: String] = [:]
        if !isStandalone {
            for entity in metadata.entities { entityHrefs[entity.id] = root + SiteLayout.entityPath(entity.id) }
        }
        let standalone = isStandalone
        let hrefs = entityHrefs
        let links = HTMLBodyRenderer.Links(
            crossReference: { reference in
                guard !standalone, let target = reference.target, let issuePath = SiteLayout.issuePath(target) else { return nil }
                return root + issuePath
            },
            entity: { mention in hrefs[mention.entityID] }
        )
        let issueParts = articleIssueParts(issue, root: root, strings: strings)
        var values = issueParts.values
        let renderer = HTMLBodyRenderer(xmlStyle: false, links: links, headingBase: 2)
        values["title"] = escaped(metadata.title)
        // The heading's title, its names linked to their pages as the body's are.
        values["titleMarkup"] = metadata.titleContent.map { .text(renderer.render($0)) } ?? escaped(metadata.title)
        values["langAttributes"] = pageLanguage.attributes(for: metadata.language)
        // Rendered as bytes, which the page's bytes take as they are.
        var body = MarkupBuilder(xmlStyle: false)
        renderer.render(article.blocks, into: &body)
        values["body"] = .utf8(body.utf8)
        if !metadata.authors.isEmpty {
            values["authors"] = escaped(strings.list(metadata.authors))
            values["byline"] = escaped(strings.byline(metadata.authors))
        }
        if let section = metadata.section { values["section"] = escaped(section) }
        if let date = metadata.date {
            values["date"] = escaped(date)
            values["dateDisplay"] = escaped(strings.date(date))
        }
        if let summary = metadata.summary {
            values["summary"] = escaped(summary.text)
            values["dek"] = escaped(summary.dek)
            if article.opensWithGeneratedSummary { values["summaryRepeatsLead"] = .flag(true) }
        }
        if !metadata.entities.isEmpty, !isStandalone {
            values["hasEntities"] = .flag(true)
            values["entityList"] = .text(entityItems(metadata.entities, template: "article-entity", root: root, strings: strings))
        }
        if !isStandalone, issue.articles.count > 1 {
            values["hasSiblings"] = .flag(true)
            if index > 0 {
                let previous = issue.articles[index - 1].metadata
                values["previous"] = .values(["title": escaped(previous.title), "href": .text(root + SiteLayout.articlePath(previous, in: issue)),
                                              "langAttributes": pageLanguage.attributes(for: previous.language)])
            }
            if index + 1 < issue.articles.count {
                let next = issue.articles[index + 1].metadata
                values["next"] = .values(["title": escaped(next.title), "href": .text(root + SiteLayout.articlePath(next, in: issue)),
                                          "langAttributes": pageLanguage.attributes(for: next.language)])
            }
        }
        var trail = issueParts.crumbs
        trail.append(Crumb(label: metadata.title, path: nil, language: metadata.language))
        return page("article", path: path, title: metadata.title, language: pageLanguage,
                    description: metadata.summary?.dek, crumbs: trail, values: values, publication: (issue.publicationSlug, issue.publication),
                    about: About(structuredData: StructuredData.article(article, in: issue, issueName: strings.title(of: issue), url: absoluteURL(path),
                                                                     settings: settings),
                                 openGraphType: "article", published: metadata.date))
    }

    /// The values and breadcrumbs an article page of `issue` shares with the issue's other article pages.
    private func articleIssueParts(_ issue: Issue, root: String, strings: UIStrings) -> (values: TemplateValues, crumbs: [Crumb]) {
        let key = issue.id + "\u{0}" + root + "\u{0}" + strings.language
        if let made = articleParts.byIssue[key] { return made }
        var values = issueValues(issue, root: root, strings: strings)
        // A standalone page has no publication, volume or issue pages beside it to link to.
        if isStandalone { for name in ["publicationHref", "volumeHref", "issueHref"] { values[name] = nil } }
        let made = (values, crumbs(for: issue, current: false, strings))
        articleParts.byIssue[key] = made
        return made
    }

    /// Values every page about an issue shares.
    private func issueValues(_ issue: Issue, root: String, strings: UIStrings) -> TemplateValues {
        var values: TemplateValues = [
            "issueTitle": escaped(strings.title(of: issue)),
            "publication": escaped(issue.publication),
            "publicationHref": .text(root + SiteLayout.publicationPath(issue.publicationSlug)),
            "volume": .number(issue.volume),
            "volumeHref": .text(root + SiteLayout.volumePath(publicationSlug: issue.publicationSlug, volume: issue.volume)),
            "issue": .number(issue.number),
            "issueHref": .text(root + SiteLayout.issuePath(issue)),
            "volumeLabel": escaped(strings.text("volumeNumber", ["number": String(issue.volume)])),
            "issueLabel": escaped(strings.text("issueNumber", ["number": String(issue.number)])),
        ]
        if let date = issue.date {
            values["issueDate"] = escaped(date)
            values["issueDateDisplay"] = escaped(strings.date(date))
        }
        return values
    }

    private func crumbs(for issue: Issue, current: Bool, _ strings: UIStrings) -> [Crumb] {
        [
            Crumb(label: settings.siteTitle, path: SiteLayout.homePath),
            Crumb(label: issue.publication, path: SiteLayout.publicationPath(issue.publicationSlug)),
            Crumb(label: strings.text("volumeNumber", ["number": String(issue.volume)]),
                  path: SiteLayout.volumePath(publicationSlug: issue.publicationSlug, volume: issue.volume)),
            Crumb(label: strings.text("issueNumber", ["number": String(issue.number)]), path: current ? nil : SiteLayout.issuePath(issue)),
        ]
    }

    /// Entity items rendered from the item template `template` (`article-entity` for an article page's
    /// list, `issue-entity` for an issue page's links), each followed by `separator`. An item is rendered
    /// once per entity, name, count and page depth and shared by every page that names the entity as often.
    /// The `template` items of `entities`, one after another, `separator` between each two.
    private func entityItems(_ entities: [EntityCount], template: String, root: String, strings: UIStrings, separator: String = "") -> String {
        var items = ""
        for (index, entity) in entities.enumerated() {
            if index > 0 { items += separator }
            items += templates.renderedItems.item(RenderedItems.Key(template: template, root: root, language: strings.language, entity: entity)) {
                templates.render(template, entityValues(entity, root: root, strings: strings))
            }
        }
        return items
    }

    private func entityLinks(_ entities: [EntityCount], root: String, strings: UIStrings) -> [TemplateValues] {
        entities.map { entityValues($0, root: root, strings: strings) }
    }

    /// What an entity's item templates are given.
    private func entityValues(_ entity: EntityCount, root: String, strings: UIStrings) -> TemplateValues {
        [
            "name": escaped(entity.name),
            "href": .text(root + SiteLayout.entityPath(entity.id)),
            "type": escaped(entity.type.rawValue.lowercased()),
            "typeLabel": escaped(strings.text(entity.type.singularKey)),
            "count": .number(entity.count),
            "t": strings.templateValue,
        ]
    }

    // MARK: - Archive pages

    func homePage(_ archive: Archive, language: String) -> [UInt8] {
        let path = SiteLayout.homePath
        let strings = self.strings(language)
        let pageLanguage = PageLanguage(content: language, strings: strings)
        let latest = archive.issues.enumerated()
            .sorted { ($0.element.date ?? "", $1.offset) > ($1.element.date ?? "", $0.offset) }
            .prefix(12)
            .map { issueSummary($0.element, root: "", strings: strings, on: pageLanguage) }
        let publications = archive.publications.map { publication -> TemplateValues in
            let issues = publication.volumes.flatMap(\.issues)
            var item: TemplateValues = ["name": escaped(publication.name), "href": .text(SiteLayout.publicationPath(publication.slug))]
            item.setCount(publication.volumes.count, of: "volume", in: strings)
            item.setCount(issues.count, of: "issue", in: strings)
            item.setCount(issues.reduce(0) { $0 + $1.articles.count }, of: "article", in: strings)
            setDateRange(of: issues, in: &item, strings: strings)
            return item
        }
        return page("home", path: path, title: settings.siteTitle, language: pageLanguage,
                    description: "\(strings.counted(archive.publications.count, "publication")), \(strings.counted(archive.issueCount, "issue"))",
                    values: ["latestIssues": .list(Array(latest)), "publications": .list(publications)])
    }

    /// An issue's item in a list of issues; its lead, the title of its first article, marked when it is in
    /// another language than `page`.
    private func issueSummary(_ issue: Issue, root: String, strings: UIStrings, on page: PageLanguage) -> TemplateValues {
        var item: TemplateValues = [
            "title": escaped(strings.title(of: issue)),
            "href": .text(root + SiteLayout.issuePath(issue)),
            "number": .number(issue.number),
            "label": escaped(strings.text("issueNumber", ["number": String(issue.number)])),
            "leadTitle": escaped(issue.articles.first?.metadata.title ?? ""),
            "langAttributes": page.attributes(for: issue.articles.first?.metadata.language ?? page.tag),
        ]
        item.setCount(issue.articles.count, of: "article", in: strings)
        if let date = issue.date {
            item["date"] = escaped(date)
            item["dateDisplay"] = escaped(strings.date(date))
        }
        return item
    }

    /// The first and last dates of `issues` as `firstDate` and `lastDate`, when any has a date; `lastDate`
    /// only when it is another day, so a range of one day reads as that day.
    private func setDateRange(of issues: [Issue], in item: inout TemplateValues, strings: UIStrings) {
        let dates = issues.compactMap(\.date).sorted()
        guard let first = dates.first, let last = dates.last else { return }
        item["firstDate"] = escaped(strings.date(first))
        if last != first { item["lastDate"] = escaped(strings.date(last)) }
    }

    func publicationPage(_ publication: Publication, language: String) -> [UInt8] {
        let path = SiteLayout.publicationPath(publication.slug)
        let root = SiteLayout.rootPrefix(path)
        let strings = self.strings(language)
        let volumes = publication.volumes.map { volume -> TemplateValues in
            var item: TemplateValues = [
                "number": .number(volume.number),
                "label": escaped(strings.text("volumeNumber", ["number": String(volume.number)])),
                "href": .text(root + SiteLayout.volumePath(publicationSlug: publication.slug, volume: volume.number)),
            ]
            item.setCount(volume.issues.count, of: "issue", in: strings)
            item.setCount(volume.issues.reduce(0) { $0 + $1.articles.count }, of: "article", in: strings)
            setDateRange(of: volume.issues, in: &item, strings: strings)
            return item
        }
        return page("publication", path: path, title: publication.name, language: PageLanguage(content: language, strings: strings),
                    crumbs: [Crumb(label: settings.siteTitle, path: SiteLayout.homePath), Crumb(label: publication.name, path: nil)],
                    values: ["name": escaped(publication.name), "volumes": .list(volumes)], publication: (publication.slug, publication.name))
    }

    func volumePage(_ volume: Volume, of publication: Publication, language: String) -> [UInt8] {
        let path = SiteLayout.volumePath(publicationSlug: publication.slug, volume: volume.number)
        let root = SiteLayout.rootPrefix(path)
        let strings = self.strings(language)
        let title = strings.text("volumeTitle", ["publication": publication.name, "volume": String(volume.number)])
        let pageLanguage = PageLanguage(content: language, strings: strings)
        return page("volume", path: path, title: title, language: pageLanguage,
                    crumbs: [Crumb(label: settings.siteTitle, path: SiteLayout.homePath),
                             Crumb(label: publication.name, path: SiteLayout.publicationPath(publication.slug)),
                             Crumb(label: strings.text("volumeNumber", ["number": String(volume.number)]), path: nil)],
                    values: ["title": escaped(title), "publication": escaped(publication.name), "number": .number(volume.number),
                             "issues": .list(volume.issues.map { issueSummary($0, root: root, strings: strings, on: pageLanguage) })],
                    publication: (publication.slug, publication.name))
    }

    func entitiesPage(_ directory: EntityDirectory, language: String) -> [UInt8] {
        let path = SiteLayout.entitiesPath
        let root = SiteLayout.rootPrefix(path)
        let strings = self.strings(language)
        let groups = EntityType.allCases.compactMap { type -> TemplateValues? in
            let members = directory.entries.filter { $0.type == type }
            guard !members.isEmpty else { return nil }
            return [
                "label": escaped(strings.text(type.pluralKey)),
                "type": escaped(type.rawValue.lowercased()),
                "count": .number(members.count),
                "entities": .list(members.map { entity -> TemplateValues in
                    var item: TemplateValues = ["name": escaped(entity.name), "href": .text(root + SiteLayout.entityPath(entity.id))]
                    item.setCount(entity.articles.count, of: "article", worded: counted(entity.articles.count, "article", strings))
                    item.setCount(entity.mentions, of: "mention", worded: counted(entity.mentions, "mention", strings))
                    return item
                }),
            ]
        }
        return page("entities", path: path, title: strings.text("entities"), language: PageLanguage(content: language, strings: strings),
                    crumbs: [Crumb(label: settings.siteTitle, path: SiteLayout.homePath), Crumb(label: strings.text("entities"), path: nil)],
                    values: ["groups": .list(groups), "entityCount": .number(directory.entries.count)])
    }

    /// The pages of `entity`'s list, each by path with its bytes: ``WriterSettings/entityPageSize`` articles
    /// a page, newest first, chained by previous and next links. A page that `isKept` (given its path,
    /// number, page count and the numbers of its articles) says is kept from the previous build has nil bytes.
    ///
    /// The list is made of `entity-article` items. `items` holds those rendered so far for this archive, by
    /// page root and article (its number in the directory's references): an article's item is the same on
    /// the page of every entity it names, a popular entity is named in thousands of articles, and each item
    /// is rendered once per page depth.
    func entityPages(
        _ entity: EntityDirectory.Entry, in directory: EntityDirectory, language: String, items: inout [EntityItemKey: [UInt8]],
        isKept: (_ path: String, _ number: Int, _ pageCount: Int, _ articles: ArraySlice<Int32>) throws -> Bool = { _, _, _, _ in false }
    ) rethrows -> [(path: String, bytes: [UInt8]?)] {
        let size = max(1, settings.entityPageSize)
        let pageCount = max(1, (entity.articles.count + size - 1) / size)
        let strings = self.strings(language)
        let pageLanguage = self.pageLanguage(language, strings)
        let typeLabel = strings.text(entity.type.singularKey)
        let articlesText = counted(entity.articles.count, "article", strings), mentionsText = counted(entity.mentions, "mention", strings)
        return try (1...pageCount).map { number in
            let path = SiteLayout.entityPath(entity.id, page: number)
            let slice = entity.articles[min((number - 1) * size, entity.articles.count)..<min(number * size, entity.articles.count)]
            if try isKept(path, number, pageCount, slice) { return (path, nil) }
            let root = SiteLayout.rootPrefix(path)
            // The items first, then the list made to their length at once, as bytes, which the page's bytes take as they are.
            var listed: [[UInt8]] = []
            listed.reserveCapacity(slice.count)
            for number in slice {
                // Found by numbers: most items were rendered for an earlier entity, and neither a key string
                // nor a copy of the reference is made for them.
                let key = EntityItemKey(root: root.utf8.count, reference: number)
                if let item = items[key] {
                    listed.append(item)
                    continue
                }
                let reference = directory.references[Int(number)]
                let item = {
                    var values: TemplateValues = [
                        "title": escaped(reference.title),
                        "href": .text(root + reference.path),
                        "issueTitle": escaped(reference.issueTitle),
                        "langAttributes": pageLanguage.attributes(for: reference.language),
                    ]
                    if let date = reference.date {
                        values["date"] = escaped(date)
                        values["dateDisplay"] = escaped(strings.date(date))
                    }
                    if let dek = reference.dek { values["dek"] = escaped(dek) }
                    return templates.renderUTF8("entity-article", values)
                }()
                items[key] = item
                listed.append(item)
            }
            var list: [UInt8] = []
            list.reserveCapacity(listed.reduce(0) { $0 + $1.count })
            for item in listed { list.append(contentsOf: item) }
            var values: TemplateValues = [
                "name": escaped(entity.name), "typeLabel": escaped(typeLabel),
                "type": escaped(entity.type.rawValue.lowercased()), "articleList": .utf8(list),
                "pageNumber": .number(number), "pageCount": .number(pageCount),
            ]
            values.setCount(entity.articles.count, of: "article", worded: articlesText)
            values.setCount(entity.mentions, of: "mention", worded: mentionsText)
            // A list of one article has no order to speak of ("newest first").
            values["listSummary"] = escaped(strings.text("entityListSummary", variant: entity.articles.count == 1 ? "entityListSummaryOne" : nil, [
                "mentions": mentionsText, "articles": articlesText,
            ]))
            if pageCount > 1 {
                let first = (number - 1) * size + 1, last = (number - 1) * size + slice.count
                values["hasPages"] = .flag(true)
                values["firstArticle"] = .number(first)
                values["lastArticle"] = .number(last)
                // The last page may hold one article: "article 101", not the range "articles 101–101".
                values["pageRange"] = escaped(strings.text("entityPageRange", variant: first == last ? "entityPageRangeOne" : nil, [
                    "number": String(first), "first": String(first), "last": String(last), "page": String(number), "pages": String(pageCount),
                ]))
                if number > 1 {
                    values["previousHref"] = .text(root + SiteLayout.entityPath(entity.id, page: number - 1))
                    values["previousNumber"] = .number(number - 1)
                    values["previousLabel"] = escaped(strings.text("pageNumber", ["number": String(number - 1)]))
                }
                if number < pageCount {
                    values["nextHref"] = .text(root + SiteLayout.entityPath(entity.id, page: number + 1))
                    values["nextNumber"] = .number(number + 1)
                    values["nextLabel"] = escaped(strings.text("pageNumber", ["number": String(number + 1)]))
                }
            }
            var crumbs = [Crumb(label: settings.siteTitle, path: SiteLayout.homePath),
                          Crumb(label: strings.text("entities"), path: SiteLayout.entitiesPath)]
            if number > 1 {
                crumbs += [Crumb(label: entity.name, path: SiteLayout.entityPath(entity.id)),
                           Crumb(label: strings.text("pageNumber", ["number": String(number)]), path: nil)]
            } else {
                crumbs.append(Crumb(label: entity.name, path: nil))
            }
            let title = number > 1
                ? strings.text("entityPageTitle", ["name": entity.name, "page": String(number), "pages": String(pageCount)]) : entity.name
            let bytes = page("entity", path: path, title: title, language: pageLanguage,
                             description: strings.text("entityDescription", ["type": typeLabel, "articles": articlesText]),
                             crumbs: crumbs, values: values)
            return (path, bytes)
        }
    }

    func searchPage(language: String) -> [UInt8] {
        let strings = self.strings(language)
        let root = SiteLayout.rootPrefix(SiteLayout.searchPath)
        let needsScript = sentence("searchNeedsScript", links: [
            "issues": ("linkIssues", root + SiteLayout.homePath), "entities": ("linkEntities", root + SiteLayout.entitiesPath),
        ], strings)
        return page("search", path: SiteLayout.searchPath, title: strings.text("search"), language: PageLanguage(content: language, strings: strings),
                    crumbs: [Crumb(label: settings.siteTitle, path: SiteLayout.homePath), Crumb(label: strings.text("search"), path: nil)],
                    scripts: ["search/index.js", "assets/search.js"],
                    values: ["searchNeedsScript": needsScript, "searchMessages": escaped(SearchMessages.json(strings))])
    }

    func notFoundPage(language: String) -> [UInt8] {
        let strings = self.strings(language)
        // The 404 page is served at any path: its links are absolute when there is a base URL.
        let root = settings.baseURL.map { Markup.attribute($0.hasSuffix("/") ? $0 : $0 + "/") } ?? ""
        let text = sentence("notFoundText", links: [
            "home": ("linkHomePage", root + SiteLayout.homePath), "entities": ("linkEntities", root + SiteLayout.entitiesPath),
            "search": ("linkSearch", root + SiteLayout.searchPath),
        ], strings)
        return page("404", path: SiteLayout.notFoundPath, title: strings.text("pageNotFound"), language: PageLanguage(content: language, strings: strings),
                    values: ["notFoundText": text], absoluteLinks: true)
    }
}

/// An `entity-article` item of an entity page: the length of the page's root prefix (`../` once per
/// folder, so it names the prefix) and the article's number in ``EntityDirectory/references``.
struct EntityItemKey: Hashable {
    var root: Int
    var reference: Int32
}

extension EntityType {
    /// The key of the type's singular label in ``UIStrings`` ("Person").
    var singularKey: String {
        switch self {
        case .person: "person"
        case .organization: "organisation"
        case .location: "place"
        case .miscellaneous: "otherName"
        }
    }

    /// The key of the type's plural label in ``UIStrings`` ("People").
    var pluralKey: String {
        switch self {
        case .person: "people"
        case .organization: "organisations"
        case .location: "places"
        case .miscellaneous: "otherNames"
        }
    }
}

/// The messages of the search page's script in the words of its page, as the JSON object the script reads
/// from the `data-messages` attribute of its status line: each a text, or an object of plural forms.
enum SearchMessages {
    static let keys = ["searchIndexMissing", "searchPrompt", "searchNothing", "searching", "searchNone", "searchMatches",
                       "searchAll", "searchBest", "searchMore"]

    static func json(_ strings: UIStrings) -> String {
        var object: [String: Any] = ["lang": strings.language]
        for key in keys { object[key] = strings.raw(key) }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
