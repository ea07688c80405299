import BulletinKit
import BulletinModel
import BulletinTestSupport
@testable import BulletinWriters
import Foundation
import Testing

@Suite("Site writer")
struct SiteWriterTests {
    @Test("the example site matches its golden pages (RECORD_GOLDENS=1 rewrites them)")
    func goldens() async throws {
        let files = try await SiteFixture.build(
            try await SiteFixture.example(), title: "Example Bulletin", baseURL: "https://example.org/bulletin/", formats: ["site", "feeds"])
        let goldenRoot = TestPaths.fixtures.appendingPathComponent("site/example")
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try? FileManager.default.removeItem(at: goldenRoot)
            for (path, text) in files {
                let url = goldenRoot.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            Testing.Issue.record("site goldens re-recorded into \(goldenRoot.path); review the diff and run again")
            return
        }
        let golden = TestSupport.tree(goldenRoot).mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(!golden.isEmpty, "no goldens: run RECORD_GOLDENS=1 swift test")
        let added = Set(files.keys).subtracting(golden.keys).sorted(), missing = Set(golden.keys).subtracting(files.keys).sorted()
        #expect(added.isEmpty && missing.isEmpty, "pages added: \(added); pages missing: \(missing)")
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where golden[path] != nil {
            let same = text == golden[path]
            #expect(same, "\(path) differs from its golden")
        }
    }

    @Test("writes every page at its clean URL, a sitemap and canonical links only with a base URL")
    func layout() async throws {
        let archive = try await SiteFixture.example()
        let without = try await SiteFixture.build(archive)
        let with = try await SiteFixture.build(archive, baseURL: "https://example.org/b")
        for path in ["index.html", "404.html", "monitor/index.html", "monitor/1/index.html", "monitor/1/1/index.html",
                     "monitor/1/1/gas-talks-resume-between-kyiv-and-moscow/index.html", "entities/index.html",
                     "search/index.html", "search/index.json", "search/index.js", "search/records/0.js", "search/terms/ga.js", "assets/style.css", "assets/search.js", "assets/site.js"] {
            #expect(without[path] != nil, "missing \(path)")
        }
        #expect(without["sitemap.xml"] == nil)
        // Nowhere known to be a host's root, and nothing to name: none (see robotsAtHostRoot).
        #expect(without["robots.txt"] == nil)
        #expect(!without.values.contains { $0.contains("rel=\"canonical\"") })
        let sitemap = try #require(with["sitemap.xml"])
        #expect(sitemap.contains("<loc>https://example.org/b/monitor/1/1/gas-talks-resume-between-kyiv-and-moscow/</loc>"))
        // Home, 2 publications, 2 volumes, 3 issues, 9 articles, the entity index, and one page per entity.
        let entities = Set(archive.articles.flatMap { $0.metadata.entities.map(\.id) }).count
        #expect(entities > 20)
        #expect(sitemap.components(separatedBy: "<loc>").count - 1 == 18 + entities)
        // Published below the host's root, where crawlers never look for robots.txt: none (see robotsAtHostRoot).
        #expect(with["robots.txt"] == nil)
        #expect(with["monitor/1/1/index.html"]?.contains("<link rel=\"canonical\" href=\"https://example.org/b/monitor/1/1/\">") == true)
        // The 404 page is served from any path, so its links are absolute when they can be.
        #expect(with["404.html"]?.contains("href=\"https://example.org/b/index.html\"") == true)
    }

    @Test("robots.txt is written only where crawlers read it, at a host's root, naming the sitemap by its absolute URL; not below it, nor without a base URL")
    func robotsAtHostRoot() async throws {
        let archive = SiteFixture.tagged()
        for base in ["https://example.org/", "https://example.org", "http://example.org:8080/"] {
            let files = try await SiteFixture.build(archive, baseURL: base)
            let host = base.hasSuffix("/") ? base : base + "/"
            #expect(files["robots.txt"] == "User-agent: *\nAllow: /\n\nSitemap: \(host)sitemap.xml\n", "\(base)")
            #expect(files["sitemap.xml"]?.contains("<loc>\(host)monitor/1/1/talks/</loc>") == true, "\(base)")
        }
        for base in ["https://example.org/news/", "https://example.org/news", "https://example.org/a/b/"] {
            let files = try await SiteFixture.build(archive, baseURL: base)
            #expect(files["robots.txt"] == nil, "\(base)")
            // The sitemap stays in the site's folder: it lists only pages at and below it, as it may.
            let folder = base.hasSuffix("/") ? base : base + "/"
            #expect(files["sitemap.xml"]?.contains("<loc>\(folder)monitor/1/1/talks/</loc>") == true, "\(base)")
        }
        // Without a base URL there is no sitemap to name, and the site may go anywhere: an allow-all file says
        // what no file says (RFC 9309), and copied to a host's root it would replace the host's own rules.
        #expect(try await SiteFixture.build(archive)["robots.txt"] == nil)
        // A theme's own robots.txt is the site's, with or without a base URL, as the theme wrote it.
        var theme = try Resources.theme(nil)
        theme.files["site/robots.txt"] = Array("User-agent: *\nDisallow: /search/\n".utf8)
        for base in [nil, "https://example.org/"] {
            let files = try await SiteFixture.build(archive, theme: theme, baseURL: base)
            #expect(files["robots.txt"] == "User-agent: *\nDisallow: /search/\n", "\(base ?? "no base URL")")
        }
    }

    @Test("a theme file at the path of a file the site writer makes, or of a folder, or inside one, is an error at the theme file",
          arguments: [
              ("site/index.html", "the path of a file"), ("site/sitemap.xml", "the path of a file"),
              ("site/search/index.json", "the path of a file"), ("site/404.html", "the path of a file"),
              ("site/monitor/1/1/index.html", "the path of a file"), ("site/entities/index.html", "the path of a file"),
              ("site/search", "the path of a folder"), ("site/404.html/x.css", "a path inside the file site/404.html"),
          ])
    func themeFileClash(path: String, clash: String) async throws {
        var theme = try Resources.theme(nil)
        theme.files[path] = Array("<p>theme</p>".utf8)
        theme.origins[path] = "mytheme/" + path
        do {
            _ = try await SiteFixture.build(SiteFixture.tagged(), theme: theme, baseURL: "https://example.org/")
            Issue.record("\(path) was written")
        } catch let error as WriterError {
            #expect(error.message == "the theme's \(path) has \(clash) the site writer makes")
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.id == "theme.site-file-clash" && diagnostic.severity == .error)
            #expect(diagnostic.location == SourceLocation(path: "mytheme/" + path, line: 1, column: 1))
        }
        // A file of the theme's own beside them is copied, and its robots.txt is the site's.
        theme.files[path] = nil
        theme.files["site/monitor/extra.css"] = Array("p {}".utf8)
        theme.files["site/robots.txt"] = Array("User-agent: *\n".utf8)
        let files = try await SiteFixture.build(SiteFixture.tagged(), theme: theme, baseURL: "https://example.org/")
        #expect(files["monitor/extra.css"] == "p {}" && files["robots.txt"] == "User-agent: *\n")
    }

    @Test("a base URL is a host's root only when nothing follows the host but a slash", arguments: [
        ("https://example.org/", true), ("https://example.org", true), ("http://example.org:8080/", true),
        ("https://example.org/news/", false), ("https://example.org/news", false), ("https://user@example.org//", false),
    ])
    func hostRoot(baseURL: String, isRoot: Bool) {
        #expect(SiteLayout.isHostRoot(baseURL) == isRoot)
    }

    @Test("pages name the feeds, for discovery and in the footer, only when the build writes them and a base URL says where")
    func feedLinks() async throws {
        let archive = try await SiteFixture.example()
        let base = "https://example.org/b/"
        let written = try await SiteFixture.write(archive, baseURL: base, formats: ["site", "feeds"])
        let both = SiteFixture.siteFiles(written)
        func alternates(_ page: String?) -> [String] {
            (page ?? "").split(separator: "\n").filter { $0.hasPrefix("<link rel=\"alternate\"") }.map(String.init)
        }
        let archiveFeeds = [
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Bulletin (Atom)\" href=\"\(base)feeds/atom.xml\">",
            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Bulletin (RSS)\" href=\"\(base)feeds/rss.xml\">",
            "<link rel=\"alternate\" type=\"application/feed+json\" title=\"Bulletin (JSON Feed)\" href=\"\(base)feeds/feed.json\">",
        ]
        #expect(alternates(both["index.html"]) == archiveFeeds)
        #expect(alternates(both["entities/index.html"]) == archiveFeeds)
        // A publication's pages name its own feed first.
        let article = both["monitor/1/1/gas-talks-resume-between-kyiv-and-moscow/index.html"]
        #expect(alternates(article) == [
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Monitor — Bulletin (Atom)\" href=\"\(base)feeds/monitor/atom.xml\">",
            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Monitor — Bulletin (RSS)\" href=\"\(base)feeds/monitor/rss.xml\">",
            "<link rel=\"alternate\" type=\"application/feed+json\" title=\"Monitor — Bulletin (JSON Feed)\" href=\"\(base)feeds/monitor/feed.json\">",
        ] + archiveFeeds)
        for path in ["monitor/index.html", "monitor/1/index.html", "monitor/1/1/index.html"] {
            #expect(alternates(both[path]) == alternates(article), "\(path)")
        }
        #expect(article?.contains("<p class=\"site-feeds\">Follow Monitor — Bulletin: <a href=\"\(base)feeds/monitor/atom.xml\" "
            + "type=\"application/atom+xml\">Atom</a> · <a href=\"\(base)feeds/monitor/rss.xml\" type=\"application/rss+xml\">RSS</a>"
            + " · <a href=\"\(base)feeds/monitor/feed.json\" type=\"application/feed+json\">JSON Feed</a></p>") == true)
        // Every feed a page names is one the build wrote.
        let named = Set(both.values.flatMap(alternates).compactMap { $0.components(separatedBy: "href=\"").last.map { String($0.dropLast(2)) } })
        #expect(named.count == 9)
        for url in named { #expect(written[String(url.dropFirst(base.count))] != nil, "\(url) not written") }
        // Without the feeds, or without a base URL to say where they are published, no page names them.
        let siteOnly = try await SiteFixture.build(archive, baseURL: base)
        let noBase = try await SiteFixture.build(archive, formats: ["site", "feeds"])
        for files in [siteOnly, noBase] {
            #expect(!files.values.contains { $0.contains("rel=\"alternate\"") || $0.contains("site-feeds") })
        }
    }

    @Test("issue pages link the issues before and after them in their publication")
    func issuePager() async throws {
        let files = try await SiteFixture.build(try await SiteFixture.example())
        let first = try #require(files["monitor/1/1/index.html"])
        let second = try #require(files["monitor/1/2/index.html"])
        #expect(first.contains("<a href=\"../../../monitor/1/2/index.html\" rel=\"next\"><span class=\"pager-label\">Next issue</span> Volume 1, Issue 2</a>"))
        #expect(!first.contains("rel=\"prev\""))
        #expect(second.contains("<a href=\"../../../monitor/1/1/index.html\" rel=\"prev\"><span class=\"pager-label\">Previous issue</span> Volume 1, Issue 1</a>"))
        #expect(!second.contains("rel=\"next\""))
        // Prism's only issue has no neighbour: no pager at all.
        #expect(files["prism/3/4/index.html"]?.contains("article-pager") == false)
    }

    @Test("counts read as English, one of a thing in the singular, and a date range of one day as that day")
    func countsInWords() async throws {
        let files = try await SiteFixture.build(try await SiteFixture.example())
        let home = try #require(files["index.html"])
        // Prism has one volume of one issue, dated once; Monitor two issues on two dates.
        #expect(home.contains("<span class=\"count\">1 volume, 1 issue, 3 articles, 16 January 2026</span>"))
        #expect(home.contains("<span class=\"count\">1 volume, 2 issues, 6 articles, 12 January 2026 – 19 January 2026</span>"))
        #expect(home.contains("<meta name=\"description\" content=\"2 publications, 3 issues\">"))
        #expect(files["prism/index.html"]?.contains("<span class=\"count\">1 issue, 3 articles, 16 January 2026</span>") == true)
        let tagged = try await SiteFixture.build(SiteFixture.tagged())
        #expect(tagged["entities/org-nato/index.html"]?.contains("3 mentions in 2 articles, newest first") == true)
        let once = try #require(tagged.first { $0.key.hasPrefix("entities/") && $0.value.contains("1 mention in 1 article</p>") })
        #expect(tagged["entities/index.html"]?.contains("1 article, 1 mention") == true, "\(once.key) is listed in the singular too")
        for (path, page) in files.merging(tagged, uniquingKeysWith: { first, _ in first }) {
            #expect(SiteWriterTests.matches("\\b1 (volumes|issues|articles|mentions|times)\\b", in: page).isEmpty, "\(path)")
        }
    }

    @Test("an article page leaves out a generated summary that only repeats the body's opening, and shows one that does not")
    func summaryNotRepeated() async throws {
        let files = try await SiteFixture.build(try await SiteFixture.example())
        let lead = try #require(files["monitor/1/2/mediators-return-to-transdniester/index.html"])
        #expect(!lead.contains("article-summary"))
        // Its summary is still the page's description, and its issue page lists it.
        #expect(lead.contains("<meta name=\"description\""))
        #expect(files["monitor/1/2/index.html"]?.contains("class=\"summary\"") == true)
        // This summary is the body's first paragraphs less one short sentence: read twice all the same.
        let skipping = try #require(files["prism/3/4/kazakhstans-oil-debate-moves-into-the-open/index.html"])
        #expect(!skipping.contains("article-summary"))
        // A generated summary in words the body does not open with, and an editor's, are shown.
        let tagged = try await SiteFixture.build(SiteFixture.tagged())
        #expect(tagged["monitor/1/1/talks/index.html"]?.contains("<p class=\"article-summary\">Envoys met in Kyiv on Monday.</p>") == true)
        #expect(tagged["monitor/1/2/follow-up/index.html"]?.contains("<p class=\"article-summary\">The talks went on.</p>") == true)
    }

    @Test("article and issue pages describe themselves in schema.org JSON-LD, and pages with an address in Open Graph")
    func structuredData() async throws {
        let archive = try await SiteFixture.example()
        let base = "https://example.org/b/"
        let files = try await SiteFixture.build(archive, title: "Example Bulletin", baseURL: base)
        let jsonLD = Self.jsonLD
        let path = "monitor/1/2/mediators-return-to-transdniester/"
        let article = try jsonLD(files[path + "index.html"])
        #expect(article["@context"] as? String == "https://schema.org")
        #expect(article["@type"] as? String == "NewsArticle")
        #expect(article["headline"] as? String == "Mediators return to Transdniester")
        #expect(article["datePublished"] as? String == "2026-01-19")
        #expect(article["url"] as? String == base + path)
        let issue = try #require(article["isPartOf"] as? [String: Any])
        let volume = try #require(issue["isPartOf"] as? [String: Any])
        let periodical = try #require(volume["isPartOf"] as? [String: Any])
        #expect(issue["@type"] as? String == "PublicationIssue" && issue["issueNumber"] as? String == "2")
        #expect(volume["@type"] as? String == "PublicationVolume" && volume["volumeNumber"] as? String == "1")
        #expect(periodical["@type"] as? String == "Periodical" && periodical["name"] as? String == "Monitor")
        let mentions = try #require(article["mentions"] as? [[String: String]])
        #expect(mentions.contains { $0["@type"] == "Place" && $0["name"] == "Tiraspol" })
        let contents = try jsonLD(files["monitor/1/2/index.html"])
        #expect(contents["@type"] as? String == "PublicationIssue")
        let parts = try #require(contents["hasPart"] as? [[String: String]])
        #expect(parts.contains { $0["headline"] == "Mediators return to Transdniester" && $0["url"] == base + path })
        let page = try #require(files[path + "index.html"])
        #expect(page.contains("<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"Mediators return to Transdniester\">"))
        #expect(page.contains("<meta property=\"og:url\" content=\"\(base + path)\">"))
        #expect(page.contains("<meta property=\"article:published_time\" content=\"2026-01-19\">"))
        #expect(files["index.html"]?.contains("<meta property=\"og:type\" content=\"website\">") == true)
        // Open Graph needs the page's address: none without a base URL, nor on the 404 page, served at any address.
        #expect(files["404.html"]?.contains("og:") == false)
        let without = try await SiteFixture.build(archive)
        #expect(!without.values.contains { $0.contains("og:") })
        #expect(try jsonLD(without[path + "index.html"])["url"] == nil)
    }

    @Test("an article's JSON-LD types a byline that is plainly no person's name as an Organization, any other as a Person")
    func authorTypes() async throws {
        let files = try await SiteFixture.build(try await SiteFixture.example(), baseURL: "https://example.org/b/")
        func authors(_ path: String) throws -> [[String: String]] {
            try #require(try Self.jsonLD(files[path])["author"] as? [[String: String]], "\(path)")
        }
        #expect(try authors("monitor/1/1/security-forces-in-dagestan-reported-two-clashes-with-armed/index.html")
                == [["@type": "Organization", "name": "Staff"]])
        #expect(try authors("prism/3/4/kazakhstans-oil-debate-moves-into-the-open/index.html")
                == [["@type": "Organization", "name": "The Prism desk"]])
        let source = """
            Publication: Monitor Volume: 6 Issue: 23
            Title: Talks resume
            Authors: Anna Petrova; Moscow bureau; O'Brien

            Envoys met in Kyiv on Monday.
            """
        let archive = try await Pipeline(concurrency: 2).load([TestSupport.source(source, path: "a.txt")]).archive
        let mixed = try await SiteFixture.build(archive)
        let page = try #require(mixed["monitor/6/23/talks-resume/index.html"])
        #expect(page.contains(#""author":[{"@type":"Person","name":"Anna Petrova"},{"@type":"Organization","name":"Moscow bureau"},"#
                              + #"{"@type":"Person","name":"O'Brien"}]"#))
    }

    @Test("the rule that tells an organisation's byline from a person's", arguments: [
        ("Staff", "Organization"), ("staff", "Organization"), ("The Prism desk", "Organization"), ("Moscow bureau", "Organization"),
        ("Our Moscow correspondent", "Organization"), ("Foreign Correspondents", "Organization"), ("The Editors", "Organization"),
        ("Editorial board", "Organization"), ("News desk", "Organization"), ("The Moscow Times", "Organization"),
        ("AFP", "Organization"), ("ITAR-TASS", "Organization"), ("dpa", "Organization"), ("Reuters", "Organization"),
        ("Interfax", "Organization"), ("Associated Press", "Organization"), ("Agence France-Presse", "Organization"),
        ("RIA  Novosti", "Organization"), ("The Prism news team", "Organization"),
        ("Anna Petrova", "Person"), ("O'Brien", "Person"), ("McDonald", "Person"), ("J. R. Smith", "Person"), ("J.R.", "Person"),
        ("Jean-Paul Sartre", "Person"), ("de la Cruz", "Person"), ("Ann Smith, PhD", "Person"), ("Michael Bloomberg", "Person"),
        ("Robert Service", "Person"), ("Frank Press", "Person"), ("Theodore Smith", "Person"), ("Анна Петрова", "Person"),
        ("Σοφία Παππά", "Person"), ("محمد علي", "Person"), ("王小明", "Person"), ("Smith & Wesson", "Person"),
    ])
    func authorRule(name: String, type: String) {
        #expect(StructuredData.authorType(name) == type)
    }

    @Test("collective bylines in the languages Bulletin has words for are Organizations; people's names there stay Persons", arguments: [
        // German, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian, Ukrainian, Arabic, Hebrew.
        ("Redaktion", "Organization"), ("Auslandsredaktion", "Organization"), ("Moskau-Korrespondentin", "Organization"),
        ("Nachrichtenagenturen", "Organization"), ("Hauptstadtbüro", "Organization"),
        ("La Rédaction", "Organization"), ("Notre correspondant à Moscou", "Organization"), ("Agences", "Organization"),
        ("Redacción", "Organization"), ("Corresponsal en Moscú", "Organization"), ("Agencias", "Organization"),
        ("Redazione esteri", "Organization"), ("Dal nostro inviato", "Organization"), ("Agenzie", "Organization"),
        ("Redação", "Organization"), ("Correspondente em Moscou", "Organization"), ("Agência Brasil", "Organization"),
        ("Buitenlandredactie", "Organization"), ("Onze correspondent", "Organization"), ("Persbureaus", "Organization"),
        ("Redakcja", "Organization"), ("Korespondent PAP w Moskwie", "Organization"), ("Biuro prasowe", "Organization"),
        ("Редакция", "Organization"), ("Собственный корреспондент", "Organization"), ("Собкор", "Organization"),
        ("Пресс-служба Кремля", "Organization"), ("Агентства", "Organization"),
        ("Редакція", "Organization"), ("Власний кореспондент", "Organization"), ("Агенції", "Organization"),
        ("هيئة التحرير", "Organization"), ("مراسلنا في موسكو", "Organization"), ("وكالات", "Organization"),
        ("המערכת", "Organization"), ("כתבנו במוסקבה", "Organization"), ("סוכנויות הידיעות", "Organization"),
        ("Hans Müller", "Person"), ("Jeanne Dubois", "Person"), ("Sergio García", "Person"), ("Giulia Rossi", "Person"),
        ("João da Silva", "Person"), ("Jan de Vries", "Person"), ("De Vries", "Person"), ("Piotr Kowalski", "Person"),
        ("Олена Коваль", "Person"), ("Сергей Бюров", "Person"), ("Marine Le Pen", "Person"), ("דוד כהן", "Person"),
        ("أحمد مكتبي", "Person"), ("Laura Agenjo", "Person"),
    ])
    func authorRuleInOtherLanguages(name: String, type: String) {
        #expect(StructuredData.authorType(name) == type)
    }

    @Test("article pages carry summaries, attributions, linked cross-references and entities, and previous/next")
    func taggedArticles() async throws {
        let files = try await SiteFixture.build(SiteFixture.tagged())
        let first = try #require(files["monitor/1/1/talks/index.html"])
        #expect(first.contains("<p class=\"article-summary\">Envoys met in Kyiv on Monday.</p>"))
        #expect(first.contains("<a class=\"entity entity-org\" href=\"../../../../entities/org-nato/index.html\">NATO</a>"))
        #expect(first.contains("<cite class=\"citation\">(Interfax, January 11)</cite>"))
        #expect(!first.contains("rel=\"prev\"") && !first.contains("rel=\"next\""))
        let second = try #require(files["monitor/1/2/follow-up/index.html"])
        #expect(second.contains("<a class=\"cross-reference\" href=\"../../../../monitor/1/1/index.html\">(see the Monitor, January 12)</a>"))
        #expect(second.contains("href=\"../../../../monitor/1/2/other/index.html\" rel=\"next\""))
        #expect(files["monitor/1/2/other/index.html"]?.contains("href=\"../../../../monitor/1/2/follow-up/index.html\" rel=\"prev\"") == true)

        let issue = try #require(files["monitor/1/2/index.html"])
        #expect(issue.contains("<p class=\"summary\">The talks went on.</p>"))
        #expect(issue.contains("href=\"../../../entities/org-nato/index.html\">NATO</a>"))

        let nato = try #require(files["entities/org-nato/index.html"])
        let newer = try #require(nato.range(of: "Talks continue")), older = try #require(nato.range(of: "Talks open"))
        #expect(newer.lowerBound < older.lowerBound, "entity pages list the newest article first")
        #expect(nato.contains("3 mentions in 2 articles"))
        let index = try #require(files["entities/index.html"])
        #expect(index.contains("<h2 id=\"type-org\">Organisations"))
        #expect(index.contains("<h2 id=\"type-loc\">Places"))
        #expect(files["entities/loc-kyiv/index.html"] != nil)

        let search = try #require(files["search/index.json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(search.utf8)) as? [String: Any])
        #expect(summary["articles"] as? Int == 3)
        #expect(files["search/index.js"] == "window.BULLETIN_SEARCH = " + search.dropLast() + ";\n")
        let records = try SearchFiles.records(files, block: 0)
        #expect(records.count == 3)
        // Articles are numbered newest first, in archive order among those of one date.
        #expect(records.map { $0["u"] } == ["monitor/1/2/follow-up/index.html", "monitor/1/2/other/index.html", "monitor/1/1/talks/index.html"])
        #expect(records[2]["d"] == "Envoys met in Kyiv.")
        #expect(records[2]["e"] == nil && records[2]["x"] == nil, "a record holds what a result shows, no more")
        // A posting is the article's number times 8 plus 1 for its title, 2 for its dek or an entity's name
        // and 4 for its text: Kyiv is in the oldest article's dek, entities and text, "talks" in everything of
        // the newest and in the title of the oldest, "interfax" in the oldest's citation.
        #expect(try SearchFiles.terms(files, shard: "ky")["kyiv"] == [2 << 3 | 2 | 4])
        #expect(try SearchFiles.terms(files, shard: "ta")["talks"] == [0 << 3 | 1 | 2 | 4, 2 << 3 | 1])
        #expect(try SearchFiles.terms(files, shard: "in")["interfax"] == [2 << 3 | 4])
        #expect(files.filter { $0.key.hasPrefix("search/terms/") && $0.value.contains("\"the\"") }.isEmpty, "stop words are not indexed")
    }

    @Test("an entity's list runs over pages of the configured size, each article once, chained both ways")
    func entityPages() async throws {
        let archive = try await SiteFixture.example()
        let files = try await SiteFixture.build(archive, baseURL: "https://example.org/b/", entityPageSize: 1)
        var checked = 0
        for (folder, count) in Self.entityArticleCounts(archive) where count > 1 {
            var seen: [String] = []
            for number in 1...count {
                let path = number == 1 ? "entities/\(folder)/index.html" : "entities/\(folder)/\(number)/index.html"
                let page = try #require(files[path], "\(path)")
                let links = Self.matches(#"<ol class="article-list" start="\d+">\n<li><a href="([^"]+)""#, in: page)
                #expect(links.count == 1, "\(path): one article a page")
                seen += links
                #expect(page.contains("page \(number) of \(count)"))
                #expect(page.contains(#"rel="prev""#) == (number > 1))
                #expect(page.contains(#"rel="next""#) == (number < count))
                let root = number == 1 ? "../../" : "../../../"
                if number < count { #expect(page.contains(#"href="\#(root)entities/\#(folder)/\#(number + 1)/index.html" rel="next""#)) }
            }
            #expect(files["entities/\(folder)/\(count + 1)/index.html"] == nil)
            #expect(Set(seen).count == count, "\(folder): every article once")
            checked += 1
        }
        #expect(checked > 0, "the example has entities named in more than one article")
        let sitemap = try #require(files["sitemap.xml"])
        #expect(sitemap.contains("/entities/") && sitemap.contains("/2/</loc>"))
        // The default size keeps every list of the example on one page, with no pager.
        let single = try await SiteFixture.build(archive)
        #expect(!single.keys.contains { $0.hasPrefix("entities/") && $0.hasSuffix("/2/index.html") })
        #expect(!single.values.contains { $0.contains("Pages of this list") })
    }

    @Test("a page of an entity's list holding one article names it, not a range, and a list of one article claims no order, in every language of the theme")
    func entityPageOfOneArticle() async throws {
        let theme = try Resources.theme(nil)
        let themeStrings = try ThemeStrings(theme: theme)
        let languages = theme.files.keys.filter { $0.hasPrefix("strings/") }.map { String($0.dropFirst("strings/".count).dropLast(".json".count)) }
        #expect(languages.count >= 12)
        for language in languages.sorted() {
            // NATO is named in two articles, so one a page makes two pages of one article; Kyiv in one.
            var archive = SiteFixture.tagged()
            for issue in archive.publications[0].volumes[0].issues.indices {
                for article in archive.publications[0].volumes[0].issues[issue].articles.indices {
                    archive.publications[0].volumes[0].issues[issue].articles[article].metadata.language = language
                }
            }
            let files = try await SiteFixture.build(archive, entityPageSize: 1)
            let words = themeStrings.strings(for: language)
            for (path, page) in [("entities/org-nato/index.html", 1), ("entities/org-nato/2/index.html", 2)] {
                let html = try #require(files[path])
                let one = words.text("entityPageRangeOne", ["number": String(page), "page": String(page), "pages": "2"])
                let range = words.text("entityPageRange", ["first": String(page), "last": String(page), "page": String(page), "pages": "2"])
                #expect(html.contains(Markup.text(one)), "\(language) \(path): \(one)")
                #expect(!html.contains(Markup.text(range)), "\(language) \(path): \(range)")
                #expect(one != range)
            }
            let mentions = ["mentions": words.counted(1, "mention"), "articles": words.counted(1, "article")]
            let kyiv = try #require(files["entities/loc-kyiv/index.html"])
            #expect(kyiv.contains(Markup.text(words.text("entityListSummaryOne", mentions)) + "</p>"), "\(language)")
            #expect(!kyiv.contains(Markup.text(words.text("entityListSummary", mentions))), "\(language)")
        }
    }

    @Test("an article's authors are listed by the theme's words for its language, the same on its page, its issue's page, in its book and its text",
          arguments: [
              ("en", "O'Brien; Smith & Wesson", "By O'Brien and Smith & Wesson"),
              ("en", "Anna Petrova, Ivan Sidorov, Olga Ivanova", "By Anna Petrova, Ivan Sidorov and Olga Ivanova"),
              ("en", "Staff", "By Staff"),
              ("fr", "Ann Smith; Bo Li", "Par Ann Smith et Bo Li"),
              ("de", "Anna Petrova; Iwan Sidorow", "Von Anna Petrova und Iwan Sidorow"),
              ("ru", "Анна Петрова; Иван Сидоров", "Авторы: Анна Петрова и Иван Сидоров"),
              ("ru", "Анна Петрова", "Автор: Анна Петрова"),
              ("uk", "Ганна Петренко; Іван Сидоренко", "Автори: Ганна Петренко і Іван Сидоренко"),
              ("pl", "Anna Nowak; Jan Kowalski", "Autorzy: Anna Nowak i Jan Kowalski"),
          ])
    func bylines(language: String, authors: String, byline: String) async throws {
        let source = """
            Publication: Monitor Volume: 6 Issue: 23
            Date: 2000-02-02
            Language: \(language)
            Title: Talks resume
            Authors: \(authors)

            Envoys met in Kyiv on Monday and again on Tuesday.
            """
        let archive = try await Pipeline(concurrency: 2).load([TestSupport.source(source, path: "monitor-v6-i23.txt")]).archive
        let written = try await SiteFixture.write(archive, formats: ["site", "epub", "text"])
        // Each format escapes as its markup needs; the words are compared as read.
        func read(_ path: String) throws -> String {
            String(decoding: try #require(written[path], "\(path)"), as: UTF8.self)
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
        let book = try EPUBFixtures.entries(of: try #require(written["epub/monitor-v6-i23.epub"]))
        func chapter(_ suffix: String) throws -> String {
            let entry = try #require(book.first { $0.path.hasSuffix(suffix) }, "\(suffix)")
            return String(decoding: entry.bytes, as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&")
        }
        let places = [
            ("article page", try read("site/monitor/6/23/talks-resume/index.html"), "<p class=\"article-byline\">\(byline)</p>"),
            ("issue page", try read("site/monitor/6/23/index.html"), "<p class=\"byline\">\(byline)</p>"),
            ("book's article", try chapter("/talks-resume.xhtml"), ">\(byline)</p>"),
            ("book's contents", try chapter("EPUB/monitor-v6-i23.xhtml"), ">\(byline)</span>"),
            ("article's text", try read("text/monitor-v6-i23/talks-resume.txt"), "\n\(byline)\n"),
            ("issue's text", try read("text/monitor-v6-i23.txt"), "\n\(byline)\n"),
        ]
        for (place, text, expected) in places {
            #expect(text.contains(expected), "\(place) lacks \(expected)")
        }
    }

    @Test("list items shared between pages never carry one build's values into the next")
    func sharedItemsFollowTheArchive() async throws {
        let archive = try await SiteFixture.example()
        let first = try await SiteFixture.build(archive)
        var renamed = archive
        renamed.publications[0].volumes[0].issues[0].articles[0].metadata.title = "A title the second build gives"
        var entity = renamed.publications[0].volumes[0].issues[0].articles[0].metadata.entities[0]
        entity.name = "A renamed entity"
        renamed.publications[0].volumes[0].issues[0].articles[0].metadata.entities[0] = entity
        let second = try await SiteFixture.build(renamed)
        let entityPage = "entities/\(SiteLayout.entityFolder(entity.id))/index.html"
        #expect(first[entityPage]?.contains("A title the second build gives") == false)
        #expect(second[entityPage]?.contains("A title the second build gives") == true)
        let articlePaths = second.keys.filter { $0.hasSuffix("/index.html") && $0.split(separator: "/").count == 5 }
        #expect(articlePaths.contains { second[$0]!.contains(">A renamed entity</a>") })
        #expect(!articlePaths.contains { first[$0]!.contains(">A renamed entity</a>") })
    }

    /// The schema.org JSON-LD object of a page.
    static func jsonLD(_ page: String?) throws -> [String: Any] {
        let body = try #require(page?.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().first?
            .components(separatedBy: "</script>").first)
        return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    static func entityArticleCounts(_ archive: Archive) -> [String: Int] {
        var counts: [String: Int] = [:]
        for issue in archive.issues {
            for article in issue.articles {
                for entity in article.metadata.entities { counts[SiteLayout.entityFolder(entity.id), default: 0] += 1 }
            }
        }
        return counts
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test("entity ids that are not slugs get distinct, safe folders")
    func entityFolders() {
        #expect(SiteLayout.entityFolder("org-nato") == "org-nato")
        let odd = SiteLayout.entityFolder("../ORG/Nato")
        #expect(odd.hasPrefix("org-nato-") && !odd.contains("/") && !odd.contains("."))
        #expect(SiteLayout.entityFolder("ORG:Nato") != SiteLayout.entityFolder("org:nato"))
        for notSlug in ["org--nato", "-org-nato", "org-nato-", "org-ñato", String(repeating: "a", count: 81)] {
            #expect(SiteLayout.entityFolder(notSlug) != notSlug, "\(notSlug)")
        }
        #expect(SiteLayout.entityFolder("loc-2nd-street") == "loc-2nd-street")
        #expect(SiteLayout.publicationFolder("search") == "search-publication")
    }

    @Test("the standalone page is one self-contained document")
    func standalone() async throws {
        let archive = SiteFixture.tagged()
        let article = archive.issues[1].articles[0]
        let bytes = try SiteWriter().standalone(article, in: archive, context: WriterContext(theme: try Resources.theme(nil)))
        let page = String(decoding: bytes, as: UTF8.self)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<style>"))
        // No links to pages that do not exist beside it: the skip link's is the one href.
        let hrefs = page.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(hrefs == ["#main"], "links to pages that do not exist: \(hrefs)")
        #expect(page.contains("<p class=\"article-meta\">Monitor, Volume 1, Issue 2"))
        #expect(!page.contains("<script"))
        #expect(page.contains("<span class=\"cross-reference\">(see the Monitor, January 12)</span>"))
    }

    @Test("two builds at different thread counts are byte-identical")
    func deterministic() async throws {
        let archive = try await SiteFixture.example()
        let sink1 = MemorySink(), sink2 = MemorySink()
        try await Pipeline(concurrency: 1).write(archive, formats: ["site"], theme: try Resources.theme(nil), to: sink1)
        try await Pipeline(concurrency: 4).write(archive, formats: ["site"], theme: try Resources.theme(nil), to: sink2)
        #expect(sink1.files == sink2.files)
    }
}

@Suite("Site escaping")
struct SiteEscapingTests {
    static let attack = "<script>alert(1)</script>"

    @Test("the search index keeps accented and Cyrillic titles whole and escapes the line and paragraph separators")
    func searchIndexText() async throws {
        // "è" ends in the byte 0xA8 and "©" in 0xA9, the last bytes of U+2028 and U+2029 in UTF-8.
        let title = "Crèvecœur © Шевченко\u{2028}in Kyïv\u{2029}again"
        let (loaded, _) = try await Pipeline(concurrency: 2).load([TestSupport.source("""
        Publication: Monitor Volume: 1 Issue: 1

        Crèvecœur met Шевченко in Kyïv.
        """, path: "x.txt")])
        let archive = loaded.mappingArticles { article in
            var article = article
            article.metadata.title = title
            return article
        }
        let files = try await SiteFixture.build(archive)
        let records = try SearchFiles.records(files, block: 0)
        #expect(records.map { $0["t"] } == [title])
        #expect(files["search/records/0.js"]?.contains("\"Crèvecœur © Шевченко\\u2028in Kyïv\\u2029again\"") == true)
        // Words are folded as the script folds a query: "Crèvecœur" is "crevecœur", "Kyïv" "kyiv". Each is in
        // the first article's title and text (bits 1 and 4), whether or not it was also tagged (bit 2).
        for (shard, word) in [("cr", "crevecœur"), ("ky", "kyiv"), ("ше", "шевченко")] {
            #expect(try SearchFiles.terms(files, shard: shard)[word]?.map { $0 & ~2 } == [0 << 3 | 1 | 4], "\(word)")
        }
    }

    @Test("a source with a script in its text, title and header yields no executable markup anywhere")
    func scriptsNeverRun() async throws {
        let source = """
        Publication: \(Self.attack) Volume: 1 Issue: 1
        Date: 2026-01-12
        Title: \(Self.attack) & "quotes" 'too'
        Author: \(Self.attack)
        Section: <img src=x onerror=alert(1)>

        Text with \(Self.attack) and <a href="javascript:alert(1)">a link</a> (see the \(Self.attack), January 1).

        More <iframe src="//evil"></iframe> text (Interfax<script>, January 11).
        """
        let (loaded, _) = try await Pipeline(concurrency: 2).load([TestSupport.source(source, path: "x.txt")])
        // Entity names and summaries are source text too: tag the article by hand with hostile ones.
        var archive = loaded
        var article = archive.publications[0].volumes[0].issues[0].articles[0]
        article.metadata.summary = ArticleSummary(text: Self.attack, dek: "<b onmouseover=alert(1)>", origin: .source)
        article.metadata.entities = [EntityCount(id: "<script>", name: Self.attack, type: .person, count: 1, provenance: .automatic)]
        article.blocks.append(.paragraph([.entity(EntityMention(text: Self.attack, type: .person, entityID: "<script>"))], span: nil))
        archive.publications[0].volumes[0].issues[0].articles[0] = article

        let files = try await SiteFixture.build(archive, title: Self.attack, baseURL: "https://example.org/\"><script>alert(1)</script>/")
        #expect(files.count > 15)
        for (path, text) in files where !path.hasPrefix("assets/") && !path.hasSuffix(".txt") {
            #expect(!text.contains(Self.attack), "\(path) holds the script unescaped")
            for tag in Self.tags(in: text) {
                #expect(Self.allowedTags.contains(tag.name), "\(path): <\(tag.name)> is not a tag the theme writes")
                // A script runs only from the theme's files; inline, only JSON-LD, which no browser runs, with no `<` to end it.
                #expect(tag.name != "script" || (tag.attributes.keys.contains("src") && tag.body.isEmpty)
                        || (tag.attributes["type"] == "application/ld+json" && !tag.body.contains("<")
                            && (try? JSONSerialization.jsonObject(with: Data(tag.body.utf8))) != nil), "\(path): an inline script")
                for (name, value) in tag.attributes {
                    #expect(!name.hasPrefix("on"), "\(path): event handler \(name)")
                    #expect(!value.lowercased().hasPrefix("javascript:"), "\(path): javascript: URL")
                }
            }
        }
        let page = try #require(files.first { $0.key.hasSuffix("/index.html") && $0.key.split(separator: "/").count == 5 }?.value)
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39;"))
    }
}

extension SiteEscapingTests {
    static let allowedTags: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "link", "script", "style", "body", "a", "header", "p", "nav", "ul", "ol", "li",
        "form", "label", "input", "button", "span", "main", "article", "h1", "h2", "h3", "time", "div", "cite", "section", "footer",
        "noscript", "br", "em", "strong", "blockquote", "hr", "?xml", "urlset", "url", "loc",
    ]

    struct Tag {
        var name: String
        var attributes: [String: String]
        /// For a script: what stands between it and `</script>`.
        var body: String
    }

    /// Opening tags as a browser's tokenizer sees them: `<` then a letter, `!` or `?`, up to the next `>`
    /// outside quotes. Escaped source text (`&lt;`) never starts one.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "<", i + 1 < scalars.count,
                  scalars[i + 1].properties.isAlphabetic || scalars[i + 1] == "!" || scalars[i + 1] == "?" else { i += 1; continue }
            var j = i + 1
            var quote: Unicode.Scalar?
            while j < scalars.count {
                if let q = quote { if scalars[j] == q { quote = nil } } else if scalars[j] == "\"" || scalars[j] == "'" { quote = scalars[j] } else if scalars[j] == ">" { break }
                j += 1
            }
            let inside = String(String.UnicodeScalarView(scalars[(i + 1)..<min(j, scalars.count)]))
            let name = String(inside.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
            var attributes: [String: String] = [:]
            let pattern = #"([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?"#
            let rest = String(inside.dropFirst(name.count))
            var searchStart = rest.startIndex
            while let match = rest.range(of: pattern, options: .regularExpression, range: searchStart..<rest.endIndex) {
                let pair = rest[match]
                let key = String(pair.prefix { $0 != "=" && !$0.isWhitespace }).lowercased()
                var value = pair.dropFirst(key.count).drop { $0 == "=" || $0.isWhitespace }
                if value.first == "\"" || value.first == "'" { value = value.dropFirst().dropLast() }
                attributes[key] = String(value)
                searchStart = match.upperBound
            }
            var body = ""
            if name == "script", j < scalars.count {
                let after = String(String.UnicodeScalarView(scalars[(j + 1)...]))
                body = String(after[..<(after.range(of: "</script")?.lowerBound ?? after.endIndex)])
            }
            tags.append(Tag(name: name, attributes: attributes, body: body))
            i = j + 1
        }
        return tags
    }
}

@Suite("Site themes")
struct SiteThemeTests {
    @Test("the newsprint theme overrides the stylesheet and the home page and inherits the rest")
    func newsprintFallback() async throws {
        let archive = try await SiteFixture.example()
        let plain = try await SiteFixture.build(archive)
        let newsprint = try await SiteFixture.build(archive, theme: try Resources.theme("newsprint"))
        #expect(newsprint["index.html"]?.contains("class=\"newsprint-front\"") == true, "home from newsprint's template")
        #expect(plain["index.html"]?.contains("newsprint") == false)
        #expect(newsprint["assets/style.css"] != plain["assets/style.css"])
        #expect(newsprint["assets/style.css"]?.contains("Newsprint") == true)
        // Everything but the home page and the stylesheet comes from the default theme, unchanged.
        for (path, text) in plain where path != "index.html" && path != "assets/style.css" {
            #expect(newsprint[path] == text, "\(path) should fall back to the default theme")
        }
    }

    @Test("the newsprint front page speaks the site's language, and prints dark ink on white in any scheme")
    func newsprintLanguage() async throws {
        let (archive, _) = try await Pipeline(concurrency: 2).load([TestSupport.source("""
        Publication: Monitor Volume: 1 Issue: 1
        Language: fr
        Title: Les négociations reprennent

        Les négociations reprendront la semaine prochaine.
        """, path: "fr.txt")])
        let files = try await SiteFixture.build(archive, theme: try Resources.theme("newsprint"))
        let home = try #require(files["index.html"])
        #expect(home.contains(">Derniers numéros</h2>") && home.contains(">Publications</h2>"), "\(home)")
        #expect(!home.contains("The latest issues"))
        let css = try #require(files["assets/style.css"])
        let print = try #require(css.range(of: "@media print")).upperBound
        #expect(css[print...].contains("--ink: #000") && css[print...].contains("--paper: #fff"))
    }

    @Test("a theme folder may override a single template")
    func folderTheme() async throws {
        let folder = TestSupport.temporaryFolder("site-theme")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("site"), withIntermediateDirectories: true)
        try Data("<h1>Missing!</h1>\n".utf8).write(to: folder.appendingPathComponent("site/404.mustache"))
        let files = try await SiteFixture.build(try await SiteFixture.example(), theme: try Resources.theme(folder.path))
        #expect(files["404.html"]?.contains("<h1>Missing!</h1>") == true)
        #expect(files["index.html"]?.contains("Latest issues") == true)
    }

    @Test("an issue template may loop over each article's entities instead of printing the rendered links, spliced or not")
    func issueEntityList() async throws {
        let archive = try await SiteFixture.example()
        let issue = try #require(archive.issues.first { $0.articles.contains { !$0.metadata.entities.isEmpty } })
        let entities = issue.articles.flatMap(\.metadata.entities)
        let expected = entities.map { "[\($0.name)|\($0.count)|\($0.type.rawValue.lowercased())]" }.joined()
        let loop = "{{#articles}}{{#entities}}[{{name}}|{{count}}|{{type}}]{{/entities}}{{/articles}}\n"
        // The second theme adds a transform, which turns splicing off: every value must then be given.
        for template in [loop, loop + "{{#articles}}{{lowercased(title)}}{{/articles}}\n"] {
            var theme = try Resources.theme(nil)
            theme.files["site/issue.mustache"] = Array(template.utf8)
            let files = try await SiteFixture.build(archive, theme: theme)
            let page = try #require(files[SiteLayout.issuePath(issue)])
            #expect(page.contains(expected), "\(template)")
            #expect(!page.contains("class=\"entity entity-"))
        }
        // The default issue template prints the rendered links, the same on every build.
        let plain = try await SiteFixture.build(archive)
        let page = try #require(plain[SiteLayout.issuePath(issue)])
        #expect(entities.allSatisfy { page.contains(">\(Markup.text($0.name))</a>") })
    }

    @Test("a broken template is reported with its path")
    func brokenTemplate() async throws {
        var theme = try Resources.theme(nil)
        theme.files["site/issue.mustache"] = Array("{{#open}} never closed".utf8)
        await #expect(throws: (any Error).self) { _ = try await SiteFixture.build(try await SiteFixture.example(), theme: theme) }
        do {
            _ = try await SiteFixture.build(try await SiteFixture.example(), theme: theme)
        } catch {
            #expect("\(error)".contains("site/issue.mustache"))
        }
    }
}

@Suite("Site accessibility")
struct SiteAccessibilityTests {
    @Test("every page has lang, landmarks, a skip link to main, exactly one h1 and headings in order")
    func structure() async throws {
        let files = try await SiteFixture.build(SiteFixture.tagged())
        let examples = try await SiteFixture.build(try await SiteFixture.example())
        let pages = (Array(files) + Array(examples)).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 20)
        for (path, page) in pages {
            #expect(page.range(of: #"<html lang="[a-zA-Z-]+">"#, options: .regularExpression) != nil, "\(path): lang")
            for landmark in ["<header", "<nav", "<main id=\"main\"", "<footer"] {
                #expect(page.contains(landmark), "\(path): \(landmark)")
            }
            #expect(page.contains("<a class=\"skip-link\" href=\"#main\">"), "\(path): skip link")
            #expect(page.components(separatedBy: "<h1").count - 1 == 1, "\(path): exactly one h1")
            var level = 0
            var index = page.startIndex
            while let found = page.range(of: #"<h[1-6]"#, options: .regularExpression, range: index..<page.endIndex) {
                let next = Int(String(page[page.index(before: found.upperBound)]))!
                #expect(next <= level + 1, "\(path): h\(next) after h\(level)")
                level = next
                index = found.upperBound
            }
        }
    }

    @Test("a page in a language written right to left says so, for browsers do not infer it from lang")
    func rightToLeft() async throws {
        let (archive, _) = try await Pipeline(concurrency: 2).load([TestSupport.source("""
        Publication: Monitor Volume: 1 Issue: 1
        Language: ar
        Title: المحادثات مستمرة

        عقد الوفد اجتماعا في القاهرة يوم الاثنين.
        """, path: "ar.txt")])
        let files = try await SiteFixture.build(archive)
        let article = try #require(files.first { $0.key.hasPrefix("monitor/1/1/") && $0.key.hasSuffix("/index.html") && $0.key != "monitor/1/1/index.html" })
        #expect(article.value.contains("<html lang=\"ar\" dir=\"rtl\">"), "\(article.key)")
        // English pages keep the default direction, unwritten.
        let examples = try await SiteFixture.build(try await SiteFixture.example())
        #expect(!examples.values.contains { $0.contains(" dir=\"rtl\"") })
    }

    @Test("a publication's pages are in its own language, the pages spanning publications in the archive's")
    func publicationLanguage() async throws {
        let (archive, _) = try await Pipeline(concurrency: 2).load([
            TestSupport.source("""
            Publication: Monitor Volume: 1 Issue: 1
            Title: Talks resume

            Talks resume in Moscow next week.
            """, path: "a.txt"),
            TestSupport.source("""
            Publication: Monitor Volume: 1 Issue: 2
            Title: Talks end

            Talks ended in Moscow on Friday.
            """, path: "b.txt"),
            TestSupport.source("""
            Publication: Prism Volume: 1 Issue: 1
            Language: fr
            Title: Les négociations reprennent

            Les négociations reprendront la semaine prochaine.
            """, path: "c.txt"),
        ])
        let files = try await SiteFixture.build(archive)
        for path in ["prism/index.html", "prism/1/index.html"] {
            #expect(files[path]?.contains("<html lang=\"fr\">") == true, "\(path)")
        }
        for path in ["index.html", "monitor/index.html", "monitor/1/index.html"] {
            #expect(files[path]?.contains("<html lang=\"en\">") == true, "\(path)")
        }
    }

    @Test("the entity index lists people by surname, then whole name, and other entities by name")
    func entityIndexOrder() {
        let entries = [("Boris Chernov", EntityType.person), ("Akhmed Chernov", .person), ("Zaur Arbatov", .person), ("Putin", .person),
                       ("Baku", .location), ("Abkhazia", .location)]
            .map { EntityDirectory.Entry(id: Slug.make($0.0), name: $0.0, type: $0.1, mentions: 1, articles: []) }
        let people = entries.filter { $0.type == .person }.sorted { EntityDirectory.sortKey(of: $0) < EntityDirectory.sortKey(of: $1) }
        #expect(people.map(\.name) == ["Zaur Arbatov", "Akhmed Chernov", "Boris Chernov", "Putin"])
        #expect(entries.filter { $0.type == .location }.map(EntityDirectory.sortKey) == ["baku", "abkhazia"])
    }

    @Test("an issue's page is in the language most of its articles are in, as its book is, whatever the first article's")
    func issueLanguage() async throws {
        let sources = ["ar", "en", "en"].enumerated().map { index, language in
            TestSupport.source("Publication: Monitor Volume: 1 Issue: 1\nLanguage: \(language)\nOrder: \(index)\nTitle: Article \(index)\n\nText \(index).",
                               path: "\(index).txt")
        }
        let (archive, _) = try await Pipeline(concurrency: 2).load(sources)
        let issue = try #require(archive.issues.first)
        #expect(issue.articles.first?.metadata.language == "ar" && issue.dominantLanguage == "en")
        let page = try #require(try await SiteFixture.build(archive)["monitor/1/1/index.html"])
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("lang=\"ar\" dir=\"rtl\""), "the Arabic article's entry is marked with its language")
    }

    @Test("a right-to-left issue page marks a left-to-right article's heading, not its link, and parts its meta with the language's list separator")
    func rightToLeftIssue() async throws {
        let (archive, _) = try await Pipeline(concurrency: 2).load([
            TestSupport.source("Publication: Monitor Volume: 1 Issue: 1\nLanguage: ar\nTitle: المحادثات مستمرة\n\nعقد الوفد اجتماعا في القاهرة.",
                               path: "a-ar.txt"),
            TestSupport.source("Publication: Monitor Volume: 1 Issue: 1\nTitle: Talks go on\n\nThe delegates met in Cairo on Monday.",
                               path: "b-en.txt"),
        ])
        let files = try await SiteFixture.build(archive)
        let issue = try #require(files["monitor/1/1/index.html"])
        #expect(issue.contains("<html lang=\"ar\" dir=\"rtl\">"))
        // The heading, a block, takes the title's direction (and so its alignment), as its summary does.
        #expect(issue.contains("<h2 lang=\"en\" dir=\"ltr\"><a href=\"../../../monitor/1/1/talks-go-on/index.html\">Talks go on</a></h2>"))
        #expect(issue.contains("<p class=\"summary\" lang=\"en\" dir=\"ltr\">"))
        #expect(issue.contains("<a href=\"../../../monitor/index.html\">Monitor</a>، <a href=\"../../../monitor/1/index.html\">"))
        let article = try #require(files.first { $0.key.hasPrefix("monitor/1/1/") && $0.key != "monitor/1/1/index.html" && $0.value.contains("<html lang=\"ar\"") }?.value)
        #expect(article.contains("Monitor</a>، <a href="))
        #expect(!article.contains("</a>, <a href="), "no Latin comma in the Arabic page's meta")
    }

    @Test("a part in another language than its page is marked with it, and a page whose language the theme has no words for is marked in the words' language")
    func languageOfParts() async throws {
        let (archive, _) = try await Pipeline(concurrency: 2).load([
            TestSupport.source("""
            Publication: Monitor Volume: 1 Issue: 1
            Date: 2000-02-01
            Title: Talks resume in Moscow

            Defense Minister Igor Sergeyev arrived in Moscow on Tuesday. Talks resume next week.
            """, path: "a-en.txt"),
            TestSupport.source("""
            Publication: Monitor Volume: 1 Issue: 1
            Date: 2000-02-01
            Language: fr
            Title: Les négociations reprennent

            Le ministre Igor Sergeyev est arrivé à Moscou mardi. Les négociations reprendront la semaine prochaine.
            """, path: "b-fr.txt"),
            TestSupport.source("""
            Publication: Monitor Volume: 1 Issue: 2
            Date: 2000-02-03
            Language: fa
            Title: نشست در تهران

            نشست در تهران برگزار شد. شرکت کنندگان از مسکو آمدند.
            """, path: "c-fa.txt"),
            TestSupport.source("""
            Publication: Monitor Volume: 1 Issue: 3
            Date: 2000-02-05
            Language: en-GB
            Title: Sergeyev leaves for London

            Defence Minister Igor Sergeyev left for London on Thursday.
            """, path: "d-en-gb.txt"),
        ])
        let files = try await SiteFixture.build(archive)
        func page(_ path: String) throws -> String { try #require(files[path], "no \(path)") }
        let english = try page("monitor/1/1/talks-resume-in-moscow/index.html")
        let french = try page("monitor/1/1/les-negociations-reprennent/index.html")
        let persian = try #require(files.first { $0.key.hasPrefix("monitor/1/2/") && $0.key.hasSuffix("/index.html") && $0.key != "monitor/1/2/index.html" }?.value)

        // A page in a language the theme has words for is marked with it, and its content is not marked again.
        #expect(french.contains("<html lang=\"fr\">"))
        #expect(french.contains("<h1>Les négociations reprennent</h1>"))
        #expect(french.contains("<div class=\"article-body\">"))
        // The theme has no Persian words: the page is in English words, marked so, its content marked Persian,
        // right to left, wherever it is: heading, summary, body and the breadcrumb of the article.
        #expect(persian.contains("<html lang=\"en\">"))
        #expect(persian.contains("<h1 lang=\"fa\" dir=\"rtl\">نشست در تهران</h1>"))
        #expect(persian.contains("<div class=\"article-body\" lang=\"fa\" dir=\"rtl\">"))
        #expect(persian.contains("<span aria-current=\"page\" lang=\"fa\" dir=\"rtl\">نشست در تهران</span>"))
        #expect(persian.contains("class=\"article-summary\" lang=\"fa\" dir=\"rtl\"") || !persian.contains("class=\"article-summary\""))
        // The neighbours an article page links are marked when they are in another language.
        #expect(english.contains("<span class=\"pager-title\" lang=\"fr\">Les négociations reprennent</span>"))
        #expect(french.contains("<span class=\"pager-title\" lang=\"en\">Talks resume in Moscow</span>"))

        // The issue page is in its first article's language; the other article's title and summary are marked.
        let issue = try page("monitor/1/1/index.html")
        #expect(issue.contains("<html lang=\"en\">"))
        #expect(issue.contains("<h2 lang=\"fr\"><a href=\"../../../monitor/1/1/les-negociations-reprennent/index.html\">Les négociations reprennent</a></h2>"))
        #expect(issue.contains("<p class=\"summary\" lang=\"fr\">"))
        #expect(issue.contains("talks-resume-in-moscow/index.html\">Talks resume in Moscow</a>"))
        // The home page lists the Persian issue's lead marked right to left inside a left-to-right page.
        let home = try page("index.html")
        #expect(home.contains("<span class=\"lead\" lang=\"fa\" dir=\"rtl\">نشست در تهران</span>"))
        #expect(home.contains("<span class=\"lead\">Talks resume in Moscow</span>"))
        // An entity's list marks the French article it names; the search records carry the languages the script marks.
        let sergeyev = try page("entities/per-igor-sergeyev/index.html")
        #expect(sergeyev.contains("sergeyev-leaves-for-london/index.html\" lang=\"en-GB\">Sergeyev leaves for London</a>"))
        #expect(sergeyev.contains("talks-resume-in-moscow/index.html\">Talks resume in Moscow</a>"))
        let records = try SearchFiles.records(files, block: 0)
        #expect(records.map { $0["t"] ?? "" } == ["Sergeyev leaves for London", "نشست در تهران", "Talks resume in Moscow", "Les négociations reprennent"])
        #expect(records.map { $0["l"] } == ["en-GB", "fa", nil, "fr"])
        #expect(records.map { $0["w"] } == [nil, "rtl", nil, nil])
        // No page of an English archive carries a mark.
        let examples = try await SiteFixture.build(try await SiteFixture.example())
        #expect(!examples.values.contains { $0.contains(" lang=\"") && $0.components(separatedBy: " lang=\"").count > 2 })
    }
}

/// The search index's files read back: the data inside their script wrappers.
enum SearchFiles {
    /// The records of block `block`.
    static func records(_ files: [String: String], block: Int) throws -> [[String: String]] {
        let script = try #require(files["search/records/\(block).js"])
        let prefix = "BULLETIN_SEARCH_RECORDS(\(block), "
        #expect(script.hasPrefix(prefix) && script.hasSuffix(");\n"))
        let json = script.dropFirst(prefix.count).dropLast(3)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
    }

    /// The postings of every word of shard `shard`, undone from their differences.
    static func terms(_ files: [String: String], shard: String) throws -> [String: [Int]] {
        let script = try #require(files["search/terms/\(SearchIndex.shardFileName(shard)).js"], "no shard \(shard)")
        var key: [UInt8] = []
        JSONString.append(shard, to: &key)
        let prefix = "BULLETIN_SEARCH_TERMS(" + String(decoding: key, as: UTF8.self) + ", "
        #expect(script.hasPrefix(prefix) && script.hasSuffix(");\n"))
        let json = script.dropFirst(prefix.count).dropLast(3)
        let table = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [Int]])
        return table.mapValues { differences in
            var total = 0
            return differences.map { total += $0; return total }
        }
    }
}
