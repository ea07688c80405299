import BulletinKit
import BulletinModel
import BulletinTestSupport
@testable import BulletinWriters
import Foundation
import Testing

/// Sources damaged at random, the same damage on every run: each either stops with diagnostics that say
/// where, or builds every format with well-formed markup and no live script.
@Suite("Fuzzed sources")
struct FuzzedSourcesTests {
    static let sources: [[UInt8]] = {
        let sample = TestSupport.bytes(TestPaths.sampleBulletin)
        let fields = Array("""
        Publication: Monitor Volume: 6 Issue: 24
        Date: 2000-02-03
        Title: Talks <resume> & "continue"
        Author: A. Writer; B. Writer
        Summary: Envoys met.

        Envoys of the OSCE met in Tiraspol (Infotag, February 2). They will meet again (see the Monitor, February 2).

        A second paragraph with “quotes” and an em dash—here.
        """.utf8)
        return [sample, fields]
    }()

    static let formats = ["epub", "feeds", "json", "site", "text"]

    /// Variants a batch makes: 16 batches of 25, 400 in all.
    static let batchSize = 25

    @Test("every variant stops with located diagnostics or builds well-formed, script-free outputs", arguments: 0..<16)
    func variants(batch: Int) async throws {
        let theme = try Resources.theme(nil)
        var built = 0
        defer { #expect(built * 4 >= Self.batchSize, "only \(built) of \(Self.batchSize) variants built: the damage is too heavy to test the writers") }
        for seed in UInt64(batch * Self.batchSize)..<UInt64((batch + 1) * Self.batchSize) {
            let base = Self.sources[Int(seed) % Self.sources.count]
            let path = "fuzz-\(seed).txt"
            let file = SourceFile(path: path, bytes: SourceDamage.damaged(base, seed: seed))
            let pipeline = Pipeline(concurrency: 2)
            let archive: BulletinModel.Archive
            do {
                (archive, _) = try await pipeline.load([file])
            } catch let error as BulletinError {
                #expect(error.code == .invalidSources, "seed \(seed): \(error.message)")
                #expect(!error.diagnostics.isEmpty, "seed \(seed): an error without diagnostics")
                for diagnostic in error.diagnostics where diagnostic.severity == .error {
                    let location = try #require(diagnostic.location, "seed \(seed): \(diagnostic.message) says not where")
                    #expect(location.path == path && location.line >= 1 && location.column >= 1, "seed \(seed): \(location)")
                }
                continue
            }
            let sink = MemorySink()
            try await pipeline.write(archive, formats: Self.formats, theme: theme, to: sink)
            built += 1
            for (name, bytes) in sink.files {
                try Self.check(bytes, name: name, seed: seed)
            }
        }
    }

    @Test("the checks catch what they look for: a live script, broken markup, JSON that does not parse")
    func checksBite() throws {
        for (name, text) in [("page.html", "<p><script>alert(1)</script></p>"), ("page.html", "<img src=x onerror=alert(1)>"),
                             ("feed.xml", "<feed><title>a & b</title></feed>"), ("doc.json", "{\"a\": }")] {
            withKnownIssue("\(name): \(text)") {
                try Self.check(Array(text.utf8), name: name, seed: 0)
            }
        }
    }

    /// Markup files must parse; HTML must hold no script but the theme's and the JSON-LD; JSON must parse.
    static func check(_ bytes: [UInt8], name: String, seed: UInt64) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        if name.hasSuffix(".epub") {
            for entry in try EPUBFixtures.entries(of: bytes) where !["mimetype", "EPUB/style.css"].contains(entry.path) {
                try check(entry.bytes, name: name + "/" + entry.path, seed: seed)
            }
        } else if [".xhtml", ".opf", ".ncx", ".xml", ".svg"].contains(where: name.hasSuffix) {
            let errors = XMLWellFormedness.errors(in: bytes, name: name)
            #expect(errors.isEmpty, "seed \(seed): \(name): \(errors.prefix(3).joined(separator: "; "))")
            #expect(!text.contains("<script"), "seed \(seed): \(name) holds a script")
        } else if name.hasSuffix(".html") {
            // The only scripts are the theme's, by src, and the JSON-LD; the attack's tag never appears.
            for match in text.matches(of: /<script[^>]*>/) {
                let tag = String(match.output)
                #expect(tag.contains(" src=") || tag == "<script type=\"application/ld+json\">", "seed \(seed): \(name): \(tag)")
            }
            #expect(!text.contains("<img src=x") && !text.contains("href=\"javascript:"), "seed \(seed): \(name)")
        } else if name.hasSuffix(".json") || name.hasSuffix(".ndjson") {
            let lines = name.hasSuffix(".ndjson") ? text.split(separator: "\n").map(String.init) : [text]
            for line in lines {
                #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "seed \(seed): \(name) does not parse")
            }
        }
    }
}
