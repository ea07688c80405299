/// A run of text-level content inside a block.
///
/// Closed on purpose: adding a case is a compile error in every writer that does not handle it.
public enum Inline: Sendable, Hashable {
    /// Plain text, whitespace already normalised by the reader.
    case text(String)
    /// Emphasised content.
    case emphasis([Inline])
    /// Strongly emphasised content.
    case strong([Inline])
    /// A hyperlink.
    indirect case link(Link)
    /// A hard line break.
    case lineBreak
    /// A source attribution such as `(Russian agencies, February 1)`.
    indirect case citation(Citation)
    /// A reference to another issue such as `(see the Monitor, January 17)`.
    indirect case crossReference(CrossReference)
    /// A mention of a named entity, filled in by the entity tagger.
    case entity(EntityMention)
}

/// A hyperlink with its content.
public struct Link: Sendable, Hashable, Codable {
    /// The link target as written in the source.
    public var url: String
    /// An optional advisory title.
    public var title: String?
    /// The linked content.
    public var content: [Inline]

    /// Creates a link.
    public init(url: String, title: String? = nil, content: [Inline]) {
        self.url = url
        self.title = title
        self.content = content
    }
}

/// One source named by a citation, with the date it gives.
public struct CitationSource: Sendable, Hashable, Codable {
    /// The agency or outlet, e.g. "Russian agencies".
    public var name: String
    /// The date as written, e.g. "February 1"; nil when the source gives none.
    public var date: String?

    /// Creates a citation source.
    public init(name: String, date: String?) {
        self.name = name
        self.date = date
    }
}

/// A parenthetical source attribution, kept with its original text.
public struct Citation: Sendable, Hashable, Codable {
    /// The text exactly as in the source: the parenthetical, parentheses included, or where it also
    /// names issues ("(Interfax, January 31; see the Monitor, January 12)"), the sources' part of it.
    public var text: String
    /// The sources it names, in order.
    public var sources: [CitationSource]

    /// Creates a citation.
    public init(text: String, sources: [CitationSource]) {
        self.text = text
        self.sources = sources
    }
}

/// A reference from one article to an earlier issue.
public struct CrossReference: Sendable, Hashable, Codable {
    /// The text exactly as in the source: the parenthetical, parentheses included, or where it names
    /// several issues or sources too ("(see the Monitor, January 12; Prism, January 16)"), this issue's part.
    public var text: String
    /// The publication named, e.g. "Monitor".
    public var publication: String
    /// The date as written, e.g. "January 17".
    public var date: String
    /// The referenced issue, when it is in the archive and its date is known.
    public var target: IssueReference?

    /// Creates a cross-reference.
    public init(text: String, publication: String, date: String, target: IssueReference? = nil) {
        self.text = text
        self.publication = publication
        self.date = date
        self.target = target
    }
}

/// Identifies one issue of the archive.
public struct IssueReference: Sendable, Hashable, Codable, Comparable {
    /// The issue's stable id.
    public var id: String
    /// The publication's display name.
    public var publication: String
    /// The volume number.
    public var volume: Int
    /// The issue number.
    public var issue: Int

    /// Creates an issue reference.
    public init(id: String, publication: String, volume: Int, issue: Int) {
        self.id = id
        self.publication = publication
        self.volume = volume
        self.issue = issue
    }

    public static func < (lhs: IssueReference, rhs: IssueReference) -> Bool {
        (lhs.publication, lhs.volume, lhs.issue) < (rhs.publication, rhs.volume, rhs.issue)
    }
}

/// The four kinds of named entity.
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case person = "PER"
    case organization = "ORG"
    case location = "LOC"
    case miscellaneous = "MISC"

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Who decided that a mention names an entity.
public enum Provenance: String, Sendable, Hashable, Codable {
    /// The automatic tagger.
    case automatic
    /// The editor's dictionary in the project configuration.
    case editor
}

/// A mention of a named entity; the surface text is kept untouched.
public struct EntityMention: Sendable, Hashable, Codable {
    /// The surface text as in the source.
    public var text: String
    /// The canonical entity's stable id, shared across the archive.
    public var entityID: String
    /// The entity's type.
    public var type: EntityType
    /// Who tagged it.
    public var provenance: Provenance

    /// Creates a mention.
    public init(text: String, type: EntityType, entityID: String, provenance: Provenance = .automatic) {
        self.text = text
        self.type = type
        self.entityID = entityID
        self.provenance = provenance
    }
}
