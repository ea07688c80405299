/// The whole archive: publications ▸ volumes ▸ issues ▸ articles.
public struct Archive: Sendable, Hashable, Codable {
    /// Publications, sorted by slug.
    public var publications: [Publication]

    /// Creates an archive.
    public init(publications: [Publication]) {
        self.publications = publications
    }

    /// Every issue, in publication, volume, issue order.
    public var issues: [Issue] {
        publications.flatMap { $0.volumes.flatMap(\.issues) }
    }

    /// Every article, in archive order.
    public var articles: [Article] {
        issues.flatMap(\.articles)
    }

    /// How many issues there are, counted without gathering them.
    public var issueCount: Int {
        publications.reduce(0) { $0 + $1.volumes.reduce(0) { $0 + $1.issues.count } }
    }

    /// The language most articles are in, for what spans several (home and index pages, feeds); ties go
    /// to the smaller tag, and "en" when there is no article.
    public var dominantLanguage: String {
        Self.dominantLanguage(of: publications)
    }

    /// ``dominantLanguage`` of the articles of `publications`.
    static func dominantLanguage(of publications: some Sequence<Publication>) -> String {
        dominantLanguage(of: publications.lazy.flatMap(\.volumes).flatMap(\.issues).flatMap(\.articles))
    }

    /// The language most of `articles` are in (an article with none counts as English); ties go to the
    /// smaller tag, and "en" when there is no article. One rule for every page, book and feed that spans
    /// several articles, so that an issue's page and its book agree.
    public static func dominantLanguage(of articles: some Sequence<Article>) -> String {
        var counts: [String: Int] = [:]
        for article in articles { counts[article.metadata.language.isBlank ? "en" : article.metadata.language, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "en"
    }

    /// How many articles there are, counted without gathering them: ``articles`` copies every one.
    public var articleCount: Int {
        publications.reduce(0) { $0 + $1.volumes.reduce(0) { $0 + $1.issues.reduce(0) { $0 + $1.articles.count } } }
    }

    /// The archive with `transform` applied to every issue, in archive order.
    public func mappingIssues(_ transform: (Issue) throws -> Issue) rethrows -> Archive {
        var result = self
        try result.updateIssues { $0 = try transform($0) }
        return result
    }

    /// Changes every issue in place, in archive order: an archive its owner holds alone is not copied.
    public mutating func updateIssues(_ body: (inout Issue) throws -> Void) rethrows {
        for p in publications.indices {
            for v in publications[p].volumes.indices {
                for i in publications[p].volumes[v].issues.indices {
                    try body(&publications[p].volumes[v].issues[i])
                }
            }
        }
    }

    /// Changes every article in place, in archive order.
    public mutating func updateArticles(_ body: (inout Article) throws -> Void) rethrows {
        try updateIssues { issue in
            for a in issue.articles.indices { try body(&issue.articles[a]) }
        }
    }

    /// The issues just before and after `issue` in its publication, through its volumes in order: where a
    /// reader turning the pages goes next. Nil at either end; both nil for an issue not in the archive.
    public func neighbours(of issue: Issue) -> (previous: Issue?, next: Issue?) {
        guard let publication = publications.first(where: { $0.slug == issue.publicationSlug }) else { return (nil, nil) }
        // Positions, not issues, are kept while searching: copying every issue passed would retain its articles.
        let positions = publication.volumes.indices.flatMap { v in publication.volumes[v].issues.indices.map { (v, $0) } }
        guard let index = positions.firstIndex(where: { v, i in
            publication.volumes[v].number == issue.volume && publication.volumes[v].issues[i].number == issue.number
        }) else { return (nil, nil) }
        func issueAt(_ position: Int) -> Issue? {
            guard positions.indices.contains(position) else { return nil }
            let (v, i) = positions[position]
            return publication.volumes[v].issues[i]
        }
        return (issueAt(index - 1), issueAt(index + 1))
    }

    /// The issues in about `count` runs of consecutive issues, in archive order: work over the whole
    /// archive split between tasks.
    public func issueRuns(count: Int) -> [ArraySlice<Issue>] {
        let issues = self.issues
        let size = max(1, (issues.count + max(1, count) - 1) / max(1, count))
        return stride(from: 0, to: issues.count, by: size).map { issues[$0..<min($0 + size, issues.count)] }
    }

    /// Moves every issue's articles out, in archive order, leaving each issue without articles. Each issue's
    /// list is moved whole, not its articles one by one: a caller that owns the archive alone then owns the
    /// articles alone, and can change them in place and let each go as soon as it is done with it.
    public mutating func takeArticleLists() -> [[Article]] {
        var lists: [[Article]] = []
        lists.reserveCapacity(issueCount)
        updateIssues { issue in
            lists.append(issue.articles)
            issue.articles = []
        }
        return lists
    }

    /// Gives back lists taken by ``takeArticleLists()``: each issue takes the next list, in archive order.
    public mutating func restoreArticleLists(_ lists: consuming [[Article]]) {
        precondition(lists.count == issueCount, "article lists given back to an archive with another number of issues")
        var next = 0
        updateIssues { issue in
            issue.articles = lists[next]
            lists[next] = []
            next += 1
        }
    }

    /// The archive with `transform` applied to every article, in archive order.
    public func mappingArticles(_ transform: (Article) throws -> Article) rethrows -> Archive {
        try mappingIssues { issue in
            var issue = issue
            issue.articles = try issue.articles.map(transform)
            return issue
        }
    }
}

/// A publication, such as "Monitor".
public struct Publication: Sendable, Hashable, Codable, Identifiable {
    /// The display name (the first spelling met).
    public var name: String
    /// URL-safe slug.
    public var slug: String
    /// Volumes, ascending.
    public var volumes: [Volume]

    /// The slug doubles as the id.
    public var id: String { slug }

    /// Creates a publication.
    public init(name: String, slug: String, volumes: [Volume]) {
        self.name = name
        self.slug = slug
        self.volumes = volumes
    }
}

/// One volume of a publication.
public struct Volume: Sendable, Hashable, Codable {
    /// The volume number.
    public var number: Int
    /// Issues, ascending.
    public var issues: [Issue]

    /// Creates a volume.
    public init(number: Int, issues: [Issue]) {
        self.number = number
        self.issues = issues
    }
}

/// One issue: the articles published together.
public struct Issue: Sendable, Hashable, Codable, Identifiable {
    /// Stable id, e.g. `monitor-v6-i23`.
    public var id: String
    /// The publication's display name.
    public var publication: String
    /// The publication's slug.
    public var publicationSlug: String
    /// The volume number.
    public var volume: Int
    /// The issue number.
    public var number: Int
    /// The issue date (ISO 8601), the earliest article date when known.
    public var date: String?
    /// Articles in reading order.
    public var articles: [Article]

    /// Creates an issue.
    public init(id: String, publication: String, publicationSlug: String, volume: Int, number: Int, date: String?, articles: [Article]) {
        self.id = id
        self.publication = publication
        self.publicationSlug = publicationSlug
        self.volume = volume
        self.number = number
        self.date = date
        self.articles = articles
    }

    /// A reference to this issue.
    public var reference: IssueReference {
        IssueReference(id: id, publication: publication, volume: volume, issue: number)
    }
}

/// The JSON document the JSON writer emits per issue, versioned by `schemaVersion`.
public struct IssueDocument: Sendable, Hashable, Codable {
    /// The version of the document schema.
    public static let currentSchemaVersion = 1

    /// The schema version the document follows.
    public var schemaVersion: Int
    /// The issue with its articles.
    public var issue: Issue

    /// Creates a document of the current schema version.
    public init(issue: Issue) {
        self.schemaVersion = Self.currentSchemaVersion
        self.issue = issue
    }
}

extension Publication {
    /// The language most of its articles are in, as ``Archive/dominantLanguage`` reckons it.
    public var dominantLanguage: String {
        Archive.dominantLanguage(of: [self])
    }
}

extension Issue {
    /// The language most of its articles are in, as ``Archive/dominantLanguage`` reckons it.
    public var dominantLanguage: String {
        Archive.dominantLanguage(of: articles)
    }
}
