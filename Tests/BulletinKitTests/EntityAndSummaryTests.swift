@testable import BulletinKit
import BulletinModel
import BulletinNLP
import BulletinTestSupport
import BulletinTransforms
import Foundation
import Testing

@Suite("Entities and summaries in the pipeline")
struct EntityAndSummaryTests {
    func sample(_ configuration: Configuration = Configuration()) async throws -> Article {
        let file = SourceFile(path: "monitor-v6-i23.txt", bytes: TestSupport.bytes(TestPaths.sampleBulletin))
        let (archive, _) = try await Pipeline(configuration: configuration).load([file])
        return try #require(archive.articles.first)
    }

    @Test("entity offsets point into the article's plain text, and both Ivashov mentions share one entity")
    func sampleEntities() async throws {
        let article = try await sample()
        let scalars = Array(article.plainText.unicodeScalars)
        let entries = Analysis.entities(in: article)
        #expect(!entries.isEmpty)
        for entry in entries {
            #expect(String(String.UnicodeScalarView(scalars[entry.start..<entry.end])) == entry.text)
        }
        let ivashov = entries.filter { $0.text.contains("Ivashov") }
        #expect(ivashov.map(\.text) == ["Leonid Ivashov", "Ivashov"])
        #expect(Set(ivashov.map(\.id)) == ["per-leonid-ivashov"])
        #expect(!entries.contains { ["Despite", "Colonel General", "Colonel", "General"].contains($0.text) })
        #expect(entries.first?.text == "Moscow")
        let counts = Dictionary(uniqueKeysWithValues: article.metadata.entities.map { ($0.id, $0.count) })
        #expect(counts["per-leonid-ivashov"] == 2)
        #expect(counts["org-nato"] == 3)
        // Citations and cross-references stay apparatus, untagged.
        #expect(article.plainText.contains("(Russian agencies, February 1)"))
        #expect(!entries.contains { $0.text == "Monitor" })
        // Nothing lost: the words are the source's.
        let source = String(decoding: TestSupport.bytes(TestPaths.sampleBulletin), as: UTF8.self)
        #expect(TestSupport.words(article.plainText) == TestSupport.bodyWords(ofSource: source))
    }

    @Test("the sample's summary is whole sentences of the article and never cuts inside a citation")
    func sampleSummary() async throws {
        let article = try await sample()
        let summary = try #require(article.metadata.summary)
        #expect(summary.origin == .generated)
        let sentences = SentenceSegmenter().sentences(in: summary.text)
        let articleSentences = Set(article.blocks.flatMap { SentenceSegmenter().sentences(in: $0.plainText) })
        for sentence in sentences { #expect(articleSentences.contains(sentence), "not a sentence of the article: \(sentence)") }
        #expect(summary.text.filter { $0 == "(" }.count == summary.text.filter { $0 == ")" }.count)
        #expect(!summary.dek.isEmpty && summary.dek.split(separator: " ").count <= 31)
    }

    @Test("a Summary field in the source wins over the generated summary")
    func sourceSummaryWins() async throws {
        let file = TestSupport.source("Publication: M Volume: 1 Issue: 1\nSummary: The editor's own words.\n\nFirst sentence here. Second one.")
        let (archive, _) = try await Pipeline().load([file])
        let summary = try #require(archive.articles.first?.metadata.summary)
        #expect(summary == ArticleSummary(text: "The editor's own words.", dek: "The editor's own words.", origin: .source))
    }

    @Test("the editor's dictionary adds, suppresses, merges and renames, with editor provenance")
    func dictionary() async throws {
        var configuration = Configuration()
        configuration.entities = EntityDictionary(
            add: [.init(name: "Secretary-General", type: .miscellaneous, aliases: ["hardliners"])],
            merge: [.init(into: "per-leonid-ivashov", from: ["per-george-robertson"])],
            rename: [.init(id: "org-nato", name: "North Atlantic Treaty Organization")],
            suppress: ["Europe", "misc-east-west"]
        )
        let article = try await sample(configuration)
        let entries = Analysis.entities(in: article)
        #expect(!entries.contains { $0.text == "Europe" || $0.text == "East-West" })
        #expect(entries.first { $0.text == "hardliners" }?.provenance == .editor)
        let robertson = try #require(entries.first { $0.text == "George Robertson" })
        #expect(robertson.id == "per-leonid-ivashov" && robertson.provenance == .editor)
        let nato = try #require(article.metadata.entities.first { $0.id == "org-nato" })
        #expect(nato.name == "North Atlantic Treaty Organization" && nato.provenance == .editor)
        #expect(article.metadata.entities.first { $0.id == "per-leonid-ivashov" }?.count == 3)
        let source = String(decoding: TestSupport.bytes(TestPaths.sampleBulletin), as: UTF8.self)
        #expect(TestSupport.words(article.plainText) == TestSupport.bodyWords(ofSource: source))
    }

    @Test("dictionary entries that name no entity are warnings at their place in the configuration file, held or streamed")
    func unmatchedDictionary() async throws {
        let yaml = """
        entities:
          add: [{ name: Secretary-General, type: MISC }]
          merge:
            - { into: per-leonid-ivashov, from: [per-george-robertson, per-nobody] }
            - { into: Secretary-General, from: [NATO] }
          rename: [{ id: org-natto, name: X }]
          suppress: [Europe, misc-east-west, misc-west-east]
        """
        let configuration = try Configuration.read(yaml, path: "bulletin.yml").configuration
        #expect(configuration.locations["entities.merge[0].from[1]"] == SourceLocation(path: "bulletin.yml", line: 4, column: 64))
        let file = SourceFile(path: "monitor-v6-i23.txt", bytes: TestSupport.bytes(TestPaths.sampleBulletin))
        for threshold in [nil, 0] as [Int?] {
            var pipeline = Pipeline(configuration: configuration)
            pipeline.streamingThreshold = threshold
            let report = try await pipeline.build([file], output: TestSupport.temporaryFolder(), formats: ["text"], theme: Resources.theme(nil))
            let warnings = report.diagnostics.filter { $0.id == "config.entities.unmatched" }
            #expect(warnings.map(\.message) == [
                "entities.merge[0].from[1] 'per-nobody' names no entity of the archive, so it changes nothing",
                "entities.rename[0].id 'org-natto' names no entity of the archive, so it changes nothing",
                "entities.suppress[2] 'misc-west-east' names no entity of the archive, so it changes nothing",
            ])
            #expect(warnings.map { $0.location.map { [$0.line, $0.column] } } == [[4, 64], [6, 18], [7, 38]])
        }
    }

    @Test("an article not in English is not tagged, its language from the source or the configuration, held or streamed, cached or not")
    func englishOnly() async throws {
        let english = TestSupport.bytes(TestPaths.sampleBulletin)
        let russian = Array("Publication: Monitor Volume: 6 Issue: 23\nLanguage: ru\n\nТекст статьи. Владимир Путин говорил в Москве.\n".utf8)
        let files = [SourceFile(path: "en.txt", bytes: english), SourceFile(path: "ru.txt", bytes: russian)]
        let output = TestSupport.temporaryFolder()
        for (language, threshold) in [("en", nil), ("en", 0), ("ru", nil), ("ru", 0), ("en", nil)] as [(String, Int?)] {
            var configuration = Configuration()
            configuration.language = language
            var pipeline = Pipeline(configuration: configuration)
            pipeline.streamingThreshold = threshold
            // Into the same folder each time: the mentions the build before kept must not stand for another language.
            let report = try await pipeline.build(files, output: output, formats: ["json"].filter { _ in threshold == nil } + ["text"],
                                                  theme: Resources.theme(nil))
            #expect(report.archive.articles.count == 2)
            let text = try String(contentsOf: output.appendingPathComponent("text/monitor-v6-i23.txt"), encoding: .utf8)
            #expect(text.contains("Владимир Путин"))
            let manifest = try String(contentsOf: output.appendingPathComponent("manifest.json"), encoding: .utf8)
            #expect(manifest.contains("text/monitor-v6-i23.txt"))
            // What the build kept for the next one, by language: the streamed build's survey tags in it too.
            let program = try #require(ProgramIdentity.current)
            let cache = try #require(MentionCache.index(at: output.appendingPathComponent(MentionCache.fileName).path, program: program))
            for article in report.archive.articles {
                let mentions = try #require(cache.value(for: MentionCache.key(of: article.metadata)).flatMap(EntityTagging.Mentions.init(encoded:)))
                #expect(mentions.runs.contains { !$0.isEmpty } == (article.metadata.source.path == "en.txt" && language == "en"))
            }
            if threshold == nil {
                let issue = try String(contentsOf: output.appendingPathComponent("json/monitor-v6-i23.json"), encoding: .utf8)
                // The Russian article has no entity; the sample, in English unless the configuration says otherwise, has them.
                #expect(!issue.contains("Путин\",\"type\""))
                #expect(issue.contains("\"id\":\"per-leonid-ivashov\"") == (language == "en"))
            }
        }
    }

    @Test("an acronym in parentheses after a name joins that name's entity")
    func acronyms() async throws {
        let file = TestSupport.source("""
        Publication: M Volume: 1 Issue: 1

        Envoys of the Organization for Security and Co-operation in Europe (OSCE) arrived in Tiraspol. \
        The Federal Security Service (FSB) declined to comment. The OSCE said it would return.
        """)
        let (archive, _) = try await Pipeline().load([file])
        let entries = Analysis.entities(in: try #require(archive.articles.first))
        let ids = Dictionary(grouping: entries, by: \.text).mapValues { Set($0.map(\.id)) }
        #expect(ids["OSCE"] == ["org-organization-for-security-and-co-operation-in-europe"])
        #expect(ids["FSB"] == ["org-federal-security-service"])
        #expect(ids["Tiraspol"] == ["loc-tiraspol"])
    }

    @Test("a surname alone in one article joins the one full name elsewhere in the archive")
    func archiveLinking() async throws {
        let files = [
            TestSupport.source("Publication: M Volume: 1 Issue: 1\n\nPresident Alyaksandr Lukashenko spoke in Minsk on Friday.", path: "a.txt"),
            TestSupport.source("Publication: M Volume: 1 Issue: 2\n\nLukashenko repeated the demand on Monday.", path: "b.txt"),
        ]
        let (archive, _) = try await Pipeline().load(files)
        let ids = archive.articles.map { Analysis.entities(in: $0).filter { $0.text.contains("Lukashenko") }.map(\.id) }
        #expect(ids == [["per-alyaksandr-lukashenko"], ["per-alyaksandr-lukashenko"]])
    }

    @Test("an organisation's acronym and its last word join the one full name elsewhere in the archive, two candidates neither")
    func organizationLinking() async throws {
        let files = [
            TestSupport.source("""
            Publication: M Volume: 1 Issue: 1

            The International Monetary Fund sent a mission. Leaders of the Commonwealth of Independent States met. \
            The State Duma met on Friday. \
            The Security Council and the Federation Council disagreed.
            """, path: "a.txt"),
            TestSupport.source("Publication: M Volume: 1 Issue: 2\n\nThe IMF left Tiraspol. The CIS summit ended. Deputies of the Duma objected. The Council met.", path: "b.txt"),
        ]
        let (archive, _) = try await Pipeline().load(files)
        let ids = Dictionary(grouping: archive.articles.flatMap(Analysis.entities), by: \.text).mapValues { Set($0.map(\.id)) }
        #expect(ids["IMF"] == ["org-international-monetary-fund"])
        #expect(ids["CIS"] == ["org-commonwealth-of-independent-states"])
        #expect(ids["Duma"] == ["org-state-duma"])
        #expect(ids["Council"].map { !$0.contains("org-security-council") && !$0.contains("org-federation-council") } ?? true)
    }

    /// One wire story: headline, dateline, sentence.
    static let wireStory = """
        {"sentence": 0, "text": "RUSSIA SAYS NO"}
        {"sentence": 1, "text": "MOSCOW 1996-08-30"}
        {"sentence": 2, "text": "Boris Yeltsin met NATO officials in Moscow ."}
        """

    @Test("tag --jsonl groups wire stories and reports scalar offsets")
    func jsonLines() throws {
        let output = String(decoding: try Analysis.tagJSONLines(Data(Self.wireStory.utf8)), as: UTF8.self)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[2].contains("{\"start_char\":0,\"end_char\":13,\"type\":\"PER\"}"))
        #expect(lines[2].contains("\"type\":\"ORG\""))
    }

    @Test("tag --jsonl streams: input in pieces of any size gives the same lines, each story written once it is whole")
    func jsonLinesStream() throws {
        let input = Self.wireStory + """


        {"sentence": 3, "text": "YELTSIN BACK"}
        {"sentence": 4, "text": "LONDON 1996-08-31"}
        {"sentence": 5, "text": "Yeltsin flew to London ."}
        {"sentence": 6, "text": "Officials in Bonn said nothing ."}
        """
        let whole = try Analysis.tagJSONLines(Data(input.utf8))
        #expect(String(decoding: whole, as: UTF8.self).split(separator: "\n").count == 7)
        for size in [1, 7, 64, 1 << 20] {
            var rest = Array(input.utf8)[...]
            var writes: [[UInt8]] = []
            try Analysis.tagJSONLines(reading: {
                defer { rest = rest.dropFirst(size) }
                return Array(rest.prefix(size))
            }, writing: { writes.append($0) })
            #expect(Data(writes.joined()) == whole, "pieces of \(size) bytes")
            // Two stories, the second starting at its headline: two writes.
            #expect(writes.count == 2)
        }
        #expect(throws: BulletinError.self) {
            try Analysis.tagJSONLines(Data("{\"sentence\": 0, \"text\": \"ok\"}\nnot json\n".utf8))
        }
    }

    @Test("--jsonl input is read in chunks, and a line past the limit is an error at its number, even one that never ends",
          arguments: [false, true])
    func jsonLinesLimit(summarize: Bool) throws {
        func run(_ read: @escaping () -> [UInt8], limit: Int) throws -> [UInt8] {
            if summarize { return try Analysis.summarizeJSONLines(reading: read, lineLimit: limit, dek: false, options: SummaryOptions()) }
            var output: [UInt8] = []
            try Analysis.tagJSONLines(reading: read, lineLimit: limit, writing: { output += $0 })
            return output
        }
        let line = summarize ? "{\"id\": \"a\", \"text\": \"One sentence here.\"}\n" : "{\"sentence\": 0, \"text\": \"Moscow .\"}\n"
        // Lines within the limit, handed over a byte at a time, read as a whole would.
        var rest = Array((line + line).utf8)[...]
        let pieces = try run({ defer { rest = rest.dropFirst(1) }; return Array(rest.prefix(1)) }, limit: line.utf8.count)
        #expect(!pieces.isEmpty)
        // Zeros without end, after one good line: an error at line 2 once a line holds more than the limit.
        var reads = 0
        var first: [UInt8]? = Array(line.utf8)
        do {
            _ = try run({ reads += 1; return first.take() ?? [UInt8](repeating: 0, count: 4096) }, limit: 100_000)
            Issue.record("an endless line was read to no end")
        } catch let error as BulletinError {
            #expect(error.code == .invalidSources)
            #expect(error.message == "<stdin>:2: the line holds more than 100000 bytes, the most one line may hold")
        }
        #expect(reads < 100)
    }

    @Test("a line of --jsonl input that is not the format is invalid input, named by its line number, blank lines counted",
          arguments: ["{\"id\": \"a\", \"text\": \"One.\"}", "{\"sentence\": 0, \"text\": \"One.\"}"])
    func jsonLinesErrorLine(first: String) throws {
        let input = Data((first + "\n\n \r\nbad\n").utf8)
        do {
            if first.contains("sentence") {
                _ = try Analysis.tagJSONLines(input)
            } else {
                _ = try Analysis.summarizeJSONLines(input, dek: false, options: SummaryOptions())
            }
            Issue.record("no error for a line that is not JSON")
        } catch let error as BulletinError {
            #expect(error.message.hasPrefix("<stdin>:4: "))
            // Bad input data, as a malformed source is (exit status 1), not a usage error.
            #expect(error.code == .invalidSources)
        }
    }

    @Test("summarize --jsonl echoes each id with the JSON type it came with")
    func jsonLinesIDs() throws {
        let input = "{\"id\": 7, \"text\": \"The talks ended.\"}\n{\"id\": \"7\", \"text\": \"The talks began.\"}\n"
        let output = try Analysis.summarizeJSONLines(Data(input.utf8), dek: false, options: SummaryOptions())
        let records = try String(decoding: output, as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(records.count == 2)
        #expect(records.first?["id"] as? Int == 7 && !(records.first?["id"] is String))
        #expect(records.last?["id"] as? String == "7")
    }

    @Test("tag --json and summarize --json print what the types encode to, indented as convert --to json indents")
    func jsonDocuments() async throws {
        let article = try await sample()
        let entries = Analysis.entities(in: article)
        let summary = try #require(article.metadata.summary)
        struct Report: Codable, Equatable { var entities: [Analysis.EntityEntry] }
        let printed = [Analysis.json(entries), Analysis.json(summary)]
        #expect(try JSONDecoder().decode(Report.self, from: Data(printed[0])) == Report(entities: entries))
        #expect(try JSONDecoder().decode(ArticleSummary.self, from: Data(printed[1])) == summary)
        for bytes in printed {
            let text = String(decoding: bytes, as: UTF8.self)
            // The project's pretty style: two spaces a level, `"key": value`, a final newline.
            #expect(text.hasPrefix("{\n  \""))
            #expect(text.hasSuffix("\n}\n"))
            #expect(!text.contains("\" : "))
        }
        // Keys sorted, as in the document tree.
        let first = "      \"end\": \(entries[0].end),\n      \"id\": \"\(entries[0].id)\",\n      \"provenance\": \"automatic\",\n"
        #expect(String(decoding: printed[0], as: UTF8.self).hasPrefix("{\n  \"entities\": [\n    {\n" + first))
    }

    @Test("tag --jsonl and summarize --jsonl write compact JSON, one record a line")
    func jsonLinesCompact() throws {
        let tagged = try Analysis.tagJSONLines(Data(Self.wireStory.utf8))
        let summaries = try Analysis.summarizeJSONLines(Data("{\"id\": \"a b\", \"text\": \"The talks: they ended, \\\"at last\\\".\"}\n".utf8),
                                                        dek: false, options: SummaryOptions())
        #expect(String(decoding: summaries, as: UTF8.self) == "{\"id\":\"a b\",\"summary\":\"The talks: they ended, \\\"at last\\\".\"}\n")
        for line in String(decoding: tagged, as: UTF8.self).split(separator: "\n") {
            #expect(!line.contains(": ") && !line.contains(", "), "\(line)")
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
        }
    }
}
