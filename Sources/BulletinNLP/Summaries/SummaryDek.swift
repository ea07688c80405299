// MARK: - SummaryDek

/// Builds the one-line dek: the best sentence, shortened at a clause boundary
/// (comma, semicolon, colon or dash outside parentheses and quotations) when it is
/// longer than the word limit, and then ended with "…".
enum SummaryDek {
    static func make(scalars s: [Unicode.Scalar], range: Range<Int>, wordLimit: Int) -> String {
        let limit = max(wordLimit, 1)
        guard SummaryText.wordCount(s, range) > limit else { return SummaryText.string(s[range]) }
        // Clause boundaries and word ends, with the number of words before them.
        var bestClauseCut: Int? = nil
        var wordLimitCut = range.upperBound
        var words = 0
        var inWord = false
        var depth = 0
        var quoteDepth = 0
        let minimumClauseWords = max(limit / 3, 1)
        var i = range.lowerBound
        while i < range.upperBound {
            let c = s[i]
            if SummaryText.isSpace(c) {
                if inWord && words == limit { wordLimitCut = i; break }
                inWord = false
            } else {
                if !inWord { inWord = true; words += 1 }
                switch c.value {
                case 0x28, 0x5B: depth += 1
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
        var end = bestClauseCut ?? wordLimitCut
        // Drop trailing spaces and punctuation before the ellipsis.
        while end > range.lowerBound {
            let c = s[end - 1]
            if SummaryText.isSpace(c) || c.value == 0x2C || c.value == 0x3B || c.value == 0x3A
                || c.value == 0x2013 || c.value == 0x2014 || c.value == 0x2D {
                end -= 1
            } else {
                break
            }
        }
        return SummaryText.string(s[range.lowerBound..<end]) + "…"
    }
}
