/// A block-level element of an article body.
public enum Block: Sendable, Hashable {
    /// A paragraph, with the source span it was read from when known.
    case paragraph([Inline], span: SourceSpan?)
    /// A heading of level 1–6.
    case heading(level: Int, [Inline])
    /// A block quotation.
    case blockQuote([Block])
    /// A bulleted or numbered list; each item is a sequence of blocks.
    case list(ordered: Bool, items: [[Block]])
    /// A thematic break.
    case rule
}

/// A line/column span in one source file (1-based, end inclusive).
public struct SourceSpan: Sendable, Hashable, Codable {
    /// First line.
    public var startLine: Int
    /// First column, in characters.
    public var startColumn: Int
    /// Last line.
    public var endLine: Int
    /// Column of the last character.
    public var endColumn: Int

    /// Creates a span.
    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }
}
