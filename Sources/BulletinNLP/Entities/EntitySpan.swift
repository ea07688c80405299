/// One entity mention found in a text, with offsets in Unicode scalars.
public struct EntitySpan: Sendable, Hashable {
    /// Unicode scalar offset of the first scalar of the mention, inclusive.
    public var start: Int
    /// Unicode scalar offset just past the mention, exclusive.
    public var end: Int
    /// The type of the mention.
    public var kind: EntityKind
    /// The surface text exactly as in the input; a possessive `'s` / `’s` is not included.
    public var text: String
    /// The full form of the entity within the document ("Ivashov" -> "Leonid Ivashov"), without titles.
    public var canonicalName: String
    /// A title that preceded the name ("Colonel General"), or nil.
    public var role: String?

    /// Creates a span.
    public init(start: Int, end: Int, kind: EntityKind, text: String, canonicalName: String, role: String? = nil) {
        self.start = start
        self.end = end
        self.kind = kind
        self.text = text
        self.canonicalName = canonicalName
        self.role = role
    }
}
