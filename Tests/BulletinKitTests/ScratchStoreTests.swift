@testable import BulletinKit
import BulletinModel
import BulletinNLP
import BulletinTransforms
import Foundation
import Testing

@Suite("Scratch store")
struct ScratchStoreTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-scratch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("keeps bytes by key from many tasks, in a file no one sees, and gives them back")
    func keepsAndGivesBack() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try #require(ScratchStore(in: folder))
        // The file is unlinked as soon as it is made: the staging folder it lives in stays empty.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        func mentions(_ n: Int) -> EntityTagging.Mentions {
            EntityTagging.Mentions(runs: [[EntitySpan(start: n, end: n + 4, kind: .person, text: "Name\(n)", canonicalName: "Full Name\(n)")], []])
        }
        await withTaskGroup(of: Void.self) { group in
            for n in 0..<200 { group.addTask { store.keep(encoded: mentions(n).encoded(), for: "source-\(n).txt") } }
        }
        for n in 0..<200 { #expect(store.bytes(for: "source-\(n).txt") == mentions(n).encoded()) }
        #expect(store.bytes(for: "never-kept.txt") == nil)
    }

    @Test("is not made where no file can be made")
    func noFolder() {
        #expect(ScratchStore(in: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")) == nil)
    }

    @Test("tagging places the kept mentions of an article's source, and tags an article whose were not kept")
    func keptMentionsTagging() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try #require(ScratchStore(in: folder))
        func article(_ path: String) -> Article {
            Article(metadata: ArticleMetadata(
                id: path, slug: "", title: "", titleIsDerived: false, publication: "Monitor", volume: 1, issue: 1,
                source: SourceInfo(path: path, format: "text", sha256: ""), wordCount: 0
            ), blocks: [.paragraph([.text("Leonid Ivashov met NATO officials in Moscow.")], span: nil)])
        }
        // Kept mentions unlike the tagger's show that they, not a second tagging, were placed.
        let kept = EntityTagging.Mentions(runs: [[EntitySpan(start: 37, end: 43, kind: .organization, text: "Moscow", canonicalName: "Moscow City")]])
        store.keep(encoded: kept.encoded(), for: "a.txt")
        let tagging = KeptMentionsTagging(store: store)
        let placed = tagging.apply(to: article("a.txt"))
        #expect(placed.metadata.entities.map(\.name) == ["Moscow City"])
        #expect(placed == EntityTagging().apply(to: article("a.txt"), mentions: kept))
        #expect(tagging.apply(to: article("b.txt")) == EntityTagging().apply(to: article("b.txt")))
        #expect(EntityTagging().apply(to: article("b.txt")).metadata.entities.count >= 2)
    }
}
