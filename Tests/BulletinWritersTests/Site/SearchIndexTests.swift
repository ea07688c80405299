import BulletinModel
@testable import BulletinWriters
import Testing

@Suite("Search index")
struct SearchIndexTests {
    @Test("the word-hash set agrees with Set through growth, clustered slots and the value zero")
    func wordHashes() {
        var hashes = WordHashes(capacity: 4)
        var reference: Set<UInt64> = []
        // A pseudo-random walk with many repeats, plus values that share their first slot.
        var state: UInt64 = 0x1234_5678
        var values: [UInt64] = [0, 1, 0, UInt64.max, 1 << 63, 1 << 62, 3 << 62]
        for _ in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(state >> 50)
        }
        for value in values {
            #expect(hashes.contains(value) == reference.contains(value))
            #expect(hashes.insert(value) == reference.insert(value).inserted)
        }
        for probe in values + [2, 5, 7 << 60] {
            #expect(hashes.contains(probe) == reference.contains(probe))
        }
    }

    @Test("distinct words: lowercased, first-use order, stop words and repeats left out, words joined across inlines")
    func distinctWords() {
        let blocks: [Block] = [
            .paragraph([.text("The Duma and the "), .emphasis([.text("DUMA")]), .text("’s vote on Zürich—ZÜRICH «Ankara» a"), .strong([.text("b")])], span: nil),
            .list(ordered: false, items: [[.paragraph([.text("Vote 2000, vote")], span: nil)]]),
        ]
        #expect(SearchIndex.distinctWords(blocks) == "duma s vote zürich ankara ab 2000")
    }
}
