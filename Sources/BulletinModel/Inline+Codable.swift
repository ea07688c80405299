// Inlines and blocks encode as objects with a `kind` discriminator and the case's fields beside it,
// so the JSON reads like the tree: {"kind": "citation", "text": "(…)", "sources": […]}.

private enum NodeKey: String, CodingKey {
    case kind, text, content, level, blocks, ordered, items, span
}

extension Inline: Codable {
    private enum Kind: String, Codable {
        case text, emphasis, strong, link, lineBreak, citation, crossReference, entity
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NodeKey.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .text: self = .text(try container.decode(String.self, forKey: .text))
        case .emphasis: self = .emphasis(try container.decode([Inline].self, forKey: .content))
        case .strong: self = .strong(try container.decode([Inline].self, forKey: .content))
        case .link: self = .link(try Link(from: decoder))
        case .lineBreak: self = .lineBreak
        case .citation: self = .citation(try Citation(from: decoder))
        case .crossReference: self = .crossReference(try CrossReference(from: decoder))
        case .entity: self = .entity(try EntityMention(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NodeKey.self)
        switch self {
        case .text(let text):
            try container.encode(Kind.text, forKey: .kind)
            try container.encode(text, forKey: .text)
        case .emphasis(let content):
            try container.encode(Kind.emphasis, forKey: .kind)
            try container.encode(content, forKey: .content)
        case .strong(let content):
            try container.encode(Kind.strong, forKey: .kind)
            try container.encode(content, forKey: .content)
        case .link(let link):
            try container.encode(Kind.link, forKey: .kind)
            try link.encode(to: encoder)
        case .lineBreak:
            try container.encode(Kind.lineBreak, forKey: .kind)
        case .citation(let citation):
            try container.encode(Kind.citation, forKey: .kind)
            try citation.encode(to: encoder)
        case .crossReference(let reference):
            try container.encode(Kind.crossReference, forKey: .kind)
            try reference.encode(to: encoder)
        case .entity(let mention):
            try container.encode(Kind.entity, forKey: .kind)
            try mention.encode(to: encoder)
        }
    }
}

extension Block: Codable {
    private enum Kind: String, Codable {
        case paragraph, heading, blockQuote, list, rule
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NodeKey.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .paragraph:
            self = .paragraph(
                try container.decode([Inline].self, forKey: .content),
                span: try container.decodeIfPresent(SourceSpan.self, forKey: .span)
            )
        case .heading:
            self = .heading(level: try container.decode(Int.self, forKey: .level), try container.decode([Inline].self, forKey: .content))
        case .blockQuote:
            self = .blockQuote(try container.decode([Block].self, forKey: .blocks))
        case .list:
            self = .list(ordered: try container.decode(Bool.self, forKey: .ordered), items: try container.decode([[Block]].self, forKey: .items))
        case .rule:
            self = .rule
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NodeKey.self)
        switch self {
        case .paragraph(let content, let span):
            try container.encode(Kind.paragraph, forKey: .kind)
            try container.encode(content, forKey: .content)
            try container.encodeIfPresent(span, forKey: .span)
        case .heading(let level, let content):
            try container.encode(Kind.heading, forKey: .kind)
            try container.encode(level, forKey: .level)
            try container.encode(content, forKey: .content)
        case .blockQuote(let blocks):
            try container.encode(Kind.blockQuote, forKey: .kind)
            try container.encode(blocks, forKey: .blocks)
        case .list(let ordered, let items):
            try container.encode(Kind.list, forKey: .kind)
            try container.encode(ordered, forKey: .ordered)
            try container.encode(items, forKey: .items)
        case .rule:
            try container.encode(Kind.rule, forKey: .kind)
        }
    }
}
