import BulletinModel
import BulletinNLP
import BulletinReaders
import BulletinTestSupport
@testable import BulletinTransforms
import Testing

@Suite("First transforms")
struct TransformTests {
    func article(_ text: String, title: String = "", date: String? = nil) -> Article {
        let blocks = [Block.paragraph(BulletinConventions.inlines(in: text), span: nil)]
        return Article(metadata: ArticleMetadata(
            id: "monitor-v1-i2-" + SHA256.hex(of: text).prefix(12), slug: "", title: title, titleIsDerived: false,
            publication: "Monitor", volume: 1, issue: 2, date: date,
            source: SourceInfo(path: "x.txt", format: "text", sha256: ""), wordCount: 0
        ), blocks: blocks)
    }

    @Test("derives the sample's title from its lead sentence, cut at a word boundary")
    func sampleTitle() throws {
        let source = try #require(BulletinTextReader().read(TestSupport.bytes(TestPaths.sampleBulletin), path: "s.txt").article)
        var input = article("")
        input.blocks = source.blocks
        let derived = TitleDerivation().apply(to: input)
        #expect(derived.metadata.titleIsDerived)
        #expect(derived.metadata.title == "Moscow’s budding efforts to improve ties with the West are apparently extending…")
        #expect(derived.metadata.title.count <= 91)
    }

    @Test("keeps given titles and short lead sentences whole", arguments: [
        ("Gen. Ivashov spoke. Then more.", "Gen. Ivashov spoke"),
        ("George W. Bush arrived in Moscow on Friday. He left.", "George W. Bush arrived in Moscow on Friday"),
        ("Prices rose 3.5 percent (Interfax, May 1). Then.", "Prices rose 3.5 percent (Interfax, May 1)"),
        ("U.S. officials said “no.” Others agreed.", "U.S. officials said “no.”"),
    ])
    func shortTitles(_ pair: (String, String)) {
        #expect(TitleDerivation().apply(to: article(pair.0)).metadata.title == pair.1)
        #expect(TitleDerivation().apply(to: article(pair.0, title: "Given")).metadata.title == "Given")
    }

    @Test("does not end a cut English title on a word that leads into the cut", arguments: [
        ("The five Caspian states will meet in Baku next month to discuss the legal status of the Caspian Sea and its oil.",
         "The five Caspian states will meet in Baku next month to discuss the legal status…"),
        ("Duma deputy Viktor Rybakov insisted on Tuesday that a new round of consultations would open in Ankara soon.",
         "Duma deputy Viktor Rybakov insisted on Tuesday that a new round of consultations…"),
        ("The fate of arms control is once again in doubt after the latest talks in Geneva ended without any agreement.",
         "The fate of arms control is once again in doubt after the latest talks in Geneva ended…"),
    ])
    func leadingWordsDropped(_ pair: (String, String)) {
        #expect(TitleDerivation().apply(to: article(pair.0)).metadata.title == pair.1)
    }

    @Test("does not leave a bracket open, split a name, or end on a lead-in word after a dash", arguments: [
        ("Officials in Yerevan appear to be edging toward a new position on wage arrears (Kazakhstan Today, March 16).",
         "Officials in Yerevan appear to be edging toward a new position on wage arrears…"),
        ("The deputies voted on the budget late on Thursday after State Duma Speaker Vladimir Volodin closed the debate.",
         "The deputies voted on the budget late on Thursday…"),
        ("Moscow called the latest move by the government in Kyiv a step backward, a step that—by the reckoning of most observers—few had expected.",
         "Moscow called the latest move by the government in Kyiv a step backward, a step…"),
    ])
    func wholeCuts(_ pair: (String, String)) {
        #expect(TitleDerivation().apply(to: article(pair.0)).metadata.title == pair.1)
    }

    @Test("a citation opening the lead sentence is not the title's start", arguments: [
        ("(Interfax, January 5) The talks began in Geneva. They went on.", "The talks began in Geneva"),
        ("[Editor's note] Moscow answered on Monday.", "Moscow answered on Monday"),
        ("(Interfax, January 5).", "(Interfax, January 5)"),
    ])
    func leadingAside(_ pair: (String, String)) {
        #expect(TitleDerivation().apply(to: article(pair.0)).metadata.title == pair.1)
    }

    @Test("keeps at least half the length, and leaves other languages' cut titles as cut")
    func leadingWordsLimits() {
        // Every word but the first leads into the next: dropping stops at half the length.
        let title = TitleDerivation(maximumLength: 20).shorten("Everything of the and of the and of the end")
        #expect(title.count - 1 >= 10 && title.hasSuffix("…"))
        #expect(TitleDerivation(maximumLength: 22).shorten("Das ist der Anfang of the Ende", language: "de") == "Das ist der Anfang of…")
        #expect(TitleDerivation(maximumLength: 22).shorten("Das ist der Anfang of the Ende", language: "en-GB") == "Das ist der Anfang…")
        // A full stop that is the whole sentence stays: a title is never empty.
        #expect(TitleDerivation().shorten(".") == "." && TitleDerivation().shorten(" .") == " ." && TitleDerivation().shorten("Done.") == "Done")
        #expect(TitleDerivation().derivedTitle(for: article(".")) == ".")
    }

    @Test("counts characters, not scalars: a letter with a combining accent is one")
    func charactersNotScalars() {
        // Five decomposed "é" (ten scalars) and a word: read as scalars, the limit of six would cut inside them.
        let accented = String(repeating: "e\u{301}", count: 5)
        #expect(TitleDerivation(maximumLength: 6).shorten(accented + " word").unicodeScalars.elementsEqual((accented + "…").unicodeScalars))
        // CR LF is one character, white space; the cut falls before it.
        #expect(TitleDerivation(maximumLength: 8).shorten("Moscow\r\nmeets Kyiv") == "Moscow…")
        // A bracket the cut would leave open goes, with what follows it.
        #expect(TitleDerivation(maximumLength: 30).shorten("Talks begin on wage arrears (Kazakhstan and more") == "Talks begin on wage arrears…")
    }

    @Test("never splits a word when no space falls within the limit")
    func longWord() {
        let title = TitleDerivation(maximumLength: 10).shorten("Supercalifragilistic words")
        #expect(title == "Supercalif…" || title == "Supercalifragilistic…")
    }

    func issue(_ number: Int, date: String?, articles: [Article]) -> BulletinModel.Issue {
        BulletinModel.Issue(id: "monitor-v1-i\(number)", publication: "Monitor", publicationSlug: "monitor", volume: 1, number: number, date: date, articles: articles)
    }

    @Test("resolves a cross-reference to the latest issue of that day not after the article")
    func resolution() {
        let referring = article("As reported (see the Monitor, January 17).", date: "2001-02-01")
        let archive = Archive(publications: [Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: [
            issue(1, date: "2000-01-17", articles: []),
            issue(2, date: "2001-01-17", articles: []),
            issue(3, date: "2002-01-17", articles: []),
            issue(4, date: "2001-02-01", articles: [referring]),
        ])])])
        let resolved = CrossReferenceResolution().apply(to: archive)
        let inlines = resolved.issues[3].articles[0].blocks
        guard case .paragraph(let content, _) = inlines[0], case .crossReference(let reference) = content[1] else {
            Testing.Issue.record("no cross-reference"); return
        }
        #expect(reference.target?.id == "monitor-v1-i2")
    }

    @Test("resolves a cross-reference inside emphasis and a link, per article as over the archive; leaves others as they were")
    func nestedResolution() throws {
        let reference = CrossReference(text: "(see the Monitor, January 17)", publication: "Monitor", date: "January 17")
        var nested = article("", date: "2001-02-01")
        nested.blocks = [.blockQuote([.paragraph([.emphasis([.text("As "), .link(Link(url: "https://example.org", content: [.crossReference(reference)]))])], span: nil)])]
        let plain = article("Nothing cited here.", date: "2001-02-01")
        let archive = Archive(publications: [Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: [
            issue(1, date: "2001-01-17", articles: []),
            issue(2, date: "2001-02-01", articles: [nested, plain]),
        ])])])
        let resolved = CrossReferenceResolution().apply(to: archive)
        let perArticle = try #require(CrossReferenceResolution().articleTransform(for: archive))
        #expect(resolved.issues[1].articles == archive.issues[1].articles.map(perArticle.apply))
        #expect(resolved.issues[1].articles[1] == plain)
        var found: IssueReference?
        resolved.issues[1].articles[0].blocks[0].forEachInline { inline in
            if case .crossReference(let resolvedReference) = inline { found = resolvedReference.target }
        }
        #expect(found?.id == "monitor-v1-i1")
        // Without a dated issue nothing can resolve, and no per-article transform is offered.
        let undated = Archive(publications: [Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: [issue(2, date: nil, articles: [nested])])])])
        #expect(CrossReferenceResolution().articleTransform(for: undated) == nil)
    }

    @Test("leaves a cross-reference unresolved when the issue is not in the archive")
    func unresolved() {
        let archive = Archive(publications: [Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: [
            issue(1, date: "2000-01-18", articles: [article("X (see Prism, January 17).")]),
        ])])])
        let resolved = CrossReferenceResolution().apply(to: archive)
        #expect(resolved == archive)
    }

    @Test("gives unique URL-safe slugs within an issue")
    func slugs() {
        let archive = Archive(publications: [Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: [
            issue(1, date: nil, articles: [article("a", title: "Same <title>"), article("b", title: "Same <title>"), article("c", title: "../..")]),
        ])])])
        let articles = SlugAssignment().apply(to: archive).issues[0].articles
        #expect(articles.map(\.metadata.slug) == ["same-title", "same-title-" + SHA256.hex(of: articles[1].id).prefix(8),
                                                 "article-" + SHA256.hex(of: "../..").prefix(8)])
    }

    @Test("an article added before others of the same title changes the address of the one it comes before, no other")
    func slugsOfSameTitles() {
        func slugs(_ bodies: [String]) -> [String: String] {
            let archive = Archive(publications: [Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: [
                issue(1, date: nil, articles: bodies.map { article($0, title: "Same title") }),
            ])])])
            let articles = SlugAssignment().apply(to: archive).issues[0].articles
            return Dictionary(uniqueKeysWithValues: articles.map { ($0.blocks.map(\.plainText).joined(), $0.metadata.slug) })
        }
        let before = slugs(["B.", "C.", "D."])
        let after = slugs(["A.", "B.", "C.", "D."])
        #expect(after["A."] == "same-title")
        #expect(before["B."] == "same-title" && after["B."] != "same-title")
        #expect(after["C."] == before["C."] && after["D."] == before["D."])
        #expect(Set(after.values).count == 4)
    }

    @Test("a title in a script that is not transliterated gets a slug of its own text, whatever its place in the issue")
    func slugsOfOtherScripts() throws {
        let titles = ["نشست در تهران", "东京会议", "השיחות נמשכות"]
        func slugs(_ order: [String]) -> [String: String] {
            let archive = Archive(publications: [Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: [
                issue(1, date: nil, articles: order.map { article("Text.", title: $0) }),
            ])])])
            let articles = SlugAssignment().apply(to: archive).issues[0].articles
            return Dictionary(uniqueKeysWithValues: articles.map { ($0.metadata.title, $0.metadata.slug) })
        }
        let forward = slugs(titles)
        #expect(forward == slugs(titles.reversed()))
        #expect(slugs(Array(titles.dropFirst())) == forward.filter { $0.key != titles[0] })
        for (title, slug) in forward {
            #expect(slug == "article-" + SHA256.hex(of: title).prefix(8))
            #expect(slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        }
        // The same title twice in one issue still gets two slugs.
        #expect(SlugAssignment().apply(to: Archive(publications: [Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: [
            issue(1, date: nil, articles: [article("A.", title: titles[0]), article("B.", title: titles[0])]),
        ])])])).issues[0].articles.map(\.metadata.slug).filter { $0 != forward[titles[0]]! }.count == 1)
        #expect(SlugAssignment.slug(ofTitle: " ") == "article")
    }

    @Test("an entity's id is its type's raw value in lower case, a hyphen and its name's slug", arguments: EntityType.allCases)
    func entityIDs(type: EntityType) {
        #expect(EntityTagging.entityID(type: type, canonicalName: "Leonid Ivashov") == type.rawValue.lowercased() + "-leonid-ivashov")
        #expect(EntityTagging.entityID(type: type, canonicalName: "東京")
            == type.rawValue.lowercased() + "-x" + SHA256.hex(of: "東京").prefix(10))
    }

    @Test("names that give one id count as one entity, named as its first mention")
    func entitiesSharingAnID() {
        var entities = ArticleEntities(capacity: 0)
        func span(_ name: String, _ kind: EntityKind = .person) -> EntitySpan {
            EntitySpan(start: 0, end: 1, kind: kind, text: name, canonicalName: name, role: nil)
        }
        let ids = [span("Leonid Ivashov"), span("LEONID IVASHOV"), span("Leonid Ivashov"), span("Leonid Ivashov", .location)]
            .map { entities.count($0) }
        #expect(ids == ["per-leonid-ivashov", "per-leonid-ivashov", "per-leonid-ivashov", "loc-leonid-ivashov"])
        #expect(entities.counts.map { $0.name } == ["Leonid Ivashov", "Leonid Ivashov"])
        #expect(entities.counts.map { $0.count } == [3, 1])
    }

    @Test("a mention's text is the run's bytes, kept as the span's string only when the two are the same")
    func mentionTextsAreTheRuns() {
        var entities = ArticleEntities(capacity: 3)
        // The second span's text is as long as the run's "Zürich" and differs in its last byte; the third's is shorter.
        let spans = [
            EntitySpan(start: 0, end: 6, kind: .location, text: "Moscow", canonicalName: "Moscow"),
            EntitySpan(start: 11, end: 17, kind: .location, text: "Zürick", canonicalName: "Zürich"),
            EntitySpan(start: 22, end: 26, kind: .location, text: "Ky", canonicalName: "Kyiv"),
        ]
        var rewriter = MentionRewriter(spans: spans)
        let inlines = rewriter.rewrite([.text("Moscow and Zürich and Kyiv")], entities: &entities)
        let texts = inlines.map { inline -> String in
            if case .entity(let mention) = inline { return "[" + mention.text + "]" }
            return inline.plainText
        }
        #expect(texts == ["[Moscow]", " and ", "[Zürich]", " and ", "[Kyiv]"])
    }

    @Test("an article's entities count the same whether their keys are searched in order or indexed", arguments: [0, 3, 30, 200])
    func entitiesPastTheScanLimit(capacity: Int) {
        // Three times as many names as the scan limit, each also in capitals (the same id by another key),
        // mentioned in a shuffled order with repeats, so that keys and ids cross the limit mid-article.
        let names = (0..<(3 * ArticleEntities.scanLimit)).map { "Name \($0 % 7 == 0 ? "of Length" : "") \($0)" }
        let spans = (0..<600).map { i in
            let name = names[(i * 37 + i / 5) % names.count]
            let canonical = i % 4 == 1 ? name.uppercased() : name
            return EntitySpan(start: 0, end: 1, kind: i % 3 == 0 ? .organization : .person, text: canonical, canonicalName: canonical)
        }
        var entities = ArticleEntities(capacity: capacity)
        let ids = spans.map { entities.count($0) }
        // The same counted with dictionaries alone.
        var expected: [(id: String, name: String, count: Int)] = []
        var indexByID: [String: Int] = [:]
        for span in spans {
            let id = EntityTagging.entityID(type: EntityType(span.kind), canonicalName: span.canonicalName)
            if indexByID[id] == nil {
                indexByID[id] = expected.count
                expected.append((id, span.canonicalName, 0))
            }
            expected[indexByID[id]!].count += 1
        }
        #expect(ids == spans.map { EntityTagging.entityID(type: EntityType($0.kind), canonicalName: $0.canonicalName) })
        #expect(entities.counts.map(\.id) == expected.map(\.id))
        #expect(entities.counts.map(\.name) == expected.map(\.name))
        #expect(entities.counts.map(\.count) == expected.map(\.count))
    }
}

@Suite("Summarization input")
struct SummarizationInputTests {
    @Test("the summarizer's text and entity offsets equal plainText and entityMentions, nested inlines included")
    func inputMatchesTree() {
        let ivashov = EntityMention(text: "Leonid Ivashov", type: .person, entityID: "per-leonid-ivashov")
        let zurich = EntityMention(text: "Zürich", type: .location, entityID: "loc-zurich")
        let run: [Inline] = [
            .text("Colonel General "), .entity(ivashov), .text(" met envoys in "),
            .emphasis([.text("“central” "), .entity(zurich)]), .lineBreak,
            .link(Link(url: "https://example.org/", content: [.strong([.entity(EntityMention(text: "東京 😀", type: .location, entityID: "loc-x"))])])),
            .citation(Citation(text: "(Interfax, May 1)", sources: [])), .text(". "),
            .crossReference(CrossReference(text: "(see the Monitor, May 2)", publication: "Monitor", date: "May 2")),
        ]
        let article = Article(metadata: ArticleMetadata(
            id: "x", slug: "", title: "", titleIsDerived: false, publication: "Monitor", volume: 1, issue: 2,
            source: SourceInfo(path: "x.txt", format: "text", sha256: ""), wordCount: 0
        ), blocks: [.paragraph(run, span: nil), .blockQuote([.paragraph([.text("Quoted "), .entity(ivashov)], span: nil)])])
        let input = Summarization.Input(article)
        var runs: [[Inline]] = []
        for block in article.blocks { block.collectInlineRuns(into: &runs) }
        #expect(input.document.paragraphs == runs.map(\.plainText))
        #expect(input.entityRanges == runs.map { $0.entityMentions.map(\.range) })
        #expect(input.entityRanges[0].count == 3)
    }
}
