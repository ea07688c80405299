// MARK: - SummaryDek

/// Builds the one-line dek: the best sentence, shortened at a clause boundary
/// (comma, semicolon, colon or dash outside parentheses and quotations) when it is
/// longer than the word limit, and then ended with "…".
///
/// Without a clause boundary it is cut at the word limit, but never inside brackets: a citation or
/// aside the limit falls in ("…should be organised (Kazakh press, January…") is cut before its
/// bracket. In English, words that only lead into what was cut ("of the") are dropped before the
/// ellipsis. Either gives back words only while a third of the limit is left.
enum SummaryDek {
    static func make(scalars s: [Unicode.Scalar], range: Range<Int>, wordLimit: Int, english: Bool = true) -> String {
        let limit = max(wordLimit, 1)
        guard SummaryText.wordCount(s, range) > limit else { return SummaryText.string(s[range]) }
        // Clause boundaries and word ends, with the number of words before them.
        var bestClauseCut: Int? = nil
        var wordLimitCut = range.upperBound
        var words = 0
        var inWord = false
        var depth = 0
        var quoteDepth = 0
        // Where the outermost open bracket starts, and the words before it.
        var outerBracket: (position: Int, wordsBefore: Int)? = nil
        let minimumClauseWords = max(limit / 3, 1)
        var i = range.lowerBound
        while i < range.upperBound {
            let c = s[i]
            if SummaryText.isSpace(c) {
                if inWord && words == limit {
                    wordLimitCut = i
                    if depth > 0, let bracket = outerBracket, bracket.wordsBefore >= minimumClauseWords { wordLimitCut = bracket.position }
                    break
                }
                inWord = false
            } else {
                if !inWord { inWord = true; words += 1 }
                switch c.value {
                case 0x28, 0x5B:
                    if depth == 0 {
                        let startsWord = i == range.lowerBound || SummaryText.isSpace(s[i - 1])
                        outerBracket = (i, startsWord ? words - 1 : words)
                    }
                    depth += 1
                case 0x29, 0x5D: depth = max(depth - 1, 0)
                case 0x201C: quoteDepth += 1
                case 0x201D: quoteDepth = max(quoteDepth - 1, 0)
                case 0x2C, 0x3B, 0x3A: // , ; :
                    if depth == 0, quoteDepth == 0, words >= minimumClauseWords, words <= limit {
                        bestClauseCut = i
                    }
                case 0x2013, 0x2014, 0x2D: // – — and a spaced hyphen
                    let spaced = i > range.lowerBound && SummaryText.isSpace(s[i - 1])
                    if spaced, depth == 0, quoteDepth == 0, words - 1 >= minimumClauseWords, words - 1 <= limit {
                        bestClauseCut = i
                        words -= 1 // the dash itself is not a word
                        inWord = false
                    }
                default: break
                }
            }
            i += 1
        }
        var end = trimmed(s, range.lowerBound, bestClauseCut ?? wordLimitCut)
        while english, let word = lastWord(s, range.lowerBound, end), LeadWords.english.contains(word.text) {
            let shorter = trimmed(s, range.lowerBound, word.start)
            guard SummaryText.wordCount(s, range.lowerBound..<shorter) >= minimumClauseWords else { break }
            end = shorter
        }
        return SummaryText.string(s[range.lowerBound..<end]) + "…"
    }

    /// `end` moved back past the spaces and the punctuation a cut leaves before the ellipsis.
    private static func trimmed(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start {
            let c = s[end - 1]
            guard SummaryText.isSpace(c) || c.value == 0x2C || c.value == 0x3B || c.value == 0x3A
                || c.value == 0x2013 || c.value == 0x2014 || c.value == 0x2D else { break }
            end -= 1
        }
        return end
    }

    /// The last word before `end`, lowercased, and where it starts; nil when it is the first word.
    private static func lastWord(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> (text: String, start: Int)? {
        var first = end
        while first > start, !SummaryText.isSpace(s[first - 1]), s[first - 1].value != 0x2014, s[first - 1].value != 0x2013 { first -= 1 }
        guard first > start else { return nil }
        return (SummaryText.string(s[first..<end]).lowercased(), first)
    }
}
