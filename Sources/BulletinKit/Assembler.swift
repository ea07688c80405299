import BulletinModel
import BulletinReaders

/// Groups source articles into publications ▸ volumes ▸ issues ▸ articles, with ids from content.
public struct Assembler: Sendable {
    /// Creates an assembler.
    public init() {}

    /// The archive of `articles`, and what was wrong with them taken together (duplicates, conflicting headers).
    ///
    /// Input order does not matter: everything is sorted by content-derived keys.
    public func assemble(_ articles: [SourceArticle], defaultLanguage: String = "en") -> (Archive, [Diagnostic]) {
        assemble(articles, bodies: articles.map(Body.init), defaultLanguage: defaultLanguage)
    }

    /// What assembling needs of an article's body: its digest, which names the article and finds copies,
    /// and its word count. Made apart from assembling so that a caller can make them in parallel.
    public struct Body: Sendable {
        /// SHA-256 of the body's plain text, paragraphs separated by blank lines.
        public var sha256: Digest
        /// Words in the body.
        public var wordCount: Int
        /// The title derived from the body, when it was derived before assembly (a streamed build's survey
        /// does so): an article without a title of its own takes it.
        public var derivedTitle: String?

        /// The body of `article`.
        public init(_ article: SourceArticle) {
            // The text is read piece by piece as the blocks hold it, hashed and counted in one pass, rather
            // than joined into a string of its own first; the blank line between two blocks parts words.
            var hasher = SHA256()
            var words = UTF8WordCounter()
            func read(_ piece: String) {
                var piece = piece
                piece.withUTF8 { bytes in
                    hasher.update(bytes)
                    words.read(bytes)
                }
            }
            for (index, block) in article.blocks.enumerated() {
                if index > 0 { read("\n\n") }
                block.forEachTextPiece(read)
            }
            sha256 = Digest(hasher.finalize())
            wordCount = words.count
        }
    }

    /// A SHA-256 digest held in place, not as 64 hex digits in a string of their own: a streamed build
    /// holds one for every article of the archive.
    public struct Digest: Hashable, Sendable {
        private var words: (UInt64, UInt64, UInt64, UInt64)

        /// The digest of 32 `bytes`.
        init(_ bytes: [UInt8]) {
            precondition(bytes.count == 32, "a SHA-256 digest has 32 bytes")
            func word(_ index: Int) -> UInt64 { bytes[index * 8..<index * 8 + 8].reduce(0) { $0 << 8 | UInt64($1) } }
            words = (word(0), word(1), word(2), word(3))
        }

        /// The first `count` lowercase hex digits (at most 64).
        public func hexPrefix(_ count: Int) -> String {
            let hex = [words.0, words.1, words.2, words.3].map { word in
                let digits = String(word, radix: 16)
                return String(repeating: "0", count: 16 - digits.count) + digits
            }.joined()
            return String(hex.prefix(count))
        }

        public static func == (a: Digest, b: Digest) -> Bool {
            a.words == b.words
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
            hasher.combine(words.2)
            hasher.combine(words.3)
        }
    }

    /// Assembles `articles`, whose bodies are `bodies`, in the same order.
    public func assemble(_ articles: [SourceArticle], bodies: [Body], defaultLanguage: String = "en") -> (Archive, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // Positions are sorted and grouped rather than the articles themselves, which are large to move
        // and, copied, would be held twice while the archive is made of them.
        let paths = articles.map(\.source.path)
        let sorted = articles.indices.sorted { paths[$0] < paths[$1] }

        // Publication names compare case- and space-insensitively; the first spelling (in path order) is kept.
        // An archive spells each name the same way in most of its articles, so keys are made once per spelling.
        var keys: [String: String] = [:]
        func publicationKey(_ name: String) -> String {
            if let key = keys[name] { return key }
            let key = Self.publicationKey(name)
            keys[name] = key
            return key
        }
        var displayNames: [String: String] = [:]
        for index in sorted {
            let key = publicationKey(articles[index].publication)
            if displayNames[key] == nil { displayNames[key] = articles[index].publication }
        }
        var slugs: [String: String] = [:]
        var takenSlugs: Set<String> = []
        for key in displayNames.keys.sorted() {
            // A name's own hash where its words give no slug, or give one another name has taken: the slug,
            // and with it every issue's id and address, then does not depend on the other publications, as
            // "publication-2" would, given to whichever name came second.
            let hash = SHA256.hex(of: key).prefix(8)
            let words = Slug.make(displayNames[key]!, maxLength: 40, fallback: "")
            var slug = words.isEmpty ? "publication-\(hash)" : words
            if takenSlugs.contains(slug) { slug = "\(slug)-\(hash)" }
            var counter = 2
            let base = slug
            while takenSlugs.contains(slug) { slug = "\(base)-\(counter)"; counter += 1 }
            takenSlugs.insert(slug)
            slugs[key] = slug
        }

        struct IssueKey: Hashable, Comparable {
            var publication: String
            var volume: Int
            var issue: Int
            static func < (a: IssueKey, b: IssueKey) -> Bool { (a.publication, a.volume, a.issue) < (b.publication, b.volume, b.issue) }
        }
        var grouped: [IssueKey: [Int]] = [:]
        for index in sorted {
            let article = articles[index]
            grouped[IssueKey(publication: slugs[publicationKey(article.publication)]!, volume: article.volume, issue: article.issue), default: []].append(index)
        }

        var publications: [String: [Int: [Issue]]] = [:]
        for key in grouped.keys.sorted() {
            // Sort keys made once per article, not once per comparison.
            let group = grouped[key]!
            let orderKeys = group.map { (articles[$0].order ?? Int.max, Self.fileName(paths[$0]), paths[$0]) }
            let entries = group.indices.sorted { orderKeys[$0] < orderKeys[$1] }.map { group[$0] }
            let members = entries.map { articles[$0] }
            let publicationName = displayNames[publicationKey(members[0].publication)]!
            let issueID = "\(key.publication)-v\(key.volume)-i\(key.issue)"
            var seen: [Digest: SourceArticle] = [:]
            var built: [Article] = []
            // Exactly as many as there are, not the doubling an append grows by: in a streamed build the
            // archive's articles are most of what it holds.
            built.reserveCapacity(members.count)
            for (member, index) in zip(members, entries) {
                let body = bodies[index]
                let bodyHash = body.sha256
                if let first = seen[bodyHash] {
                    // A copy is left out; text with another title, byline or other header is no copy, and
                    // leaving it out would lose those, so the build stops instead.
                    let differences = Self.headerDifferences(member, first)
                    diagnostics.append(differences.isEmpty ? Diagnostic(
                        id: "assembly.duplicate-article", severity: .warning,
                        message: "this article repeats \(first.source.path) word for word in \(publicationName) \(key.volume)/\(key.issue); the copy is left out",
                        location: member.headerLocation, fix: "remove one of the two files"
                    ) : Diagnostic(
                        id: "assembly.conflicting-duplicate", severity: .error,
                        message: "this article's text is \(first.source.path)'s word for word, in \(publicationName) \(key.volume)/\(key.issue), "
                            + "but its \(differences.joined(separator: ", ")) \(differences.count == 1 ? "differs" : "differ"); an issue holds a text once",
                        location: member.headerLocation, fix: "remove one of the two files, or give them the same header"
                    ))
                    continue
                }
                seen[bodyHash] = member
                let words = body.wordCount
                var extra = member.extraFields
                if member.publication != publicationName, publicationKey(member.publication) == publicationKey(publicationName) {
                    extra.append(HeaderField(key: "Publication-Spelling", value: member.publication))
                }
                let given = member.title ?? ""
                let metadata = ArticleMetadata(
                    id: "\(issueID)-\(bodyHash.hexPrefix(12))", slug: "", title: given.isEmpty ? body.derivedTitle ?? "" : given,
                    titleIsDerived: given.isEmpty && body.derivedTitle != nil,
                    publication: publicationName, volume: key.volume, issue: key.issue, date: member.date,
                    authors: member.authors, language: member.language ?? defaultLanguage, section: member.section,
                    order: member.order, source: member.source, wordCount: words,
                    summary: member.summary.map { ArticleSummary(text: $0, dek: $0, origin: .source) },
                    extraFields: extra
                )
                built.append(Article(metadata: metadata, blocks: member.blocks))
            }
            let dates = Set(members.compactMap(\.date)).sorted()
            if dates.count > 1 {
                let later = members.first { $0.date == dates.last }!
                let earliest = members.first { $0.date == dates[0] }!
                let place = later.fieldPlaces["date"]
                diagnostics.append(Diagnostic(
                    id: "assembly.conflicting-dates", severity: .warning,
                    message: "articles of \(publicationName) \(key.volume)/\(key.issue) give different dates (\(dates.joined(separator: ", "))); the issue takes \(dates[0]), as \(earliest.source.path) gives it",
                    location: place?.location ?? later.headerLocation, sourceLine: place?.line, fix: "give every article of one issue the same Date"
                ))
            }
            let orders = members.compactMap(\.order)
            if Set(orders).count != orders.count,
               let first = members.firstIndex(where: { member in orders.filter { $0 == member.order }.count > 1 }),
               let second = members[(first + 1)...].firstIndex(where: { $0.order == members[first].order }) {
                // Reported at the second's Order, naming the first, so both files are found from the one line.
                let place = members[second].fieldPlaces["order"]
                diagnostics.append(Diagnostic(
                    id: "assembly.repeated-order", severity: .warning,
                    message: "this article shares Order \(members[first].order!) with \(members[first].source.path) in \(publicationName) \(key.volume)/\(key.issue); they follow file-name order",
                    location: place?.location ?? members[second].headerLocation, sourceLine: place?.line,
                    fix: "give each article of the issue its own Order"
                ))
            }
            let issue = Issue(id: issueID, publication: publicationName, publicationSlug: key.publication, volume: key.volume,
                              number: key.issue, date: dates.first, articles: built)
            publications[key.publication, default: [:]][key.volume, default: []].append(issue)
        }

        let archive = Archive(publications: publications.keys.sorted().map { slug in
            let volumes = publications[slug]!
            let name = volumes.values.first!.first!.publication
            return Publication(name: name, slug: slug, volumes: volumes.keys.sorted().map { Volume(number: $0, issues: volumes[$0]!) })
        })
        return (archive, diagnostics.sorted())
    }

    /// The comparison key for publication names: lowercase, spaces removed.
    /// The header fields, by label, in which `article` differs from `other` and which a reader of the
    /// outputs would see: title, authors, date, section, summary, language and the other fields.
    static func headerDifferences(_ article: SourceArticle, _ other: SourceArticle) -> [String] {
        var labels: [String] = []
        if article.title != other.title { labels.append("Title") }
        if article.authors != other.authors { labels.append("Author") }
        if article.date != other.date { labels.append("Date") }
        if article.section != other.section { labels.append("Section") }
        if article.summary != other.summary { labels.append("Summary") }
        if article.language != other.language { labels.append("Language") }
        if article.extraFields != other.extraFields { labels.append("other fields") }
        return labels
    }

    public static func publicationKey(_ name: String) -> String {
        String(name.lowercased().filter { !$0.isWhitespace })
    }

    private static func fileName(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }
}
