import BulletinModel

/// Links each cross-reference to the issue it names, when that issue is in the archive and its date is known.
///
/// "(see the Monitor, January 17)" names a publication and a day of the year; the target is the issue of that
/// publication dated that day, the latest one not after the referring article when the year is not written.
public struct CrossReferenceResolution: ArchiveTransform {
    public let name = "Resolve cross-references"

    /// Creates the transform.
    public init() {}

    /// Publication names compared case- and space-insensitively, without a leading "the".
    public static func normalizedPublication(_ name: String) -> String {
        var words = name.lowercased().split(whereSeparator: \.isWhitespace)
        if words.first == "the", words.count > 1 { words.removeFirst() }
        return words.joined()
    }

    public func apply(to archive: Archive) -> Archive {
        let resolver = Resolver(archive)
        guard !resolver.isEmpty else { return archive }
        return archive.mappingArticles(resolver.apply)
    }

    /// The ``Resolver`` of `archive`; nil when no issue has a date, so no reference can be resolved.
    public func articleTransform(for archive: Archive) -> (any ArticleTransform)? {
        let resolver = Resolver(archive)
        return resolver.isEmpty ? nil : resolver
    }

    /// The dated issues of an archive by publication and day, which resolve one article's references at a
    /// time: it reads the issues alone, so an archive kept without its articles' bodies makes the same one.
    public struct Resolver: ArticleTransform {
        public let name = "Resolve cross-references"
        private let index: [Key: [(date: String, reference: IssueReference)]]

        /// The issues of `archive` that have a date.
        public init(_ archive: Archive) {
            var index: [Key: [(date: String, reference: IssueReference)]] = [:]
            for issue in archive.issues {
                guard let date = issue.date, let (_, month, day) = CrossReferenceResolution.components(date) else { continue }
                index[Key(publication: CrossReferenceResolution.normalizedPublication(issue.publication), month: month, day: day), default: []]
                    .append((date, issue.reference))
            }
            self.index = index
        }

        /// True when no issue has a date, so no reference can be resolved.
        public var isEmpty: Bool { index.isEmpty }

        /// The article with each cross-reference that names an issue of the archive linked to it.
        public func apply(to article: consuming Article) -> Article {
            // Most articles cite no issue: they are passed on as they are, not rebuilt inline by inline
            // (at 10,000 dated articles, rebuilding every one took 1.4 s on one core).
            guard !index.isEmpty, article.blocks.contains(where: { $0.containsInline(where: Self.isCrossReference) }) else { return article }
            let date = article.metadata.date
            let blocks = article.blocks.map { block in
                block.mapInlines { inlines in
                    inlines.map { $0.mapRecursively { resolve($0, dated: date) } }
                }
            }
            article.blocks = blocks
            return article
        }

        private static func isCrossReference(_ inline: Inline) -> Bool {
            if case .crossReference = inline { true } else { false }
        }

        /// `inline` linked to the issue it names, if a cross-reference, in an article of the date `articleDate`.
        private func resolve(_ inline: Inline, dated articleDate: String?) -> Inline {
            guard case .crossReference(var reference) = inline,
                  let (month, day) = WrittenDate.monthAndDay(reference.date) else { return inline }
            let key = Key(publication: CrossReferenceResolution.normalizedPublication(reference.publication), month: month, day: day)
            guard let candidates = index[key] else { return inline }
            let writtenYear = reference.date.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.first { $0 > 999 }
            let eligible = candidates
                .filter { candidate in
                    if let writtenYear { return candidate.date.hasPrefix(String(writtenYear)) }
                    if let articleDate { return candidate.date <= articleDate }
                    return true
                }
                .sorted { ($0.date, $0.reference) < ($1.date, $1.reference) }
            guard let target = eligible.last else { return inline }
            reference.target = target.reference
            return .crossReference(reference)
        }
    }

    private struct Key: Hashable {
        var publication: String
        var month: Int
        var day: Int
    }

    private static func components(_ iso: String) -> (Int, Int, Int)? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 ? (parts[0], parts[1], parts[2]) : nil
    }
}
