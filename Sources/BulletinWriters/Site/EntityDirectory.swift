import BulletinModel

/// Every entity the archive's articles name, with the articles naming it, newest first. Built in one pass.
///
/// An article is described once, however many entities it names; an entity's list holds the numbers of
/// its articles (an archive holds some fifteen entities an article, and its lists as many references).
struct EntityDirectory {
    /// One article that names an entity.
    struct Reference {
        var title: String
        var path: String
        var issueTitle: String
        var date: String?
        var dek: String?
        /// The article's language, which its title and dek are marked with on a page in another.
        var language: String

        /// A digest of every field: what an entity page shows of the article.
        var digest: [UInt8] {
            var digest = ContentDigest()
            for field in [title, path, issueTitle, date, dek, language] {
                digest.add(field == nil ? 0 : 1)
                digest.add(field ?? "")
            }
            return digest.finalize()
        }
    }

    /// One entity.
    struct Entry {
        var id: String
        var name: String
        var type: EntityType
        var mentions: Int
        /// Numbers of the articles naming it in ``EntityDirectory/references``, newest first.
        var articles: [Int32]
    }

    /// The articles that name an entity, in archive order.
    let references: [Reference]
    /// Entities in index order (``sortKey(of:)``), then by id.
    let entries: [Entry]

    /// The directory of `archive`, its issue titles and dates in the words of `strings`.
    init(_ archive: Archive, strings: UIStrings) {
        var references: [Reference] = []
        var byID: [String: Entry] = [:]
        for issue in archive.issues {
            let issueTitle = strings.title(of: issue)
            for article in issue.articles {
                let metadata = article.metadata
                guard !metadata.entities.isEmpty else { continue }
                let number = Int32(references.count)
                references.append(Reference(title: metadata.title, path: SiteLayout.articlePath(metadata, in: issue), issueTitle: issueTitle,
                                            date: metadata.date ?? issue.date, dek: metadata.summary.flatMap { metadata.continuingTitle($0.dek) },
                                            language: metadata.language))
                for entity in metadata.entities {
                    byID[entity.id, default: Entry(id: entity.id, name: entity.name, type: entity.type, mentions: 0, articles: [])].mentions += entity.count
                    byID[entity.id]!.articles.append(number)
                }
            }
        }
        // Taken out of the dictionary first, so each list is sorted in place rather than copied.
        var entries = Array(byID.values)
        byID = [:]
        let dates = references.map { $0.date ?? "" }
        for index in entries.indices {
            // Newest first; undated articles last; archive order (the order of the numbers) breaks ties.
            entries[index].articles.sort { (dates[Int($0)], $1) > (dates[Int($1)], $0) }
        }
        self.references = references
        self.entries = entries.map { (Self.sortKey(of: $0), $0) }.sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }.map(\.1)
    }

    /// Where an entity goes in the index: a person by surname, as an index lists people ("Arbatov" under A,
    /// not under Akhmed), then by the whole name; anything else by its name.
    static func sortKey(of entry: Entry) -> String {
        let name = entry.name.lowercased()
        guard entry.type == .person, let space = name.lastIndex(of: " ") else { return name }
        return name[name.index(after: space)...] + " " + name
    }
}
