import BulletinModel

/// Gives every article a URL-safe slug from its title, unique within its issue.
public struct SlugAssignment: ArchiveTransform {
    public let name = "Assign slugs"

    /// Creates the transform.
    public init() {}

    public func apply(to archive: Archive) -> Archive {
        var result = archive
        for p in result.publications.indices {
            for v in result.publications[p].volumes.indices {
                for i in result.publications[p].volumes[v].issues.indices {
                    var taken: Set<String> = []
                    for a in result.publications[p].volumes[v].issues[i].articles.indices {
                        let title = result.publications[p].volumes[v].issues[i].articles[a].metadata.title
                        let base = Slug.make(title, maxLength: 60, fallback: "article")
                        var slug = base
                        var counter = 2
                        while taken.contains(slug) {
                            slug = "\(base)-\(counter)"
                            counter += 1
                        }
                        taken.insert(slug)
                        result.publications[p].volumes[v].issues[i].articles[a].metadata.slug = slug
                    }
                }
            }
        }
        return result
    }
}
