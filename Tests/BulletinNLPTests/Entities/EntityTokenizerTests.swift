@testable import BulletinNLP
import BulletinTestSupport
import Testing

@Suite("Entity tokenizer")
struct EntityTokenizerTests {
    @Test("byte lanes tell capitals, small letters, digits, marks and wide bytes, and lower case as a byte-by-byte test does, for every byte in every lane")
    func byteLanes() {
        var generator = SourceDamage.Generator(state: 11)
        for byte in 0...255 {
            for lane in 0..<8 {
                var bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                bytes[lane] = UInt8(byte)
                let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                let capitals = bytes.enumerated().reduce(UInt64(0)) { $0 | ($1.element &- 0x41 < 26 ? 0x80 << (8 * UInt64($1.offset)) : 0) }
                let smallLetters = bytes.enumerated().reduce(UInt64(0)) { $0 | ($1.element &- 0x61 < 26 ? 0x80 << (8 * UInt64($1.offset)) : 0) }
                let digits = bytes.enumerated().reduce(UInt64(0)) { $0 | ($1.element &- 0x30 < 10 ? 0x80 << (8 * UInt64($1.offset)) : 0) }
                let marksOrWide = bytes.enumerated().reduce(UInt64(0)) { $0 | ($1.element &- 0x40 >= 0x40 ? 0x80 << (8 * UInt64($1.offset)) : 0) }
                let lowercased = bytes.enumerated().reduce(UInt64(0)) {
                    $0 | UInt64($1.element &- 0x41 < 26 ? $1.element + 32 : $1.element) << (8 * UInt64($1.offset))
                }
                #expect(ByteLanes.capitals(word) == capitals, "\(bytes)")
                #expect(ByteLanes.smallLetters(word) == smallLetters, "\(bytes)")
                #expect(ByteLanes.digits(word) == digits, "\(bytes)")
                #expect(ByteLanes.marksOrWide(word) == marksOrWide, "\(bytes)")
                #expect(ByteLanes.lowercased(word) == lowercased, "\(bytes)")
            }
        }
    }

    @Test("the first lanes of a word are those a read of as many bytes fills")
    func firstLanes() {
        #expect(ByteLanes.first(0) == 0)
        #expect(ByteLanes.first(1) == 0x80)
        #expect(ByteLanes.first(3) == 0x80_8080)
        #expect(ByteLanes.first(8) == ByteLanes.highBits)
    }

    /// Chunks at the fast path's edges: words of letters and digits, alone or with one mark after them,
    /// beside the chunks it leaves to the general path (marks inside or before a word, two marks, a period
    /// kept on an abbreviation, hyphens, apostrophes, dashes and letters outside ASCII), at lengths about
    /// the eight- and twelve-byte reads and at the paragraph's end.
    static let fastPathEdges = [
        "Moscow said, on Monday; that 1996 was: good! Really? (yes) \"quoted\" 'single' star*",
        "Mr. Smith and Dr. Jones met J. Doe at 3. Inc. Corp. etc. U.S. approx. a. b. Washington. Tex.",
        "abcdefg abcdefgh abcdefghi abcdefghijkl abcdefghijklm abcdefghijklmnopqrst ABCDEFGHIJKLMNOPQRSTUVWX, abcdefghijklmnopqrst.",
        "1,000 3.5 a,b a.b. co-operate post-Yeltsin Moscow-based Cold War-style x- -y it's Reuters' O'Neill's dogs'",
        "Zürich, São Paulo. months–and — naïve, café; Łódź! “quoted,” ‘single’ it’s… ellipsis… «guillemets»",
        "A1b2C3 R2D2, 42nd 1990s. 7 tabs\tand\nnewlines\u{A0}no-break,\u{A0}spaces [bracket] {brace}, `tick`, @at ^caret_under|bar~",
        "x, y. Z! , . ; end,",
        "end.",
        "CAPITALS, MiXeD. lower",
        "ab1.",
    ]

    @Test("the fast path of plain words makes the tokens the general path makes", arguments: fastPathEdges)
    func fastPathMatchesGeneralPath(_ text: String) {
        func described(_ tokens: [EntityToken]) -> [String] {
            tokens.map { t in
                "\(t.start)-\(t.end) \(t.byteStart)-\(t.byteEnd) \(t.word) \(t.traits.rawValue) \(t.shape) "
                    + "\(t.isCapitalized) \(t.isAllCaps) \(t.isSentenceEnd) \(t.isSentenceStart) \(t.isPossessive) \(t.isHyphenSuffix)"
            }
        }
        let bytes = Array(text.utf8)
        // Every ending of the text, so that each chunk is also met at the paragraph's end.
        for end in (0...bytes.count).reversed() where end == bytes.count || bytes[end] & 0xC0 != 0x80 {
            let prefix = Array(bytes[..<end])
            let fast = EntityTokenizer.tokenize(prefix, lexicon: EntityLexicon.shared)
            let general = EntityTokenizer.tokenize(prefix, lexicon: EntityLexicon.shared, generalPathOnly: true)
            #expect(described(fast) == described(general), "\(String(decoding: prefix, as: UTF8.self))")
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
