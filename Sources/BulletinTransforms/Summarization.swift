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
        // Each article's paragraphs are made once here, counted for the term statistics and kept for
        // summarizing. Document frequencies are sums, so chunks counted in parallel merge to the same
        // table in any order.
        let (statistics, inputs) = await withTaskGroup(of: (TermStatistics, [String: Input]).self) { group in
            for start in stride(from: 0, to: articles.count, by: chunk) {
                group.addTask {
                    var partial = TermStatistics()
                    var inputs: [String: Input] = [:]
                    for article in articles[start..<min(start + chunk, articles.count)] {
                        let input = Input(article)
                        partial.addDocument(input.document)
                        inputs[article.id] = input
                    }
                    return (partial, inputs)
                }
            }
            var total = TermStatistics()
            var all: [String: Input] = [:]
            for await (partial, inputs) in group {
                total.merge(partial)
                all.merge(inputs) { first, _ in first }
            }
            return (total, all)
        }
        return Prepared(summarizer: Summarizer(options: options, statistics: statistics), inputs: inputs)
    }

    /// What the summarizer reads of an article: its inline runs as plain text, read once, and where
    /// entities are.
    struct Input: Sendable {
        var document: SummaryDocument
        var entityRanges: [[Range<Int>]]

        init(_ article: Article) {
            var runs: [[Inline]] = []
            for block in article.blocks { block.collectInlineRuns(into: &runs) }
            var paragraphs: [String] = []
            var ranges: [[Range<Int>]] = []
            paragraphs.reserveCapacity(runs.count)
            ranges.reserveCapacity(runs.count)
            for run in runs {
                var text = ""
                var scalars = 0
                var found: [Range<Int>] = []
                Self.collect(run, into: &text, scalars: &scalars, entities: &found)
                paragraphs.append(text)
                ranges.append(found)
            }
            document = SummaryDocument(paragraphs: paragraphs)
            entityRanges = ranges
        }

        /// One walk that makes a run's plain text (what `plainText` gives) and finds its entity mentions in
        /// scalar offsets (what `entityMentions` gives), without a string or list made per inline.
        private static func collect(_ inlines: [Inline], into text: inout String, scalars: inout Int, entities: inout [Range<Int>]) {
            func add(_ piece: String) {
                text += piece
                scalars += piece.unicodeScalarCount
            }
            for inline in inlines {
                switch inline {
                case .emphasis(let content), .strong(let content): collect(content, into: &text, scalars: &scalars, entities: &entities)
                case .link(let link): collect(link.content, into: &text, scalars: &scalars, entities: &entities)
                case .text(let piece): add(piece)
                case .lineBreak: add("\n")
                case .citation(let citation): add(citation.text)
                case .crossReference(let reference): add(reference.text)
                case .entity(let mention):
                    let start = scalars
                    add(mention.text)
                    entities.append(start..<scalars)
                }
            }
        }
    }

    struct Prepared: ArticleTransform {
        let name = "Summarize"
        let summarizer: Summarizer
        /// Inputs made while gathering the statistics, by article id.
        let inputs: [String: Input]

        func apply(to article: Article) -> Article {
            if let existing = article.metadata.summary, existing.origin == .source {
                // The editor's summary wins; only a dek too long for teasers is shortened.
                var result = article
                result.metadata.summary?.dek = summarizer.summarize(paragraphs: [existing.text]).dek
                return result
            }
            let input = inputs[article.id] ?? Input(article)
            let summary = summarizer.summarize(input.document, entityRanges: input.entityRanges)
            guard !summary.text.isEmpty else { return article }
            var result = article
            result.metadata.summary = ArticleSummary(text: summary.text, dek: summary.dek, origin: .generated)
            return result
        }
    }
}
