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

    /// Tokens of a paragraph given as its UTF-8 bytes.
    ///
    /// A paragraph of 2³¹ bytes or more has no tokens, and so no entities: a token's offsets are 32 bits.
    static func tokenize(_ bytes: [UInt8], lexicon: EntityLexicon) -> [EntityToken] {
        guard bytes.count < Int(Int32.max) else { return [] }
        let isASCII = !bytes.contains { $0 >= 0x80 }
        // Scalar offset of every byte (and of the end), only needed when the text is not ASCII.
        var scalarOffsets: [Int32] = []
        if !isASCII {
            scalarOffsets.reserveCapacity(bytes.count + 1)
            var n: Int32 = 0
            for b in bytes {
                scalarOffsets.append(n)
                if b & 0xC0 != 0x80 { n += 1 }
            }
            scalarOffsets.append(n)
        }
        let context = Context(isASCII: isASCII, scalarOffsets: scalarOffsets, lexicon: lexicon)
        var tokens: [EntityToken] = []
        tokens.reserveCapacity(bytes.count / 5)
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            while i < n {
                // Skip whitespace (ASCII and no-break space U+00A0).
                let b = buf[i]
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { i += 1; continue }
                if b == 0xC2 && i + 1 < n && buf[i + 1] == 0xA0 { i += 2; continue }
                var j = i
                while j < n {
                    let c = buf[j]
                    if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { break }
                    if c == 0xC2 && j + 1 < n && buf[j + 1] == 0xA0 { break }
                    j += 1
                }
                splitChunk(buf, i, j, context, into: &tokens)
                i = j
            }
        }
        markSentenceStarts(&tokens)
        return tokens
    }

    // MARK: - Chunk splitting

    /// What every token of a paragraph needs besides its bytes.
    private struct Context {
        var isASCII: Bool
        /// Scalar offset of every byte and of the end; empty when the paragraph is ASCII.
        var scalarOffsets: [Int32]
        var lexicon: EntityLexicon
    }

    /// Length in bytes of a punctuation scalar at `i` that splits off a chunk edge, or 0.
    @inline(__always)
    private static func edgePunctLength(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
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

    private static func splitChunk(
        _ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ context: Context,
        into tokens: inout [EntityToken]
    ) {
        var s = start
        var e = end
        // Leading punctuation, one token each.
        while s < e {
            let l = edgePunctLength(buf, s, e)
            if l == 0 || buf[s] == 0x2E { break }
            if s + l == e { break }
            emit(buf, s, s + l, context, &tokens)
            s += l
        }
        // Trailing punctuation: found from the end, emitted in order after the word.
        let chunkEnd = e
        while e > s + 1 {
            var l = 0
            // Find a punctuation scalar ending at e.
            if edgePunctLength(buf, e - 1, e) == 1 { l = 1 } else if e - 3 >= s, edgePunctLength(buf, e - 3, e) == 3 { l = 3 } else if e - 2 >= s, edgePunctLength(buf, e - 2, e) == 2 { l = 2 }
            if l == 0 { break }
            if l == 1 && buf[e - 1] == 0x2E {
                // Keep the period of abbreviations, initials and dotted acronyms.
                if keepsPeriod(buf, s, e - 1) { break }
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
        var k = s
        var pieceStart = s
        while k + 2 < e {
            if buf[k] == 0xE2 && buf[k + 1] == 0x80 && (buf[k + 2] == 0x93 || buf[k + 2] == 0x94) {
                if k > pieceStart { emitWord(buf, pieceStart, k, context, &tokens) }
                emit(buf, k, k + 3, context, &tokens)
                k += 3
                pieceStart = k
                continue
            }
            k += 1
        }
        if e > pieceStart { emitWord(buf, pieceStart, e, context, &tokens) }
        if let p = possessive {
            emit(buf, p.0, p.1, context, &tokens)
            tokens[tokens.count - 1].isPossessive = true
        }
        // Every trailing piece is one whole punctuation scalar, so reading forward splits them as reading back did.
        var t = trailingStart
        while t < chunkEnd {
            let l = edgePunctLength(buf, t, chunkEnd)
            emit(buf, t, t + l, context, &tokens)
            t += l
        }
    }

    private static func keepsPeriod(_ buf: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        if e <= s { return false }
        if e - s == 1 { return isLetter(buf[s]) }
        var hasDot = false
        for i in s..<e where buf[i] == 0x2E { hasDot = true; break }
        if hasDot { return true }
        if e - s > 6 { return false }
        var key = ""
        for i in s..<e {
            let c = buf[i]
            if c >= 0x80 { return false }
            key.unicodeScalars.append(Unicode.Scalar(c >= 0x41 && c <= 0x5A ? c + 32 : c))
        }
        return abbreviations.contains(key)
    }

    @inline(__always)
    private static func isLetter(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c >= 0xC0
    }

    /// Emits a word, splitting a hyphenated prefix before a capitalised name ("post-Yeltsin") and a
    /// descriptive suffix after one ("Cold War-style", "Moscow-based").
    private static func emitWord(
        _ buf: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ context: Context,
        _ tokens: inout [EntityToken]
    ) {
        if e - s > 4, buf[s] >= 0x41, buf[s] <= 0x5A {
            var h = e - 1
            while h > s && buf[h] != 0x2D && buf[h] >= 0x61 && buf[h] <= 0x7A { h -= 1 }
            if h > s && h < e - 2 && buf[h] == 0x2D {
                let suffix = String(decoding: UnsafeBufferPointer(rebasing: buf[(h + 1)..<e]), as: UTF8.self)
                if hyphenSuffixes.contains(suffix) {
                    emitWord(buf, s, h, context, &tokens)
                    emit(buf, h, e, context, &tokens)
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
                    emit(buf, s, h + 1, context, &tokens)
                    emit(buf, h + 1, e, context, &tokens)
                    tokens[tokens.count - 1].isHyphenSuffix = true
                    return
                }
            }
        }
        emit(buf, s, e, context, &tokens)
    }

    private static func emit(
        _ buf: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ context: Context,
        _ tokens: inout [EntityToken]
    ) {
        let slice = UnsafeBufferPointer(rebasing: buf[s..<e])
        let first = buf[s]
        var shape: EntityToken.Shape
        var isCap = false
        var hasUpper = false
        var hasLower = false
        var needsUnicodeLower = false
        if first >= 0x30 && first <= 0x39 {
            shape = .number
        } else if isLetter(first) {
            shape = .word
        } else {
            shape = .punctuation
        }
        // Flags rather than counts: a counter kept in memory across this loop made it the tokenizer's hottest line.
        for c in slice {
            if c &- 0x41 < 26 {
                hasUpper = true
            } else if c &- 0x61 < 26 {
                hasLower = true
            } else if c >= 0x80 {
                needsUnicodeLower = true
            }
        }
        var hasLetter = hasUpper || hasLower
        var allCaps = !hasLower
        let word: Int32
        if needsUnicodeLower {
            let surface = String(decoding: slice, as: UTF8.self)
            // Letters outside ASCII decide capitalisation by their Unicode properties.
            if shape == .word, let sc = surface.unicodeScalars.first {
                if sc.value >= 0x80 {
                    isCap = sc.properties.isUppercase
                }
            }
            var nonASCIILetters = false
            for sc in surface.unicodeScalars where sc.value >= 0x80 && sc.properties.isAlphabetic {
                nonASCIILetters = true
                hasLetter = true
                if !sc.properties.isUppercase { allCaps = false }
            }
            if shape == .punctuation && nonASCIILetters, let f = surface.unicodeScalars.first, f.properties.isAlphabetic {
                shape = .word
                isCap = f.properties.isUppercase
            }
            word = context.lexicon.id(of: unicodeKey(surface))
        } else {
            word = context.lexicon.id(lowercasing: slice)
        }
        if shape == .word && first < 0x80 { isCap = first >= 0x41 && first <= 0x5A }
        if !hasLetter { allCaps = false }
        let start = context.isASCII ? s : Int(context.scalarOffsets[s])
        let end = context.isASCII ? e : Int(context.scalarOffsets[e])
        tokens.append(EntityToken(
            start: start, end: end, byteStart: s, byteEnd: e, word: word,
            traits: context.lexicon.words[Int(word)].traits, shape: shape,
            isCapitalized: isCap, isAllCaps: allCaps && shape == .word, isSentenceEnd: endsSentence(slice)))
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

    /// . ! ? : ; ... or U+2026.
    private static func endsSentence(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        switch token.count {
        case 1: return token[0] == 0x2E || token[0] == 0x21 || token[0] == 0x3F || token[0] == 0x3A || token[0] == 0x3B
        case 3: return (token[0] == 0x2E && token[1] == 0x2E && token[2] == 0x2E)
            || (token[0] == 0xE2 && token[1] == 0x80 && token[2] == 0xA6)
        default: return false
        }
    }

    private static func markSentenceStarts(_ tokens: inout [EntityToken]) {
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
