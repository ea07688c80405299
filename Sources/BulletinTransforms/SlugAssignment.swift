import BulletinModel

/// Gives every article a URL-safe slug from its title, unique within its issue.
public struct SlugAssignment: ArchiveTransform {
    public let name = "Assign slugs"

    /// Creates the transform.
    public init() {}

    public func apply(to archive: Archive) -> Archive {
        var result = archive
        result.updateIssues(Self.assignSlugs)
        return result
    }

    /// Gives the articles of `issue` their slugs, in place. Of articles with the same title, the first in
    /// the issue has the title's slug and each other adds the first 8 hex digits of the SHA-256 of its id:
    /// an article added beside them changes at most the address of the one it comes before, where
    /// "-2", "-3"… in the issue's order would move every one after it.
    public static func assignSlugs(_ issue: inout Issue) {
        var taken: Set<String> = []
        for a in issue.articles.indices {
            var slug = slug(ofTitle: issue.articles[a].metadata.title)
            if taken.contains(slug) { slug += "-" + SHA256.hex(of: issue.articles[a].id).prefix(8) }
            let base = slug
            var counter = 2
            while taken.contains(slug) {
                slug = "\(base)-\(counter)"
                counter += 1
            }
            taken.insert(slug)
            issue.articles[a].metadata.slug = slug
        }
    }

    /// The slug of a title: its words in ASCII. A title with none (in Arabic, Hebrew or Chinese script,
    /// which are not transliterated) gets `article-` and the first 8 hex digits of the SHA-256 of its
    /// text: an address that stays the same when the issue's other articles change, as "article",
    /// "article-2"… in the order of the issue would not. A blank title gets `article`.
    static func slug(ofTitle title: String) -> String {
        let slug = Slug.make(title, maxLength: 60, fallback: "")
        guard slug.isEmpty else { return slug }
        if title.isBlank { return "article" }
        return "article-" + SHA256.hex(of: title).prefix(8)
    }
}
