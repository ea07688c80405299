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
        if text.hasSuffix("."), !text.hasSuffix(".."), text.dropLast().contains(where: { !$0.isWhitespace }) { text = text.dropLast() }
        guard text.count > maximumLength else { return String(text) }
        let limit = text.index(text.startIndex, offsetBy: maximumLength)
        var cut = text[..<limit]
        if text[limit].isWhitespace == false, let space = cut.lastIndex(where: \.isWhitespace) {
            cut = cut[..<space]
        }
        cut = Self.trimmingSeparators(cut)
        let halfLength = (maximumLength + 1) / 2
        if let bracket = Self.unclosedBracket(in: cut) {
            let shorter = Self.trimmingSeparators(cut[..<bracket])
            if shorter.count >= halfLength { cut = shorter }
        }
        let english = ArticleMetadata.isEnglish(language)
        while let boundary = cut.lastIndex(where: Self.separatesWords) {
            let last = cut[cut.index(after: boundary)...]
            guard (english && LeadWords.english.contains(last.lowercased())) || Self.splitsName(before: cut.endIndex, in: text) else { break }
            let shorter = Self.trimmingSeparators(cut[..<boundary])
            guard shorter.count >= halfLength else { break }
            cut = shorter
        }
        return cut + "…"
    }

    /// White space, and the dashes that join words without it ("a step that—by").
    private static func separatesWords(_ character: Character) -> Bool {
        character.isWhitespace || character == "—" || character == "–"
    }

    /// The opening bracket of `text` that nothing closes after it, if any.
    private static func unclosedBracket(in text: Substring) -> Substring.Index? {
        var open: [Substring.Index] = []
        for index in text.indices {
            switch text[index] {
            case "(", "[": open.append(index)
            case ")", "]": _ = open.popLast()
            default: break
            }
        }
        return open.first
    }

    /// True when the words on both sides of `end`, a word boundary of `text`, begin with capitals: a cut
    /// there would split a name such as "Vladimir Putin" or "Security Council".
    private static func splitsName(before end: Substring.Index, in text: Substring) -> Bool {
        guard end < text.endIndex, separatesWords(text[end]) else { return false }
        let before = text[..<end]
        let lastWord = before[(before.lastIndex(where: separatesWords).map(before.index(after:)) ?? before.startIndex)...]
        guard lastWord.first(where: \.isLetter)?.isUppercase == true else { return false }
        let after = text[end...].drop(while: separatesWords)
        return after.prefix(while: { !separatesWords($0) }).first(where: \.isLetter)?.isUppercase == true
    }

    /// `text` without the white space, commas, colons and dashes it ends with.
    private static func trimmingSeparators(_ text: Substring) -> Substring {
        var text = text
        while let last = text.last, last.isWhitespace || ",;:–—-".contains(last) { text = text.dropLast() }
        return text
    }
}
