@testable import BulletinKit
import BulletinModel
import BulletinNLP
import BulletinTestSupport
import BulletinTransforms
import BulletinWriters
import Foundation
import Testing

@Suite("Keeping unchanged files between builds")
struct OutputReuseTests {
    static let formats = ["epub", "feeds", "json", "site", "text"]

    /// The example archive and three more issues of one publication, so that issues have neighbours.
    static var sources: [SourceFile] {
        Resources.exampleSources + [
            source(volume: 2, issue: 1, title: "Grain exports resume", text: "Ukraine resumed grain exports from Odesa on Monday (see the Monitor, Volume 1, Issue 1)."),
            source(volume: 2, issue: 2, title: "Gazprom raises prices", text: "Gazprom said on Tuesday that it would raise prices for Belarus. Officials in Minsk objected."),
            source(volume: 2, issue: 3, title: "Talks in Vienna", text: "Diplomats met in Vienna to discuss the treaty, the foreign ministry said."),
        ]
    }

    static func source(volume: Int, issue: Int, title: String, text: String) -> SourceFile {
        TestSupport.source("Publication: Monitor Volume: \(volume) Issue: \(issue)\nTitle: \(title)\nDate: 2001-0\(issue)-0\(volume)\n\n\(text)\n",
                           path: "extra/v\(volume)-i\(issue).txt")
    }

    static func pipeline(baseURL: String? = "https://example.org/bulletin/", siteTitle: String? = nil, streaming: Bool = false, keeping: Bool = true,
                         feedItemLimit: Int? = nil) -> Pipeline {
        var configuration = Configuration()
        configuration.baseURL = baseURL
        configuration.title = siteTitle
        if let feedItemLimit { configuration.feeds = Configuration.FeedSettings(itemLimit: feedItemLimit) }
        var pipeline = Pipeline(configuration: configuration, concurrency: 2)
        pipeline.streamingThreshold = streaming ? 0 : nil
        pipeline.keepsUnchangedFiles = keeping
        return pipeline
    }

    /// Builds `first` and then `second` into one folder, and `second` alone into another; the two
    /// folders must hold the same bytes. Returns the second build's report and the paths of the files it kept.
    @discardableResult
    static func rebuild(_ first: [SourceFile], then second: [SourceFile], formats: [String] = formats,
                        pipeline: Pipeline = pipeline(), secondPipeline: Pipeline? = nil, theme: Theme? = nil,
                        secondTheme: Theme? = nil) async throws -> (report: BuildReport, kept: Set<String>) {
        let kept = TestSupport.temporaryFolder(), clean = TestSupport.temporaryFolder()
        let theme = try theme ?? Resources.theme(nil)
        let second2 = secondPipeline ?? pipeline
        _ = try await pipeline.build(first, output: kept, formats: formats, theme: theme)
        let before = inodes(kept)
        let report = try await second2.build(second, output: kept, formats: formats, theme: secondTheme ?? theme)
        let keptPaths = Set(inodes(kept).filter { before[$0.key] == $0.value }.keys)
        #expect(keptPaths.count == report.keptFiles, "the report counts \(report.keptFiles) files kept, \(keptPaths.count) were")
        var fresh = second2
        fresh.keepsUnchangedFiles = false
        _ = try await fresh.build(second, output: clean, formats: formats, theme: secondTheme ?? theme)
        let a = TestSupport.tree(kept), b = TestSupport.tree(clean)
        #expect(a.keys.contains(BuildRecord.fileName) && a.keys.contains("manifest.json"))
        #expect(Set(a.keys) == Set(b.keys), "the files differ: \(Set(a.keys).symmetricDifference(b.keys).sorted().prefix(5))")
        for (path, bytes) in a.sorted(by: { $0.key < $1.key }) where b[path] != bytes {
            Issue.record("\(path) differs between the build that kept files and the clean build")
        }
        return (report, keptPaths)
    }

    /// `sources` with the text of the file at `path` changed by `change`.
    static func editing(_ sources: [SourceFile], _ path: String, _ change: (String) -> String) -> [SourceFile] {
        sources.map { file in
            file.path == path ? TestSupport.source(change(String(decoding: file.load() ?? [], as: UTF8.self)), path: path) : file
        }
    }

    @Test("a build with nothing changed keeps every file, and writes the same bytes as a clean build")
    func nothingChanged() async throws {
        let (report, _) = try await Self.rebuild(Self.sources, then: Self.sources)
        #expect(report.keptFiles == report.files.count, "kept \(report.keptFiles) of \(report.files.count)")
        #expect(report.keptMentions == report.archive.articleCount, "no source is tagged again")
        #expect(report.keptSummaries == report.archive.articleCount, "no article is summarized again")
    }

    @Test("a changed article's issue is made again and the others' files are kept; the archive-wide files are made again")
    func oneArticleChanged() async throws {
        let edited = Self.editing(Self.sources, "extra/v2-i2.txt") { $0.replacingOccurrences(of: "Belarus", with: "Armenia") }
        let (report, kept) = try await Self.rebuild(Self.sources, then: edited)
        let made = Set(report.files.map(\.path)).subtracting(kept)
        // Only the changed source is tagged again; the clean build, which tags all, wrote the same bytes.
        #expect(report.keptMentions == report.archive.articleCount - 1)
        // The archive's term statistics join every summary to every article: all are made again.
        #expect(report.keptSummaries == 0)
        // Each unchanged issue (its JSON document kept) has its lines of articles.ndjson copied from the
        // previous file; the changed issue's are made. (The search index is made whole: a word's articles
        // run across issues.)
        let unchangedIssues = kept.filter { $0.hasPrefix("json/") && $0 != "json/articles.ndjson" }.count
        #expect(unchangedIssues > 0 && report.keptParts == unchangedIssues, "\(report.keptParts) parts kept, \(unchangedIssues) issues unchanged")
        #expect(report.keptFiles > 0)
        // The changed issue's files, every format's, are made again; no other issue's are.
        #expect(made.contains("epub/monitor-v2-i2.epub") && made.contains("json/monitor-v2-i2.json") && made.contains("text/monitor-v2-i2.txt"))
        #expect(made.contains("site/monitor/2/2/index.html"))
        #expect(!made.contains("epub/monitor-v2-i1.epub") && !made.contains("site/monitor/2/3/index.html") && !made.contains("text/prism-v3-i4.txt"))
        #expect(made.contains("json/articles.ndjson") && made.contains("feeds/atom.xml") && made.contains("site/index.html"))
    }

    @Test("issues added and removed: their neighbours' pages change and are made again", arguments: [false, true])
    func issuesAddedAndRemoved(streaming: Bool) async throws {
        let added = Self.sources + [Self.source(volume: 2, issue: 4, title: "A new issue", text: "The ministry said on Friday that the talks would go on.")]
        let formats = streaming ? ["epub", "text"] : Self.formats
        let (report, kept) = try await Self.rebuild(Self.sources, then: added, formats: formats, pipeline: Self.pipeline(streaming: streaming))
        #expect(report.keptFiles > 0)
        #expect(report.keptMentions == Self.sources.count, "every source but the new one keeps its mentions")
        // The issue before the new one now links to it from its page.
        if !streaming { #expect(!kept.contains("site/monitor/2/3/index.html") && kept.contains("site/monitor/2/1/index.html")) }
        let removed = Self.sources.filter { $0.path != "extra/v2-i2.txt" }
        try await Self.rebuild(Self.sources, then: removed, formats: formats, pipeline: Self.pipeline(streaming: streaming))
    }

    @Test("feed documents showing only unchanged articles are kept when the rest of the archive changes")
    func feedDocumentsKept() async throws {
        // Two items a document: the archive's channel has 12 items, in a current document and five archive
        // documents (the oldest first) and six JSON Feed pages (the newest first).
        let pipeline = Self.pipeline(feedItemLimit: 2)
        let newer = Self.sources + [TestSupport.source(
            "Publication: Monitor Volume: 2 Issue: 9\nTitle: Later\nDate: 2026-02-02\n\nThe ministry said on Friday that the talks would go on.\n",
            path: "extra/v2-i9.txt")]
        let (added, kept) = try await Self.rebuild(Self.sources, then: newer, formats: ["feeds"], pipeline: pipeline)
        // A new newest article: the full archive documents before the last are as they were; the last gains
        // a link to the new sixth (RFC 5005), and what counts from the newest changes.
        for number in 1...4 { #expect(kept.contains("feeds/archive/atom-\(number).xml"), "atom-\(number).xml was made again") }
        #expect(!kept.contains("feeds/archive/atom-5.xml") && !kept.contains("feeds/atom.xml") && !kept.contains("feeds/feed.json"))
        #expect(!kept.contains("feeds/rss.xml") && !kept.contains("feeds/feed-2.json"))
        // Prism's articles and their issue are unchanged, and so are its feeds.
        #expect(kept.contains("feeds/prism/atom.xml") && kept.contains("feeds/prism/feed.json"))
        #expect(added.keptFiles >= 6)
        // An edited article, its text (which names it) or only its title: the documents that show it are
        // made again, in its publication's feeds too, and no others.
        for change in [("Belarus", "Armenia"), ("Gazprom raises prices", "Gazprom raises gas prices")] {
            let edited = Self.editing(Self.sources, "extra/v2-i2.txt") { $0.replacingOccurrences(of: change.0, with: change.1) }
            let (_, keptAfterEdit) = try await Self.rebuild(Self.sources, then: edited, formats: ["feeds", "site"], pipeline: pipeline)
            #expect(keptAfterEdit.contains("feeds/atom.xml") && keptAfterEdit.contains("feeds/feed.json") && keptAfterEdit.contains("feeds/rss.xml"))
            #expect(!keptAfterEdit.contains("feeds/archive/atom-1.xml"), "the oldest document shows the edited article")
            #expect(keptAfterEdit.contains("feeds/archive/atom-5.xml") && !keptAfterEdit.contains("feeds/feed-6.json"))
            #expect(!keptAfterEdit.contains("feeds/monitor/archive/atom-1.xml") && keptAfterEdit.contains("feeds/prism/feed.json"))
        }
    }

    @Test("entity pages showing only unchanged articles are kept when the rest of the archive changes")
    func entityPagesKept() async throws {
        // A new title for one article: the pages of the entities it names list it, and change; the others do not.
        let edited = Self.editing(Self.sources, "extra/v2-i2.txt") { $0.replacingOccurrences(of: "Gazprom raises prices", with: "Gazprom raises gas prices") }
        let (_, kept) = try await Self.rebuild(Self.sources, then: edited, formats: ["site"])
        let output = try await Self.built(edited, formats: ["site"])
        let entityPages = Set(TestSupport.tree(output).keys.filter { $0.hasPrefix("site/entities/") && $0.hasSuffix("/index.html") })
        let keptEntityPages = entityPages.intersection(kept)
        #expect(!keptEntityPages.isEmpty && keptEntityPages.count < entityPages.count, "kept \(keptEntityPages.count) of \(entityPages.count) entity pages")
        #expect(!kept.contains("site/entities/org-gazprom/index.html") && !kept.contains("site/entities/index.html"))
    }

    /// The output of one build of `sources`.
    static func built(_ sources: [SourceFile], formats: [String]) async throws -> URL {
        let folder = TestSupport.temporaryFolder()
        _ = try await pipeline().build(sources, output: folder, formats: formats, theme: try Resources.theme(nil))
        return folder
    }

    @Test("a cross-referenced issue that appears changes the book that links to it on the site")
    func crossReferencedIssueAppears() async throws {
        let referencing = Self.sources.filter { !$0.path.hasPrefix("extra/v2-i2") && !$0.path.hasPrefix("extra/v2-i3") }
            + [Self.source(volume: 2, issue: 3, title: "Talks", text: "Diplomats met again (see the Monitor, Volume 2, Issue 2).")]
        let withTarget = referencing + [Self.source(volume: 2, issue: 2, title: "Gazprom", text: "Gazprom raised prices on Tuesday.")]
        try await Self.rebuild(referencing, then: withTarget, formats: ["epub", "site"])
    }

    @Test("a changed setting or theme file remakes only the formats that read it")
    func contextChanged() async throws {
        // The site's title: the site and the feeds show it; the books, text and JSON do not.
        let (retitled, keptAfterTitle) = try await Self.rebuild(Self.sources, then: Self.sources, secondPipeline: Self.pipeline(siteTitle: "Another title"))
        let readers = ["site/", "feeds/"]
        #expect(keptAfterTitle == Set(retitled.files.map(\.path).filter { path in !readers.contains { path.hasPrefix($0) } }))
        // The feeds' page size: only the feeds.
        let (paged, keptAfterLimit) = try await Self.rebuild(Self.sources, then: Self.sources, secondPipeline: Self.pipeline(feedItemLimit: 2))
        #expect(keptAfterLimit == Set(paged.files.map(\.path).filter { !$0.hasPrefix("feeds/") }))
        let original = try Resources.theme(nil)
        for (path, format) in [("site/assets/style.css", "site"), ("epub/style.css", "epub"), ("epub/title.xhtml.mustache", "epub")] {
            var theme = original
            theme.files[path, default: []] += Array("\n<!-- changed -->\n".utf8)
            let (themed, kept) = try await Self.rebuild(Self.sources, then: Self.sources, theme: original, secondTheme: theme)
            let made = Set(themed.files.map(\.path)).subtracting(kept)
            #expect(made.allSatisfy { $0.hasPrefix(format + "/") }, "\(path) changed, and \(made.filter { !$0.hasPrefix(format + "/") }.sorted().prefix(3)) were made")
            #expect(!kept.contains { $0.hasPrefix(format + "/") }, "\(path) changed, and files of \(format) were kept")
        }
    }

    @Test("a file changed or removed after the build is made again, not kept")
    func changedOutput() async throws {
        let output = TestSupport.temporaryFolder()
        let theme = try Resources.theme(nil)
        let pipeline = Self.pipeline()
        _ = try await pipeline.build(Self.sources, output: output, formats: Self.formats, theme: theme)
        let expected = TestSupport.tree(output)
        // Same size, other bytes; and a file gone.
        let changed = output.appendingPathComponent("text/monitor-v2-i1.txt")
        var bytes = try Data(contentsOf: changed)
        bytes[0] = bytes[0] == 0x41 ? 0x42 : 0x41
        try bytes.write(to: changed)
        try FileManager.default.removeItem(at: output.appendingPathComponent("json/monitor-v2-i3.json"))
        // A file made in parts, changed in its first part: no part of it is copied from it.
        let lines = output.appendingPathComponent("json/articles.ndjson")
        var ndjson = try Data(contentsOf: lines)
        ndjson[2] = ndjson[2] == 0x41 ? 0x42 : 0x41
        try ndjson.write(to: lines)
        let report = try await pipeline.build(Self.sources, output: output, formats: Self.formats, theme: theme)
        #expect(TestSupport.tree(output) == expected)
        #expect(report.keptFiles > 0 && report.keptFiles < report.files.count)
    }

    @Test("summaries are kept while the sources and the settings that reach them are unchanged, and only then")
    func summariesKept() async throws {
        // Another site title remakes the site and feeds, but no summary.
        let (retitled, _) = try await Self.rebuild(Self.sources, then: Self.sources, secondPipeline: Self.pipeline(siteTitle: "Another title"))
        #expect(retitled.keptFiles < retitled.files.count && retitled.keptSummaries == retitled.archive.articleCount)
        // A streamed build keeps them too, and a held build after it.
        let (streamed, _) = try await Self.rebuild(Self.sources, then: Self.sources, formats: ["epub", "text"], pipeline: Self.pipeline(streaming: true))
        #expect(streamed.keptSummaries == streamed.archive.articleCount)
        let (afterStreamed, _) = try await Self.rebuild(Self.sources, then: Self.sources, formats: ["epub", "text"],
                                                        pipeline: Self.pipeline(streaming: true), secondPipeline: Self.pipeline())
        #expect(afterStreamed.keptSummaries == afterStreamed.archive.articleCount)
        // Other summary settings, or one more source, summarize every article again; the bytes are a clean build's.
        var shorter = Self.pipeline()
        shorter.configuration.summaries = Configuration.SummarySettings(wordBudget: 12)
        let (resized, _) = try await Self.rebuild(Self.sources, then: Self.sources, secondPipeline: shorter)
        #expect(resized.keptSummaries == 0)
        let added = Self.sources + [Self.source(volume: 2, issue: 4, title: "More", text: "The ministry said on Friday that the talks would go on.")]
        let (grown, _) = try await Self.rebuild(Self.sources, then: added)
        #expect(grown.keptSummaries == 0)
        // A summary given in a header changes the source but not its body, which names the article.
        let summarized = Self.editing(Self.sources, "extra/v2-i3.txt") { $0.replacingOccurrences(of: "Title: Talks in Vienna\n", with: "Title: Talks in Vienna\nSummary: Diplomats met in Vienna.\n") }
        let (given, _) = try await Self.rebuild(Self.sources, then: summarized)
        #expect(given.keptSummaries == 0)
        #expect(given.archive.issues.flatMap(\.articles).contains { $0.metadata.summary?.origin == .source })
    }

    @Test("a streamed build's summary cache is written whole from its store, or not at all when the store lacks an article")
    func summaryCacheFromStore() async throws {
        let first = try await Self.pipeline().build(Self.sources, output: TestSupport.temporaryFolder(), formats: ["text"], theme: try Resources.theme(nil))
        let articles = first.archive.issues.flatMap(\.articles)
        let stored = Dictionary(uniqueKeysWithValues: articles.map { ($0.id, SummaryCache.encoded($0.metadata.summary)) })
        let folder = TestSupport.temporaryFolder()
        let whole = folder.appendingPathComponent("whole"), lacking = folder.appendingPathComponent("lacking")
        try SummaryCache.write(first.archive, key: "k", to: whole) { stored[$0] }
        let program = try #require(ProgramIdentity.current)
        let index = try #require(SummaryCache.index(at: whole.path, program: program))
        for article in articles {
            #expect(index.value(for: article.id).flatMap(SummaryCache.decoded) == .some(article.metadata.summary))
        }
        let missing = try #require(articles.last?.id)
        try SummaryCache.write(first.archive, key: "k", to: lacking) { $0 == missing ? nil : stored[$0] }
        #expect(!FileManager.default.fileExists(atPath: lacking.path), "a cache lacking an article is not left behind, not even in part")
    }

    @Test("a summary cache cut short, with garbage after it, or of another program is not used")
    func summaryCacheRefused() async throws {
        let output = TestSupport.temporaryFolder()
        let theme = try Resources.theme(nil)
        let first = try await Self.pipeline().build(Self.sources, output: output, formats: ["text"], theme: theme)
        let url = output.appendingPathComponent(SummaryCache.fileName)
        let bytes = try Data(contentsOf: url)
        let program = try #require(ProgramIdentity.current)
        let index = try #require(SummaryCache.index(at: url.path, program: program))
        for article in first.archive.issues.flatMap(\.articles) {
            #expect(index.value(for: article.id).flatMap(SummaryCache.decoded) == .some(article.metadata.summary))
        }
        #expect(SummaryCache.index(at: url.path, program: "another") == nil)
        var garbage = Array(bytes)
        garbage += [0xFF, 0xFF, 0xFF, 0x7F]
        #expect(SummaryCache.decoded([2, 0, 0, 0, 0, 0, 0, 0, 0]) == nil && SummaryCache.decoded([0, 9, 0, 0, 0]) == nil)
        // Cut short, with garbage after it, or with an entry that is no summary (its origin byte made 7).
        var wrongEntry = Array(bytes)
        let firstEntry = try #require(wrongEntry.firstIndex(of: 0x0A)) + 1
        let idLength = Int(wrongEntry[firstEntry])
        wrongEntry[firstEntry + 4 + idLength + 4] = 7
        for hostile in [Array(bytes.dropLast(3)), garbage, wrongEntry] {
            try Data(hostile).write(to: url)
            let report = try await Self.pipeline().build(Self.sources, output: output, formats: ["text"], theme: theme)
            #expect(report.keptSummaries == 0)
        }
    }

    @Test("without keeping, every file is made again")
    func clean() async throws {
        let output = TestSupport.temporaryFolder()
        let theme = try Resources.theme(nil)
        _ = try await Self.pipeline().build(Self.sources, output: output, formats: Self.formats, theme: theme)
        let report = try await Self.pipeline(keeping: false).build(Self.sources, output: output, formats: Self.formats, theme: theme)
        #expect(report.keptFiles == 0)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(BuildRecord.fileName).path))
    }

    @Test("the record reads back as written, and anything else is no record")
    func recordRoundTrip() throws {
        let entries = [
            Manifest.FileEntry(path: "site/a b/index.html", format: "site", issue: "monitor-v1-i1", bytes: 12, sha256: String(repeating: "a", count: 64)),
            Manifest.FileEntry(path: "feeds/atom.xml", format: "feeds", issue: nil, bytes: 0, sha256: String(repeating: "b", count: 64)),
            Manifest.FileEntry(path: "text/x.txt", format: "text", issue: "x", bytes: 3, sha256: String(repeating: "c", count: 64)),
        ]
        let keys = [BuildRecord.Group(format: "site", issue: "monitor-v1-i1"): "k1", BuildRecord.Group(format: "feeds", issue: ""): "k2"]
        let record = BuildRecord(keys: keys, fileKeys: ["feeds/atom.xml": "k3"],
                                 parts: ["feeds/atom.xml": ["k4": BuildRecord.Part(offset: 0, count: 0), "k5": BuildRecord.Part(offset: 0, count: 0)]],
                                 entries: entries)
        #expect(record.files.values.joined().count == 2, "files of groups without a key are not recorded")
        #expect(BuildRecord(parsing: record.bytes) == record)
        #expect(BuildRecord(parsing: Array("bulletin-record\t1\npart\tfeeds/atom.xml\tk\t-1\t3\n".utf8)) == nil, "a part at a negative offset")
        #expect(BuildRecord(parsing: Array("bulletin-record\t1\npart\t../x\tk\t0\t3\n".utf8)) == nil)
        #expect(BuildRecord(parsing: Array("bulletin-record\t1\nkey\tsite\n".utf8)) == nil)
        #expect(BuildRecord(parsing: Array("something else\n".utf8)) == nil)
        #expect(BuildRecord(parsing: Array(record.bytes.dropLast())) == nil, "a record cut short is no record")
        for path in ["../../etc/passwd", "/etc/passwd", "site/../x", "a\u{7}b"] {
            let unsafe = "bulletin-record\t1\nfile\ttext\tx\t3\t\(String(repeating: "c", count: 64))\t\(path)\n"
            #expect(BuildRecord(parsing: Array(unsafe.utf8)) == nil, "\(path)")
            #expect(BuildRecord(parsing: Array("bulletin-record\t1\nfilekey\t\(path)\tk\n".utf8)) == nil, "\(path)")
        }
    }

    @Test("a mention cache of another program, or cut short, is not used")
    func mentionCacheFile() throws {
        let folder = TestSupport.temporaryFolder()
        let cache = try #require(MentionCache(output: folder, reading: false))
        let article = Article(metadata: ArticleMetadata(id: "a", slug: "a", title: "T", titleIsDerived: false, publication: "Monitor", volume: 1, issue: 1,
                                                        source: SourceInfo(path: "a.txt", format: "text", sha256: "00"), wordCount: 3),
                              blocks: [.paragraph([.text("Gazprom met NATO in Vienna.")], span: nil)])
        let mentions = cache.mentions(in: article, tagging: EntityTagging(), keeping: true)
        #expect(!mentions.runs.joined().isEmpty)
        let url = folder.appendingPathComponent(MentionCache.fileName)
        let issue = BulletinModel.Issue(id: "monitor-v1-i1", publication: "Monitor", publicationSlug: "monitor", volume: 1, number: 1, date: nil, articles: [article])
        try cache.write(to: url, archive: Archive(publications: [Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: [issue])])]))
        let bytes = TestSupport.bytes(url)
        let program = try #require(ProgramIdentity.current)
        #expect(MentionCache.index(at: url.path, program: program)?.value(for: MentionCache.key(of: article.metadata)) == mentions.encoded())
        #expect(MentionCache.index(at: url.path, program: "another") == nil)
        let cut = folder.appendingPathComponent("cut")
        try Data(bytes.dropLast()).write(to: cut)
        #expect(MentionCache.index(at: cut.path, program: program) == nil)
        // Entries longer than the reader's block are skipped over and read back whole.
        let long = EntityTagging.Mentions(runs: [[EntitySpan](repeating: EntitySpan(start: 0, end: 7, kind: .organization, text: "Gazprom",
                                                                                       canonicalName: String(repeating: "G", count: 100)), count: 2_000)])
        let big = folder.appendingPathComponent("big")
        try EntryFile.write(to: big, shownAs: "big", header: "bulletin-mentions\t1\t\(program)") { add in
            try add(Array("first".utf8), long.encoded())
            try add(Array("second".utf8), [1, 2, 3])
        }
        let index = try #require(MentionCache.index(at: big.path, program: program))
        #expect(long.encoded().count > 1 << 16 && index.value(for: "first") == long.encoded() && index.value(for: "second") == [1, 2, 3])
        let reread = try #require(MentionCache(output: folder, reading: true))
        #expect(reread.mentions(in: article, tagging: EntityTagging(), keeping: false) == mentions && reread.reused == 1)
    }

    @Test("a mention cache with garbage, or with spans that do not fit the text, neither stops a build nor loses a word")
    func hostileMentionCache() async throws {
        let output = TestSupport.temporaryFolder()
        let theme = try Resources.theme(nil)
        let pipeline = Self.pipeline()
        let clean = try await pipeline.build(Self.sources, output: output, formats: ["text"], theme: theme)
        let program = try #require(ProgramIdentity.current)
        let cacheURL = output.appendingPathComponent(MentionCache.fileName)
        // Garbage after a valid header: the cache is not used, every source is tagged again.
        try Data(Array("bulletin-mentions\t1\t\(program)\n".utf8) + [0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3]).write(to: cacheURL)
        let garbage = try await pipeline.build(Self.sources, output: output, formats: ["text"], theme: theme)
        #expect(garbage.keptMentions == 0)
        // Well-formed entries whose spans run past, before and across the text of every source.
        let wild = EntityTagging.Mentions(runs: [[
            EntitySpan(start: 0, end: 100_000, kind: .person, text: "x", canonicalName: "<script>alert(1)</script>"),
            EntitySpan(start: 3, end: 2, kind: .location, text: "", canonicalName: ""),
            EntitySpan(start: 5, end: 9, kind: .organization, text: "y", canonicalName: "../../etc"),
        ], [], [EntitySpan(start: 1_000_000, end: 1_000_001, kind: .miscellaneous, text: "z", canonicalName: "z")]])
        var bytes = Array("bulletin-mentions\t1\t\(program)\n".utf8)
        for article in clean.archive.articles {
            for field in [Array(MentionCache.key(of: article.metadata).utf8), wild.encoded()] {
                withUnsafeBytes(of: UInt32(field.count).littleEndian) { bytes.append(contentsOf: $0) }
                bytes += field
            }
        }
        try Data(bytes).write(to: cacheURL)
        let report = try await pipeline.build(Self.sources, output: output, formats: ["text"], theme: theme)
        #expect(report.keptMentions == report.archive.articleCount)
        for source in Self.sources {
            let article = try #require(report.archive.articles.first { $0.metadata.source.path == source.path })
            let words = TestSupport.bodyWords(ofSource: String(decoding: source.load() ?? [], as: UTF8.self))
            #expect(TestSupport.words(article.plainText) == words, "\(source.path) lost words")
        }
    }

    @Test("the program knows its build id")
    func programIdentity() throws {
        let id = try #require(ProgramIdentity.current)
        #expect(id.count >= 16 && id.allSatisfy(\.isHexDigit))
    }

    /// Each file's inode under `root`, by relative path: a file kept by the next build is the same file,
    /// linked into the new output, and keeps its inode.
    static func inodes(_ root: URL) -> [String: UInt64] {
        TestSupport.tree(root).keys.reduce(into: [:]) { result, path in
            var status = stat()
            if lstat(root.appendingPathComponent(path).path, &status) == 0 { result[path] = UInt64(status.st_ino) }
        }
    }
}
