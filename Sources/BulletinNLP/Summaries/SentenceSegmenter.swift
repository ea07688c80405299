// MARK: - SentenceSegmenter

/// Splits news prose into sentences.
///
/// Rule-based and tuned for newswire: it knows titles and abbreviations
/// (`Gen.`, `Feb. 1`, `Inc.`, `U.S.`), initials (`George W. Bush`), decimals,
/// quotations that end in `.”`, ellipses, and never splits inside parentheses,
/// so a citation such as `(Russian agencies, February 1).` stays with its sentence.
/// A blank line always ends a sentence; a single newline counts as a space.
public struct SentenceSegmenter: Sendable {
    /// Creates a segmenter with the built-in English news rules.
    public init() {}

    /// Sentence ranges in Unicode-scalar offsets of `text` (half-open), trimmed of surrounding whitespace.
    public func sentenceRanges(in text: String) -> [Range<Int>] {
        sentenceRanges(in: SummaryText.scalars(of: text))
    }

    /// The sentences of `text`, trimmed of surrounding whitespace.
    public func sentences(in text: String) -> [String] {
        let scalars = SummaryText.scalars(of: text)
        return sentenceRanges(in: scalars).map { SummaryText.string(scalars[$0]) }
    }

    /// The first sentence of `text`, trimmed, found without reading on past it; nil when `text` is blank.
    public func firstSentence(in text: String) -> String? {
        let scalars = SummaryText.scalars(of: text)
        return sentenceRanges(in: scalars, limit: 1).first.map { SummaryText.string(scalars[$0]) }
    }

    /// Parentheses open for longer than this many scalars are assumed unbalanced
    /// and no longer block a split.
    private static let maximumParentheticalLength = 200

    /// Sentence ranges over an already decoded scalar array (the summarizer's fast path), the first
    /// `limit` of them.
    func sentenceRanges(in s: [Unicode.Scalar], limit: Int = .max) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(min(limit, s.count / 80 + 1))
        let n = s.count
        var start = 0
        var depth = 0
        var openedAt = 0
        var i = 0

        func emit(_ lower: Int, _ upper: Int) {
            if let r = SummaryText.trimmed(s, lower..<upper) { result.append(r) }
        }

        while i < n {
            let c = s[i].value
            switch c {
            case 0x28, 0x5B: // ( [
                if depth == 0 { openedAt = i }
                depth += 1
            case 0x29, 0x5D: // ) ]
                if depth > 0 { depth -= 1 }
            case 0x0A: // newline: a blank line is a hard break
                var m = i + 1
                while m < n, SummaryText.isHorizontalSpace(s[m]) { m += 1 }
                if m < n, s[m].value == 0x0A {
                    emit(start, i)
                    if result.count == limit { return result }
                    while m < n, SummaryText.isSpace(s[m]) { m += 1 }
                    start = m
                    depth = 0
                    i = m
                    continue
                }
            case 0x2E, 0x3F, 0x21, 0x2026: // . ? ! …
                var j = i + 1
                while j < n, SummaryText.isTerminator(s[j]) { j += 1 }
                var k = j
                while k < n, SummaryText.isCloser(s[k]) {
                    if (s[k].value == 0x29 || s[k].value == 0x5D), depth > 0 { depth -= 1 }
                    k += 1
                }
                if depth > 0, i - openedAt > Self.maximumParentheticalLength { depth = 0 }
                guard depth == 0, k < n, SummaryText.isSpace(s[k]) else {
                    i = k
                    continue
                }
                var m = k
                while m < n, SummaryText.isSpace(s[m]) { m += 1 }
                if m < n, shouldSplit(s, terminator: i..<j, next: m) {
                    emit(start, k)
                    if result.count == limit { return result }
                    start = m
                }
                i = m
                continue
            default:
                // Nearly every scalar decides nothing: pass over the whole run of them up to the next that may.
                i = s.withUnsafeBufferPointer { s in
                    var next = i + 1
                    while next < n, !Self.mayDecide(s[next].value) { next += 1 }
                    return next
                }
                continue
            }
            i += 1
        }
        emit(start, n)
        return result
    }

    /// Whether the loop of ``sentenceRanges(in:limit:)`` has anything to do at scalar `c`: a bracket, a
    /// sentence terminator or a newline.
    @inline(__always)
    static func mayDecide(_ c: UInt32) -> Bool {
        // Lowercase letters, most of any text, are answered by the first two tests.
        if c >= 0x60 { return c == 0x2026 }
        if c >= 0x40 { return c == 0x5B || c == 0x5D }
        let below40: UInt64 = 1 << 0x0A | 1 << 0x21 | 1 << 0x28 | 1 << 0x29 | 1 << 0x2E | 1 << 0x3F // \n ! ( ) . ?
        return below40 >> UInt64(c) & 1 != 0
    }

    // MARK: - Decision at a candidate boundary

    private func shouldSplit(_ s: [Unicode.Scalar], terminator: Range<Int>, next m: Int) -> Bool {
        var first = m
        while first < s.count, SummaryText.isOpener(s[first]) { first += 1 }
        guard first < s.count else { return false }
        let nextScalar = s[first]
        let nextIsDigit = SummaryText.isDigit(nextScalar)
        guard nextIsDigit || SummaryText.isUppercase(nextScalar) else { return false }

        let isSinglePeriod = terminator.count == 1 && s[terminator.lowerBound].value == 0x2E
        guard isSinglePeriod else { return true } // ? ! … ... and mixed runs

        // The token before the period, without leading openers and trailing closers.
        var lo = terminator.lowerBound
        while lo > 0, !SummaryText.isSpace(s[lo - 1]) { lo -= 1 }
        var hi = terminator.lowerBound
        while lo < hi, SummaryText.isOpener(s[lo]) { lo += 1 }
        while hi > lo, SummaryText.isCloser(s[hi - 1]) { hi -= 1 }
        guard hi > lo else { return true }
        if hi - lo > 12 { return true } // long words are never abbreviations
        var letters = 0
        var hasInnerPeriod = false
        // A dotted acronym ("U.S", "a.m", "J.R.R", "Ph.D") has only short letter groups;
        // "Philly.com" or "12.5st" are ordinary words.
        var isDottedAcronym = true
        var groupLength = 0
        for p in lo..<hi {
            let v = s[p]
            if v.value == 0x2E {
                hasInnerPeriod = true
                groupLength = 0
            } else if SummaryText.isLetter(v) {
                letters += 1
                groupLength += 1
                if groupLength > 2 { isDottedAcronym = false }
            } else {
                isDottedAcronym = false
            }
        }
        if letters == 0 { return true } // "in 2015." or "(February 1)."
        let abbreviation = SentenceSegmenter.rules.abbreviation(s, lo..<hi)
        if abbreviation == .neverFinal { return false }
        if abbreviation == .beforeNumber || abbreviation == .month {
            if nextIsDigit { return false }
            if abbreviation == .beforeNumber { return true }
            return startsCommonSentenceWord(s, at: first)
        }
        // Initials ("W."), dotted acronyms ("U.S.", "p.m.") and company suffixes
        // end a sentence only when a typical sentence opener follows.
        let isInitial = letters == 1 && (hi - lo) == 1 && SummaryText.isUppercase(s[lo])
        if isInitial || (hasInnerPeriod && isDottedAcronym) || abbreviation == .ambiguous {
            return startsCommonSentenceWord(s, at: first)
        }
        return true
    }

    private func startsCommonSentenceWord(_ s: [Unicode.Scalar], at start: Int) -> Bool {
        var end = start
        while end < s.count, end - start < 12, SummaryText.isLetter(s[end]) { end += 1 }
        if end == start { return SummaryText.isDigit(s[start]) }
        return SentenceSegmenter.rules.isSentenceOpener(s, start..<end)
    }
}

// MARK: - Word lists

extension SentenceSegmenter {
    /// What a listed abbreviation says about the period after it.
    enum Abbreviation: Int32, Sendable {
        // From 1: a table's 0 is a word on no list.
        case neverFinal = 1, beforeNumber, month, ambiguous
    }

    /// The abbreviation and sentence-opener lists behind the rules (lowercased, without the final period).
    struct Rules: Sendable {
        /// Titles and abbreviations that practically never end a sentence.
        let neverFinal: Set<String> = [
            "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "gen", "col", "lt", "maj", "sgt",
            "cpl", "pvt", "capt", "cmdr", "cmdt", "adm", "brig", "rev", "hon", "sen", "rep",
            "gov", "pres", "supt", "insp", "det", "st", "mt", "ft", "fr", "e.g", "i.e", "vs", "v",
            "cf", "fig", "figs", "approx", "ca", "dept", "univ", "assn", "ave", "blvd", "rd",
        ]
        /// Abbreviations that never end a sentence before a number ("No. 10").
        let beforeNumber: Set<String> = ["no", "nos", "vol", "pp", "art", "op", "ch", "sec", "p"]
        /// Month abbreviations: "Feb. 1" continues, "in Feb. The …" may end.
        let months: Set<String> = [
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        ]
        /// Abbreviations that end a sentence only before a typical sentence opener.
        let ambiguous: Set<String> = [
            "inc", "ltd", "co", "corp", "bros", "llc", "plc", "jr", "sr", "etc", "al", "esq",
            "u.s", "u.k", "u.n", "a.m", "p.m", "d.c", "l.a", "n.y",
        ]
        /// Capitalised words that typically open a new sentence.
        let sentenceOpeners: Set<String> = [
            "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
            "those", "there", "his", "her", "its", "their", "our", "my", "but", "and", "or", "so",
            "yet", "in", "on", "at", "for", "from", "to", "with", "by", "of", "after", "before",
            "when", "while", "as", "if", "since", "although", "though", "because", "however",
            "meanwhile", "also", "some", "many", "most", "no", "not", "one", "two", "all", "both",
            "other", "others", "what", "who", "why", "how", "where", "mr", "mrs", "ms", "dr",
            "last", "next", "then", "still", "now", "officials", "police", "according", "it's",
            "earlier", "later", "yesterday", "today", "under", "during", "despite", "such", "each",
        ]
        /// Every abbreviation of the four lists above, by its ``key(_:_:)``, with the list it is on: the word
        /// before nearly every full stop is looked up once, not once a list, and without making a string of it.
        private let abbreviations: SummaryTermTable
        /// The ``key(_:_:)`` of every word of `sentenceOpeners`.
        private let sentenceOpenerKeys: SummaryTermTable

        /// Words of more ASCII scalars than this, or with any other scalar, are on no list.
        private static let longestKeyedWord = 9

        init() {
            let lists: [(Set<String>, Abbreviation)] = [
                (neverFinal, .neverFinal), (beforeNumber, .beforeNumber), (months, .month), (ambiguous, .ambiguous),
            ]
            var abbreviations = SummaryTermTable(minimumCapacity: 128)
            for (words, kind) in lists {
                for word in words {
                    let key = Self.key(word)
                    precondition(abbreviations.value(for: key) == 0, "\(word) is on two abbreviation lists")
                    abbreviations.add(key, kind.rawValue)
                }
            }
            self.abbreviations = abbreviations
            var openers = SummaryTermTable(minimumCapacity: 128)
            for word in sentenceOpeners { openers.add(Self.key(word)) }
            sentenceOpenerKeys = openers
        }

        /// The list the word in `range` of `s` is on, ASCII capitals read as lowercase.
        func abbreviation(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Abbreviation? {
            Self.key(s, range).flatMap { Abbreviation(rawValue: abbreviations.value(for: $0)) }
        }

        /// Whether the word in `range` of `s`, ASCII capitals read as lowercase, is one of `sentenceOpeners`.
        func isSentenceOpener(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
            Self.key(s, range).map(sentenceOpenerKeys.contains) ?? false
        }

        /// A listed word's key: its scalars, ASCII capitals lowercased, seven bits each after a leading 1,
        /// equal for two words only when they are; nil for a word no list can hold (one longer than
        /// ``longestKeyedWord`` or with a scalar outside ASCII).
        static func key(_ s: [Unicode.Scalar], _ range: Range<Int>) -> UInt64? {
            guard range.count <= longestKeyedWord else { return nil }
            var key: UInt64 = 1
            for index in range {
                let value = SummaryText.asciiLower(s[index]).value
                guard value < 0x80 else { return nil }
                key = key << 7 | UInt64(value)
            }
            return key
        }

        private static func key(_ word: String) -> UInt64 {
            let scalars = Array(word.unicodeScalars)
            guard let key = key(scalars, scalars.indices) else { preconditionFailure("\(word) cannot be listed") }
            return key
        }
    }

    static let rules = Rules()
}
