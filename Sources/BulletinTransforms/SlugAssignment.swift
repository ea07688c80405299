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

    /// Gives the articles of `issue` their slugs, in place.
    public static func assignSlugs(_ issue: inout Issue) {
        var taken: Set<String> = []
        for a in issue.articles.indices {
            let base = slug(ofTitle: issue.articles[a].metadata.title)
            var slug = base
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
