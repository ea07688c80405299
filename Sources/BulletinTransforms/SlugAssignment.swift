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
            let base = Slug.make(issue.articles[a].metadata.title, maxLength: 60, fallback: "article")
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
}
