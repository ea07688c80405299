import BulletinModel

/// The language a page is marked with, and the marks of its parts in other languages (WCAG 2.2, 3.1.2
/// Language of Parts): a screen reader speaks each part in the voice of its `lang`, and a browser
/// hyphenates and sets it by its rules.
///
/// A page's `lang` is that of its content (an article page's, its article's) when the theme has words for
/// that language. When it has none, the page's headings, labels and links are in the words it falls back
/// to (English): the page is marked in their language, and its content part by part in its own. On any
/// page, a part in another language than the page's is marked: a French article's title on an English home
/// page, an English article on the contents page of an issue that opens in Russian. The books mark the
/// theme's words in a document the same way (``EPUBDocumentRenderer/wordsAttributes(_:in:)``).
struct PageLanguage {
    /// The `lang` of the page's `html` element.
    let tag: String
    /// "rtl" or "ltr".
    let direction: String

    /// The language of a page whose content is in `content`, worded with `strings` (the theme's words for `content`).
    init(content: String, strings: UIStrings) {
        self.init(tag: strings.speak(content) ? content : strings.language)
    }

    /// A page or document marked `tag`.
    init(tag: String) {
        self.tag = tag
        direction = TextDirection.of(tag)
    }

    /// What marks a part in `language` on this page: its tag, and its direction when that is not the
    /// page's; nil when `language` is the page's.
    func marks(for language: String) -> (tag: String, direction: String?)? {
        // Asked for every title of every list: the usual answer, the page's own tag, is found without lowercasing.
        guard language != tag, language.lowercased() != tag.lowercased() else { return nil }
        let partDirection = TextDirection.of(language)
        return (language, partDirection == direction ? nil : partDirection)
    }

    /// The attributes that mark a part in `language` on this page: ` lang="…"`, and ` dir="…"` where the
    /// direction changes; empty when `language` is the page's. Given to templates as `langAttributes`, for
    /// the element that holds the part.
    func attributes(for language: String) -> TemplateValue {
        guard let marks = marks(for: language) else { return .text("") }
        return .text(" lang=\"\(Markup.attribute(marks.tag))\"" + (marks.direction.map { " dir=\"\($0)\"" } ?? ""))
    }
}
