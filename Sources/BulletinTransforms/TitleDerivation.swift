import BulletinModel

/// Gives untitled articles a title: a faithful extract of the lead sentence, cut at a word boundary.
public struct TitleDerivation: ArticleTransform {
    public let name = "Derive titles"
    /// The longest title, in characters, before the ellipsis.
    public var maximumLength: Int

    /// Creates the transform.
    public init(maximumLength: Int = 90) {
        self.maximumLength = maximumLength
    }

    public func apply(to article: Article) -> Article {
        guard article.metadata.title.isEmpty else { return article }
        var result = article
        result.metadata.title = derivedTitle(for: article)
        result.metadata.titleIsDerived = true
        return result
    }

    /// The title the transform gives `article`.
    public func derivedTitle(for article: Article) -> String {
        guard let lead = article.blocks.lazy.map(\.plainText).first(where: { !$0.isEmpty }) else { return "Untitled" }
        return shorten(LeadSentence.first(in: lead))
    }

    /// `sentence` cut to ``maximumLength`` characters at a word boundary, with an ellipsis when cut.
    public func shorten(_ sentence: String) -> String {
        var text = Substring(sentence)
        // A title does not end in a full stop.
        if text.hasSuffix("."), !text.hasSuffix("..") { text = text.dropLast() }
        guard text.count > maximumLength else { return String(text) }
        let limit = text.index(text.startIndex, offsetBy: maximumLength)
        var cut = text[..<limit]
        if text[limit].isWhitespace == false, let space = cut.lastIndex(where: \.isWhitespace) {
            cut = cut[..<space]
        }
        while let last = cut.last, last.isWhitespace || ",;:–—-".contains(last) { cut = cut.dropLast() }
        return cut + "…"
    }
}

/// Finds the first sentence of a paragraph without splitting at abbreviations or initials.
enum LeadSentence {
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "adm", "gov", "sen", "rep", "st", "jr", "sr",
        "prof", "rev", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "inc", "corp", "co", "ltd", "no", "vs", "etc", "u.s", "u.k", "u.n", "e.g", "i.e",
    ]

    static func first(in paragraph: String) -> String {
        let characters = Array(paragraph)
        var depth = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if depth == 0, character == "." || character == "?" || character == "!" {
                var end = index + 1
                while end < characters.count, "\"”’')".contains(characters[end]) { end += 1 }
                let followedBySpace = end == characters.count || characters[end].isWhitespace
                let nextIsUpper = characters[end...].first { !$0.isWhitespace }.map { $0.isUppercase || $0 == "“" || $0 == "\"" } ?? true
                if followedBySpace, nextIsUpper, !(character == "." && endsInAbbreviation(characters, before: index)) {
                    return String(characters[..<end])
                }
            }
            index += 1
        }
        return paragraph
    }

    private static func endsInAbbreviation(_ characters: [Character], before index: Int) -> Bool {
        var start = index
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        let word = String(characters[start..<index]).lowercased()
        if word.count == 1, word.first!.isLetter { return true }  // an initial: "George W. Bush"
        return abbreviations.contains(word)
    }
}
