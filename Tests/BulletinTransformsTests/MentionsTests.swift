import BulletinModel
import BulletinNLP
import BulletinReaders
import BulletinTestSupport
import BulletinTransforms
import Testing

@Suite("Entity mentions kept as bytes")
struct MentionsTests {
    /// The real sample, whose mentions include roles, short forms and non-ASCII text.
    func sample() throws -> Article {
        let source = try #require(BulletinTextReader().read(TestSupport.bytes(TestPaths.sampleBulletin), path: "s.txt").article)
        return Article(metadata: ArticleMetadata(
            id: "x", slug: "", title: "", titleIsDerived: false, publication: source.publication, volume: source.volume,
            issue: source.issue, source: source.source, wordCount: 0
        ), blocks: source.blocks)
    }

    @Test("the mentions of an article read back from their bytes are the same, and place the same nodes")
    func roundTrip() throws {
        let article = try sample()
        let tagging = EntityTagging()
        let found = tagging.mentions(in: article)
        #expect(found.runs.joined().count > 10)
        #expect(found.runs.joined().contains { $0.role != nil })
        let read = try #require(EntityTagging.Mentions(encoded: found.encoded()))
        #expect(read == found)
        #expect(tagging.apply(to: article, mentions: read) == tagging.apply(to: article))
    }

    @Test("spans with non-ASCII text, long names, no role and empty runs survive the bytes")
    func edgeCases() throws {
        let long = String(repeating: "Ж", count: 200)
        let mentions = EntityTagging.Mentions(runs: [
            [], [EntitySpan(start: 0, end: 7, kind: .location, text: "Ростов", canonicalName: "Ростов-на-Дону"),
                 EntitySpan(start: 300, end: 500, kind: .miscellaneous, text: long, canonicalName: long, role: "Colonel General")],
            [EntitySpan(start: 1 << 20, end: (1 << 20) + 3, kind: .organization, text: "IMF", canonicalName: "International Monetary Fund")],
        ])
        #expect(EntityTagging.Mentions(encoded: mentions.encoded()) == mentions)
    }

    @Test("bytes that are not mentions are refused, not misread")
    func malformed() throws {
        let bytes = try EntityTagging.Mentions(runs: EntityTagging().mentions(in: sample()).runs).encoded()
        #expect(EntityTagging.Mentions(encoded: []) == nil)
        #expect(EntityTagging.Mentions(encoded: Array(bytes.dropLast())) == nil)
        #expect(EntityTagging.Mentions(encoded: bytes + [0]) == nil)
        #expect(EntityTagging.Mentions(encoded: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]) == nil)
        // A run count far beyond the bytes given.
        #expect(EntityTagging.Mentions(encoded: [0xFF, 0xFF, 0x7F]) == nil)
    }
}
