import BulletinModel

/// Every entity the archive's articles name, with the articles naming it, newest first. Built in one pass.
struct EntityDirectory {
    /// One article that names an entity.
    struct Reference {
        var title: String
        var path: String
        var issueTitle: String
        var date: String?
        var dek: String?
        /// Position in archive order, the tie-break for equal dates.
        var position: Int
    }

    /// One entity.
    struct Entry {
        var id: String
        var name: String
        var type: EntityType
        var mentions: Int
        var articles: [Reference]
    }

    /// Entities sorted by name, then id.
    let entries: [Entry]

    init(_ archive: Archive) {
        var byID: [String: Entry] = [:]
        var position = 0
        for issue in archive.issues {
            for article in issue.articles {
                let metadata = article.metadata
                defer { position += 1 }
                guard !metadata.entities.isEmpty else { continue }
                let path = SiteLayout.articlePath(metadata, in: issue)
                for entity in metadata.entities {
                    let reference = Reference(title: metadata.title, path: path, issueTitle: issue.displayTitle, date: metadata.date ?? issue.date,
                                              dek: metadata.summary?.dek, position: position)
                    if byID[entity.id] == nil {
                        byID[entity.id] = Entry(id: entity.id, name: entity.name, type: entity.type, mentions: 0, articles: [])
                    }
                    byID[entity.id]!.mentions += entity.count
                    byID[entity.id]!.articles.append(reference)
                }
            }
        }
        entries = byID.values.map { entry in
            var entry = entry
            // Newest first; undated articles last; archive order breaks ties.
            entry.articles.sort { ($0.date ?? "", $1.position) > ($1.date ?? "", $0.position) }
            return entry
        }.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    }
}
