@testable import BulletinNLP
import BulletinTestSupport
import Testing

@Suite("Entity tokenizer")
struct EntityTokenizerTests {
    @Test("byte lanes tell capitals, small letters and lower case as a byte-by-byte test does, for every byte in every lane")
    func byteLanes() {
        var generator = SourceDamage.Generator(state: 11)
        for byte in 0...255 {
            for lane in 0..<8 {
                var bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                bytes[lane] = UInt8(byte)
                let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                let capitals = bytes.enumerated().reduce(UInt64(0)) { $0 | ($1.element &- 0x41 < 26 ? 0x80 << (8 * UInt64($1.offset)) : 0) }
                let smallLetters = bytes.enumerated().reduce(UInt64(0)) { $0 | ($1.element &- 0x61 < 26 ? 0x80 << (8 * UInt64($1.offset)) : 0) }
                let lowercased = bytes.enumerated().reduce(UInt64(0)) {
                    $0 | UInt64($1.element &- 0x41 < 26 ? $1.element + 32 : $1.element) << (8 * UInt64($1.offset))
                }
                #expect(ByteLanes.capitals(word) == capitals, "\(bytes)")
                #expect(ByteLanes.smallLetters(word) == smallLetters, "\(bytes)")
                #expect(ByteLanes.lowercased(word) == lowercased, "\(bytes)")
            }
        }
    }

    @Test("words packed eight bytes at a time and lowercased by lanes are the keys the word table packs and finds")
    func packedLookUps() {
        var table = EntityWordTable(expectedCount: 64)
        let words = ["moscow", "of", "abcdefgh", "abcdefghijkl", "abcdefghijklmnop", "international", "kyiv-based", "o'neill"]
        for word in words { _ = table.insert(word) }
        for word in words + ["MOSCOW", "Of", "AbCdEfGhIjKl", "INTERNATIONAL", "Kyiv-Based", "unknown", "ABCDEFGHIJKLMNOQ"] {
            let bytes = Array(word.utf8)
            func packed(_ range: Range<Int>) -> UInt64 {
                bytes[range].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            }
            let lanes = EntityWordTable.Packed(
                head: ByteLanes.lowercased(packed(0..<min(bytes.count, 8))),
                tail: UInt32(truncatingIfNeeded: ByteLanes.lowercased(packed(min(bytes.count, 8)..<min(bytes.count, 12)))))
            bytes.withUnsafeBufferPointer { buffer in
                #expect(lanes == EntityWordTable.packed(buffer, lowercasing: true), "\(word)")
                #expect(table.id(of: buffer, packed: lanes, lowercasing: true) == table.id(of: buffer, lowercasing: true), "\(word)")
            }
        }
    }

    @Test("a typographic quote, dash, ellipsis or ’s is keyed as its decoded text would be; other tokens are not keyed so")
    func typographicKeys() {
        let typographic = ["“", "”", "‘", "’", "‚", "‛", "„", "‟", "–", "—", "…", "«", "»", "’s", "’S"]
        for token in typographic + ["‑", "é", "’t", "s’", "“a", "’ss", "′", "a", "''"] {
            let bytes = Array(token.utf8)
            let key = bytes.withUnsafeBufferPointer { EntityTokenizer.typographicKey($0) }
            #expect((key != nil) == typographic.contains(token), "\(token)")
            if let key { #expect(key == EntityTokenizer.key(of: bytes[...]), "\(token)") }
        }
    }

    @Test("token offsets are the scalar offsets of the token's bytes, across accents, dashes, quotes and no-break spaces")
    func scalarOffsets() {
        let texts = [
            "“Émigrés,” said Zürich’s mayor—not Kyiv’s—in Paris\u{A0}today… «Non», he said.",
            "Київ and Москва met\u{A0}\u{A0}in 東京 on 🇷🇺 day; post-Yeltsin reforms–not Moscow-based ones.",
            "plain ASCII text, with no byte outside it.",
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            let scalars = Array(text.unicodeScalars)
            for token in EntityTokenizer.tokenize(bytes, lexicon: EntityLexicon.shared) {
                let decoded = String(decoding: bytes[token.byteStart..<token.byteEnd], as: UTF8.self)
                #expect(String(String.UnicodeScalarView(scalars[token.start..<token.end])) == decoded, "\(text): \(decoded)")
            }
        }
    }
}
