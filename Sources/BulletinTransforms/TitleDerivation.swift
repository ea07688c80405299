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
        return shorten(SentenceSegmenter().firstSentence(in: lead) ?? lead, language: article.metadata.language)
    }

    /// `sentence` cut to ``maximumLength`` characters at a word boundary, with an ellipsis when cut.
    ///
    /// In English, a cut title does not end on a word that only leads into what was cut ("of the",
    /// "would", "after"): those are dropped too, so long as half the length is left.
    public func shorten(_ sentence: String, language: String = "en") -> String {
        var text = Substring(sentence)
        // A title does not end in a full stop.
        if text.hasSuffix("."), !text.hasSuffix("..") { text = text.dropLast() }
        guard text.count > maximumLength else { return String(text) }
        let limit = text.index(text.startIndex, offsetBy: maximumLength)
        var cut = text[..<limit]
        if text[limit].isWhitespace == false, let space = cut.lastIndex(where: \.isWhitespace) {
            cut = cut[..<space]
        }
        cut = Self.trimmingSeparators(cut)
        if ArticleMetadata.isEnglish(language) {
            while let space = cut.lastIndex(where: \.isWhitespace), Self.leadingWords.contains(cut[cut.index(after: space)...].lowercased()) {
                let shorter = Self.trimmingSeparators(cut[..<space])
                guard shorter.count * 2 >= maximumLength else { break }
                cut = shorter
            }
        }
        return cut + "…"
    }

    /// `text` without the white space, commas, colons and dashes it ends with.
    private static func trimmingSeparators(_ text: Substring) -> Substring {
        var text = text
        while let last = text.last, last.isWhitespace || ",;:–—-".contains(last) { text = text.dropLast() }
        return text
    }

    /// English words that lead into the words after them and so cannot end a cut title: articles,
    /// prepositions, conjunctions, auxiliary verbs, possessives and determiners.
    static let leadingWords: Set<String> = [
        "a", "an", "the",
        "about", "across", "after", "against", "along", "amid", "among", "around", "at", "before", "behind", "below",
        "beneath", "beside", "besides", "between", "beyond", "by", "despite", "during", "for", "from", "in", "inside",
        "into", "near", "of", "off", "on", "onto", "out", "over", "per", "since", "than", "through", "throughout", "to",
        "toward", "towards", "under", "until", "unlike", "upon", "via", "with", "within", "without",
        "and", "as", "because", "but", "if", "nor", "or", "so", "that", "though", "unless", "when", "whereas",
        "where", "whether", "which", "while", "who", "whom", "whose", "yet",
        "am", "are", "be", "been", "being", "can", "could", "did", "do", "does", "had", "has", "have", "is", "may",
        "might", "must", "shall", "should", "was", "were", "will", "would",
        "her", "his", "its", "my", "our", "their", "your", "this", "these", "those", "such", "also", "all", "any",
        "both", "each", "either", "every", "neither", "no", "not", "some", "very", "more", "most", "own",
    ]
}
