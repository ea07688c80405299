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

    private struct Key: Hashable {
        var publication: String
        var month: Int
        var day: Int
    }

    public func apply(to archive: Archive) -> Archive {
        var index: [Key: [(date: String, reference: IssueReference)]] = [:]
        for issue in archive.issues {
            guard let date = issue.date, let (_, month, day) = Self.components(date) else { continue }
            index[Key(publication: Self.normalizedPublication(issue.publication), month: month, day: day), default: []]
                .append((date, issue.reference))
        }
        guard !index.isEmpty else { return archive }
        return archive.mappingArticles { article in
            var result = article
            result.blocks = article.blocks.map { block in
                block.mapInlines { inlines in
                    inlines.map { $0.mapRecursively { resolve($0, from: article, index: index) } }
                }
            }
            return result
        }
    }

    private func resolve(_ inline: Inline, from article: Article, index: [Key: [(date: String, reference: IssueReference)]]) -> Inline {
        guard case .crossReference(var reference) = inline,
              let (month, day) = WrittenDate.monthAndDay(reference.date) else { return inline }
        let key = Key(publication: Self.normalizedPublication(reference.publication), month: month, day: day)
        guard let candidates = index[key] else { return inline }
        let writtenYear = reference.date.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.first { $0 > 999 }
        let eligible = candidates
            .filter { candidate in
                if let writtenYear { return candidate.date.hasPrefix(String(writtenYear)) }
                if let date = article.metadata.date { return candidate.date <= date }
                return true
            }
            .sorted { ($0.date, $0.reference) < ($1.date, $1.reference) }
        guard let target = eligible.last else { return inline }
        reference.target = target.reference
        return .crossReference(reference)
    }

    private static func components(_ iso: String) -> (Int, Int, Int)? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 ? (parts[0], parts[1], parts[2]) : nil
    }
}
