// MARK: - SummaryDocument

/// An article read once for summarizing: its paragraphs split into sentences, and each sentence
/// reduced to its content words, numbered within the article.
///
/// A build makes one per article, counts it into the archive's ``TermStatistics`` and then
/// summarizes it with the finished statistics, so nothing is segmented or hashed twice. The
/// paragraphs are kept as UTF-8 strings, and only the few sentences a summary looks at closely are
/// decoded again: a whole archive's scalars would take four bytes a character between the two.
/// While a whole archive's documents wait for the statistics, their text can be let go
/// (``discardingText()``) and given back just before summarizing (``withText(_:)``).
public struct SummaryDocument: Sendable {
    /// A sentence, its offsets kept in 32 bits: an archive's documents wait in memory for the statistics.
    /// An offset past 2³¹ (a paragraph or article of gigabytes) is clamped, which only misplaces that
    /// sentence in the summary.
    struct Sentence: Sendable {
        private var storage: (paragraph: Int32, start: Int32, end: Int32, byteStart: Int32, byteEnd: Int32,
                              words: Int32, firstTerm: Int32, endTerm: Int32)

        init(paragraph: Int, range: Range<Int>, bytes: Range<Int>, words: Int, terms: Range<Int>) {
            storage = (Int32(clamping: paragraph), Int32(clamping: range.lowerBound), Int32(clamping: range.upperBound),
                       Int32(clamping: bytes.lowerBound), Int32(clamping: bytes.upperBound), Int32(clamping: words),
                       Int32(clamping: terms.lowerBound), Int32(clamping: terms.upperBound))
        }

        var paragraph: Int { Int(storage.paragraph) }
        /// The sentence in Unicode-scalar offsets of the paragraph.
        var range: Range<Int> { Int(storage.start)..<Int(storage.end) }
        /// The same sentence in UTF-8 offsets of the paragraph.
        var bytes: Range<Int> { Int(storage.byteStart)..<Int(storage.byteEnd) }
        /// Whitespace-separated words in the sentence.
        var words: Int { Int(storage.words) }
        /// Slice of `termIDs` holding this sentence's content words, in text order.
        var terms: Range<Int> { Int(storage.firstTerm)..<Int(storage.endTerm) }
    }

    /// The paragraphs as given.
    public private(set) var paragraphs: [String]
    var sentences: [Sentence] = []
    /// Every content word of the article in text order, as its number in `terms`.
    var termIDs: [Int32] = []
    /// The article's distinct content words (their hashes), numbered in order of first appearance.
    var terms: [UInt64] = []

    /// Reads `paragraphs` (plain text; a single newline inside one counts as a space).
    public init(paragraphs: [String]) {
        self.paragraphs = paragraphs
        let segmenter = SentenceSegmenter()
        var numbers = SummaryTermTable(minimumCapacity: 256) // term hash → number + 1
        var continuations: [Int32] = []
        // A term is two word scalars or more, with a scalar between it and the next: a third of the text's
        // bytes bounds the number of terms.
        let mostTerms = paragraphs.reduce(0) { $0 + ($1.utf8.count + 1) / 3 }
        // Written through pointers, each term in a few instructions where an append checked the list's
        // uniqueness and capacity, and copied to lists of their size at the end.
        let ids = UnsafeMutableBufferPointer<Int32>.allocate(capacity: mostTerms)
        let distinct = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: mostTerms)
        defer { ids.deallocate(); distinct.deallocate() }
        var idCount = 0, distinctCount = 0
        for (p, paragraph) in paragraphs.enumerated() {
            continuations.removeAll(keepingCapacity: true)
            let s = SummaryText.scalars(of: paragraph, continuations: &continuations)
            let ranges = segmenter.sentenceRanges(in: s)
            // In ASCII text, most of it, scalar offsets are byte offsets.
            let bytes = continuations.isEmpty ? ranges : Self.utf8Ranges(of: ranges, continuations: continuations)
            for (range, byteRange) in zip(ranges, bytes) {
                let first = idCount
                let words = SummaryTerms.forEachTerm(s, range) { hash in
                    let number = numbers.value(for: hash, insertingIfAbsent: {
                        distinct.initializeElement(at: distinctCount, to: hash)
                        distinctCount += 1
                        return Int32(distinctCount)
                    }) - 1
                    precondition(idCount < mostTerms, "more terms than a third of the text's bytes")
                    ids.initializeElement(at: idCount, to: number)
                    idCount += 1
                }
                sentences.append(Sentence(
                    paragraph: p, range: range, bytes: byteRange, words: words,
                    terms: first..<idCount))
            }
        }
        // Grown by doubling, the list would keep a quarter spare on average, in every document an
        // archive holds while its statistics are gathered.
        sentences = sentences.withUnsafeBufferPointer { Array($0) }
        termIDs = Array(ids[..<idCount])
        terms = Array(distinct[..<distinctCount])
    }

    /// The document without its paragraphs' text; only ``withText(_:)`` makes it usable again.
    public consuming func discardingText() -> SummaryDocument {
        paragraphs = []
        return self
    }

    /// The document with its paragraphs' text given back: `paragraphs` must be those it was read from.
    public consuming func withText(_ paragraphs: [String]) -> SummaryDocument {
        precondition(sentences.allSatisfy { $0.paragraph < paragraphs.count && $0.bytes.upperBound <= paragraphs[$0.paragraph].utf8.count },
                     "a summary document's text was given back with other paragraphs")
        self.paragraphs = paragraphs
        return self
    }

    /// The scalars of sentence `i`, decoded from its paragraph's UTF-8 (no string made of the sentence first).
    func scalars(ofSentence i: Int) -> [Unicode.Scalar] {
        var paragraph = paragraphs[sentences[i].paragraph]
        let bytes = sentences[i].bytes
        var continuations: [Int32] = []
        return paragraph.withUTF8 { SummaryText.scalars(ofUTF8: UnsafeBufferPointer(rebasing: $0[bytes]), continuations: &continuations) }
    }

    /// The text of sentence `i`.
    func string(ofSentence i: Int) -> String {
        withUTF8(ofSentence: i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 of sentence `i`, read in place in its paragraph.
    func withUTF8<Result>(ofSentence i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var paragraph = paragraphs[sentences[i].paragraph]
        let bytes = sentences[i].bytes
        return paragraph.withUTF8 { body(UnsafeBufferPointer(rebasing: $0[bytes])) }
    }

    /// Converts ascending scalar-offset ranges to UTF-8 offsets, given the scalar of every continuation
    /// byte (see ``SummaryText/scalars(of:continuations:)``): one pass over those, not over the text.
    private static func utf8Ranges(of ranges: [Range<Int>], continuations: [Int32]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(ranges.count)
        var before = 0 // continuation bytes of the scalars before the last offset found
        func offset(_ scalar: Int) -> Int {
            while before < continuations.count, Int(continuations[before]) < scalar { before += 1 }
            return scalar + before
        }
        for range in ranges {
            let lower = offset(range.lowerBound)
            result.append(lower..<offset(range.upperBound))
        }
        return result
    }

}
