import BulletinModel
import BulletinTestSupport
import Foundation
import Testing

@Suite("Document tree")
struct ModelTests {
    static func sampleTree() -> BulletinModel.Issue {
        let inlines: [Inline] = [
            .text("Plain "), .emphasis([.text("em"), .strong([.text("both")])]), .lineBreak,
            .link(Link(url: "https://example.org/a?b=1&c=2", title: "T", content: [.text("link")])),
            .citation(Citation(text: "(Reuters, May 1)", sources: [CitationSource(name: "Reuters", date: "May 1")])),
            .crossReference(CrossReference(text: "(see the Monitor, May 2)", publication: "Monitor", date: "May 2",
                                           target: IssueReference(id: "monitor-v1-i2", publication: "Monitor", volume: 1, issue: 2))),
            .entity(EntityMention(text: "NATO", type: .organization, entityID: "org-nato", provenance: .editor)),
        ]
        let blocks: [Block] = [
            .paragraph(inlines, span: SourceSpan(startLine: 3, startColumn: 1, endLine: 4, endColumn: 9)),
            .heading(level: 2, [.text("Heading")]),
            .blockQuote([.paragraph([.text("Quoted")], span: nil)]),
            .list(ordered: true, items: [[.paragraph([.text("one")], span: nil)], [.rule]]),
            .rule,
        ]
        let metadata = ArticleMetadata(
            id: "monitor-v1-i1-abc", slug: "a-title", title: "A title", titleIsDerived: true, publication: "Monitor",
            volume: 1, issue: 1, date: "2000-01-02", authors: ["A"], language: "en", section: "S", order: 1,
            source: SourceInfo(path: "a.txt", format: "text", sha256: String(repeating: "0", count: 64)), wordCount: 7,
            summary: ArticleSummary(text: "S.", dek: "S.", origin: .generated),
            entities: [EntityCount(id: "org-nato", name: "NATO", type: .organization, count: 1, provenance: .editor)],
            extraFields: [HeaderField(key: "Colour", value: "blue")]
        )
        return BulletinModel.Issue(id: "monitor-v1-i1", publication: "Monitor", publicationSlug: "monitor", volume: 1, number: 1, date: "2000-01-02",
                     articles: [Article(metadata: metadata, blocks: blocks)])
    }

    @Test("JSON → tree → JSON is the identity, for every node kind")
    func roundTrip() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let document = IssueDocument(issue: Self.sampleTree())
        let first = try encoder.encode(document)
        let decoded = try JSONDecoder().decode(IssueDocument.self, from: first)
        #expect(decoded == document)
        #expect(try encoder.encode(decoded) == first)
    }

    @Test("mapping articles visits every article once, in archive order, and keeps the structure")
    func mappingArticles() {
        var second = Self.sampleTree()
        second.id = "monitor-v1-i2"
        second.number = 2
        second.articles[0].metadata.id = "b"
        let archive = Archive(publications: [Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: [Self.sampleTree(), second])])])
        var visited: [String] = []
        let mapped = archive.mappingArticles { article in
            visited.append(article.id)
            var renamed = article
            renamed.metadata.title = "T-" + article.id
            return renamed
        }
        #expect(visited == ["monitor-v1-i1-abc", "b"])
        #expect(mapped.articles.map(\.metadata.title) == ["T-monitor-v1-i1-abc", "T-b"])
        #expect(mapped.issues.map(\.id) == archive.issues.map(\.id))
    }

    @Test("articles taken out of an archive and given back leave it as it was, issues with none included")
    func takeAndRestoreArticles() {
        var second = Self.sampleTree()
        second.id = "monitor-v1-i2"
        second.number = 2
        second.articles = [Self.sampleTree().articles[0], Self.sampleTree().articles[0]]
        second.articles[1].metadata.id = "c"
        var empty = Self.sampleTree()
        empty.id = "monitor-v2-i1"
        empty.articles = []
        let archive = Archive(publications: [
            Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: [Self.sampleTree(), second]), Volume(number: 2, issues: [empty])]),
        ])
        var moved = archive
        let lists = moved.takeArticleLists()
        #expect(lists.map { $0.map(\.id) } == archive.issues.map { $0.articles.map(\.id) })
        #expect(lists.map(\.count) == [1, 2, 0])
        #expect(moved.articles.isEmpty)
        moved.restoreArticleLists(lists)
        #expect(moved == archive)
    }

    @Test("issue runs cover every issue once, in order, in no more runs than asked")
    func issueRuns() {
        var issues: [BulletinModel.Issue] = []
        for number in 1...7 {
            var issue = Self.sampleTree()
            issue.id = "monitor-v1-i\(number)"
            issue.number = number
            issues.append(issue)
        }
        let archive = Archive(publications: [Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: issues)])])
        for count in [-1, 0, 1, 2, 3, 7, 8, 100] {
            let runs = archive.issueRuns(count: count)
            #expect(runs.flatMap { $0.map(\.id) } == issues.map(\.id), "count \(count)")
            #expect(runs.count <= max(1, count) && runs.allSatisfy { !$0.isEmpty }, "count \(count)")
        }
        #expect(archive.issueRuns(count: 3).map(\.count) == [3, 3, 1])
        #expect(Archive(publications: []).issueRuns(count: 4).isEmpty)
    }

    @Test("an issue's neighbours are the issues before and after it in its publication, across volumes")
    func neighbours() {
        func issue(_ slug: String, _ volume: Int, _ number: Int) -> BulletinModel.Issue {
            var issue = Self.sampleTree()
            issue.id = "\(slug)-v\(volume)-i\(number)"
            issue.publicationSlug = slug
            issue.volume = volume
            issue.number = number
            return issue
        }
        let archive = Archive(publications: [
            Publication(name: "Monitor", slug: "monitor", volumes: [
                Volume(number: 1, issues: [issue("monitor", 1, 1), issue("monitor", 1, 2)]),
                Volume(number: 2, issues: [issue("monitor", 2, 1)]),
            ]),
            Publication(name: "Prism", slug: "prism", volumes: [Volume(number: 1, issues: [issue("prism", 1, 1)])]),
        ])
        func ids(_ neighbours: (previous: BulletinModel.Issue?, next: BulletinModel.Issue?)) -> [String?] {
            [neighbours.previous?.id, neighbours.next?.id]
        }
        #expect(ids(archive.neighbours(of: issue("monitor", 1, 1))) == [nil, "monitor-v1-i2"])
        #expect(ids(archive.neighbours(of: issue("monitor", 1, 2))) == ["monitor-v1-i1", "monitor-v2-i1"])
        #expect(ids(archive.neighbours(of: issue("monitor", 2, 1))) == ["monitor-v1-i2", nil])
        // Another publication's issues are not its neighbours, and an issue outside the archive has none.
        #expect(ids(archive.neighbours(of: issue("prism", 1, 1))) == [nil, nil])
        #expect(ids(archive.neighbours(of: issue("monitor", 3, 1))) == [nil, nil])
    }

    @Test("plain text keeps citations and cross-references as written")
    func plainText() {
        let article = Self.sampleTree().articles[0]
        #expect(article.blocks[0].plainText == "Plain emboth\nlink(Reuters, May 1)(see the Monitor, May 2)NATO")
    }

    @Test("a generated summary repeats the lead when the body opens with its words, whole and in order, a sentence or two left out")
    func summaryRepeatsLead() {
        func article(_ summary: String, origin: ArticleSummary.Origin = .generated, _ paragraphs: [[Inline]]) -> Article {
            var article = Self.sampleTree().articles[0]
            article.metadata.summary = ArticleSummary(text: summary, dek: summary, origin: origin)
            article.blocks = paragraphs.map { .paragraph($0, span: nil) }
            return article
        }
        let lead: [[Inline]] = [
            [.text("Envoys met in "), .entity(EntityMention(text: "Kyiv", type: .location, entityID: "loc-kyiv", provenance: .automatic)),
             .text(" on\nMonday "), .citation(Citation(text: "(Interfax, May 1)", sources: []))],
            [.text("The talks went onward. Nothing was signed.")],
        ]
        #expect(article("Envoys met in Kyiv on Monday (Interfax, May 1)", lead).opensWithGeneratedSummary)
        #expect(article("Envoys met in Kyiv on Monday (Interfax, May 1) The talks went onward.", lead).opensWithGeneratedSummary)
        // A sentence of the lead left out is still a repeat.
        #expect(article("Envoys met in Kyiv on Monday (Interfax, May 1) Nothing was signed.", lead).opensWithGeneratedSummary)
        // A word cut short, words the body does not have, a summary starting later, or an editor's words are not.
        #expect(!article("Envoys met in Kyiv on Monday (Interfax, May 1) The talks went on", lead).opensWithGeneratedSummary)
        #expect(!article("Envoys met in Kyiv on Monday (Interfax, May 1) The talks went onward. Nothing was signed. More.", lead)
            .opensWithGeneratedSummary)
        #expect(!article("The talks went onward. Nothing was signed.", lead).opensWithGeneratedSummary)
        #expect(!article("Envoys met in Kyiv on Monday (Interfax, May 1)", origin: .source, lead).opensWithGeneratedSummary)
        // Words found only after more than the slack of the body's words are not the opening.
        let long: [[Inline]] = lead + [[.text(Array(repeating: "filler", count: Article.summaryRepeatSlack).joined(separator: " "))],
                                       [.text("A closing remark.")]]
        #expect(!article("Envoys met in Kyiv on Monday (Interfax, May 1) A closing remark.", long).opensWithGeneratedSummary)
        // A word made of two pieces is one word; two blocks never make one.
        let joined: [[Inline]] = [[.entity(EntityMention(text: "Kyiv", type: .location, entityID: "loc-kyiv", provenance: .automatic)),
                                   .text("’s envoys met")], [.text("again")]]
        #expect(article("Kyiv’s envoys met again", joined).opensWithGeneratedSummary)
        #expect(!article("Kyiv ’s envoys met again", joined).opensWithGeneratedSummary)
        #expect(!article("Kyiv’s envoys metagain", joined).opensWithGeneratedSummary)
    }

    @Test("the text pieces of a block join to its plain text, nested quotes and lists included")
    func textPieces() {
        let paragraph = Self.sampleTree().articles[0].blocks[0]
        let nested: Block = .blockQuote([paragraph, .list(ordered: false, items: [[paragraph, .rule], [], [.heading(level: 3, [.text("h")])]]), .rule])
        for block in Self.sampleTree().articles[0].blocks + [nested] {
            var joined = ""
            block.forEachTextPiece { joined += $0 }
            #expect(joined == block.plainText)
        }
    }

    @Test("slugs are URL-safe whatever the title", arguments: [
        ("Moscow’s budding efforts", "moscows-budding-efforts"),
        ("../../etc/passwd", "etc-passwd"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("Ça déménage à Zürich", "ca-demenage-a-zurich"),
        ("Привет, мир: «Единая Россия» и Подъезд", "privet-mir-edinaya-rossiya-i-podezd"),
        ("Щёлково — Львів, Ўсход", "shchelkovo-lviv-uskhod"),
        ("Αθήνα και Θεσσαλονίκη", "athina-kai-thessaloniki"),
        ("Cafe\u{301} society in Zu\u{308}rich, e\u{301}te\u{301}", "cafe-society-in-zurich-ete"),
        ("Œuvre, œuvre, Þing, ĳssel, Ðuro", "oeuvre-oeuvre-thing-ijssel-duro"),
        ("مرحبا", "untitled"),
        ("", "untitled"),
    ])
    func slugs(_ pair: (String, String)) {
        #expect(Slug.make(pair.0) == pair.1)
    }

    @Test("scalar counts on UTF-8 bytes equal the standard library's", arguments: ["", "plain", "Zürich — “Ivashov”", "東京 😀 e\u{301}", "\r\n\u{0}"])
    func scalarCount(_ text: String) {
        #expect(text.unicodeScalarCount == text.unicodeScalars.count)
    }

    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256() {
        #expect(SHA256.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(SHA256.hex(of: String(repeating: "a", count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("SHA-256 gives the same digests with the processor's SHA instructions, without them, and fed in pieces")
    func sha256Paths() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<70_000).map { _ -> UInt8 in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: seed >> 33)
        }
        for length in Array(0...200) + [511, 512, 513, 4_096, 70_000] {
            let prefix = Array(bytes[0..<length])
            var software = SHA256(hardware: false)
            software.update(prefix)
            let expected = software.finalize()
            var hardware = SHA256(hardware: true)
            hardware.update(prefix)
            #expect(hardware.finalize() == expected, "length \(length)")
            var pieces = SHA256()
            var start = 0
            for size in [1, 63, 64, 65, 7, 128, 1_000].cycled(to: length) where start < length {
                let end = min(start + size, length)
                pieces.update(prefix[start..<end])
                start = end
            }
            #expect(pieces.finalize() == expected, "length \(length) in pieces")
        }
    }

    @Test("content UUIDs are stable and well-formed")
    func contentUUID() {
        let id = ContentUUID.make(from: "monitor-v6-i23")
        #expect(id == ContentUUID.make(from: "monitor-v6-i23"))
        #expect(id != ContentUUID.make(from: "monitor-v6-i24"))
        #expect(id.count == 36 && id.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        #expect(Array(id)[14] == "8")
    }
}

extension Array {
    /// This array's elements repeated until their count reaches `total` or more (for piece sizes).
    fileprivate func cycled(to total: Int) -> [Element] {
        guard !isEmpty else { return [] }
        var result: [Element] = []
        while result.count < Swift.max(total, 1) { result += self }
        return result
    }
}
