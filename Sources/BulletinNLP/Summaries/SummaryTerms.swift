// MARK: - SummaryTerms

/// Content-word extraction for the summarizer: lowercased, lightly stemmed words,
/// stop words dropped, each reduced to a stable 64-bit FNV-1a hash so that no
/// per-word `String` is allocated and no randomly seeded hashing reaches the results.
enum SummaryTerms {
    /// Calls `body` with the hash of every content word in `range` of `s`, and returns the number of
    /// whitespace-separated words there (``SummaryText/wordCount(_:_:)``), counted in the same pass.
    ///
    /// Hashes are computed while scanning (no per-word buffer); a plural "-s" is stripped by undoing the
    /// last step of the hash (``fnvPrimeInverse``) rather than by rescanning the word.
    @inline(__always) @discardableResult
    static func forEachTerm(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ body: (UInt64) -> Void) -> Int {
        precondition(range.lowerBound >= 0 && range.upperBound <= scalars.count, "a term range outside its text")
        let stop = stopWords
        // Read without bounds checks, `range` being inside the text: this loop sees every character of an archive.
        return scalars.withUnsafeBufferPointer { s in
            asciiWordValues.withUnsafeBufferPointer { ascii in
                var i = range.lowerBound
                let end = range.upperBound
                var words = 0
                var inWord = false // whitespace-separated
                while i < end {
                    guard isWordScalar(s[i]) else {
                        if SummaryText.isSpace(s[i]) { inWord = false } else if !inWord { inWord = true; words += 1 }
                        i += 1
                        continue
                    }
                    // No word scalar, apostrophe included, is a space: only the first can start a word.
                    if !inWord { inWord = true; words += 1 }
                    let start = i
                    var h = fnvOffset
                    while i < end {
                        let v = s[i].value
                        let hashed: UInt32
                        if v < 0x80 {
                            hashed = UInt32(ascii[Int(v)])
                            guard hashed != 0 else { break }
                        } else {
                            guard isWordScalar(s[i]) else { break }
                            hashed = v
                        }
                        h = (h ^ UInt64(hashed)) &* fnvPrime
                        i += 1
                    }
                    let length = i - start
                    // Drop clitics: "Locke's" counts as "locke", "didn't" as "didn".
                    if i < end, s[i].value == 0x27 || s[i].value == 0x2019 {
                        i += 1
                        while i < end, isWordScalar(s[i]) { i += 1 }
                    }
                    guard length > 1, !stop.contains(h) else { continue }
                    // Light plural stemming, enough to join "officials" and "official" (not -ss, -us, -is).
                    let last = hashedValue(s[start + length - 1]), secondLast = hashedValue(s[start + length - 2])
                    if length > 3, last == 0x73, secondLast != 0x73, secondLast != 0x75, secondLast != 0x69 {
                        body((h &* fnvPrimeInverse) ^ UInt64(last)) // the hash without the "s"
                    } else {
                        body(h)
                    }
                }
                return words
            }
        }
    }

    /// What a word scalar adds to a term's hash: an ASCII letter lowercased (an ASCII digit already has the
    /// bit that lowercases a capital), any other word scalar itself.
    @inline(__always)
    static func hashedValue(_ c: Unicode.Scalar) -> UInt32 {
        c.value < 0x80 ? c.value | 0x20 : c.value
    }

    /// For each ASCII code, ``hashedValue(_:)`` of it when it is a word scalar, or 0 when it is not: one
    /// load in place of the tests of ``isWordScalar(_:)`` for nearly every character of an archive.
    static let asciiWordValues: [UInt8] = (0..<0x80).map { code in
        let scalar = Unicode.Scalar(UInt8(code))
        return isWordScalar(scalar) ? UInt8(hashedValue(scalar)) : 0
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3
    /// The inverse of ``fnvPrime`` modulo 2⁶⁴ (the prime is odd, so it has one): multiplying a hash by it
    /// and taking the last value out again gives the hash the word had before its last scalar.
    static let fnvPrimeInverse: UInt64 = 0xCE96_5057_AFF6_957B

    @inline(__always)
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 {
            return ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) || (v >= 0x30 && v <= 0x39)
        }
        // General punctuation (curly quotes, dashes) and Latin-1 symbols are common in news.
        if (v >= 0x2000 && v <= 0x206F) || (v >= 0xA0 && v <= 0xBF) { return false }
        return c.properties.isAlphabetic
    }

    @inline(__always)
    static func fnv(_ word: [UInt32]) -> UInt64 {
        var h = fnvOffset
        for v in word {
            h = (h ^ UInt64(v)) &* fnvPrime
        }
        return h
    }

    static func hash(_ word: String) -> UInt64 {
        fnv(word.unicodeScalars.map { SummaryText.asciiLower($0).value })
    }

    /// English function words and news boilerplate verbs that carry no topic.
    static let stopWords: SummaryTermTable = {
        var table = SummaryTermTable(minimumCapacity: 256)
        for word in """
        a an the and or but nor so yet of to in on at by for with from into onto upon about above \
        below over under after before since until while as than then that this these those there \
        here is am are was were be been being have has had having do does did doing will would \
        shall should can could may might must it its it's he him his she her hers they them their \
        theirs we us our ours you your yours i me my mine who whom whose which what when where why \
        how all any both each few more most other some such no not only own same too very just \
        also said says say told according if because though although however out up down off \
        again further once one two new mr mrs ms s t don didn doesn isn wasn weren won wouldn \
        couldn shouldn hasn haven hadn aren ll ve re d m via per
        """.split(separator: " ") {
            table.add(hash(String(word)))
        }
        return table
    }()
}
