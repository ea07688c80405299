/// The type of a named-entity mention, spelled as in CoNLL-2003.
public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable {
    case person = "PER"
    case organization = "ORG"
    case location = "LOC"
    case miscellaneous = "MISC"
}
