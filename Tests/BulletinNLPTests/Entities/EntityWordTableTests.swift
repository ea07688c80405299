@testable import BulletinNLP
import Testing

@Suite("Entity word table")
struct EntityWordTableTests {
    /// Words on both sides of the lengths a slot holds (8 and 12 bytes), one past the 255 a slot counts,
    /// and words differing only after their twelfth byte.
    static let words = [
        "", "a", "of", "moscow", "abcdefgh", "abcdefghi", "abcdefghijkl", "abcdefghijklm", "abcdefghijkln",
        "international", "internationale", "nordrhein-westfalen", "bogotá", "ростов", String(repeating: "x", count: 300),
        String(repeating: "x", count: 299) + "y",
    ]

    @Test func idsCountUpInInsertionOrderAndEveryWordIsFound() {
        // A small start makes the table grow several times while the words go in.
        var table = EntityWordTable(expectedCount: 2)
        for (index, word) in Self.words.enumerated() {
            let inserted = table.insert(word)
            #expect(inserted.id == Int32(index) && inserted.isNew, "\(word.prefix(20))")
        }
        #expect(table.count == Self.words.count)
        for (index, word) in Self.words.enumerated() {
            #expect(table.id(of: word) == Int32(index), "\(word.prefix(20))")
            #expect(table.insert(word) == (Int32(index), false))
        }
    }

    @Test func missesAreNil() {
        var table = EntityWordTable(expectedCount: 16)
        for word in Self.words { _ = table.insert(word) }
        for word in ["abcdefghijklmn", "abcdefghijkm", "abcdefg", "internationals", "x", String(repeating: "x", count: 301),
                     String(repeating: "x", count: 298) + "yy", "moscoW"] {
            #expect(table.id(of: word) == nil, "\(word.prefix(20))")
        }
    }

    @Test func lookUpsReadCapitalsAsLowerCaseOnlyWhenAsked() {
        var table = EntityWordTable(expectedCount: 16)
        for word in Self.words { _ = table.insert(word) }
        func id(_ text: String, lowercasing: Bool) -> Int32? {
            Array(text.utf8).withUnsafeBufferPointer { table.id(of: $0, lowercasing: lowercasing) }
        }
        #expect(id("Moscow", lowercasing: true) == 3)
        #expect(id("Moscow", lowercasing: false) == nil)
        #expect(id("ABCDEFGHIJKLM", lowercasing: true) == 7)
        #expect(id("ABCDEFGHIJKLN", lowercasing: true) == 8)
        #expect(id("INTERNATIONALE", lowercasing: true) == 10)
        #expect(id(String(repeating: "X", count: 299) + "Y", lowercasing: true) == 15)
    }

    @Test("a word's first twelve bytes are packed as a byte-by-byte reading packs them, folded only when asked", arguments: 0...14)
    func packedWords(length: Int) {
        let bytes = Array("AbCdEfGhIjKlMnOp-é".utf8.prefix(length))
        for lowercasing in [false, true] {
            var head: UInt64 = 0
            var tail: UInt32 = 0
            for (k, byte) in bytes.prefix(12).enumerated() {
                let folded = lowercasing && byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                if k < 8 { head |= UInt64(folded) << (8 * UInt64(k)) } else { tail |= UInt32(folded) << (8 * UInt32(k - 8)) }
            }
            bytes.withUnsafeBufferPointer { buffer in
                #expect(EntityWordTable.packed(buffer, lowercasing: lowercasing) == EntityWordTable.Packed(head: head, tail: tail))
            }
        }
    }

    @Test func wordsAreSpeltBackWithTheirLengths() {
        var table = EntityWordTable(expectedCount: 2)
        for word in Self.words { _ = table.insert(word) }
        for (index, word) in Self.words.enumerated() {
            #expect(table.spelling(of: Int32(index)) == word)
            #expect(table.byteCount(of: Int32(index)) == word.utf8.count)
        }
    }
}
