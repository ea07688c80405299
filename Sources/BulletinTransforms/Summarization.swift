import BulletinModel
import BulletinNLP

/// Gives each article a summary and a dek made of its own sentences; a `Summary:` field in the source wins.
///
/// Centrality is weighted with term statistics of the whole archive, so this transform is prepared
/// once per archive and then runs in parallel over articles.
public struct Summarization: ArchiveAwareTransform {
    public let name = "Summarize"
    /// Length limits and weights.
    public var options: SummaryOptions

    /// Creates the transform.
    public init(options: SummaryOptions = SummaryOptions()) {
        self.options = options
    }

    /// The per-article transform, with term statistics gathered from `archive`.
    public func prepared(for archive: Archive, concurrency: Int) async -> any ArticleTransform {
        let articles = archive.articles
        let chunk = max(1, (articles.count + concurrency - 1) / max(1, concurrency))
        // Document frequencies are sums, so chunks counted in parallel merge to the same table in any order.
        let statistics = await withTaskGroup(of: TermStatistics.self) { group in
            for start in stride(from: 0, to: articles.count, by: chunk) {
                group.addTask {
                    var partial = TermStatistics()
                    for article in articles[start..<min(start + chunk, articles.count)] { partial.addDocument(article.plainText) }
                    return partial
                }
            }
            var total = TermStatistics()
            for await partial in group { total.merge(partial) }
            return total
        }
        return Prepared(summarizer: Summarizer(options: options, statistics: statistics))
    }

    struct Prepared: ArticleTransform {
        let name = "Summarize"
        let summarizer: Summarizer

        func apply(to article: Article) -> Article {
            if let existing = article.metadata.summary, existing.origin == .source {
                // The editor's summary wins; only a dek too long for teasers is shortened.
                var result = article
                result.metadata.summary?.dek = summarizer.summarize(paragraphs: [existing.text]).dek
                return result
            }
            var runs: [[Inline]] = []
            for block in article.blocks { block.collectInlineRuns(into: &runs) }
            let paragraphs = runs.map { $0.plainText }
            let entityRanges = runs.map { $0.entityMentions.map { $0.range } }
            let summary = summarizer.summarize(paragraphs: paragraphs, entityRanges: entityRanges)
            guard !summary.text.isEmpty else { return article }
            var result = article
            result.metadata.summary = ArticleSummary(text: summary.text, dek: summary.dek, origin: .generated)
            return result
        }
    }
}
