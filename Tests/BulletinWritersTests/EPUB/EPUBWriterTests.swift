import BulletinKit
import BulletinModel
import BulletinTestSupport
@testable import BulletinWriters
import Foundation
import Testing

@Suite("EPUB writer")
struct EPUBWriterTests {
    static let writer = EPUBWriter()

    static func context(_ settings: WriterSettings = EPUBFixtures.settings) throws -> WriterContext {
        WriterContext(settings: settings, theme: try Resources.theme(nil))
    }

    /// Every book the writer makes of `archive`, by path.
    static func books(of archive: BulletinModel.Archive, settings: WriterSettings = EPUBFixtures.settings) throws -> [String: [UInt8]] {
        let sink = MemorySink()
        let context = try context(settings)
        for issue in archive.issues { try writer.write(issue, in: archive, to: sink, context: context) }
        try writer.writeArchive(archive, to: sink, context: context)
        return sink.files
    }

    static func book(_ path: String, of archive: BulletinModel.Archive = EPUBFixtures.archive) throws -> [(path: String, stored: Bool, bytes: [UInt8])] {
        let epub = try #require(try books(of: archive)[path], "no \(path)")
        return try EPUBFixtures.entries(of: epub)
    }

    static func text(_ entries: [(path: String, stored: Bool, bytes: [UInt8])], _ path: String) -> String {
        String(decoding: entries.first { $0.path == path }?.bytes ?? [], as: UTF8.self)
    }

    // MARK: - Goldens

    @Test("the package, navigation and content documents match their goldens (RECORD_GOLDENS=1 rewrites them)")
    func goldens() throws {
        let entries = try Self.book("epub/monitor-v6-i23.epub")
        let root = TestPaths.fixtures.appendingPathComponent("epub/monitor-v6-i23")
        let listing = entries.map { "\($0.stored ? "stored  " : "deflated") \($0.path)" }.joined(separator: "\n") + "\n"
        var expected: [(String, [UInt8])] = [("entries.txt", Array(listing.utf8))]
        for entry in entries where entry.path != "mimetype" { expected.append((entry.path, entry.bytes)) }
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try? FileManager.default.removeItem(at: root)
            for (path, bytes) in expected {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
            Testing.Issue.record("EPUB goldens re-recorded into \(root.path); review the diff and run again")
            return
        }
        let golden = TestSupport.tree(root)
        #expect(golden["EPUB/package.opf"] != nil && golden["EPUB/nav.xhtml"] != nil, "no goldens: run RECORD_GOLDENS=1 swift test")
        #expect(Set(golden.keys) == Set(expected.map(\.0)))
        for (path, bytes) in expected {
            #expect(golden[path] == bytes, "\(path) differs from Tests/Fixtures/epub/monitor-v6-i23/\(path)")
        }
    }

    // MARK: - The container

    @Test("mimetype comes first and stored without extra fields; every other entry is deflated, in path order")
    func zipLayout() throws {
        let epub = try #require(try Self.books(of: EPUBFixtures.archive)["epub/monitor-v6-i23.epub"])
        // The local header of the first entry: signature, method 0 (stored), name "mimetype", no extra field.
        #expect(Array(epub.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        #expect(epub[8] == 0 && epub[9] == 0)
        #expect(epub[26] == 8 && epub[27] == 0 && epub[28] == 0 && epub[29] == 0)
        #expect(String(decoding: epub[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: epub[38..<58], as: UTF8.self) == "application/epub+zip")

        let entries = try EPUBFixtures.entries(of: epub)
        #expect(entries.first?.path == "mimetype")
        #expect(entries.first?.stored == true)
        let rest = entries.dropFirst()
        let paths = rest.map { $0.path }
        #expect(rest.allSatisfy { !$0.stored })
        #expect(paths == paths.sorted())
        #expect(Set(paths).isSuperset(of: ["META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/toc.ncx",
                                                      "EPUB/cover.svg", "EPUB/cover.xhtml", "EPUB/style.css", "EPUB/monitor-v6-i23.xhtml"]))
    }

    @Test("two builds of the example archive, at different thread counts, give byte-identical books")
    func reproducible() async throws {
        func build(concurrency: Int) async throws -> [String: [UInt8]] {
            let pipeline = Pipeline(concurrency: concurrency)
            let (archive, _) = try await pipeline.load(Resources.exampleSources)
            let sink = MemorySink()
            try await pipeline.write(archive, formats: ["epub"], theme: try Resources.theme(nil), to: sink)
            return sink.files
        }
        let first = try await build(concurrency: 1)
        let second = try await build(concurrency: 4)
        #expect(first.keys.sorted() == ["epub/monitor-v1-i1.epub", "epub/monitor-v1-i2.epub", "epub/prism-v3-i4.epub"])
        #expect(first == second)
    }

    // MARK: - Well-formedness

    @Test("every XML document of every book is well-formed per libxml2", arguments: [false, true])
    func wellFormed(perVolume: Bool) throws {
        var settings = EPUBFixtures.settings
        settings.epubPerVolume = perVolume
        let books = try Self.books(of: EPUBFixtures.archive, settings: settings)
        #expect(books.count == (perVolume ? 5 : 3))
        for (name, epub) in books {
            for entry in try EPUBFixtures.entries(of: epub) where [".xhtml", ".opf", ".ncx", ".svg", ".xml"].contains(where: entry.path.hasSuffix) {
                let errors = XMLWellFormedness.errors(in: entry.bytes, name: "\(name)/\(entry.path)")
                #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
            }
        }
    }

    static let hostile = [
        "<script>alert(1)</script> & ]]> <![CDATA[x]]>",
        "Control \u{01}\u{08}\u{0B}\u{1F}\u{7F}\u{85} characters \u{FFFE}",
        "نص عربي مع English و ١٢٣",
        "עברית \u{202E}override\u{202C} \"quotes\" 'apostrophes'",
        "../../etc/passwd",
    ]

    @Test("hostile titles, text, authors and publication names give well-formed XHTML that keeps the text", arguments: hostile)
    func hostileInput(text: String) throws {
        let entity = EntityMention(text: text, type: .person, entityID: text)
        let article = EPUBFixtures.article(
            text, publication: text, issue: 1, authors: [text], language: text.contains("نص") ? "ar" : "en", section: text, summary: text,
            entities: [EntityCount(id: text, name: text, type: .person, count: 2, provenance: .editor)],
            blocks: [
                .heading(level: 2, [.text(text)]),
                .paragraph([.text(text), .entity(entity), .citation(Citation(text: "(\(text))", sources: [])),
                            .crossReference(CrossReference(text: text, publication: text, date: text, target: nil)),
                            .link(Link(url: "javascript:alert(1)", content: [.text(text)]))], span: nil),
            ]
        )
        let slug = Slug.make(text)
        let issue = Issue(id: "\(slug)-v1-i1", publication: text, publicationSlug: slug, volume: 1, number: 1, date: "2000-02-02", articles: [article])
        let archive = BulletinModel.Archive(publications: [Publication(name: text, slug: slug, volumes: [Volume(number: 1, issues: [issue])])])
        let books = try Self.books(of: archive)
        #expect(books.keys.sorted() == ["epub/\(slug)-v1-i1.epub"])
        let epub = try #require(books.values.first)
        let entries = try EPUBFixtures.entries(of: epub)
        for entry in entries where entry.path != "mimetype" && !entry.path.hasSuffix(".css") {
            #expect(!entry.path.contains(".."))
            let errors = XMLWellFormedness.errors(in: entry.bytes, name: entry.path)
            #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
            let document = String(decoding: entry.bytes, as: UTF8.self)
            #expect(!document.contains("<script"))
            #expect(!document.contains("javascript:"))
        }
        let page = Self.text(entries, "EPUB/\(issue.id)/\(article.metadata.slug).xhtml")
        #expect(page.contains(Markup.text(text)))
        // A book in a language written right to left turns its pages right to left.
        let rightToLeft = article.metadata.language == "ar"
        #expect(Self.text(entries, "EPUB/package.opf").contains("<spine toc=\"ncx\" page-progression-direction=\"rtl\">") == rightToLeft)
        #expect(page.contains("dir=\"rtl\"") == rightToLeft)
    }

    // MARK: - Content

    @Test("cross-references link inside the book, else to the site with a base URL, else stay plain text")
    func crossReferences() throws {
        let volumeSettings = { () -> WriterSettings in
            var settings = EPUBFixtures.settings
            settings.epubPerVolume = true
            return settings
        }()
        let issueBook = try Self.book("epub/monitor-v6-i23.epub")
        let page = Self.text(issueBook, "EPUB/monitor-v6-i23/moscow-looks-west.xhtml")
        #expect(page.contains(#"<a class="cross-reference" href="https://bulletin.example.org/archive/monitor/6/22/">(see the Monitor, February 1)</a>"#))
        #expect(page.contains(#"<a class="cross-reference" href="https://bulletin.example.org/archive/prism/3/4/">(see Prism, January 16)</a>"#))
        #expect(page.contains(#"<span class="cross-reference">(see the Monitor, March 3)</span>"#))

        let volume = try EPUBFixtures.entries(of: try #require(try Self.books(of: EPUBFixtures.archive, settings: volumeSettings)["epub/monitor-v6.epub"]))
        let inVolume = Self.text(volume, "EPUB/monitor-v6-i23/moscow-looks-west.xhtml")
        #expect(inVolume.contains(#"<a class="cross-reference" href="../monitor-v6-i22.xhtml">(see the Monitor, February 1)</a>"#))

        let offline = try EPUBFixtures.entries(of: try #require(try Self.books(of: EPUBFixtures.archive, settings: WriterSettings())["epub/monitor-v6-i23.epub"]))
        let plain = Self.text(offline, "EPUB/monitor-v6-i23/moscow-looks-west.xhtml")
        #expect(plain.contains(#"<span class="cross-reference">(see the Monitor, February 1)</span>"#))
        #expect(!plain.contains("https://bulletin.example.org"))
    }

    @Test("entities are semantic spans without links; citations are attributions; derived titles are marked")
    func content() throws {
        let entries = try Self.book("epub/monitor-v6-i23.epub")
        let lead = Self.text(entries, "EPUB/monitor-v6-i23/moscow-looks-west.xhtml")
        #expect(lead.contains(#"<span class="entity entity-loc" data-entity="loc-moscow">Moscow</span>"#))
        #expect(lead.contains(#"<cite class="citation">(Interfax, February 1)</cite>"#))
        #expect(lead.contains("By Ann Smith and Bo Li"))
        #expect(!lead.contains("title-derived"))
        let derived = Self.text(entries, "EPUB/monitor-v6-i23/security-forces-in-dagestan-reported-two-clashes-with-armed.xhtml")
        #expect(derived.contains(#"class="title-derived" data-title-derived="true""#))
        let titlePage = Self.text(entries, "EPUB/monitor-v6-i23.xhtml")
        #expect(titlePage.contains("Moscow signals a thaw with NATO while the Duma debates the budget."))
    }

    @Test("metadata: content-derived identifier, series, subjects from the most frequent entities, dates from the sources")
    func metadata() throws {
        let opf = Self.text(try Self.book("epub/monitor-v6-i23.epub"), "EPUB/package.opf")
        #expect(opf.contains("<dc:identifier id=\"pub-id\">urn:uuid:\(ContentUUID.make(from: "monitor-v6-i23"))</dc:identifier>"))
        #expect(opf.contains("<dc:title id=\"title\">Monitor — Volume 6, Issue 23</dc:title>"))
        #expect(opf.contains(##"<meta refines="#series" property="group-position">23</meta>"##))
        #expect(opf.contains("<dc:subject>NATO</dc:subject>\n  <dc:subject>Moscow</dc:subject>\n  <dc:subject>Vladimir Putin</dc:subject>"))
        #expect(!opf.contains("Soviet"))
        #expect(opf.contains(#"<meta property="dcterms:modified">2000-02-02T00:00:00Z</meta>"#))

        var undated = EPUBFixtures.archive
        undated.publications[0].volumes[0].issues[1].date = nil
        for index in undated.publications[0].volumes[0].issues[1].articles.indices {
            undated.publications[0].volumes[0].issues[1].articles[index].metadata.date = nil
        }
        let epochOPF = Self.text(try Self.book("epub/monitor-v6-i23.epub", of: undated), "EPUB/package.opf")
        #expect(epochOPF.contains(#"<meta property="dcterms:modified">2000-01-01T00:00:00Z</meta>"#))
        #expect(!epochOPF.contains("<dc:date>"))
    }

    @Test("a book claims WCAG conformance only when made with the bundled templates and stylesheet, which the tests check")
    func conformanceClaim() throws {
        let claim = "<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>"
        #expect(Self.text(try Self.book("epub/monitor-v6-i23.epub"), "EPUB/package.opf").contains(claim))
        let folder = TestSupport.temporaryFolder("epub-theme")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("epub"), withIntermediateDirectories: true)
        try Data("body { font-family: serif; }\n".utf8).write(to: folder.appendingPathComponent("epub/style.css"))
        let sink = MemorySink()
        let context = WriterContext(settings: EPUBFixtures.settings, theme: try Resources.theme(folder.path))
        for issue in EPUBFixtures.archive.issues { try Self.writer.write(issue, in: EPUBFixtures.archive, to: sink, context: context) }
        let book = try EPUBFixtures.entries(of: try #require(sink.files["epub/monitor-v6-i23.epub"]))
        let opf = Self.text(book, "EPUB/package.opf")
        #expect(!opf.contains("dcterms:conformsTo"))
        #expect(opf.contains("schema:accessibilitySummary"))
    }

    @Test("a theme folder's template that makes a document that is not well-formed is an error at its line; a well-formed one is taken")
    func malformedThemeTemplate() throws {
        let bundled = try #require(try Resources.theme(nil).text("epub/article.xhtml.mustache"))
        let folder = TestSupport.temporaryFolder("epub-malformed")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("epub"), withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("epub/article.xhtml.mustache")
        func write(_ theme: Theme) throws -> [String: [UInt8]] {
            let sink = MemorySink()
            let context = WriterContext(settings: EPUBFixtures.settings, theme: theme)
            for issue in EPUBFixtures.archive.issues { try Self.writer.write(issue, in: EPUBFixtures.archive, to: sink, context: context) }
            return sink.files
        }
        // The same text as the bundled template, read from a folder, is checked and passes.
        try Data(bundled.utf8).write(to: file)
        #expect(try write(try Resources.theme(folder.path)).count == EPUBFixtures.archive.issues.count)

        // An HTML entity on the template's line 10, and a paragraph left open: the first problem is reported.
        let broken = bundled.replacingOccurrences(of: "<body epub:type=\"bodymatter\">", with: "<body epub:type=\"bodymatter\">&nbsp;")
            .replacingOccurrences(of: "</h1>", with: "")
        let brokenLines = broken.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(brokenLines.firstIndex { $0.contains("&nbsp;") }) + 1
        try Data(broken.utf8).write(to: file)
        do {
            _ = try write(try Resources.theme(folder.path))
            Issue.record("a malformed document was written")
        } catch let error as WriterError {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.id == "theme.template.not-well-formed")
            #expect(diagnostic.location == SourceLocation(path: file.path, line: line, column: 30))
            #expect(diagnostic.sourceLine == "<body epub:type=\"bodymatter\">&nbsp;")
            #expect(diagnostic.message.contains("epub/article.xhtml.mustache made a document that is not well-formed XML"))
            #expect(diagnostic.message.contains("&nbsp; is not an entity XML knows"))
        }

        // A line made of values alone is quoted from the document, with no place in the template.
        try Data(bundled.replacingOccurrences(of: "{{{body}}}", with: "{{{body}}}<").utf8).write(to: file)
        do {
            _ = try write(try Resources.theme(folder.path))
            Issue.record("a malformed document was written")
        } catch let error as WriterError {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.location == nil)
            #expect(diagnostic.fix?.hasPrefix("the document's line: ") == true, "\(diagnostic)")
        }
    }

    @Test("the authors of every article are the book's creators, the others its contributors")
    func creatorsAndContributors() throws {
        var archive = EPUBFixtures.archive
        let articles = archive.publications[0].volumes[0].issues[1].articles.indices
        for index in articles { archive.publications[0].volumes[0].issues[1].articles[index].metadata.authors = ["Staff"] }
        archive.publications[0].volumes[0].issues[1].articles[articles.first!].metadata.authors = ["Anna Writer", "Staff"]
        let opf = Self.text(try Self.book("epub/monitor-v6-i23.epub", of: archive), "EPUB/package.opf")
        #expect(opf.contains("<dc:creator>Staff</dc:creator>\n  <dc:contributor>Anna Writer</dc:contributor>"))
        #expect(!opf.contains("<dc:creator>Anna Writer"))
    }

    @Test("the cover sets every word of a long publication name, smaller as it grows")
    func coverTitle() throws {
        var archive = EPUBFixtures.archive
        let name = "Eurasia Daily Monitor & Review of the Commonwealth Affairs"
        archive.publications[0].volumes[0].issues[1].publication = name
        let svg = Self.text(try Self.book("epub/monitor-v6-i23.epub", of: archive), "EPUB/cover.svg")
        let shown = svg.split(separator: "\n").filter { $0.contains("font-weight=\"bold\"") }
            .map { $0.split(separator: ">")[1].split(separator: "<")[0] }.joined(separator: " ")
        #expect(shown == "Eurasia Daily Monitor &amp; Review of the Commonwealth Affairs")
        let sizes = [name, "Monitor", String(repeating: "Chronicle ", count: 60)].map { EPUBDocumentRenderer.coverTitle($0) }
        #expect(sizes[1].size > sizes[0].size && sizes[0].size > sizes[2].size)
        // Only a name too long for the smallest size is cut, and says so.
        #expect(sizes[2].lines.last?.hasSuffix("…") == true)
    }

    @Test("bulletin convert --to epub makes a one-article book")
    func convert() async throws {
        let bytes = TestSupport.bytes(TestPaths.sampleBulletin)
        let (epub, _) = try await Converter().convert(SourceFile(path: "monitor-v6-i23.txt", bytes: bytes), to: "epub")
        let entries = try EPUBFixtures.entries(of: epub)
        let articles = entries.filter { $0.path.hasPrefix("EPUB/monitor-v6-i23/") }
        #expect(articles.count == 1)
        let sourceWords = TestSupport.bodyWords(ofSource: String(decoding: bytes, as: UTF8.self))
        let page = String(decoding: try #require(articles.first).bytes, as: UTF8.self)
        #expect(XMLWellFormedness.errors(in: Array(page.utf8)).isEmpty)
        // Strip tags, unescape the three entities the writer uses, and compare words.
        let text = page.replacing(/<[^>]+>/, with: "").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        #expect(TestSupport.containsInOrder(sourceWords, in: TestSupport.words(text)))
    }
}
