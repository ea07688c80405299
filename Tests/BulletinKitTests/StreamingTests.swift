import BulletinKit
import BulletinModel
import BulletinTestSupport
import BulletinTransforms
import BulletinWriters
import Foundation
import Synchronization
import Testing

@Suite("Streamed builds")
struct StreamingTests {
    static let formats = ["epub", "text"]

    /// A pipeline that streams every build its formats allow (`streaming`), or none.
    func pipeline(streaming: Bool, concurrency: Int = 2, observer: any BuildObserver = SilentObserver()) -> Pipeline {
        var pipeline = Pipeline(observer: observer, concurrency: concurrency)
        pipeline.streamingThreshold = streaming ? 0 : nil
        return pipeline
    }

    /// The example archive, the real sample, an article without a title, a second copy of one article
    /// in its issue (left out with a warning), and articles spelling one entity two ways.
    static var sources: [SourceFile] {
        Resources.exampleSources + [
            SourceFile(path: "sample.txt", bytes: TestSupport.bytes(TestPaths.sampleBulletin)),
            TestSupport.source("Publication: Monitor Volume: 1 Issue: 2\n\nThe Al-Qaeda cell met in Kabul on Monday, officials said.", path: "z/untitled.txt"),
            TestSupport.source("Publication: Monitor Volume: 1 Issue: 2\n\nThe Al-Qaeda cell met in Kabul on Monday, officials said.", path: "z/untitled-copy.txt"),
            TestSupport.source("Publication: Prism Volume: 3 Issue: 4\nTitle: Spellings\n\nAl Qaeda and Gazprom were named in Kabul. Al Qaeda denied it.", path: "z/spelling.txt"),
        ]
    }

    @Test("a streamed build writes the same bytes as one that holds the archive, manifest included")
    func sameBytes() async throws {
        let held = TestSupport.temporaryFolder(), streamed = TestSupport.temporaryFolder()
        let theme = try Resources.theme(nil)
        let heldReport = try await pipeline(streaming: false).build(Self.sources, output: held, formats: Self.formats, theme: theme)
        let streamedReport = try await pipeline(streaming: true, concurrency: 3).build(Self.sources, output: streamed, formats: Self.formats, theme: theme)
        let a = TestSupport.tree(held), b = TestSupport.tree(streamed)
        // Both keep their summaries for the next build, the same bytes.
        #expect(a[".bulletin-summaries"] != nil)
        #expect(a.keys.contains("manifest.json") && a.keys.contains { $0.hasSuffix(".epub") } && a.keys.contains { $0.hasSuffix(".txt") })
        #expect(Set(a.keys) == Set(b.keys))
        for (path, bytes) in a.sorted(by: { $0.key < $1.key }) {
            #expect(b[path] == bytes, "\(path) differs between the held and the streamed build")
        }
        #expect(heldReport.diagnostics == streamedReport.diagnostics)
        #expect(streamedReport.diagnostics.contains { $0.id == "assembly.duplicate-article" })
        #expect(streamedReport.archive.issues.map(\.id) == heldReport.archive.issues.map(\.id))
        // The streamed report's archive holds headers only.
        let bodies = streamedReport.archive.articles.filter { !$0.blocks.isEmpty }
        #expect(bodies.isEmpty)
        #expect(streamedReport.archive.articles.map(\.metadata.slug) == heldReport.archive.articles.map(\.metadata.slug))
        #expect(streamedReport.archive.articles.contains { $0.metadata.titleIsDerived })
    }

    @Test("archives of lightly damaged sources build the same bytes streamed and held, or stop alike", arguments: 0..<8)
    func damagedArchives(batch: Int) async throws {
        let theme = try Resources.theme(nil)
        let example = Resources.exampleSources
        for variant in UInt64(batch * 5)..<UInt64(batch * 5 + 5) {
            // Every source damaged a little, with its own seed: most still read, and the archive's
            // issues, duplicates, dates and cross-references shift from variant to variant.
            let sources = example.enumerated().map { index, file in
                SourceFile(path: file.path, bytes: SourceDamage.damaged(file.load() ?? [], seed: variant &* 1000 &+ UInt64(index), edits: 0...1))
            }
            let held = TestSupport.temporaryFolder(), streamed = TestSupport.temporaryFolder()
            func build(streaming: Bool, into output: URL) async -> Result<BuildReport, any Error> {
                do {
                    return .success(try await pipeline(streaming: streaming).build(sources, output: output, formats: Self.formats, theme: theme))
                } catch {
                    return .failure(error)
                }
            }
            let heldResult = await build(streaming: false, into: held), streamedResult = await build(streaming: true, into: streamed)
            switch (heldResult, streamedResult) {
            case (.success(let a), .success(let b)):
                #expect(a.diagnostics == b.diagnostics, "variant \(variant)")
                let heldFiles = TestSupport.tree(held), streamedFiles = TestSupport.tree(streamed)
                let differing = Set(heldFiles.keys).symmetricDifference(streamedFiles.keys).union(heldFiles.keys.filter { streamedFiles[$0] != heldFiles[$0] })
                #expect(differing.isEmpty, "variant \(variant): \(differing.sorted())")
            case (.failure(let a as BulletinError), .failure(let b as BulletinError)):
                #expect(a.diagnostics == b.diagnostics, "variant \(variant)")
            default:
                Issue.record("variant \(variant): held \(heldResult), streamed \(streamedResult)")
            }
        }
    }

    @Test("only builds of formats written issue by issue, above the threshold, stream")
    func whenStreaming() {
        var pipeline = Pipeline()
        #expect(pipeline.streamingThreshold == Pipeline.defaultStreamingThreshold)
        #expect(!pipeline.streams(["epub"], sources: Pipeline.defaultStreamingThreshold))
        #expect(pipeline.streams(["epub"], sources: Pipeline.defaultStreamingThreshold + 1))
        #expect(pipeline.streams(["epub", "text"], sources: 100_000))
        for format in ["json", "site", "feeds"] {
            #expect(!pipeline.streams(["epub", format], sources: 100_000), "\(format) reads the whole archive")
        }
        #expect(!pipeline.streams([], sources: 100_000))
        pipeline.configuration.epub = Configuration.EPUBSettings(perVolume: true)
        #expect(!pipeline.streams(["epub"], sources: 100_000), "a volume's book reads every issue of it")
        pipeline.configuration.epub = nil
        pipeline.streamingThreshold = nil
        #expect(!pipeline.streams(["epub"], sources: 100_000))
        pipeline.streamingThreshold = 0
        #expect(pipeline.streams(["epub"], sources: 1))
    }

    @Test("a streamed build with a bad source says where, and leaves the previous output as it was")
    func badSource() async throws {
        let output = TestSupport.temporaryFolder()
        let theme = try Resources.theme(nil)
        _ = try await pipeline(streaming: true).build(Resources.exampleSources, output: output, formats: Self.formats, theme: theme)
        let before = TestSupport.tree(output)
        #expect(before.keys.contains("manifest.json"))
        let bad = Resources.exampleSources + [TestSupport.source("Publication: X Volume: one Issue: 1\n\nText.", path: "bad.txt")]
        let error = await #expect(throws: BulletinError.self) {
            _ = try await pipeline(streaming: true).build(bad, output: output, formats: Self.formats, theme: theme)
        }
        let located = error?.diagnostics.first { $0.severity == .error }?.location
        #expect(located?.path == "bad.txt" && located?.line == 1 && (located?.column ?? 0) > 1)
        #expect(TestSupport.tree(output) == before)
    }

    /// Keeps the names of finished steps and the parts of the writing step, in the order they are told.
    final class Timings: BuildObserver {
        let told = Mutex<[String]>([])

        func stepStarted(_ number: Int, of count: Int, name: String) {}
        func progress(completed: Int, total: Int) {}
        func stepFinished(_ name: String, seconds: Double) { told.withLock { $0.append("step \(name)") } }
        func writingTook(_ parts: [(part: String, seconds: Double)]) {
            told.withLock { $0 += parts.map { "part \($0.part)" } }
            // Most first: the order is the report's, whatever the times were.
            #expect(parts.map(\.seconds) == parts.map(\.seconds).sorted(by: >))
        }
    }

    @Test("the writing step tells each writer's share, and in a streamed build the issues made again, before it finishes")
    func writingParts() async throws {
        let theme = try Resources.theme(nil)
        for streaming in [false, true] {
            let observer = Timings()
            _ = try await pipeline(streaming: streaming, observer: observer)
                .build(Self.sources, output: TestSupport.temporaryFolder(), formats: Self.formats, theme: theme)
            let told = observer.told.withLock { $0 }
            let parts = Set(told.filter { $0.hasPrefix("part ") })
            let expected = Set(["part epub", "part text"] + (streaming ? ["part issues made again from their sources"] : []))
            #expect(parts == expected, "streaming \(streaming): \(told)")
            let lastStep = try #require(told.lastIndex(of: "step Write outputs"))
            #expect(told[..<lastStep].filter { $0.hasPrefix("part ") }.count == parts.count, "the parts come before the step's end: \(told)")
        }
    }

    /// Rewrites a file when writing starts, as an editor saving a source mid-build would.
    final class EditsWhenWriting: BuildObserver {
        let file: URL
        let edited = Mutex(false)

        init(_ file: URL) {
            self.file = file
        }

        func stepStarted(_ number: Int, of count: Int, name: String) {
            guard name == "Write outputs" else { return }
            try? Data("Publication: Monitor Volume: 9 Issue: 1\n\nEdited meanwhile.".utf8).write(to: file)
            edited.withLock { $0 = true }
        }

        func progress(completed: Int, total: Int) {}
    }

    @Test("two sources whose paths differ only in how an accent is written build the same bytes streamed and held")
    func pathsOfOneSpelling() async throws {
        // `café.txt` with a composed é and with a decomposed one: two files, which Swift's strings take as one
        // path; a streamed build kept one article's entity mentions for both.
        let sources = Resources.exampleSources + [
            TestSupport.source("Publication: Prism Volume: 3 Issue: 4\nTitle: One\n\nGazprom met Lukoil in Kabul on Monday.", path: "z/caf\u{E9}.txt"),
            TestSupport.source("Publication: Prism Volume: 3 Issue: 4\nTitle: Two\n\nThe Kremlin and NATO spoke in Geneva.", path: "z/cafe\u{301}.txt"),
        ]
        let held = TestSupport.temporaryFolder(), streamed = TestSupport.temporaryFolder()
        let theme = try Resources.theme(nil)
        _ = try await pipeline(streaming: false).build(sources, output: held, formats: Self.formats, theme: theme)
        _ = try await pipeline(streaming: true).build(sources, output: streamed, formats: Self.formats, theme: theme)
        let a = TestSupport.tree(held), b = TestSupport.tree(streamed)
        #expect(Set(a.keys) == Set(b.keys))
        for (path, bytes) in a.sorted(by: { $0.key < $1.key }) {
            #expect(b[path] == bytes, "\(path) differs between the held and the streamed build")
        }
    }

    @Test("a source changed between the two readings stops the build, and nothing is written")
    func changedSource() async throws {
        let folder = TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("a.txt")
        try Data("Publication: Monitor Volume: 9 Issue: 1\n\nAs first read.".utf8).write(to: file)
        let output = folder.appendingPathComponent("out")
        let observer = EditsWhenWriting(file)
        let error = await #expect(throws: BulletinError.self) {
            _ = try await pipeline(streaming: true, observer: observer).build(
                [SourceFile(onDisk: file.path)], output: output, formats: Self.formats, theme: try Resources.theme(nil))
        }
        #expect(observer.edited.withLock { $0 })
        #expect(error?.message.contains("a.txt: the file changed") == true)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("a source that cannot be read is an error naming it, in either kind of build")
    func unreadable() async throws {
        let missing = TestSupport.temporaryFolder().appendingPathComponent("gone.txt").path
        for streaming in [false, true] {
            let error = await #expect(throws: BulletinError.self) {
                _ = try await pipeline(streaming: streaming).build(
                    Resources.exampleSources + [SourceFile(onDisk: missing)], output: TestSupport.temporaryFolder(),
                    formats: Self.formats, theme: try Resources.theme(nil))
            }
            let diagnostic = error?.diagnostics.first { $0.severity == .error }
            #expect(diagnostic?.id == "source.unreadable" && diagnostic?.location?.path == missing)
        }
    }

    @Test("an entity's name is the spelling most articles use, whatever order they come in")
    func entityNames() {
        func article(_ spellings: [String]) -> Article {
            var article = Article(metadata: ArticleMetadata(
                id: "a", slug: "a", title: "A", titleIsDerived: false, publication: "Monitor", volume: 1, issue: 1,
                source: SourceInfo(path: "a.txt", format: "text", sha256: ""), wordCount: 1
            ), blocks: [])
            article.metadata.entities = spellings.map { EntityCount(id: "org-al-qaeda", name: $0, type: .organization, count: 1, provenance: .automatic) }
            return article
        }
        let articles = [article(["Al Qaeda"]), article(["Al-Qaeda"]), article(["Al-Qaeda"]), article(["al Qaeda"])]
        var forward = EntityLinking.EntityNames(), backward = EntityLinking.EntityNames(), split = EntityLinking.EntityNames()
        for a in articles { forward.add(a) }
        for a in articles.reversed() { backward.add(a) }
        var half = EntityLinking.EntityNames()
        for a in articles.prefix(2) { split.add(a) }
        for a in articles.suffix(2) { half.add(a) }
        split.merge(half)
        for names in [forward, backward, split] {
            #expect(names.name(of: "org-al-qaeda") == "Al-Qaeda")
        }
        // Used equally often, the spelling first in Unicode order is the name.
        var tied = EntityLinking.EntityNames()
        for a in [article(["Al Qaeda"]), article(["Al-Qaeda"])].reversed() { tied.add(a) }
        #expect(tied.name(of: "org-al-qaeda") == "Al Qaeda")
    }
}
