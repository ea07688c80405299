// MARK: - Summary

/// An extractive summary: whole sentences of the article plus a one-line dek.
public struct Summary: Sendable, Hashable {
    /// Whole sentences of the article, in article order.
    public var sentences: [String]
    /// The sentences joined by single spaces.
    public var text: String
    /// The single best sentence, shortened at a clause boundary when longer than the dek limit.
    public var dek: String

    /// Creates a summary from its parts.
    public init(sentences: [String], text: String, dek: String) {
        self.sentences = sentences
        self.text = text
        self.dek = dek
    }

    /// An empty summary (for an article without sentences).
    public static let empty = Summary(sentences: [], text: "", dek: "")
}
