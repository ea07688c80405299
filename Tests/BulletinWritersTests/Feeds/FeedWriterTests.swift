import BulletinKit
import BulletinModel
import BulletinTestSupport
@testable import BulletinWriters
import Foundation
import Testing

@Suite("Feeds writer")
struct FeedWriterTests {
    static let baseURL = "https://example.org/bulletin/"

    // MARK: - Goldens

    @Test("the hand-built archive gives the golden feeds (RECORD_GOLDENS=1 rewrites them)", arguments: ["base-url", "no-base-url"])
    func goldens(caseName: String) throws {
        let settings = caseName == "base-url"
            ? WriterSettings(baseURL: Self.baseURL, siteTitle: "Example Bulletin", publisher: "Example Foundation", rights: "© 2026 Example Foundation", feedItemLimit: 2)
            : WriterSettings(siteTitle: "Example Bulletin")
        let built = try FeedFixtures.write(FeedFixtures.small, settings: settings)
        let goldenRoot = TestPaths.fixtures.appendingPathComponent("feeds/\(caseName)")
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try? FileManager.default.removeItem(at: goldenRoot)
            for (path, bytes) in built {
                let url = goldenRoot.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
            Testing.Issue.record("feed goldens re-recorded into \(goldenRoot.path); review the diff and run again")
            return
        }
        let golden = TestSupport.tree(goldenRoot)
        #expect(!golden.isEmpty, "no goldens: run RECORD_GOLDENS=1 swift test")
        #expect(Set(built.keys) == Set(golden.keys))
        for (path, bytes) in built.sorted(by: { $0.key < $1.key }) where golden[path] != nil {
            let same = bytes == golden[path]
            #expect(same, "\(path) differs from its golden")
        }
    }

    // MARK: - Content

    @Test("items carry summaries, leads, authors, entity categories, dates and absolute links")
    func itemContent() throws {
        let files = try FeedFixtures.write(FeedFixtures.small, settings: WriterSettings(baseURL: Self.baseURL))
        let atom = try #require(files["feeds/atom.xml"])
        #expect(FeedFixtures.elements("summary", in: atom).contains("Negotiators met in Moscow for a third round."))
        #expect(FeedFixtures.elements("summary", in: atom).contains("Lukashenko told the council that Minsk would wait."))
        #expect(FeedFixtures.elements("name", in: atom).contains("B. Writer"))
        #expect(FeedFixtures.elements("published", in: atom).first == "2026-01-19T00:00:00Z")
        let content = FeedFixtures.elements("content", in: atom).joined()
        #expect(content.contains(#"<a class="cross-reference" href="https://example.org/bulletin/monitor/1/1/">"#))
        // Mentions are plain text in feeds: readers drop the classes, and the entities are the categories.
        #expect(content.contains("Kyiv"))
        #expect(!content.contains("entity"))
        #expect(FeedFixtures.links(in: atom).contains { $0 == ("alternate", "https://example.org/bulletin/monitor/1/2/mediators/") })

        let rss = try #require(files["feeds/rss.xml"])
        #expect(FeedFixtures.elements("category", in: rss) == ["NATO", "Kyiv", "NATO", "Kyiv"])
        #expect(FeedFixtures.elements("pubDate", in: rss).first == "Mon, 19 Jan 2026 00:00:00 +0000")

        let json = try FeedFixtures.jsonObject(files["feeds/feed.json"])
        #expect(json["version"] as? String == "https://jsonfeed.org/version/1.1")
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.first?["tags"] as? [String] == ["NATO", "Kyiv"])
        let first = FeedFixtures.small.publications[0].volumes[0].issues[1]
        #expect(items.first?["id"] as? String == FeedItem.ids(in: first)[0])
    }

    @Test("an item's id stays when its article's text is edited, and two sources of one name in an issue get two")
    func itemIDs() throws {
        let issue = FeedFixtures.small.publications[0].volumes[0].issues[1]
        var edited = issue
        edited.articles[0].blocks = [.paragraph([.text("Corrected text.")], span: nil)]
        edited.articles[0].metadata.id = issue.id + "-0123456789ab"
        let id = FeedItem.ids(in: issue)[0]
        #expect(id.hasPrefix("urn:uuid:") && FeedItem.ids(in: edited)[0] == id)
        var twins = issue
        twins.articles.append(issue.articles[0])
        twins.articles[1].metadata.id = issue.id + "-ba9876543210"
        twins.articles[1].metadata.source.path = "elsewhere/" + issue.articles[0].metadata.source.path
        let twinIDs = Set(FeedItem.ids(in: twins).prefix(2))
        #expect(twinIDs.count == 2 && !twinIDs.contains(id))
    }

    @Test("each feed names the language most of its articles are in, in all three formats")
    func channelLanguage() throws {
        func article(_ publication: String, _ slug: String, _ language: String) -> Article {
            var article = FeedFixtures.article(publication, issue: 1, slug: slug, title: slug, date: "2026-01-12",
                                               blocks: [FeedFixtures.paragraph(.text("Text."))])
            article.metadata.language = language
            return article
        }
        // The archive is mostly English; its Arabic publication is Arabic.
        let archive = FeedFixtures.archive([article("Monitor", "a", "en"), article("Monitor", "b", "en"), article("Nashra", "c", "ar")])
        let files = try FeedFixtures.write(archive, settings: WriterSettings(baseURL: Self.baseURL))
        for (folder, language) in [("feeds", "en"), ("feeds/nashra", "ar")] {
            let atom = String(decoding: try #require(files[folder + "/atom.xml"]), as: UTF8.self)
            #expect(atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(language)\">"), "\(folder)")
            #expect(FeedFixtures.elements("language", in: try #require(files[folder + "/rss.xml"])) == [language], "\(folder)")
            #expect(try FeedFixtures.jsonObject(files[folder + "/feed.json"])["language"] as? String == language, "\(folder)")
        }
    }

    @Test("without a base URL, ids stay urn:uuid and no link leaves the feeds folder")
    func noBaseURL() throws {
        let files = try FeedFixtures.write(FeedFixtures.small, settings: WriterSettings(feedItemLimit: 2))
        for (path, bytes) in files where path.hasSuffix(".xml") {
            let links = FeedFixtures.links(in: bytes)
            #expect(links.allSatisfy { !$0.href.contains(":") }, "\(path) links \(links)")
            #expect(FeedFixtures.elements("id", in: bytes).allSatisfy { $0.hasPrefix("urn:uuid:") })
        }
        #expect(FeedFixtures.links(in: files["feeds/atom.xml"]!).map(\.href) == ["archive/atom-2.xml"])
        #expect(FeedFixtures.links(in: files["feeds/archive/atom-1.xml"]!).map(\.href) == ["../atom.xml", "atom-2.xml"])
        let json = try JSONSerialization.jsonObject(with: Data(files["feeds/feed.json"]!)) as? [String: Any]
        #expect(json?["next_url"] as? String == "archive/feed-2.json")
        let archived = try JSONSerialization.jsonObject(with: Data(files["feeds/archive/feed-2.json"]!)) as? [String: Any]
        #expect(archived?["next_url"] as? String == "feed-1.json")
        #expect(json?["feed_url"] == nil && json?["home_page_url"] == nil)
    }

    @Test("categories are the people, organisations and places an item mentions, not its other names")
    func categoriesLeaveOutOtherNames() throws {
        var archive = FeedFixtures.small
        archive.publications[0].volumes[0].issues[1].articles[0].metadata.entities.append(
            EntityCount(id: "misc-russian", name: "Russian", type: .miscellaneous, count: 3, provenance: .automatic))
        let files = try FeedFixtures.write(archive, settings: WriterSettings(baseURL: Self.baseURL))
        #expect(FeedFixtures.elements("category", in: try #require(files["feeds/rss.xml"])) == ["NATO", "Kyiv", "NATO", "Kyiv"])
        let items = try #require(try FeedFixtures.jsonObject(files["feeds/feed.json"])["items"] as? [[String: Any]])
        #expect(items.first?["tags"] as? [String] == ["NATO", "Kyiv"])
    }

    @Test("a feed's id and its items' ids stay when the site moves to another base URL")
    func idsStayWhenTheSiteMoves() throws {
        func ids(_ baseURL: String?) throws -> [String] {
            let files = try FeedFixtures.write(FeedFixtures.small, settings: WriterSettings(baseURL: baseURL, siteTitle: "Example Bulletin"))
            return FeedFixtures.elements("id", in: files["feeds/atom.xml"]!)
        }
        let here = try ids(Self.baseURL)
        #expect(here.count > 1)
        #expect(try ids("https://news.example.net/") == here)
        #expect(try ids(nil) == here)
    }

    // MARK: - Ordering and paging

    @Test("items are newest first, undated last, ties in archive order")
    func ordering() throws {
        let files = try FeedFixtures.write(FeedFixtures.small, settings: WriterSettings())
        let titles = FeedFixtures.elements("title", in: files["feeds/atom.xml"]!).dropFirst()
        #expect(Array(titles) == ["Mediators return", "Caspian states to meet", "Gas talks resume", "Minsk waits", "Editors’ note"])
        let updated = FeedFixtures.elements("updated", in: files["feeds/prism/atom.xml"]!)
        #expect(updated == ["2026-01-16T00:00:00Z", "2026-01-16T00:00:00Z", "2000-01-01T00:00:00Z"])
    }

    @Test("Atom and JSON Feed archive pages number from the oldest, so adding articles leaves full ones unchanged", arguments: [1, 2, 3])
    func stableArchivePages(limit: Int) throws {
        let settings = WriterSettings(baseURL: Self.baseURL, feedItemLimit: limit)
        let before = try FeedFixtures.write(FeedFixtures.small, settings: settings)
        var articles = FeedFixtures.small.articles
        for day in 20...24 {
            articles.append(FeedFixtures.article("Monitor", issue: day, slug: "later-\(day)", title: "Later \(day)", date: "2026-01-\(day)",
                                                 blocks: [FeedFixtures.paragraph(.text("Later news \(day)."))]))
        }
        let after = try FeedFixtures.write(FeedFixtures.archive(articles), settings: settings)
        let total = FeedFixtures.small.articles.count
        let fullPages = (total - limit) / limit
        for number in stride(from: 1, through: fullPages, by: 1) {
            let path = "feeds/archive/atom-\(number).xml"
            // A full page gains at most a next-archive link when the next page first appears; here the next page existed.
            if number < fullPages || (total - limit) % limit != 0 {
                #expect(before[path] == after[path], "\(path) changed")
            }
            // A full JSON Feed archive page links only to older pages, so it never changes at all.
            let page = "feeds/archive/feed-\(number).json"
            #expect(before[page] != nil && before[page] == after[page], "\(page) changed")
        }
        // Every article appears once over the current document and the archive pages, newest first.
        var ids: [String] = []
        var path: String? = "feeds/atom.xml"
        while let current = path, let bytes = after[current] {
            ids += FeedFixtures.elements("id", in: bytes).dropFirst()
            path = FeedFixtures.links(in: bytes).first { $0.rel == "prev-archive" }.map { String($0.href.dropFirst(Self.baseURL.count)) }
        }
        #expect(ids.count == articles.count && Set(ids).count == articles.count)
        #expect(FeedFixtures.elements("entry", in: after["feeds/atom.xml"]!).count == limit)
        #expect(FeedFixtures.elements("item", in: after["feeds/rss.xml"]!).count == limit)
    }

    @Test("JSON Feed pages chain with next_url and hold every item once")
    func jsonPaging() throws {
        let files = try FeedFixtures.write(FeedFixtures.small, settings: WriterSettings(baseURL: Self.baseURL, feedItemLimit: 2))
        var ids: [String] = []
        var path: String? = "feeds/feed.json"
        var pages = 0
        while let current = path {
            let json = try FeedFixtures.jsonObject(files[current])
            let items = try #require(json["items"] as? [[String: Any]])
            #expect(items.count <= 2)
            ids += items.compactMap { $0["id"] as? String }
            pages += 1
            path = (json["next_url"] as? String).map { String($0.dropFirst(Self.baseURL.count)) }
        }
        #expect(pages == 3)
        #expect(ids.count == 5 && Set(ids).count == 5)
        #expect(files.keys.filter { $0.hasPrefix("feeds/feed") || $0.hasPrefix("feeds/archive/feed-") }.count == 3)
    }

    @Test("documents written as items stream in hold, page by page, every item of each channel once and in order", arguments: [1, 2, 3, 4, 7, 30])
    func streamedPages(limit: Int) throws {
        var articles = FeedFixtures.small.articles
        for day in 1...23 {
            let publication = day % 3 == 0 ? "Prism" : "Monitor"
            articles.append(FeedFixtures.article(publication, issue: 10 + day, slug: "day-\(day)", title: "Day \(day)",
                                                 date: day % 7 == 0 ? nil : "2026-02-\(10 + day % 15)",
                                                 blocks: [FeedFixtures.paragraph(.text("News of day \(day)."))]))
        }
        let files = try FeedFixtures.write(FeedFixtures.archive(articles), settings: WriterSettings(baseURL: Self.baseURL, feedItemLimit: limit))
        for folder in ["feeds", "feeds/monitor", "feeds/prism"] {
            // Atom: the current document, then archive documents from the newest back to atom-1.
            var atom: [String] = []
            var path: String? = folder + "/atom.xml"
            var atomDocuments = 0
            while let current = path, let bytes = files[current] {
                let ids = Array(FeedFixtures.elements("id", in: bytes).dropFirst())
                #expect(ids.count <= limit)
                atom += ids
                atomDocuments += 1
                path = FeedFixtures.links(in: bytes).first { $0.rel == "prev-archive" }.map { String($0.href.dropFirst(Self.baseURL.count)) }
            }
            var json: [String] = []
            path = folder + "/feed.json"
            while let current = path {
                let object = try FeedFixtures.jsonObject(files[current])
                let items = try #require(object["items"] as? [[String: Any]])
                #expect(items.count <= limit)
                json += items.compactMap { $0["id"] as? String }
                path = (object["next_url"] as? String).map { String($0.dropFirst(Self.baseURL.count)) }
            }
            let rss = FeedFixtures.elements("guid", in: files[folder + "/rss.xml"]!)
            #expect(Set(atom).count == atom.count, "\(folder)")
            #expect(atom.count == ["feeds": 28, "feeds/monitor": 19, "feeds/prism": 9][folder], "\(folder)")
            #expect(json == atom, "\(folder): JSON Feed pages and Atom documents disagree")
            #expect(rss == Array(atom.prefix(limit)), "\(folder)")
            #expect(atomDocuments == 1 + (atom.count - min(limit, atom.count) + limit - 1) / limit, "\(folder)")
            #expect(files.keys.filter { $0.hasPrefix(folder + "/archive/atom-") }.count == atomDocuments - 1, "\(folder)")
            #expect(files.keys.filter { $0.hasPrefix(folder + "/archive/feed-") }.count == atomDocuments - 1, "\(folder)")
        }
    }

    // MARK: - Safety and determinism

    @Test("hostile titles, text, names and summaries give well-formed XML and valid JSON")
    func hostileInput() throws {
        let hostile = "<script>alert(1)</script> & ]]> \u{0001}\u{0008}\u{000B}\u{FFFE}\u{0085} \"quoted\" 'single'"
        let article = FeedFixtures.article(
            "Monitor <script>", issue: 1, slug: "hostile", title: hostile, date: "2026-02-30", authors: [hostile],
            summary: hostile, entities: [EntityCount(id: "x", name: hostile, type: .miscellaneous, count: 1, provenance: .automatic)],
            blocks: [FeedFixtures.paragraph(.text(hostile), .link(Link(url: "javascript:alert(1)", content: [.text("click")]))),
                     .heading(level: 1, [.text(hostile)])]
        )
        let settings = WriterSettings(baseURL: "https://example.org/\"><script>/", siteTitle: hostile, publisher: hostile, rights: hostile)
        let files = try FeedFixtures.write(FeedFixtures.archive([article]), settings: settings)
        #expect(files.count == 6)
        for (path, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("javascript:"), "\(path) holds a javascript: link")
            if path.hasSuffix(".xml") {
                #expect(!text.contains("<script>"), "\(path) holds a raw <script>")
                #expect(FeedFixtures.isWellFormedXML(bytes), "\(path) is not well-formed")
                #expect(!text.unicodeScalars.contains { [0x01, 0x08, 0x0B, 0xFFFE, 0x85].contains($0.value) })
            } else {
                // JSON Feed titles and summaries are plain text, so `<script>` stays as written there; HTML and URLs escape it.
                let json = try FeedFixtures.jsonObject(bytes)
                let items = json["items"] as? [[String: Any]] ?? []
                let html = items.compactMap { $0["content_html"] as? String }
                let urls = items.compactMap { $0["url"] as? String } + [json["feed_url"] as? String, json["home_page_url"] as? String].compactMap { $0 }
                #expect(!html.isEmpty && html.allSatisfy { !$0.contains("<script>") }, "\(path): \(html)")
                #expect(!urls.isEmpty && urls.allSatisfy { !$0.contains("<") && !$0.contains("\"") }, "\(path): \(urls)")
                #expect(items.first?["title"] as? String == hostile)
            }
        }
        // The title survives as text, only escaped.
        let titles = FeedFixtures.elements("title", in: files["feeds/atom.xml"]!)
        #expect(titles.last?.hasPrefix("<script>alert(1)</script> & ]]>") == true)
        // An impossible date counts as undated rather than being written.
        #expect(FeedFixtures.elements("published", in: files["feeds/atom.xml"]!).isEmpty)
    }

    @Test("the same archive gives byte-identical feeds, whatever the order of writing")
    func determinism() throws {
        let settings = WriterSettings(baseURL: Self.baseURL, feedItemLimit: 2)
        let first = try FeedFixtures.write(FeedFixtures.small, settings: settings)
        let second = try FeedFixtures.write(FeedFixtures.small, settings: settings)
        #expect(first == second)
        // The archive: current, two archive pages, RSS, three JSON pages; Monitor (3 articles) 5; Prism (2) 3.
        #expect(first.count == 7 + 5 + 3)
    }

    @Test("standalone gives a one-entry Atom feed")
    func standalone() throws {
        let archive = FeedFixtures.small
        let article = archive.articles[2]
        let bytes = try FeedWriter().standalone(article, in: archive, context: WriterContext(settings: WriterSettings(baseURL: Self.baseURL), theme: Resources.theme(nil)))
        #expect(FeedFixtures.isWellFormedXML(bytes))
        #expect(FeedFixtures.elements("entry", in: bytes).count == 1)
        #expect(FeedFixtures.elements("title", in: bytes).last == article.metadata.title)
        #expect(String(decoding: bytes, as: UTF8.self).contains("https://example.org/bulletin/monitor/1/1/"))
    }

    @Test("the standard registry has the feeds writer")
    func registered() {
        #expect(WriterRegistry.standard["feeds"] is FeedWriter)
    }

    // MARK: - Dates

    @Test("dates are written as RFC 3339 and RFC 822 at midnight UTC", arguments: [
        ("2026-01-12", "2026-01-12T00:00:00Z", "Mon, 12 Jan 2026 00:00:00 +0000"),
        ("2000-02-29", "2000-02-29T00:00:00Z", "Tue, 29 Feb 2000 00:00:00 +0000"),
        ("1999-12-31", "1999-12-31T00:00:00Z", "Fri, 31 Dec 1999 00:00:00 +0000"),
        ("1969-07-20", "1969-07-20T00:00:00Z", "Sun, 20 Jul 1969 00:00:00 +0000"),
    ])
    func dates(iso: String, rfc3339: String, rfc822: String) throws {
        let date = try #require(FeedDate(iso: iso))
        #expect(date.rfc3339 == rfc3339)
        #expect(date.rfc822 == rfc822)
    }

    @Test("malformed dates are not dates", arguments: ["2026-02-29", "2026-13-01", "2026-1-12", "January 12", "", "２０２６-01-12"])
    func malformedDates(iso: String) {
        #expect(FeedDate(iso: iso) == nil)
    }
}
