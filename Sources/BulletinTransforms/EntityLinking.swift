import BulletinModel

/// Links entities across the archive, applies the editor's dictionary and counts mentions per article.
///
/// A surname met alone in one article ("Putin") joins the one full name ending in it elsewhere in the
/// archive ("Vladimir Putin") when there is exactly one, and so do an organisation's acronym ("OSCE") and
/// its last word ("Duma") the one full name they stand for; then the dictionary's additions,
/// suppressions, merges and renames apply, marked with editor provenance.
///
/// The archive-wide tables are made once; articles are then rewritten in parallel.
public struct EntityLinking: ArchiveAwareTransform {
    public let name = "Link entities"
    /// The editor's dictionary.
    public var dictionary: EntityDictionary

    /// Creates the transform.
    public init(dictionary: EntityDictionary = EntityDictionary()) {
        self.dictionary = dictionary
    }

    public func prepared(for archive: Archive, concurrency: Int) async -> any ArticleTransform {
        prepared(names: await names(of: archive, concurrency: concurrency))
    }

    /// The names of the entities `archive`'s articles were tagged with, gathered by `concurrency` tasks.
    public func names(of archive: Archive, concurrency: Int) async -> EntityNames {
        // Gathered in parallel over runs of issues: the table does not depend on the order (see EntityNames).
        await withTaskGroup(of: EntityNames.self) { group in
            for run in archive.issueRuns(count: concurrency * 16) {
                group.addTask {
                    var names = EntityNames()
                    for issue in run {
                        for article in issue.articles { names.add(article) }
                    }
                    return names
                }
            }
            var names = EntityNames()
            for await part in group { names.merge(part) }
            return names
        }
    }

    /// A dictionary entry that names no entity of the archive (nor one the dictionary adds): where it is
    /// in the dictionary (`merge[0].from[1]`) and what it names.
    public struct UnmatchedEntry: Sendable, Hashable {
        public var field: String
        public var reference: String

        /// Creates an entry.
        public init(field: String, reference: String) {
            self.field = field
            self.reference = reference
        }
    }

    /// The dictionary's merges, renames and suppressed ids that name no entity among `names`: each changes
    /// nothing, and is most likely misspelt. Suppressed texts that are not ids are not checked: they match
    /// mentions as written, not entities.
    public func unmatchedEntries(names gathered: EntityNames) -> [UnmatchedEntry] {
        var names = gathered.table
        for addition in dictionary.add ?? [] {
            names[EntityTagging.entityID(type: addition.type, canonicalName: addition.name)] = (addition.name, addition.type)
        }
        let canonical = Set(names.values.map(\.name))
        func exists(_ reference: String) -> Bool { names[reference] != nil || canonical.contains(reference) }
        var unmatched: [UnmatchedEntry] = []
        for (index, merge) in (dictionary.merge ?? []).enumerated() {
            if !exists(merge.into) { unmatched.append(UnmatchedEntry(field: "merge[\(index)].into", reference: merge.into)) }
            for (position, source) in merge.from.enumerated() where !exists(source) {
                unmatched.append(UnmatchedEntry(field: "merge[\(index)].from[\(position)]", reference: source))
            }
        }
        for (index, rename) in (dictionary.rename ?? []).enumerated() where !exists(rename.id) {
            unmatched.append(UnmatchedEntry(field: "rename[\(index)].id", reference: rename.id))
        }
        let idPrefixes = EntityType.allCases.map { $0.rawValue.lowercased() + "-" }
        for (index, text) in (dictionary.suppress ?? []).enumerated()
        where idPrefixes.contains(where: { text.hasPrefix($0) }) && !exists(text) && !text.contains(" ") {
            unmatched.append(UnmatchedEntry(field: "suppress[\(index)]", reference: text))
        }
        return unmatched
    }

    /// The per-article transform for an archive whose tagged articles gave `names`.
    public func prepared(names gathered: EntityNames) -> any ArticleTransform {
        // Canonical names and types of every automatic entity in the archive.
        var names = gathered.table
        var remap = surnameLinks(names).merging(organizationLinks(names)) { surname, _ in surname }
        var editorIDs: Set<String> = []
        func resolve(_ reference: String, type: EntityType? = nil) -> String {
            if names[reference] != nil { return reference }
            if let match = names.first(where: { $0.value.name == reference && (type == nil || $0.value.type == type) })?.key { return match }
            return reference
        }
        for addition in dictionary.add ?? [] {
            let id = EntityTagging.entityID(type: addition.type, canonicalName: addition.name)
            if names[id] == nil { names[id] = (addition.name, addition.type) }
            editorIDs.insert(id)
        }
        for merge in dictionary.merge ?? [] {
            let target = resolve(merge.into)
            guard names[target] != nil else { continue }
            for source in merge.from {
                let id = resolve(source)
                guard id != target else { continue }
                remap[id] = target
                editorIDs.insert(target)
            }
        }
        for rename in dictionary.rename ?? [] {
            let id = resolve(rename.id)
            guard let current = names[id] else { continue }
            names[id] = (rename.name, current.type)
            editorIDs.insert(id)
        }
        let suppressed = Set(dictionary.suppress ?? [])
        let additions = (dictionary.add ?? []).flatMap { addition in
            ([addition.name] + (addition.aliases ?? [])).map {
                (surface: $0, id: EntityTagging.entityID(type: addition.type, canonicalName: addition.name), type: addition.type)
            }
        }.sorted { $0.surface.count > $1.surface.count }

        return Linker(names: names, remap: remap, editorIDs: editorIDs, suppressed: suppressed, additions: additions)
    }

    /// The name an entity goes by across an archive, gathered from its tagged articles in any order.
    ///
    /// Several spellings can share an id ("Al-Qaeda", "Al Qaeda"); the one the most articles use is the
    /// entity's name, and of those used equally often the first in Unicode order. No order of the articles
    /// enters the choice, so an archive gathered in parallel chunks, or one article at a time, gives the same table.
    public struct EntityNames: Sendable {
        /// An entity's type and its spellings with the number of articles using each: most entities
        /// have one spelling, so a short list, not a table.
        private struct Entry: Sendable {
            var type: EntityType
            var spellings: [(name: String, articles: Int)]

            mutating func count(_ name: String, articles: Int) {
                if let index = spellings.firstIndex(where: { $0.name == name }) {
                    spellings[index].articles += articles
                } else {
                    spellings.append((name, articles))
                }
            }

            /// The spelling the most articles use, the first in Unicode order among equals.
            var name: String {
                spellings.max { ($0.articles, $1.name) < ($1.articles, $0.name) }!.name
            }
        }

        private var entries: [String: Entry] = [:]

        /// An empty table.
        public init() {}

        /// Counts the entities `article` was tagged with.
        public mutating func add(_ article: Article) {
            for entity in article.metadata.entities {
                entries[entity.id, default: Entry(type: entity.type, spellings: [])].count(entity.name, articles: 1)
            }
        }

        /// Adds the counts of another table.
        public mutating func merge(_ other: EntityNames) {
            for (id, entry) in other.entries {
                // A known entity is found once, not again for each of its spellings.
                guard let index = entries.index(forKey: id) else {
                    entries[id] = entry
                    continue
                }
                for spelling in entry.spellings { entries.values[index].count(spelling.name, articles: spelling.articles) }
            }
        }

        /// The name of the entity `id`, when an article was tagged with it.
        public func name(of id: String) -> String? {
            entries[id]?.name
        }

        /// Each entity's name and type.
        var table: [String: (name: String, type: EntityType)] {
            var table: [String: (name: String, type: EntityType)] = [:]
            table.reserveCapacity(entries.count)
            for (id, entry) in entries { table[id] = (entry.name, entry.type) }
            return table
        }
    }

    /// Rewrites one article's mentions with the archive-wide tables and counts them.
    struct Linker: ArticleTransform {
        let name = "Link entities"
        let names: [String: (name: String, type: EntityType)]
        let remap: [String: String]
        let editorIDs: Set<String>
        let suppressed: Set<String>
        let additions: [(surface: String, id: String, type: EntityType)]

        func apply(to article: consuming Article) -> Article {
            var article = article
            // Most articles have nothing to rewrite: their tree is kept as it is rather than rebuilt.
            if !additions.isEmpty || EntityLinking.anyMention(in: article, where: rewrites) {
                if additions.isEmpty && suppressed.isEmpty {
                    // Only ids and provenance change, in place: rebuilt, every inline list of the article
                    // was allocated again, some 10 MB more at the peak of a 10,000-article build.
                    for index in article.blocks.indices { relink(&article.blocks[index]) }
                    if var title = article.metadata.titleContent {
                        article.metadata.titleContent = nil
                        relink(&title)
                        article.metadata.titleContent = title
                    }
                } else {
                    article.blocks = rewritten(article.blocks)
                    article.metadata.titleContent = rewrittenTitle(of: article.metadata)
                }
            }
            article.metadata.entities = EntityLinking.counts(of: article, names: names)
            return article
        }

        /// Whether linking changes `mention`: it is suppressed, merged into another entity, or the editor's.
        /// Empty tables, most of them without a dictionary, are not asked: each question hashes a string.
        private func rewrites(_ mention: EntityMention) -> Bool {
            isSuppressed(mention) || (!remap.isEmpty && remap[mention.entityID] != nil)
                || (!editorIDs.isEmpty && editorIDs.contains(mention.entityID))
        }

        /// Whether the dictionary suppresses `mention`, by its text, its id or its entity's canonical name.
        private func isSuppressed(_ mention: EntityMention) -> Bool {
            guard !suppressed.isEmpty else { return false }
            return suppressed.contains(mention.text) || suppressed.contains(mention.entityID)
                || names[mention.entityID].map { suppressed.contains($0.name) } == true
        }

        /// Gives the mentions of `block` their linked ids and provenance, in place.
        private func relink(_ block: inout Block) {
            switch block {
            case .paragraph(var content, let span):
                block = .rule // lets go of the list, so that changing it does not copy it
                relink(&content)
                block = .paragraph(content, span: span)
            case .heading(let level, var content):
                block = .rule
                relink(&content)
                block = .heading(level: level, content)
            case .blockQuote(var blocks):
                block = .rule
                for index in blocks.indices { relink(&blocks[index]) }
                block = .blockQuote(blocks)
            case .list(let ordered, var items):
                block = .rule
                for item in items.indices { for index in items[item].indices { relink(&items[item][index]) } }
                block = .list(ordered: ordered, items: items)
            case .rule:
                break
            }
        }

        /// Gives the mentions of `inlines`, and of the inlines inside them, their linked ids and provenance, in place.
        private func relink(_ inlines: inout [Inline]) {
            for index in inlines.indices {
                switch inlines[index] {
                case .entity(var mention):
                    // Each table is asked once a mention, and an empty one not at all: each question hashes a string.
                    let target = remap.isEmpty ? nil : remap[mention.entityID]
                    if let target { mention.entityID = target }
                    let isEditor = !editorIDs.isEmpty && editorIDs.contains(mention.entityID)
                    guard target != nil || isEditor else { continue }
                    if isEditor { mention.provenance = .editor }
                    inlines[index] = .entity(mention)
                case .emphasis(var content):
                    inlines[index] = .lineBreak
                    relink(&content)
                    inlines[index] = .emphasis(content)
                case .strong(var content):
                    inlines[index] = .lineBreak
                    relink(&content)
                    inlines[index] = .strong(content)
                case .link(var link):
                    inlines[index] = .lineBreak
                    relink(&link.content)
                    inlines[index] = .link(link)
                case .text, .lineBreak, .citation, .crossReference:
                    break
                }
            }
        }

        private func rewritten(_ blocks: [Block]) -> [Block] {
            blocks.map { block in
                block.mapInlines { rewritten($0) }
            }
        }

        /// The title's content with the dictionary applied, as a body's runs are: nil when no mention is left.
        /// A derived title is left untagged: its words are the body's, tagged there.
        private func rewrittenTitle(of metadata: ArticleMetadata) -> [Inline]? {
            guard !metadata.titleIsDerived, !metadata.title.isEmpty else { return nil }
            let content = rewritten(metadata.titleContent ?? [.text(metadata.title)])
            return content.entityMentions.isEmpty ? nil : content
        }

        private func rewritten(_ inlines: [Inline]) -> [Inline] {
            var rewritten = inlines.map { inline in
                inline.mapRecursively { node in
                    guard case .entity(var mention) = node else { return node }
                    if isSuppressed(mention) { return .text(mention.text) }
                    if let target = remap[mention.entityID] { mention.entityID = target }
                    if editorIDs.contains(mention.entityID) { mention.provenance = .editor }
                    return .entity(mention)
                }
            }
            if !additions.isEmpty { rewritten = EntityLinking.tagAdditions(rewritten, additions) }
            return EntityLinking.mergingText(rewritten)
        }
    }

    /// Whether some entity mention of `article` satisfies `condition`.
    static func anyMention(in article: Article, where condition: (EntityMention) -> Bool) -> Bool {
        var found = false
        forEachMention(in: article) { mention in found = found || condition(mention) }
        return found
    }

    /// Calls `body` with every entity mention of `article`, its title's first, in reading order, without
    /// rebuilding anything.
    static func forEachMention(in article: Article, _ body: (EntityMention) -> Void) {
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .entity(let mention): body(mention)
                case .emphasis(let content), .strong(let content): visit(content)
                case .link(let link): visit(link.content)
                case .text, .lineBreak, .citation, .crossReference: break
                }
            }
        }
        if let title = article.metadata.titleContent { visit(title) }
        var runs: [[Inline]] = []
        for block in article.blocks { block.collectInlineRuns(into: &runs) }
        for run in runs { visit(run) }
    }

    /// Single-word person names that end exactly one multi-word person name in the archive.
    private func surnameLinks(_ names: [String: (name: String, type: EntityType)]) -> [String: String] {
        var fullBySurname: [String: Set<String>] = [:]
        for (id, entity) in names where entity.type == .person {
            let words = entity.name.split(separator: " ")
            if words.count > 1, let last = words.last { fullBySurname[String(last), default: []].insert(id) }
        }
        var links: [String: String] = [:]
        for (id, entity) in names where entity.type == .person && !entity.name.contains(" ") {
            if let candidates = fullBySurname[entity.name], candidates.count == 1 { links[id] = candidates.first! }
        }
        return links
    }

    /// Short forms of organisations joined to the one full name they stand for across the archive, as a
    /// surname joins a full name: an acronym to the one name whose capitalised words it is the initials of
    /// ("OSCE" to "Organization for Security and Cooperation in Europe", "EU" to "European Union"), and an
    /// organisation of one word to the one organisation's name it ends ("Duma" to "State Duma"). Two
    /// candidates and neither is chosen.
    private func organizationLinks(_ names: [String: (name: String, type: EntityType)]) -> [String: String] {
        var byInitials: [String: Set<String>] = [:]
        var byLastWord: [String: Set<String>] = [:]
        for (id, entity) in names where entity.type == .organization {
            let words = entity.name.split(separator: " ")
            guard words.count > 1, let last = words.last else { continue }
            let initials = String(words.compactMap { word in word.first.flatMap { $0.isUppercase ? $0 : nil } })
            if initials.count > 1 { byInitials[initials, default: []].insert(id) }
            byLastWord[String(last), default: []].insert(id)
        }
        var links: [String: String] = [:]
        for (id, entity) in names where entity.type != .person && !entity.name.contains(" ") {
            let isAcronym = entity.name.count > 1 && entity.name.allSatisfy(\.isUppercase)
            if isAcronym, let candidates = byInitials[entity.name], candidates.count == 1 {
                links[id] = candidates.first!
            } else if entity.type == .organization, let candidates = byLastWord[entity.name], candidates.count == 1 {
                links[id] = candidates.first!
            }
        }
        return links
    }

    /// Tags the editor's spellings found at word boundaries in plain text.
    static func tagAdditions(_ inlines: [Inline], _ additions: [(surface: String, id: String, type: EntityType)]) -> [Inline] {
        inlines.flatMap { inline -> [Inline] in
            guard case .text(let text) = inline else { return [inline] }
            var pieces: [Inline] = []
            var rest = Substring(text)
            outer: while !rest.isEmpty {
                for addition in additions {
                    guard let range = rest.firstRange(of: addition.surface) else { continue }
                    let before = range.lowerBound == rest.startIndex || !rest[rest.index(before: range.lowerBound)].isLetter
                    let after = range.upperBound == rest.endIndex || !rest[range.upperBound].isLetter
                    guard before && after else { continue }
                    if range.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<range.lowerBound]))) }
                    pieces.append(.entity(EntityMention(text: String(rest[range]), type: addition.type, entityID: addition.id, provenance: .editor)))
                    rest = rest[range.upperBound...]
                    continue outer
                }
                pieces.append(.text(String(rest)))
                break
            }
            return pieces
        }
    }

    /// Adjacent text inlines joined, so suppressed mentions leave no seams.
    static func mergingText(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            if case .text(let text) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else {
                result.append(inline)
            }
        }
        return result
    }

    /// Mentions per entity, most frequent first.
    static func counts(of article: Article, names: [String: (name: String, type: EntityType)]) -> [EntityCount] {
        var counts: [String: (count: Int, type: EntityType, editor: Bool, surface: String)] = [:]
        // The tagger's list has an entry per entity; linking only merges some of them.
        counts.reserveCapacity(article.metadata.entities.count)
        forEachMention(in: article) { mention in
            counts[mention.entityID, default: (0, mention.type, false, mention.text)].count += 1
            if mention.provenance == .editor { counts[mention.entityID]!.editor = true }
        }
        return counts.map { id, value in
            let known = names[id]
            return EntityCount(id: id, name: known?.name ?? value.surface, type: known?.type ?? value.type,
                               count: value.count, provenance: value.editor ? .editor : .automatic)
        }.sorted { ($1.count, $0.name, $0.id) < ($0.count, $1.name, $1.id) }
    }
}
