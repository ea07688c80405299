extension Inline {
    /// The text a reader sees, with citations and cross-references as written in the source.
    public var plainText: String {
        switch self {
        case .text(let text): text
        case .emphasis(let content), .strong(let content): content.plainText
        case .link(let link): link.content.plainText
        case .lineBreak: "\n"
        case .citation(let citation): citation.text
        case .crossReference(let reference): reference.text
        case .entity(let mention): mention.text
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of the inlines.
    public var plainText: String {
        var result = ""
        for inline in self { result += inline.plainText }
        return result
    }
}

extension Block {
    /// The plain text of the block; nested blocks are separated by blank lines.
    public var plainText: String {
        switch self {
        case .paragraph(let content, _), .heading(_, let content): content.plainText
        case .blockQuote(let blocks): blocks.map { $0.plainText }.joined(separator: "\n\n")
        case .list(_, let items): items.map { $0.map { $0.plainText }.joined(separator: "\n\n") }.joined(separator: "\n\n")
        case .rule: ""
        }
    }
}

extension Article {
    /// The body's plain text, blocks separated by blank lines.
    public var plainText: String {
        blocks.map { $0.plainText }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// The body's words in order: maximal runs of non-whitespace.
    public var words: [Substring] {
        plainText.split(whereSeparator: \.isWhitespace)
    }
}
