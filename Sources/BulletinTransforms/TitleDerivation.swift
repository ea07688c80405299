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
        return shorten(SentenceSegmenter().sentences(in: lead).first ?? lead)
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

