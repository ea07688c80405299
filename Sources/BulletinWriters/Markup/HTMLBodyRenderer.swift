import BulletinModel

/// Renders article bodies as HTML or XHTML fragments; shared by the EPUB and site writers.
public struct HTMLBodyRenderer: Sendable {
    /// Where links point; a nil result renders the node without a link.
    public struct Links: Sendable {
        /// The href of a cross-reference's target.
        public var crossReference: @Sendable (CrossReference) -> String?
        /// The href of an entity's page.
        public var entity: @Sendable (EntityMention) -> String?

        /// Creates link resolvers.
        public init(
            crossReference: @escaping @Sendable (CrossReference) -> String? = { _ in nil },
            entity: @escaping @Sendable (EntityMention) -> String? = { _ in nil }
        ) {
            self.crossReference = crossReference
            self.entity = entity
        }
    }

    /// XHTML (EPUB) or HTML (site) void-element style.
    public var xmlStyle: Bool
    /// Link resolvers.
    public var links: Links
    /// Body headings start at this level (the article title takes the one above).
    public var headingBase: Int
    /// Whether an entity mention without a link is a `span` naming its entity and kind, or plain text.
    public var marksEntities: Bool

    /// Creates a renderer.
    public init(xmlStyle: Bool, links: Links = Links(), headingBase: Int = 2, marksEntities: Bool = true) {
        self.xmlStyle = xmlStyle
        self.links = links
        self.headingBase = headingBase
        self.marksEntities = marksEntities
    }

    /// The blocks as markup.
    public func render(_ blocks: [Block]) -> String {
        var builder = MarkupBuilder(xmlStyle: xmlStyle)
        render(blocks, into: &builder)
        return builder.output
    }

    /// The inlines as markup.
    public func render(_ inlines: [Inline]) -> String {
        var builder = MarkupBuilder(xmlStyle: xmlStyle)
        render(inlines, into: &builder)
        return builder.output
    }

    /// Renders blocks into `builder`.
    public func render(_ blocks: [Block], into builder: inout MarkupBuilder) {
        for block in blocks {
            render(block, into: &builder)
            builder.newline()
        }
    }

    private func render(_ block: Block, into builder: inout MarkupBuilder) {
        switch block {
        case .paragraph(let content, _):
            builder.element("p") { render(content, into: &$0) }
        case .heading(let level, let content):
            let shifted = min(6, max(headingBase, level + headingBase - 1))
            builder.element("h\(shifted)") { render(content, into: &$0) }
        case .blockQuote(let blocks):
            builder.element("blockquote") { inner in
                inner.newline()
                render(blocks, into: &inner)
            }
        case .list(let ordered, let items):
            builder.element(ordered ? "ol" : "ul") { list in
                for item in items {
                    list.element("li") { render(item, into: &$0) }
                }
            }
        case .rule:
            builder.void("hr")
        }
    }

    private func render(_ inlines: [Inline], into builder: inout MarkupBuilder) {
        for inline in inlines { render(inline, into: &builder) }
    }

    private func render(_ inline: Inline, into builder: inout MarkupBuilder) {
        switch inline {
        case .text(let text):
            builder.text(text)
        case .emphasis(let content):
            builder.element("em") { render(content, into: &$0) }
        case .strong(let content):
            builder.element("strong") { render(content, into: &$0) }
        case .link(let link):
            if Markup.isSafeURL(link.url), !link.content.plainText.isBlank {
                builder.element("a", [("href", link.url), ("title", link.title)]) { render(link.content, into: &$0) }
            } else {
                render(link.content, into: &builder)
            }
        case .lineBreak:
            builder.void("br")
        case .citation(let citation):
            builder.element("cite", ("class", "citation"), text: citation.text)
        case .crossReference(let reference):
            if let href = links.crossReference(reference) {
                builder.element("a", ("class", "cross-reference"), ("href", href), text: reference.text)
            } else {
                builder.element("span", ("class", "cross-reference"), text: reference.text)
            }
        case .entity(let mention):
            let className = Self.entityClass(mention.type)
            if let href = links.entity(mention) {
                builder.element("a", ("class", className), ("href", href), text: mention.text)
            } else if !marksEntities {
                builder.text(mention.text)
            } else {
                builder.element("span", ("class", className), ("data-entity", mention.entityID), text: mention.text)
            }
        }
    }

    /// The class of an entity mention, `entity entity-per` and so on (made once: mentions are many).
    private static func entityClass(_ type: EntityType) -> String {
        switch type {
        case .person: personClass
        case .organization: organizationClass
        case .location: locationClass
        case .miscellaneous: miscellaneousClass
        }
    }

    private static let personClass = "entity entity-" + EntityType.person.rawValue.lowercased()
    private static let organizationClass = "entity entity-" + EntityType.organization.rawValue.lowercased()
    private static let locationClass = "entity entity-" + EntityType.location.rawValue.lowercased()
    private static let miscellaneousClass = "entity entity-" + EntityType.miscellaneous.rawValue.lowercased()
}
