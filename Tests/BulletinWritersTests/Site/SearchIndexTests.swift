import BulletinModel
import BulletinTestSupport
import Foundation
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

    /// The rule by characters: letters and digits make words, ASCII punctuation and the Latin-1 and
    /// General Punctuation symbols part them; words lowercased, stop words and repeats left out.
    static func referenceWords(_ text: String) -> String {
        let stop: Set<String> = ["a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have",
                                 "he", "her", "his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "them",
                                 "they", "this", "to", "was", "were", "which", "who", "will", "with"]
        func separates(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            if value < 0x80 { return !(scalar.properties.isAlphabetic || (0x30...0x39).contains(value)) }
            return (0xA0...0xBF).contains(value) || value == 0xD7 || value == 0xF7 || (0x2000...0x207F).contains(value)
        }
        var seen: Set<String> = [], words: [String] = [], word = ""
        func flush() {
            let lowered = word.lowercased()
            if !word.isEmpty, !stop.contains(lowered), seen.insert(lowered).inserted { words.append(lowered) }
            word = ""
        }
        for scalar in text.unicodeScalars {
            if separates(scalar) { flush() } else { word.unicodeScalars.append(scalar) }
        }
        flush()
        return words.joined(separator: " ")
    }

    @Test("distinct words of the real sample, cut into inlines at every few bytes, agree with the rule by characters")
    func sampleWords() throws {
        let text = try String(contentsOf: TestPaths.sampleBulletin, encoding: .utf8)
            + " Zürich’s ZÜRICH naïve façade—«quoted» x×y 10÷2 ΑΘΉΝΑ Αθήνα 東京 end"
        let paragraphs = text.split(separator: "\n").map(String.init)
        for cut in [1, 3, 7, 64, 100_000] {
            // Inlines of `cut` characters, so that words run on from one piece into the next.
            let blocks: [Block] = paragraphs.map { paragraph in
                var pieces: [Inline] = []
                var rest = paragraph[...]
                while !rest.isEmpty {
                    pieces.append(.text(String(rest.prefix(cut))))
                    rest = rest.dropFirst(cut)
                }
                return .paragraph(pieces, span: nil)
            }
            let expected = paragraphs.map { Self.referenceWords($0) }.joined(separator: " ")
            // Across paragraphs a word is listed once: compare the first uses.
            var firstUses: [String] = [], seen: Set<String> = []
            for word in expected.split(separator: " ") where seen.insert(String(word)).inserted { firstUses.append(String(word)) }
            #expect(SearchIndex.distinctWords(blocks) == firstUses.joined(separator: " "), "cut \(cut)")
        }
    }
}
