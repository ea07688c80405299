import BulletinModel

/// The editor's entity dictionary from the project configuration, applied after the automatic pass.
///
/// ```yaml
/// entities:
///   add:      [{ name: Leonid Ivashov, type: PER, aliases: [General Ivashov] }]
///   merge:    [{ into: per-vladimir-putin, from: [per-putin, Vladimir V. Putin] }]
///   rename:   [{ id: org-defense-ministry, name: Russian Defence Ministry }]
///   suppress: [Despite, misc-east-west]
/// ```
/// Ids or canonical names may be given wherever an entity is named.
public struct EntityDictionary: Sendable, Hashable, Codable {
    /// An entity the tagger missed, with the spellings to find.
    public struct Addition: Sendable, Hashable, Codable {
        public var name: String
        public var type: EntityType
        public var aliases: [String]?

        /// Creates an addition.
        public init(name: String, type: EntityType, aliases: [String]? = nil) {
            self.name = name
            self.type = type
            self.aliases = aliases
        }
    }

    /// Entities that are one.
    public struct Merge: Sendable, Hashable, Codable {
        public var into: String
        public var from: [String]

        /// Creates a merge.
        public init(into: String, from: [String]) {
            self.into = into
            self.from = from
        }
    }

    /// A new display name for an entity; its id stays.
    public struct Rename: Sendable, Hashable, Codable {
        public var id: String
        public var name: String

        /// Creates a rename.
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public var add: [Addition]?
    public var merge: [Merge]?
    public var rename: [Rename]?
    /// Surface texts, ids or canonical names never to tag.
    public var suppress: [String]?

    /// Creates a dictionary.
    public init(add: [Addition]? = nil, merge: [Merge]? = nil, rename: [Rename]? = nil, suppress: [String]? = nil) {
        self.add = add
        self.merge = merge
        self.rename = rename
        self.suppress = suppress
    }

    /// True when the dictionary changes nothing.
    public var isEmpty: Bool {
        (add ?? []).isEmpty && (merge ?? []).isEmpty && (rename ?? []).isEmpty && (suppress ?? []).isEmpty
    }
}
