import BulletinKit
import BulletinModel
import BulletinTestSupport
import BulletinTransforms
@testable import BulletinWriters
import Foundation
import Testing

@Suite("Entities named in titles")
struct TitleEntityTests {
    /// Kyiv is named in the first article's title alone; Gazprom in its title and its text; the second
    /// article's title is derived from its text, which names Moscow.
    static let sources = [
        TestSupport.source("""
            Publication: Monitor Volume: 1 Issue: 1
            Date: 2026-01-12
            Title: Gazprom and Kyiv <resume> gas talks

            Negotiators from Gazprom met on Saturday for a third round of talks on transit fees.
            """, path: "talks.txt"),
        TestSupport.source("""
            Publication: Monitor Volume: 1 Issue: 1
            Date: 2026-01-12

            Officials in Moscow said on Friday that the pipeline would reopen.
            """, path: "pipeline.txt"),
    ]

    @Test("a given title is tagged as a body is: its mentions are entity nodes, counted, and reach the entity's page, held or streamed",
          arguments: [nil, 0] as [Int?])
    func titleMentions(streamingThreshold: Int?) async throws {
        var configuration = Configuration()
        configuration.baseURL = "https://example.org/"
        var pipeline = Pipeline(configuration: configuration)
        pipeline.streamingThreshold = streamingThreshold
        let output = TestSupport.temporaryFolder()
        let report = try await pipeline.build(Self.sources, output: output, formats: ["site", "epub", "json", "text", "feeds"],
                                              theme: Resources.theme(nil))
        let talks = try #require(report.archive.articles.first { $0.metadata.source.path == "talks.txt" })
        let tree = TestSupport.tree(output)
        func text(_ path: String) -> String { String(decoding: tree[path] ?? [], as: UTF8.self) }

        // The tree: the title's mentions are nodes of its content, whose text is the title's; counts take them in.
        if streamingThreshold == nil {
            let content = try #require(talks.metadata.titleContent)
            #expect(content.plainText == talks.metadata.title)
            #expect(content.entityMentions.map(\.mention.entityID) == ["org-gazprom", "loc-kyiv"])
            let counts = Dictionary(uniqueKeysWithValues: talks.metadata.entities.map { ($0.id, $0.count) })
            #expect(counts["loc-kyiv"] == 1)
            #expect(counts["org-gazprom"] == 2)
            // A derived title repeats the text's words: it is not tagged again.
            let pipelineArticle = try #require(report.archive.articles.first { $0.metadata.source.path == "pipeline.txt" })
            #expect(pipelineArticle.metadata.titleIsDerived && pipelineArticle.metadata.titleContent == nil)
            #expect(pipelineArticle.metadata.entities.first { $0.id == "loc-moscow" }?.count == 1)
        }

        // The site: the article's heading links its names as its body does; Kyiv has a page listing the article.
        let page = text("site/monitor/1/1/gazprom-and-kyiv-resume-gas-talks/index.html")
        #expect(page.contains("<h1><a class=\"entity entity-org\" href=\"../../../../entities/org-gazprom/index.html\">Gazprom</a> and "
            + "<a class=\"entity entity-loc\" href=\"../../../../entities/loc-kyiv/index.html\">Kyiv</a> &lt;resume&gt; gas talks</h1>"), "\(page)")
        #expect(page.contains("<title>Gazprom and Kyiv &lt;resume&gt; gas talks"))
        let kyiv = text("site/entities/loc-kyiv/index.html")
        #expect(kyiv.contains("gazprom-and-kyiv-resume-gas-talks/index.html"))
        #expect(kyiv.contains("1 mention in 1 article"), "\(kyiv)")
        #expect(text("site/entities/org-gazprom/index.html").contains("2 mentions in 1 article"))

        // The book: names in the heading are marked as the body's are, never linked (no dead links).
        let book = try #require(tree["epub/monitor-v1-i1.epub"])
        let chapters = try EPUBFixtures.entries(of: book).filter { $0.path.hasSuffix("gazprom-and-kyiv-resume-gas-talks.xhtml") }
        let chapter = String(decoding: try #require(chapters.first).bytes, as: UTF8.self)
        #expect(chapter.contains(">\(Self.spans("loc-kyiv", "org-gazprom"))"), "\(chapter)")
        #expect(XMLWellFormedness.errors(in: Array(chapter.utf8)).isEmpty)
        let heading = try #require(chapter.firstMatch(of: /<h1[^>]*>(.*?)<\/h1>/))
        #expect(!heading.output.1.contains("<a "))
        #expect(chapter.contains("<title>Gazprom and Kyiv &lt;resume&gt; gas talks</title>"))

        // JSON: the title's content beside its text; the feeds name Kyiv among the item's categories.
        let json = text("json/monitor-v1-i1.json")
        #expect(json.contains("\"titleContent\":[{\"entityID\":\"org-gazprom\",\"kind\":\"entity\""), "\(json)")
        #expect(text("feeds/atom.xml").contains("<category term=\"Kyiv\""))
        // Plain text: the title as written.
        #expect(text("text/monitor-v1-i1/gazprom-and-kyiv-resume-gas-talks.txt").hasPrefix("Gazprom and Kyiv <resume> gas talks\n"))
    }

    /// The heading's markup in a book: Gazprom and Kyiv as spans naming their entities.
    static func spans(_ kyiv: String, _ gazprom: String) -> String {
        "<span class=\"entity entity-org\" data-entity=\"\(gazprom)\">Gazprom</span> and "
            + "<span class=\"entity entity-loc\" data-entity=\"\(kyiv)\">Kyiv</span> &lt;resume&gt; gas talks</h1>"
    }

    @Test("tag reports a title's mentions, offsets into the title; the editor's dictionary tags titles too")
    func titleInTag() async throws {
        var configuration = Configuration()
        configuration.entities = EntityDictionary(add: [.init(name: "Transit Talks", type: .miscellaneous, aliases: ["gas talks"])],
                                                  suppress: ["org-gazprom"])
        let (archive, _) = try await Pipeline(configuration: configuration).load([Self.sources[0]])
        let article = try #require(archive.articles.first)
        let entries = Analysis.entities(in: article)
        let inTitle = entries.filter { $0.inTitle == true }
        #expect(inTitle.map(\.text) == ["Kyiv", "gas talks"])
        let title = Array(article.metadata.title.unicodeScalars)
        for entry in inTitle {
            #expect(String(String.UnicodeScalarView(title[entry.start..<entry.end])) == entry.text)
        }
        #expect(inTitle.last?.provenance == .editor)
        #expect(!entries.contains { $0.text == "Gazprom" })
        #expect(article.metadata.titleContent?.plainText == article.metadata.title)
        #expect(article.metadata.entities.first { $0.id == "misc-transit-talks" }?.count == 1)
    }
}
