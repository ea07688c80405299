import BulletinModel

/// What goes into one EPUB: its metadata and its parts (issues) with their articles, in reading order,
/// with the path every document will have in the container. Built from an issue, a volume or one article.
struct EPUBBook: Sendable {
    /// One issue of the book: its title page and its articles.
    struct Part: Sendable {
        /// The issue.
        var issue: Issue
        /// The title page's path, relative to the package document (`monitor-v6-i23.xhtml`).
        var titlePagePath: String
        /// The articles with their documents' paths (`monitor-v6-i23/slug.xhtml`).
        var articles: [(article: Article, path: String)]
    }

    /// `urn:uuid:…`, derived from content.
    var identifier: String
    /// The book's title.
    var title: String
    /// Whether the title is made of the theme's words (an issue's or volume's), not an article's title.
    var titleIsWords: Bool
    /// The book's main language (BCP 47).
    var language: String
    /// The publication date (`YYYY-MM-DD`), when known.
    var date: String?
    /// `dcterms:modified`: the newest source date, or a fixed epoch.
    var modified: String
    /// The series the book belongs to: the publication.
    var seriesName: String
    /// The book's position in the series: the issue number (or the volume number for a volume book).
    var seriesPosition: Int
    /// The cover's second line, e.g. "Volume 6, Issue 23".
    var coverLine: String
    /// Subjects: the most frequent entities.
    var subjects: [String]
    /// The authors of every article, in order of first appearance: the book's authors, as reading systems
    /// show them.
    var creators: [String]
    /// The other articles' authors, in order of first appearance: contributors, not the book's authors
    /// (a "Staff" note among three articles does not make Staff the author of the issue).
    var contributors: [String]
    /// The issues in reading order.
    var parts: [Part]
    /// The theme's words in the book's language.
    var words: UIStrings

    /// The fixed epoch used when no source carries a date, so output never depends on the clock.
    static let epoch = "2000-01-01T00:00:00Z"
    /// How many entities become `dc:subject`s at most.
    static let subjectLimit = 8

    // MARK: - Making books

    /// The book of one issue, worded with `strings` in its language.
    static func issue(_ issue: Issue, strings: ThemeStrings) -> EPUBBook {
        EPUBBook(identifier: "urn:uuid:" + ContentUUID.make(from: issue.id), parts: [issue], seriesPosition: issue.number,
                 strings: strings) { words in
            (words.title(of: issue), words.text("volumeAndIssue", ["volume": String(issue.volume), "issue": String(issue.number)]))
        }
    }

    /// The book of a whole volume, an issue a part.
    static func volume(_ volume: Volume, of publication: Publication, strings: ThemeStrings) -> EPUBBook {
        EPUBBook(identifier: "urn:uuid:" + ContentUUID.make(from: "\(publication.slug)-v\(volume.number)"), parts: volume.issues,
                 seriesPosition: volume.number, strings: strings) { words in
            (words.text("volumeTitle", ["publication": publication.name, "volume": String(volume.number)]),
             words.text("volumeNumber", ["number": String(volume.number)]))
        }
    }

    /// A one-article book, for `bulletin convert`.
    static func article(_ article: Article, of issue: Issue, strings: ThemeStrings) -> EPUBBook {
        var single = issue
        single.articles = [article]
        return EPUBBook(identifier: "urn:uuid:" + ContentUUID.make(from: "article:" + article.id), parts: [single],
                        seriesPosition: issue.number, strings: strings, titleIsWords: article.metadata.title.isBlank) { words in
            (article.metadata.title.isBlank ? words.title(of: single) : article.metadata.title,
             words.text("volumeAndIssue", ["volume": String(issue.volume), "issue": String(issue.number)]))
        }
    }

    /// `date` (`YYYY-MM-DD`) as the book's language writes it; anything else as given.
    func longDate(_ date: String) -> String {
        Self.longDate(date, in: words)
    }

    /// `date` (`YYYY-MM-DD`) as `words` write it; anything else as given.
    static func longDate(_ date: String, in words: UIStrings) -> String {
        ISODate(date) == nil ? date : words.date(date)
    }

    /// A book of `issues`, worded with `strings` in its main language: `wording` gives its title and cover line.
    private init(identifier: String, parts issues: [Issue], seriesPosition: Int, strings: ThemeStrings, titleIsWords: Bool = true,
                 wording: (UIStrings) -> (title: String, coverLine: String)) {
        let articles = issues.flatMap(\.articles)
        self.identifier = identifier
        self.language = Archive.dominantLanguage(of: articles)
        self.words = strings.strings(for: language)
        let (title, coverLine) = wording(words)
        self.title = title
        self.titleIsWords = titleIsWords
        self.date = issues.compactMap(\.date).min()
        self.modified = articles.compactMap(\.metadata.date).max().flatMap(Self.timestamp(of:)) ?? Self.epoch
        self.seriesName = issues.first?.publication ?? title
        self.seriesPosition = seriesPosition
        self.coverLine = coverLine
        self.subjects = Self.subjects(of: articles)
        var seen: Set<String> = []
        let authors = articles.flatMap(\.metadata.authors).filter { !$0.isBlank && seen.insert($0).inserted }
        let everyArticles = articles.dropFirst().reduce(into: Set(articles.first?.metadata.authors ?? [])) { common, article in
            common.formIntersection(article.metadata.authors)
        }
        self.creators = authors.filter(everyArticles.contains)
        self.contributors = authors.filter { !everyArticles.contains($0) }
        self.parts = issues.map { issue in
            // Slugs are unique within an issue and never contain "/" or ".", so paths cannot collide or escape.
            Part(issue: issue, titlePagePath: "\(issue.id).xhtml",
                 articles: issue.articles.map { ($0, "\(issue.id)/\($0.metadata.slug).xhtml") })
        }
    }

    // MARK: - Derived metadata

    /// The most frequent people, organisations and places over all articles (other names are too noisy to
    /// be subjects), most mentioned first, ties by name.
    static func subjects(of articles: [Article]) -> [String] {
        var totals: [String: (name: String, count: Int)] = [:]
        totals.reserveCapacity(articles.reduce(0) { $0 + $1.metadata.entities.count })
        for article in articles {
            // By index, so only the fields read are retained, not every entity copied whole.
            let entities = article.metadata.entities
            for index in entities.indices where entities[index].type != .miscellaneous && !entities[index].name.isBlank {
                totals[entities[index].id, default: (entities[index].name, 0)].count += entities[index].count
            }
        }
        return mostMentioned(totals.values, limit: subjectLimit).map(\.name)
    }

    /// The first `limit` of `totals` ranked most mentioned first, ties by name: what sorting them all and
    /// keeping the first `limit` gives, picked in one pass, since a book mentions hundreds of entities and
    /// keeps eight.
    static func mostMentioned(_ totals: some Sequence<(name: String, count: Int)>, limit: Int) -> [(name: String, count: Int)] {
        func ranksBefore(_ first: (name: String, count: Int), _ second: (name: String, count: Int)) -> Bool {
            first.count != second.count ? first.count > second.count : first.name < second.name
        }
        guard limit > 0 else { return [] }
        var top: [(name: String, count: Int)] = []
        top.reserveCapacity(limit + 1)
        for total in totals where top.count < limit || ranksBefore(total, top[top.count - 1]) {
            // After the equal ones, as a stable sort keeps them.
            top.insert(total, at: top.firstIndex { ranksBefore(total, $0) } ?? top.count)
            if top.count > limit { top.removeLast() }
        }
        return top
    }

    /// `2000-02-02` as `2000-02-02T00:00:00Z`; nil when the date is not a plain ISO calendar date.
    static func timestamp(of date: String) -> String? {
        ISODate(date).map { _ in date + "T00:00:00Z" }
    }
}
