import BulletinKit
import BulletinModel
import BulletinTestSupport
import BulletinWriters
import Foundation
import Testing

@Suite("Pipeline and build")
struct PipelineTests {
    static let formats = ["json", "text"]

    func build(_ files: [SourceFile], into output: URL, concurrency: Int = 2) async throws -> BuildReport {
        let pipeline = Pipeline(concurrency: concurrency)
        return try await pipeline.build(files, output: output, formats: Self.formats, theme: try Resources.theme(nil))
    }

    @Test("the example archive builds to the golden files (RECORD_GOLDENS=1 rewrites them)")
    func goldens() async throws {
        let output = TestSupport.temporaryFolder()
        _ = try await build(Resources.exampleSources, into: output)
        var built = TestSupport.tree(output)
        // The record's keys and the caches' headers hold the program's build id, which changes with every
        // change to the code.
        #expect(built.removeValue(forKey: ".bulletin-record") != nil)
        #expect(built.removeValue(forKey: ".bulletin-mentions") != nil)
        #expect(built.removeValue(forKey: ".bulletin-summaries") != nil)
        let goldenRoot = TestPaths.fixtures.appendingPathComponent("example")
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try? FileManager.default.removeItem(at: goldenRoot)
            for (path, bytes) in built {
                let url = goldenRoot.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
            Testing.Issue.record("goldens re-recorded into \(goldenRoot.path); review the diff and run again")
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

    @Test("two builds, at different thread counts, are byte-identical")
    func deterministic() async throws {
        let first = TestSupport.temporaryFolder(), second = TestSupport.temporaryFolder()
        _ = try await build(Resources.exampleSources, into: first, concurrency: 1)
        _ = try await build(Resources.exampleSources.reversed(), into: second, concurrency: 4)
        let a = TestSupport.tree(first), b = TestSupport.tree(second)
        #expect(a.count > 10)
        #expect(a == b)
    }

    @Test("the example archive has 2 publications, 3 issues, 9 articles and resolved cross-references")
    func example() async throws {
        let (archive, diagnostics) = try await Pipeline().load(Resources.exampleSources)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
        #expect(archive.publications.map(\.name) == ["Monitor", "Prism"])
        #expect(archive.issues.map(\.id) == ["monitor-v1-i1", "monitor-v1-i2", "prism-v3-i4"])
        #expect(archive.articles.count == 9)
        var targets: [String] = []
        for article in archive.articles {
            for block in article.blocks {
                if case .paragraph(let content, _) = block {
                    for case .crossReference(let reference) in content { targets.append(reference.target?.id ?? "unresolved") }
                }
            }
        }
        #expect(targets.sorted() == ["monitor-v1-i1", "monitor-v1-i1", "monitor-v1-i1", "prism-v3-i4"])
        // Order: fields first, then file names.
        #expect(archive.issues[0].articles.map(\.metadata.order) == [1, 2, nil])
    }

    @Test("every word of every example source reaches the text and JSON outputs, in order")
    func nothingLost() async throws {
        let output = TestSupport.temporaryFolder()
        let report = try await build(Resources.exampleSources, into: output)
        let ndjson = String(decoding: TestSupport.bytes(output.appendingPathComponent("json/articles.ndjson")), as: UTF8.self)
        let records = try ndjson.split(separator: "\n").map { try JSONDecoder().decode(JSONWriter.ArticleRecord.self, from: Data($0.utf8)) }
        #expect(records.count == 9)
        for source in Resources.exampleSources {
            let sourceWords = TestSupport.bodyWords(ofSource: String(decoding: try #require(source.load()), as: UTF8.self))
            let article = try #require(report.archive.articles.first { $0.metadata.source.path == source.path })
            let textFile = output.appendingPathComponent("text/\(article.metadata.publication.lowercased())-v\(article.metadata.volume)-i\(article.metadata.issue)/\(article.metadata.slug).txt")
            let textWords = TestSupport.words(String(decoding: TestSupport.bytes(textFile), as: UTF8.self))
            #expect(TestSupport.containsInOrder(sourceWords, in: textWords), "\(source.path) lost words in text")
            let record = try #require(records.first { $0.article.metadata.source.path == source.path })
            #expect(TestSupport.words(record.article.plainText) == sourceWords, "\(source.path) lost words in JSON")
        }
    }

    @Test("the manifest lists every file with its size and hash")
    func manifest() async throws {
        let output = TestSupport.temporaryFolder()
        _ = try await build(Resources.exampleSources, into: output)
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(TestSupport.bytes(output.appendingPathComponent("manifest.json"))))
        let tree = TestSupport.tree(output)
        // Every file but the manifest itself and what the next build reads (see OutputReuseTests).
        #expect(manifest.files.count == tree.count - 4)
        #expect(tree[".bulletin-record"] != nil && tree[".bulletin-mentions"] != nil && tree[".bulletin-summaries"] != nil)
        for entry in manifest.files {
            let bytes = try #require(tree[entry.path])
            #expect(entry.bytes == bytes.count)
            #expect(entry.sha256 == SHA256.hex(of: bytes))
        }
        #expect(manifest.issues.flatMap(\.articles).count == 9)
        #expect(manifest.generator.name == "Bulletin")
    }

    /// `JSONEncoder`'s pretty-printed `bytes` in the one style of Bulletin's indented JSON: `"key": value`, not
    /// `"key" : value`, and `[]` for an empty array. Line by line: a string never holds a raw line feed.
    static func restyled(_ bytes: [UInt8]) throws -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
            .replacing(try Regex(#"(?m)^( *"[A-Za-z0-9]+") : "#)) { "\($0.output[1].substring!): " }
            .replacing(try Regex(#"\[\n\n *\]"#), with: "[]")
        return Array(text.utf8)
    }

    @Test("the manifest is in the style of Bulletin's other indented JSON, holding what JSONEncoder would, empty lists and awkward strings included")
    func manifestEncoding() async throws {
        let report = try await build(Resources.exampleSources, into: TestSupport.temporaryFolder())
        var manifest = Manifest(archive: report.archive, formats: Self.formats, files: report.files)
        // The style of `bulletin tag --json`, JSON Feed documents and `convert --to json` (JSONTreeSerializer).
        var sample = JSONTreeSerializer(pretty: true)
        sample.object { json in
            json.key("a"); json.array([1]) { json, number in json.number(number) }
            json.key("b"); json.array([Int]()) { _, _ in }
        }
        #expect(String(decoding: sample.bytes, as: UTF8.self) == "{\n  \"a\": [\n    1\n  ],\n  \"b\": []\n}")
        #expect(manifest.json == (try Self.restyled(JSONWriter.encode(manifest, pretty: true))))
        #expect(try JSONDecoder().decode(Manifest.self, from: Data(manifest.json)) == manifest)
        let awkward = "a \"quoted\" back\\slash / tab\t new\nline \u{8} \u{C} \r \u{1} \u{1F} \u{7F} é 東京 🗞"
        manifest.files.append(Manifest.FileEntry(path: awkward, format: "text", issue: nil, bytes: 0, sha256: awkward))
        manifest.issues[0].date = nil
        manifest.issues[1].articles = []
        manifest.issues[2].articles[0].title = awkward
        #expect(manifest.json == (try Self.restyled(JSONWriter.encode(manifest, pretty: true))))
        #expect(try JSONDecoder().decode(Manifest.self, from: Data(manifest.json)) == manifest)
        let empty = Manifest(archive: Archive(publications: []), formats: [], files: [])
        #expect(empty.json == (try Self.restyled(JSONWriter.encode(empty, pretty: true))))
        #expect(String(decoding: empty.json, as: UTF8.self).contains("\"files\": [],"))
    }

    @Test("a manifest written to a file in pieces holds the bytes of the whole one")
    func manifestFile() async throws {
        let report = try await build(Resources.exampleSources, into: TestSupport.temporaryFolder())
        var manifest = Manifest(archive: report.archive, formats: Self.formats, files: report.files)
        // Enough entries to pass the size at which pieces are handed on several times.
        for index in 0..<5_000 {
            manifest.files.append(Manifest.FileEntry(path: "site/p/\(index)/index.html", format: "site", issue: "monitor-v1-i1",
                                                     bytes: index, sha256: String(repeating: "ab", count: 32)))
        }
        let url = TestSupport.temporaryFolder().appendingPathComponent("manifest.json")
        try manifest.write(to: url)
        let written = TestSupport.bytes(url)
        #expect(written.count > 1 << 20)
        #expect(written == manifest.json)
    }

    @Test("a file written in pieces is the same file, with the same manifest entry, as one written whole")
    func pieces() throws {
        let bytes = Array("{\"line\": 1}\n{\"line\": 2}\n".utf8) + [UInt8](repeating: 0x41, count: 70_000)
        let whole = DirectorySink(root: TestSupport.temporaryFolder())
        try whole.write(bytes, to: "json/articles.ndjson", format: "json", issue: nil)
        let pieces = DirectorySink(root: TestSupport.temporaryFolder())
        try pieces.write(to: "json/articles.ndjson", format: "json", issue: nil) { append in
            for start in stride(from: 0, to: bytes.count, by: 4_099) { try append(Array(bytes[start..<min(start + 4_099, bytes.count)])) }
        }
        #expect(TestSupport.tree(pieces.root)["json/articles.ndjson"] == bytes)
        #expect(pieces.entries == whole.entries)
        #expect(pieces.entries.first?.sha256 == SHA256.hex(of: bytes))
        #expect(throws: BulletinError.self) { try pieces.write([], to: "json/articles.ndjson", format: "json", issue: nil) }
    }

    @Test("a failed build leaves the previous output as it was")
    func atomic() async throws {
        let output = TestSupport.temporaryFolder()
        _ = try await build(Resources.exampleSources, into: output)
        let before = TestSupport.tree(output)
        let bad = Resources.exampleSources + [TestSupport.source("Publication: X Volume: one Issue: 1\n\nText.", path: "bad.txt")]
        await #expect(throws: BulletinError.self) { _ = try await build(bad, into: output) }
        #expect(TestSupport.tree(output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.contains(output.lastPathComponent + ".bulletin-") })
    }

    @Test("a rebuild replaces the previous output whole, deleting links without following them")
    func rebuildReplaces() async throws {
        let output = TestSupport.temporaryFolder()
        _ = try await build(Resources.exampleSources, into: output)
        let fresh = TestSupport.tree(output)
        // What the previous output may hold besides a build: deep folders, an empty one, links to a folder
        // and a file outside it, whose contents must survive.
        let outside = TestSupport.temporaryFolder()
        try Data("outside".utf8).write(to: outside.appendingPathComponent("kept.txt"))
        let manager = FileManager.default
        try manager.createDirectory(at: output.appendingPathComponent("extra/a/b/c"), withIntermediateDirectories: true)
        try manager.createDirectory(at: output.appendingPathComponent("extra/empty"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: output.appendingPathComponent("extra/a/b/c/x.txt"))
        try manager.createSymbolicLink(atPath: output.path + "/extra/folder-link", withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: output.path + "/extra/a/file-link", withDestinationPath: outside.path + "/kept.txt")

        _ = try await build(Resources.exampleSources, into: output)
        #expect(TestSupport.tree(output) == fresh)
        #expect(!manager.fileExists(atPath: output.path + "/extra"))
        #expect(TestSupport.tree(outside) == ["kept.txt": Array("outside".utf8)])
        let siblings = try manager.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.contains(output.lastPathComponent + ".bulletin-") })
    }

    @Test("refuses to replace a folder that is not a previous build")
    func refusesForeignFolder() async throws {
        let output = TestSupport.temporaryFolder()
        try Data("keep me".utf8).write(to: output.appendingPathComponent("notes.txt"))
        await #expect(throws: BulletinError.self) { _ = try await build(Resources.exampleSources, into: output) }
        #expect(TestSupport.tree(output) == ["notes.txt": Array("keep me".utf8)])
    }

    @Test("merges publication spellings, drops duplicates with a warning, reports every file's errors")
    func assembly() async throws {
        let files = [
            TestSupport.source("Publication: The Monitor Volume: 1 Issue: 1\n\nFirst.", path: "a.txt"),
            TestSupport.source("Publication: the  MONITOR Volume: 1 Issue: 1\n\nSecond.", path: "b.txt"),
            TestSupport.source("Publication: The Monitor Volume: 1 Issue: 1\n\nFirst.", path: "c.txt"),
        ]
        let (archive, diagnostics) = try await Pipeline().load(files)
        #expect(archive.publications.map(\.name) == ["The Monitor"])
        #expect(archive.articles.map(\.metadata.source.path) == ["a.txt", "b.txt"])
        #expect(diagnostics.map(\.id) == ["assembly.duplicate-article"])
        #expect(diagnostics.first?.location?.path == "c.txt")

        let broken = [TestSupport.source("no header", path: "x.txt"), TestSupport.source("", path: "y.txt")]
        let all = try await Checker().check(broken)
        #expect(all.map(\.id) == ["reader.text.missing-header", "reader.text.empty-file"])
    }

    @Test("the same text under another header is an error naming what differs, in a held build and a streamed one")
    func conflictingDuplicates() async throws {
        let files = [
            TestSupport.source("Publication: Monitor Volume: 1 Issue: 1\nTitle: First title\nAuthor: Ann\n\nSame body.", path: "a.txt"),
            TestSupport.source("Publication: Monitor Volume: 1 Issue: 1\nTitle: Second title\nAuthor: Bob\nSection: Opinion\n\nSame body.", path: "b.txt"),
        ]
        for threshold in [nil, 0] as [Int?] {
            var pipeline = Pipeline()
            pipeline.streamingThreshold = threshold
            let output = TestSupport.temporaryFolder()
            do {
                _ = try await pipeline.build(files, output: output, formats: ["text"], theme: Resources.theme(nil))
                Issue.record("the build went on")
            } catch let error as BulletinError {
                let diagnostic = try #require(error.diagnostics.first { $0.id == "assembly.conflicting-duplicate" })
                #expect(diagnostic.severity == .error && diagnostic.location?.path == "b.txt")
                #expect(diagnostic.message.contains("but its Title, Author, Section differ"), "\(diagnostic.message)")
            }
        }
    }

    @Test("a publication's slug does not depend on the other publications: names in other scripts and names of one slug get their own hash")
    func publicationSlugs() async throws {
        func issueIDs(_ names: [String]) async throws -> [String: String] {
            let files = names.enumerated().map { index, name in
                TestSupport.source("Publication: \(name) Volume: 1 Issue: 1\n\nText \(index).", path: "\(index).txt")
            }
            let archive = try await Pipeline().load(files).archive
            return Dictionary(uniqueKeysWithValues: archive.issues.map { ($0.publication, $0.id) })
        }
        let alone = try await issueIDs(["ახალი ამბები", "Café"])
        let beside = try await issueIDs(["Լուրեր", "ახალი ამბები", "Cafe", "Café"])
        let hash = { (name: String) in SHA256.hex(of: Assembler.publicationKey(name)).prefix(8) }
        #expect(alone["ახალი ამბები"] == "publication-\(hash("ახალი ამბები"))-v1-i1")
        #expect(beside["ახალი ამბები"] == alone["ახალი ამბები"])
        #expect(beside["Լուրեր"] == "publication-\(hash("Լուրեր"))-v1-i1")
        // Of two names with one slug, the first in sorted order keeps it and the other adds its own hash.
        #expect(alone["Café"] == "cafe-v1-i1" && beside["Cafe"] == "cafe-v1-i1")
        #expect(beside["Café"] == "cafe-\(hash("café"))-v1-i1")
    }

    @Test("hostile paths and titles never become unsafe output paths")
    func hostileTitles() async throws {
        let output = TestSupport.temporaryFolder()
        let files = [TestSupport.source("Publication: ../../etc Volume: 1 Issue: 1\nTitle: ../../passwd\n\nText.", path: "h.txt")]
        let report = try await build(files, into: output)
        #expect(report.files.allSatisfy { !$0.path.contains("..") })
        #expect(report.archive.issues[0].id == "etc-v1-i1")
    }

    @Test("the embedded themes, schema and examples match the repository's files")
    func embeddedResourcesFresh() throws {
        for folder in ["Themes", "Schemas", "Examples"] {
            let root = TestPaths.packageRoot.appendingPathComponent(folder)
            let onDisk = TestSupport.tree(root).filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
            let embedded = Resources.paths(under: folder)
            #expect(Set(embedded) == Set(onDisk.keys.map { "\(folder)/\($0)" }), "run Scripts/embed-resources")
            for (path, bytes) in onDisk {
                #expect(Resources.file("\(folder)/\(path)") == bytes, "\(folder)/\(path) is stale: run Scripts/embed-resources")
            }
        }
    }
}

@Suite("Project resolution")
struct ProjectTests {
    @Test("warns when feeds or the site are built without a base URL, and only then")
    func baseURLWarning() throws {
        let everything = try Project.resolve(sources: [], configPath: nil, output: nil, formats: nil, theme: nil)
        #expect(everything.configurationWarnings.map(\.id) == ["config.missing-base-url"])
        let textOnly = try Project.resolve(sources: [], configPath: nil, output: nil, formats: "text,json", theme: nil)
        #expect(textOnly.configurationWarnings.isEmpty)
        var configured = everything
        configured.configuration.baseURL = "https://example.org/"
        #expect(configured.configurationWarnings.isEmpty)
    }

    @Test("rejects an unknown format, no format at all and an unknown theme with a usage error")
    func usageErrors() {
        #expect(throws: BulletinError.self) { try Project.resolve(sources: [], configPath: nil, output: nil, formats: "pdf", theme: nil) }
        for none in ["", " , "] {
            #expect { try Project.resolve(sources: [], configPath: nil, output: nil, formats: none, theme: nil) } throws: { error in
                (error as? BulletinError)?.code == .invalidUsage && (error as? BulletinError)?.message.hasPrefix("no format to build") == true
            }
        }
        #expect(throws: BulletinError.self) { try Project.resolve(sources: [], configPath: nil, output: nil, formats: nil, theme: "no-such-theme") }
    }
}
