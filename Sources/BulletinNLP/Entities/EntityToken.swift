import Foundation

/// One token of a paragraph as the entity tagger sees it.
///
/// Offsets are Unicode scalar offsets into the paragraph; the token's text is the paragraph's bytes
/// `byteStart..<byteEnd`. Its key, the lowercased text, is looked up once as it is made: the token keeps
/// the key's word id and traits, and ``EntityTokenizer/key(of:)`` spells the key out where a rule needs it.
/// The token holds no reference, so copying one costs no reference counting.
struct EntityToken: Sendable {
    /// The broad shape of a token.
    enum Shape: UInt8, Sendable {
        case word, number, punctuation
    }

    /// The offsets are held in 32 bits, so that a token fills half a cache line: a paragraph's tokens are
    /// written once and read by every rule. ``EntityTokenizer/tokenize(_:lexicon:)`` makes no tokens of
    /// a paragraph of 2³¹ bytes or more.
    private var offsets: (start: Int32, end: Int32, byteStart: Int32, byteEnd: Int32)
    var start: Int { Int(offsets.start) }
    var end: Int { Int(offsets.end) }
    /// UTF-8 byte offsets of the token in the paragraph.
    var byteStart: Int { Int(offsets.byteStart) }
    var byteEnd: Int { Int(offsets.byteEnd) }
    /// The key's ``EntityLexicon`` word id and the lists it is on.
    var word: Int32
    var traits: EntityWordTraits
    var shape: Shape
    /// First letter is upper case.
    var isCapitalized: Bool
    /// Every letter is upper case (and there is at least one).
    var isAllCaps: Bool
    /// Ends a sentence: . ! ? : ; ... or an ellipsis.
    var isSentenceEnd: Bool
    /// First word of a sentence (after . ! ? : or paragraph start, skipping quotes).
    var isSentenceStart: Bool = false
    /// The token is a possessive marker `'s` / `’s` split from the previous word.
    var isPossessive: Bool = false
    /// The token is the name part split off a hyphenated prefix such as "post-Yeltsin".
    var isHyphenSuffix: Bool = false

    /// Length of the token's text in UTF-8 bytes.
    var byteCount: Int { byteEnd - byteStart }

    init(start: Int, end: Int, byteStart: Int, byteEnd: Int, word: Int32, traits: EntityWordTraits, shape: Shape,
         isCapitalized: Bool, isAllCaps: Bool, isSentenceEnd: Bool) {
        offsets = (Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: end),
                   Int32(truncatingIfNeeded: byteStart), Int32(truncatingIfNeeded: byteEnd))
        self.word = word
        self.traits = traits
        self.shape = shape
        self.isCapitalized = isCapitalized
        self.isAllCaps = isAllCaps
        self.isSentenceEnd = isSentenceEnd
    }
}

/// Splits a paragraph into `EntityToken`s, working over UTF-8 bytes, and looks each up in the lexicon.
enum EntityTokenizer {
    /// Abbreviations that keep their final period.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "corp", "co", "ltd", "plc", "gen", "col", "lt", "maj",
        "capt", "sgt", "cmdr", "adm", "gov", "sen", "rep", "prof", "rev", "messrs", "mt", "ft", "no", "vs", "v",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "bros", "dept", "univ",
        "ave", "blvd", "rd", "pres", "est", "approx", "etc", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla",
        "ga", "ill", "ind", "kan", "kans", "ky", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
        "okla", "ore", "pa", "tenn", "tex", "vt", "va", "wash", "wis", "wyo",
    ]

    /// Hyphenated prefixes after which a capitalised name starts ("post-Yeltsin", "pro-Moscow").
    static let hyphenPrefixes: Set<String> = ["post", "pre", "pro", "anti", "non", "ex", "neo", "mid", "all", "trans-"]

    /// Hyphenated suffixes split off a capitalised name ("Cold War-style").
    static let hyphenSuffixes: Set<String> = [
        "style", "based", "led", "backed", "born", "controlled", "owned", "run", "made", "bound", "held",
        "sponsored", "funded", "linked", "allied", "dominated", "oriented", "era", "type", "speaking",
        "registered", "listed", "inspired", "brokered", "educated", "trained", "leaning", "friendly", "like",
    ]

    /// `abbreviations` as ``abbreviationCode(_:)`` packs them, for the tokenizer's look-up.
    private static let abbreviationCodes = Set(abbreviations.map { abbreviationCode($0.utf8) })

    /// Up to seven bytes and their count in one integer: equal for two byte strings only when they are.
    private static func abbreviationCode(_ bytes: some Collection<UInt8>) -> UInt64 {
        var code = UInt64(bytes.count) << 56
        for (k, byte) in bytes.enumerated() { code |= UInt64(byte) << (8 * UInt64(k)) }
        return code
    }

    /// Tokens of a paragraph given as its UTF-8 bytes.
    ///
    /// A paragraph of 2³¹ bytes or more has no tokens, and so no entities: a token's offsets are 32 bits.
    /// `generalPathOnly` sends every chunk through the general splitting, as tests do to compare it with
    /// the fast path of plain words.
    static func tokenize(_ bytes: [UInt8], lexicon: EntityLexicon, generalPathOnly: Bool = false) -> [EntityToken] {
        guard bytes.count < Int(Int32.max) else { return [] }
        return bytes.withUnsafeBufferPointer { buf in
            var scanner = Scanner(buf, lexicon: lexicon, generalPathOnly: generalPathOnly)
            scanner.run()
            return scanner.finish()
        }
    }

    // MARK: - Chunk splitting

    /// One paragraph being split into tokens: its bytes, the tokens so far, and how far its scalars are counted.
    private struct Scanner {
        let buf: UnsafeBufferPointer<UInt8>
        let lexicon: EntityLexicon
        /// The tokens so far, `tokens[0..<count]`. There is room for one a byte, as many as the paragraph
        /// can have, so a token is written without the uniqueness and capacity checks of an array's append.
        private let tokens: UnsafeMutableBufferPointer<EntityToken>
        private var count = 0
        /// The continuation bytes (`10xxxxxx`) before the chunk being split: a token's scalar offsets are
        /// its byte offsets less these, and less those before it in its chunk when the chunk has any.
        private var continuations = 0
        /// Where the chunk being split starts, and whether it holds bytes outside ASCII.
        private var chunk = (start: 0, isWide: false)
        /// No chunk takes ``emitPlainChunk(_:_:marks:)``.
        private let generalPathOnly: Bool

        /// Bits 0x09, 0x0A, 0x0D and 0x20: the ASCII whitespace that separates chunks.
        private static let whitespace: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x20

        init(_ buf: UnsafeBufferPointer<UInt8>, lexicon: EntityLexicon, generalPathOnly: Bool) {
            self.buf = buf
            self.lexicon = lexicon
            self.generalPathOnly = generalPathOnly
            tokens = .allocate(capacity: buf.count)
        }

        /// The paragraph's tokens, their sentence starts marked, in an array of their own; the scanner's
        /// room for them is freed.
        mutating func finish() -> [EntityToken] {
            let made = UnsafeMutableBufferPointer(rebasing: tokens[..<count])
            EntityTokenizer.markSentenceStarts(made)
            defer { tokens.deallocate() }
            return Array(made)
        }

        /// Appends `token`.
        @inline(__always)
        private mutating func append(_ token: EntityToken) {
            tokens.initializeElement(at: count, to: token)
            count += 1
        }

        /// The `count` (1...8) bytes at `k` packed little-endian, zero above them: read as one word where the
        /// paragraph has eight bytes from `k`, byte by byte at its end.
        @inline(__always)
        static func word(_ buf: UnsafeBufferPointer<UInt8>, at k: Int, count: Int) -> UInt64 {
            if k + 8 <= buf.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(buf.baseAddress! + k).loadUnaligned(as: UInt64.self))
                return count >= 8 ? word : word & (1 << (8 * UInt64(count)) - 1)
            }
            var word: UInt64 = 0
            for i in 0..<count { word |= UInt64(buf[k + i]) << (8 * UInt64(i)) }
            return word
        }

        /// The scalar offset of byte `byte` of the chunk being split (or its end).
        @inline(__always)
        private func scalarOffset(_ byte: Int) -> Int {
            var offset = byte - continuations
            if chunk.isWide {
                for k in chunk.start..<byte where buf[k] & 0xC0 == 0x80 { offset -= 1 }
            }
            return offset
        }

        /// Splits the paragraph into chunks at whitespace (ASCII and no-break space U+00A0) and each chunk into tokens.
        mutating func run() {
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { i += 1; continue }
                if b == 0xC2 && i + 1 < n && buf[i + 1] == 0xA0 { i += 2; continuations += 1; continue }
                var j = i
                // The ASCII bytes below 0x40 the chunk holds, bit by byte, and its continuation bytes: most
                // chunks hold neither a hyphen nor a byte outside ASCII, and need no search for a hyphen or a
                // dash, nor any count of their scalars.
                var marks: UInt64 = 0
                var continued = 0
                while j < n {
                    // Letters and the rest of 0x40...0x7F need none of the tests below: skipped eight at a time,
                    // up to the next byte that may.
                    if j + 8 <= n {
                        let stops = ByteLanes.marksOrWide(Self.word(buf, at: j, count: 8))
                        if stops == 0 { j += 8; continue }
                        j += stops.trailingZeroBitCount >> 3
                    }
                    let c = buf[j]
                    if c < 0x40 {
                        let bit: UInt64 = 1 << c
                        if bit & Self.whitespace != 0 { break }
                        marks |= bit
                    } else if c >= 0x80 {
                        if c == 0xC2 && j + 1 < n && buf[j + 1] == 0xA0 { break }
                        if c & 0xC0 == 0x80 { continued += 1 }
                    }
                    j += 1
                }
                chunk = (i, continued > 0)
                if continued > 0 || generalPathOnly || !emitPlainChunk(i, j, marks: marks) {
                    splitChunk(i, j, hasHyphen: marks & 1 << 0x2D != 0, hasDashes: continued > 0)
                }
                continuations += continued
                i = j
            }
        }

        /// The digits, as bits of the chunk's `marks`.
        private static let digitMarks: UInt64 = 0x03FF << 0x30

        /// The ASCII marks that ``splitChunk(_:_:hasHyphen:hasDashes:)`` splits off the end of a word one at
        /// a time, as bits of the chunk's `marks`: the punctuation of one byte that ``edgePunctLength(_:_:)``
        /// finds below 0x40.
        private static let trailingMarks: UInt64 =
            1 << 0x21 | 1 << 0x22 | 1 << 0x27 | 1 << 0x28 | 1 << 0x29 | 1 << 0x2A | 1 << 0x2C | 1 << 0x2E | 1 << 0x3A | 1 << 0x3B | 1 << 0x3F

        /// Tokenizes an ASCII chunk that is one word of letters and digits, with or without one mark of
        /// punctuation after it ("Moscow", "1996", "said,"), as ``splitChunk(_:_:hasHyphen:hasDashes:)``
        /// would, and returns true; returns false having made nothing for any other chunk. Most chunks are
        /// such words, and need none of the search for edge punctuation, possessives, hyphens and dashes.
        /// `marks` are the chunk's ASCII bytes below 0x40, bit by byte.
        private mutating func emitPlainChunk(_ s: Int, _ e: Int, marks: UInt64) -> Bool {
            let punctuation = marks & ~Self.digitMarks
            if punctuation == 0 { return emit(s, e, onlyAlphanumeric: true) }
            // One mark, and the last byte is it: the word before it must then hold no other.
            let last = buf[e - 1]
            guard e - s >= 2, last < 0x40, punctuation == 1 << last, Self.trailingMarks & punctuation != 0 else { return false }
            // A period kept on an abbreviation or initial is part of the word: left to `splitChunk`.
            if last == 0x2E && keepsPeriod(s, e - 1) { return false }
            guard emit(s, e - 1, onlyAlphanumeric: true) else { return false }
            emit(e - 1, e)
            return true
        }

        /// Length in bytes of a punctuation scalar at `i` that splits off a chunk edge, or 0.
        @inline(__always)
        private func edgePunctLength(_ i: Int, _ end: Int) -> Int {
            let c = buf[i]
            switch c {
            case 0x22, 0x27, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x2E, 0x2A, 0x60:
                return 1
            case 0xE2:
                // U+2018..U+201F quotes, U+2013/2014 dashes, U+2026 ellipsis.
                if i + 2 < end && buf[i + 1] == 0x80 {
                    let d = buf[i + 2]
                    if (d >= 0x98 && d <= 0x9F) || d == 0x93 || d == 0x94 || d == 0xA6 { return 3 }
                }
                return 0
            case 0xC2:
                if i + 1 < end && (buf[i + 1] == 0xAB || buf[i + 1] == 0xBB) { return 2 }
                return 0
            default:
                return 0
            }
        }

        /// Splits the chunk `start..<end` into tokens. `hasHyphen`: it holds a `-`; `hasDashes`: it holds
        /// bytes outside ASCII, among which an en or em dash may be.
        private mutating func splitChunk(_ start: Int, _ end: Int, hasHyphen: Bool, hasDashes: Bool) {
            var s = start
            var e = end
            // Leading punctuation, one token each.
            while s < e {
                let l = edgePunctLength(s, e)
                if l == 0 || buf[s] == 0x2E { break }
                if s + l == e { break }
                emit(s, s + l)
                s += l
            }
            // Trailing punctuation: found from the end, emitted in order after the word.
            let chunkEnd = e
            while e > s + 1 {
                var l = 0
                // Find a punctuation scalar ending at e.
                if edgePunctLength(e - 1, e) == 1 { l = 1 } else if e - 3 >= s, edgePunctLength(e - 3, e) == 3 { l = 3 } else if e - 2 >= s, edgePunctLength(e - 2, e) == 2 { l = 2 }
                if l == 0 { break }
                if l == 1 && buf[e - 1] == 0x2E {
                    // Keep the period of abbreviations, initials and dotted acronyms.
                    if keepsPeriod(s, e - 1) { break }
                }
                e -= l
            }
            let trailingStart = e
            // Possessive 's or ’s.
            var possessive: (Int, Int)?
            if e - s > 2, buf[e - 1] == 0x73 || buf[e - 1] == 0x53 {
                if buf[e - 2] == 0x27 && e - 2 > s { possessive = (e - 2, e); e -= 2 }
                else if e - 4 > s, buf[e - 4] == 0xE2, buf[e - 3] == 0x80, buf[e - 2] == 0x99 { possessive = (e - 4, e); e -= 4 }
            }
            // Inner dashes (en/em) split words: "months–and".
            var pieceStart = s
            if hasDashes {
                var k = s
                while k + 2 < e {
                    if buf[k] == 0xE2 && buf[k + 1] == 0x80 && (buf[k + 2] == 0x93 || buf[k + 2] == 0x94) {
                        if k > pieceStart { emitWord(pieceStart, k, hasHyphen: hasHyphen) }
                        emit(k, k + 3)
                        k += 3
                        pieceStart = k
                        continue
                    }
                    k += 1
                }
            }
            if e > pieceStart { emitWord(pieceStart, e, hasHyphen: hasHyphen) }
            if let p = possessive {
                emit(p.0, p.1)
                tokens[count - 1].isPossessive = true
            }
            // Every trailing piece is one whole punctuation scalar, so reading forward splits them as reading back did.
            var t = trailingStart
            while t < chunkEnd {
                let l = edgePunctLength(t, chunkEnd)
                emit(t, t + l)
                t += l
            }
        }

        private func keepsPeriod(_ s: Int, _ e: Int) -> Bool {
            if e <= s { return false }
            if e - s == 1 { return isLetter(buf[s]) }
            var hasDot = false
            for i in s..<e where buf[i] == 0x2E { hasDot = true; break }
            if hasDot { return true }
            if e - s > 6 { return false }
            let bytes = UnsafeBufferPointer(rebasing: buf[s..<e])
            if bytes.contains(where: { $0 >= 0x80 }) { return false }
            return abbreviationCodes.contains(abbreviationCode(bytes.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }))
        }

        /// Emits a word, splitting a hyphenated prefix before a capitalised name ("post-Yeltsin") and a
        /// descriptive suffix after one ("Cold War-style", "Moscow-based"): only in a chunk with a hyphen.
        private mutating func emitWord(_ s: Int, _ e: Int, hasHyphen: Bool) {
            guard hasHyphen else { return emit(s, e) }
            if e - s > 4, buf[s] >= 0x41, buf[s] <= 0x5A {
                var h = e - 1
                while h > s && buf[h] != 0x2D && buf[h] >= 0x61 && buf[h] <= 0x7A { h -= 1 }
                if h > s && h < e - 2 && buf[h] == 0x2D {
                    let suffix = String(decoding: UnsafeBufferPointer(rebasing: buf[(h + 1)..<e]), as: UTF8.self)
                    if hyphenSuffixes.contains(suffix) {
                        emitWord(s, h, hasHyphen: true)
                        emit(h, e)
                        return
                    }
                }
            }
            if e - s > 4, buf[s] >= 0x61, buf[s] <= 0x7A {
                var h = s
                while h < e && h - s < 6 && buf[h] != 0x2D { h += 1 }
                if h < e - 1 && buf[h] == 0x2D && buf[h + 1] >= 0x41 && buf[h + 1] <= 0x5A {
                    let prefix = String(decoding: UnsafeBufferPointer(rebasing: buf[s..<h]), as: UTF8.self)
                    if hyphenPrefixes.contains(prefix) {
                        emit(s, h + 1)
                        emit(h + 1, e)
                        tokens[count - 1].isHyphenSuffix = true
                        return
                    }
                }
            }
            emit(s, e)
        }

        /// Makes the token `s..<e`.
        private mutating func emit(_ s: Int, _ e: Int) {
            _ = emit(s, e, onlyAlphanumeric: false)
        }

        /// Makes the token `s..<e`, and returns true; when `onlyAlphanumeric`, only if its bytes are all
        /// ASCII letters and digits, and otherwise returns false having made nothing. Its bytes are read
        /// eight at a time: the lanes tell its case, and its first twelve, lowercased, are the packed key
        /// the word table compares.
        @inline(__always)
        private mutating func emit(_ s: Int, _ e: Int, onlyAlphanumeric: Bool) -> Bool {
            let slice = UnsafeBufferPointer(rebasing: buf[s..<e])
            let first = buf[s]
            var shape: EntityToken.Shape
            var isCap = false
            if first >= 0x30 && first <= 0x39 {
                shape = .number
            } else if isLetter(first) {
                shape = .word
            } else {
                shape = .punctuation
            }
            let count = e - s
            let head = Self.word(buf, at: s, count: min(count, 8))
            var capitals = ByteLanes.capitals(head)
            var smallLetters = ByteLanes.smallLetters(head)
            var high = head & ByteLanes.highBits
            // The lanes of the bytes read that hold neither an ASCII letter nor a digit.
            var others: UInt64 = 0
            if onlyAlphanumeric {
                others = ByteLanes.first(count) & ~(capitals | smallLetters | ByteLanes.digits(head))
            }
            var tail: UInt64 = 0
            if count > 8 {
                // Bytes 8..<12 fill the slot's `tail`; any after are read eight at a time for their case alone.
                tail = Self.word(buf, at: s + 8, count: min(count - 8, 4))
                var word = tail
                var read = min(count - 8, 4)
                var k = s + 12
                while true {
                    let wordCapitals = ByteLanes.capitals(word), wordSmallLetters = ByteLanes.smallLetters(word)
                    capitals |= wordCapitals
                    smallLetters |= wordSmallLetters
                    high |= word & ByteLanes.highBits
                    if onlyAlphanumeric {
                        others |= ByteLanes.first(read) & ~(wordCapitals | wordSmallLetters | ByteLanes.digits(word))
                    }
                    guard k < e else { break }
                    read = min(e - k, 8)
                    word = Self.word(buf, at: k, count: read)
                    k += 8
                }
            }
            if onlyAlphanumeric && others != 0 { return false }
            let hasLower = smallLetters != 0
            var hasLetter = capitals != 0 || hasLower
            var allCaps = !hasLower
            let word: Int32
            if high != 0 {
                let unicode = unicodeWord(slice, shape: shape)
                word = unicode.word
                shape = unicode.shape
                isCap = unicode.isCapitalized
                if unicode.hasLetters { hasLetter = true }
                if !unicode.lettersAreCapitals { allCaps = false }
            } else {
                let packed = EntityWordTable.Packed(head: ByteLanes.lowercased(head), tail: UInt32(truncatingIfNeeded: ByteLanes.lowercased(tail)))
                word = lexicon.id(lowercasing: slice, packed: packed)
            }
            if shape == .word && first < 0x80 { isCap = first >= 0x41 && first <= 0x5A }
            if !hasLetter { allCaps = false }
            let start = scalarOffset(s)
            let end = scalarOffset(e)
            append(EntityToken(
                start: start, end: end, byteStart: s, byteEnd: e, word: word,
                traits: lexicon.words[Int(word)].traits, shape: shape,
                isCapitalized: isCap, isAllCaps: allCaps && shape == .word, isSentenceEnd: Self.endsSentence(head, count: count)))
            return true
        }

        /// Whether a token of `count` bytes whose first (up to eight) are `head`, packed, is . ! ? : ; ... or U+2026.
        @inline(__always)
        static func endsSentence(_ head: UInt64, count: Int) -> Bool {
            switch count {
            case 1: head == 0x2E || head == 0x21 || head == 0x3F || head == 0x3A || head == 0x3B
            case 3: head == 0x2E_2E2E || head == 0xA6_80E2
            default: false
            }
        }

        /// A token with bytes outside ASCII: its key's id, and its shape and case as its letters' Unicode
        /// properties tell them. Apart from the ASCII path, so that the common token sets up no properties.
        @inline(never)
        private func unicodeWord(_ slice: UnsafeBufferPointer<UInt8>, shape: EntityToken.Shape)
            -> (word: Int32, shape: EntityToken.Shape, isCapitalized: Bool, hasLetters: Bool, lettersAreCapitals: Bool) {
            if let key = EntityTokenizer.typographicKey(slice) {
                // Neither letters nor capitals: the shape and case the ASCII bytes gave stand.
                return (lexicon.id(of: key), shape, false, false, true)
            }
            var shape = shape
            var isCap = false
            let surface = String(decoding: slice, as: UTF8.self)
            // Letters outside ASCII decide capitalisation by their Unicode properties.
            if shape == .word, let sc = surface.unicodeScalars.first {
                if sc.value >= 0x80 {
                    isCap = sc.properties.isUppercase
                }
            }
            var nonASCIILetters = false
            var capitals = true
            for sc in surface.unicodeScalars where sc.value >= 0x80 && sc.properties.isAlphabetic {
                nonASCIILetters = true
                if !sc.properties.isUppercase { capitals = false }
            }
            if shape == .punctuation && nonASCIILetters, let f = surface.unicodeScalars.first, f.properties.isAlphabetic {
                shape = .word
                isCap = f.properties.isUppercase
            }
            return (lexicon.id(of: unicodeKey(surface)), shape, isCap, nonASCIILetters, capitals)
        }
    }

    /// The key of a token that is one typographic quote, dash or ellipsis, or a possessive `’s`, `’S`:
    /// what ``unicodeKey(_:)`` makes of it (the apostrophe made ASCII, nothing else changed), without
    /// decoding it. Nil for any other token. These are most of the tokens outside ASCII in English copy.
    static func typographicKey(_ token: UnsafeBufferPointer<UInt8>) -> String? {
        switch token.count {
        case 2 where token[0] == 0xC2 && (token[1] == 0xAB || token[1] == 0xBB):
            return token[1] == 0xAB ? "\u{AB}" : "\u{BB}"
        case 3 where token[0] == 0xE2 && token[1] == 0x80:
            switch token[2] {
            case 0x99: return "'"
            case 0x93, 0x94, 0x98, 0x9A...0x9F, 0xA6: return String(decoding: token, as: UTF8.self)
            default: return nil
            }
        case 4 where token[0] == 0xE2 && token[1] == 0x80 && token[2] == 0x99 && (token[3] == 0x73 || token[3] == 0x53):
            return "'s"
        default:
            return nil
        }
    }

    @inline(__always)
    private static func isLetter(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c >= 0xC0
    }

    /// The lowercase look-up key of a token's bytes.
    static func key(of token: ArraySlice<UInt8>) -> String {
        if token.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: token.count) { out in
                for (k, c) in token.enumerated() { out[k] = c >= 0x41 && c <= 0x5A ? c + 32 : c }
                return token.count
            }
        }
        return unicodeKey(String(decoding: token, as: UTF8.self))
    }

    /// The key of a token with letters outside ASCII: Unicode lower case, typographic apostrophes made ASCII
    /// so look-ups match.
    private static func unicodeKey(_ surface: String) -> String {
        var key = surface.lowercased()
        // Letters written decomposed ("Zu\u{308}rich") are looked up composed, as the word lists spell them.
        if key.unicodeScalars.contains(where: { $0.value &- 0x300 < 0x70 }) { key = key.precomposedStringWithCanonicalMapping }
        // Asked of the scalars: `contains` with a string argument is Foundation's, a search through
        // NSString that cost more than the rest of the token.
        return key.unicodeScalars.contains("\u{2019}") ? key.replacingOccurrencesOfEntityApostrophe() : key
    }


    private static func markSentenceStarts(_ tokens: UnsafeMutableBufferPointer<EntityToken>) {
        var atStart = true
        for i in tokens.indices {
            if tokens[i].shape == .punctuation {
                // Quotes and brackets keep the state.
                if tokens[i].isSentenceEnd { atStart = true }
                continue
            }
            tokens[i].isSentenceStart = atStart
            atStart = false
        }
    }
}

extension String {
    /// Replaces U+2019 with an ASCII apostrophe (entity look-up keys only).
    fileprivate func replacingOccurrencesOfEntityApostrophe() -> String {
        var out = String.UnicodeScalarView()
        for s in unicodeScalars { out.append(s == "\u{2019}" ? "'" : s) }
        return String(out)
    }
}
