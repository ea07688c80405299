import Testing
@testable import BulletinNLP

@Suite("Summary terms")
struct SummaryTermsTests {
    /// The terms and word count of `text` as the rules state them, one step at a time: words are the
    /// runs of word scalars, a clitic after an apostrophe is dropped, one-letter words and stop words
    /// are skipped, and a plural "-s" is taken off a word before it is hashed.
    private static func plainTerms(_ text: String) -> (terms: [UInt64], words: Int) {
        let scalars = Array(text.unicodeScalars)
        var terms: [UInt64] = []
        var i = 0
        while i < scalars.count {
            guard SummaryTerms.isWordScalar(scalars[i]) else { i += 1; continue }
            var word: [UInt32] = []
            while i < scalars.count, SummaryTerms.isWordScalar(scalars[i]) {
                word.append(SummaryText.asciiLower(scalars[i]).value)
                i += 1
            }
            if i < scalars.count, scalars[i] == "'" || scalars[i] == "\u{2019}" {
                i += 1
                while i < scalars.count, SummaryTerms.isWordScalar(scalars[i]) { i += 1 }
            }
            guard word.count > 1, !SummaryTerms.stopWords.contains(SummaryTerms.fnv(word)) else { continue }
            let secondLast = word[word.count - 2]
            if word.count > 3, word.last == 0x73, ![0x73, 0x75, 0x69].contains(secondLast) { word.removeLast() }
            terms.append(SummaryTerms.fnv(word))
        }
        return (terms, SummaryText.wordCount(scalars, scalars.indices))
    }

    @Test("finds the terms the plain rules find, in random text")
    func matchesPlainRules() {
        // Letters of both cases (plurals, -ss, -us, -is), digits, apostrophes, spaces, punctuation,
        // curly quotes, accented and non-Latin letters, and stop words.
        let pieces = ["s", "S", "u", "i", "a", "T", "o", "N", "7", "0", "'", "\u{2019}", " ", " ", "\n", ".", ",", "-",
                      "\u{201C}", "é", "É", "ß", "東", "😀", "\u{00A0}", "the ", "officials", "Bus", "class", "it's"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 59) + 1 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let scalars = Array(text.unicodeScalars)
            var terms: [UInt64] = []
            let words = SummaryTerms.forEachTerm(scalars, scalars.indices) { terms.append($0) }
            let plain = Self.plainTerms(text)
            #expect(terms == plain.terms, "\(text.debugDescription)")
            #expect(words == plain.words, "\(text.debugDescription)")
        }
    }

    @Test("takes the plural s off the hash: officials and official are one term")
    func plurals() {
        let scalars = Array("Officials official Bus buses".unicodeScalars)
        var terms: [UInt64] = []
        SummaryTerms.forEachTerm(scalars, scalars.indices) { terms.append($0) }
        #expect(terms == [SummaryTerms.hash("official"), SummaryTerms.hash("official"), SummaryTerms.hash("bus"), SummaryTerms.hash("buse")])
        #expect(SummaryTerms.fnvPrime &* SummaryTerms.fnvPrimeInverse == 1)
    }
}
