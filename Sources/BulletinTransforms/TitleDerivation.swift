import BulletinModel
import BulletinNLP

/// Gives untitled articles a title: a faithful extract of the lead sentence, cut at a word boundary.
public struct TitleDerivation: ArticleTransform {
    public let name = "Derive titles"
    /// The longest title, in characters, before the ellipsis.
    public var maximumLength: Int

    /// Creates the transform.
    public init(maximumLength: Int = 90) {
        self.maximumLength = maximumLength
    }

    public func apply(to article: consuming Article) -> Article {
        guard article.metadata.title.isEmpty else { return article }
        article.metadata.title = derivedTitle(for: article)
        article.metadata.titleIsDerived = true
        return article
    }

    /// The title the transform gives `article`.
    public func derivedTitle(for article: Article) -> String {
        guard let lead = article.blocks.lazy.map(\.plainText).first(where: { !$0.isEmpty }) else { return "Untitled" }
        let sentence = SentenceSegmenter().firstSentence(in: lead) ?? lead
        return shorten(Self.withoutLeadingAside(sentence), language: article.metadata.language)
    }

    /// `sentence` without a citation or aside in brackets that opens it ("(Interfax, January 5) The talks
    /// began…"): a title starts with what the sentence says. Kept whole when nothing follows the brackets.
    static func withoutLeadingAside(_ sentence: String) -> String {
        guard let open = sentence.first, open == "(" || open == "[",
              let close = sentence.firstIndex(of: open == "(" ? ")" : "]") else { return sentence }
        let rest = sentence[sentence.index(after: close)...].drop { $0.isWhitespace || $0 == "," || $0 == "—" || $0 == "–" }
        return rest.contains(where: \.isLetter) ? String(rest) : sentence
    }

    /// `sentence` cut to ``maximumLength`` characters at a word boundary, with an ellipsis when cut.
    ///
    /// A cut title reads as a whole so far as it goes, and gives back words for that so long as half the
    /// length is left: a citation or aside it would leave open ("…wage arrears (Kazakhstan…") is cut
    /// before its bracket; a name is not split ("…after State Duma Speaker Vladimir…"); and in English it
    /// does not end on a word that only leads into what was cut ("of the", "would", "after", "that—by").
    public func shorten(_ sentence: String, language: String = "en") -> String {
        var text = Substring(sentence)
        // A title does not end in a full stop, unless it is all there is (a body of ".").
        if text.hasSuffix("."), !text.hasSuffix("..") {
            // Not `dropLast()`, which counts every character of the text to find the last.
            let withoutStop = text[..<text.index(before: text.endIndex)]
            if withoutStop.contains(where: { !$0.isWhitespace }) { text = withoutStop }
        }
        let cut = Cut(text, count: maximumLength + 1)
        guard cut.glyphs.count > maximumLength else { return String(text) }
        let glyphs = cut.glyphs
        var end = maximumLength
        if !glyphs[end].isWhitespace, let space = glyphs[..<end].lastIndex(where: \.isWhitespace) {
            end = space
        }
        end = cut.trimmingSeparators(end)
        let halfLength = (maximumLength + 1) / 2
        if let bracket = cut.unclosedBracket(before: end) {
            let shorter = cut.trimmingSeparators(bracket)
            if shorter >= halfLength { end = shorter }
        }
        let english = ArticleMetadata.isEnglish(language)
        while let boundary = glyphs[..<end].lastIndex(where: \.separatesWords) {
            let last = text[cut.starts[boundary + 1]..<cut.starts[end]]
            guard (english && LeadWords.english.contains(last.lowercased())) || cut.splitsName(before: end) else { break }
            let shorter = cut.trimmingSeparators(boundary)
            guard shorter >= halfLength else { break }
            end = shorter
        }
        return text[..<cut.starts[end]] + "…"
    }

    /// What the cut asks of one character.
    private struct Glyph {
        var isWhitespace: Bool
        var isLetter: Bool
        var isUppercase: Bool
        /// 1 for an opening bracket, -1 for a closing one, 0 for anything else.
        var bracket: Int8
        /// A dash that joins words without white space ("a step that—by").
        var isDash: Bool
        /// Dropped from the end of a cut title with white space: commas, colons and dashes.
        var isTrailingMark: Bool

        /// White space, and the dashes that join words without it.
        var separatesWords: Bool { isWhitespace || isDash }

        init(_ character: Character) {
            isWhitespace = character.isWhitespace
            isLetter = character.isLetter
            isUppercase = character.isUppercase
            bracket = character == "(" || character == "[" ? 1 : character == ")" || character == "]" ? -1 : 0
            isDash = character == "—" || character == "–"
            isTrailingMark = ",;:–—-".contains(character)
        }

        /// A scalar that is a character of its own whatever comes before or after it (see `Unicode.Scalar.standsAlone`).
        init(standalone scalar: Unicode.Scalar) {
            guard scalar.isASCII else {
                self.init(Character(scalar))
                return
            }
            let v = scalar.value
            self.init(
                isWhitespace: v == 0x20 || v &- 0x09 < 5, isLetter: (v | 0x20) &- 0x61 < 26, isUppercase: v &- 0x41 < 26,
                bracket: v == 0x28 || v == 0x5B ? 1 : v == 0x29 || v == 0x5D ? -1 : 0, isDash: false,
                isTrailingMark: v == 0x2C || v == 0x3B || v == 0x3A || v == 0x2D)
        }

        private init(isWhitespace: Bool, isLetter: Bool, isUppercase: Bool, bracket: Int8, isDash: Bool, isTrailingMark: Bool) {
            self.isWhitespace = isWhitespace
            self.isLetter = isLetter
            self.isUppercase = isUppercase
            self.bracket = bracket
            self.isDash = isDash
            self.isTrailingMark = isTrailingMark
        }
    }

    /// The first characters of a title being cut, and the text after them. Offsets count characters.
    private struct Cut {
        /// Up to `count` characters from the start of the text.
        private(set) var glyphs: [Glyph] = []
        /// Where each glyph's character starts in the text.
        private(set) var starts: [Substring.Index] = []
        /// The text after the glyphs.
        let rest: Substring

        /// Reads the first `count` characters of `text` once: the cut is found by offsets, where walking the
        /// string's characters again for every look took most of the time. Runs of scalars that stand alone
        /// are read a scalar at a time, without the grapheme breaking that reading characters costs.
        init(_ text: Substring, count: Int) {
            glyphs.reserveCapacity(count)
            starts.reserveCapacity(count)
            let scalars = text.unicodeScalars
            var index = text.startIndex
            var scalar = index < text.endIndex ? scalars[index] : nil
            while let current = scalar, glyphs.count < count {
                starts.append(index)
                let next = scalars.index(after: index)
                let following = next < text.endIndex ? scalars[next] : nil
                if current.standsAlone, following?.standsAlone ?? true {
                    glyphs.append(Glyph(standalone: current))
                    index = next
                    scalar = following
                } else {
                    glyphs.append(Glyph(text[index]))
                    index = text.index(after: index)
                    scalar = index < text.endIndex ? scalars[index] : nil
                }
            }
            rest = text[index...]
        }

        /// The opening bracket before `end` that nothing closes before `end`, if any.
        func unclosedBracket(before end: Int) -> Int? {
            var open: [Int] = []
            for offset in 0..<end {
                switch glyphs[offset].bracket {
                case 1: open.append(offset)
                case -1: _ = open.popLast()
                default: break
                }
            }
            return open.first
        }

        /// True when the words on both sides of `end`, a word boundary, begin with capitals: a cut there
        /// would split a name such as "Vladimir Putin" or "Security Council".
        func splitsName(before end: Int) -> Bool {
            guard end < glyphs.count, glyphs[end].separatesWords else { return false }
            let lastWord = glyphs[(glyphs[..<end].lastIndex(where: \.separatesWords).map { $0 + 1 } ?? 0)..<end]
            guard lastWord.first(where: \.isLetter)?.isUppercase == true else { return false }
            // The next word's first letter, which may lie past the characters read.
            var inWord = false
            /// Whether the next word begins with a capital, once `glyph` decides it.
            func decided(by glyph: Glyph) -> Bool? {
                if glyph.separatesWords { return inWord ? false : nil }
                inWord = true
                return glyph.isLetter ? glyph.isUppercase : nil
            }
            for glyph in glyphs[end...] { if let answer = decided(by: glyph) { return answer } }
            for character in rest { if let answer = decided(by: Glyph(character)) { return answer } }
            return false
        }

        /// `end` moved back past the white space, commas, colons and dashes the characters before it end with.
        func trimmingSeparators(_ end: Int) -> Int {
            var end = end
            while end > 0, glyphs[end - 1].isWhitespace || glyphs[end - 1].isTrailingMark { end -= 1 }
            return end
        }
    }
}
