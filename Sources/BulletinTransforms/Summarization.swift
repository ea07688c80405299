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
        // Each article is segmented once here, counted for the term statistics and kept (without its
        // text) for summarizing. Document frequencies are sums, so chunks counted in parallel merge to
        // the same table in any order.
        let (statistics, documents) = await withTaskGroup(of: (TermStatistics, [String: SummaryDocument]).self) { group in
            // Sixteen runs of issues a task, so that no task is left alone at the end with a large one.
            for run in archive.issueRuns(count: concurrency * 16) {
                group.addTask {
                    var partial = TermStatistics()
                    var inputs: [String: SummaryDocument] = [:]
                    for article in run.lazy.flatMap({ $0.articles }) {
                        let document = SummaryDocument(paragraphs: Input.paragraphs(of: article))
                        partial.addDocument(document)
                        // The text (and where its entities are) is the article's own, made again when it
                        // is summarized: kept for every article at once, it would double the archive's
                        // text in memory.
                        inputs[article.id] = document.discardingText()
                    }
                    return (partial, inputs)
                }
            }
            var total = TermStatistics()
            var all: [String: SummaryDocument] = [:]
            for await (partial, inputs) in group {
                total.merge(partial)
                all.merge(inputs) { first, _ in first }
            }
            return (total, all)
        }
        return Prepared(summarizer: Summarizer(options: options, statistics: statistics), documents: documents)
    }

    /// Counts the terms of `article` into `statistics`: the same count ``prepared(for:concurrency:)`` makes
    /// of each article, for a build that gathers the statistics while it reads.
    public static func countTerms(of article: Article, into statistics: inout TermStatistics) {
        statistics.addDocument(paragraphs: Input.paragraphs(of: article))
    }

    /// The per-article transform for an archive whose articles gave `statistics`; each article is segmented
    /// when it is summarized.
    public func prepared(statistics: TermStatistics) -> any ArticleTransform {
        Prepared(summarizer: Summarizer(options: options, statistics: statistics), documents: [:])
    }

    /// What the summarizer reads of an article: its inline runs as plain text, segmented once, and where
    /// entities are.
    struct Input: Sendable {
        var document: SummaryDocument
        var entityRanges: [[Range<Int>]]

        /// Reads `article`, or only its text and entities when `document` (read from it before) is given.
        init(_ article: borrowing Article, document read: SummaryDocument? = nil) {
            let runs = Self.runs(of: article)
            var paragraphs: [String] = []
            var ranges: [[Range<Int>]] = []
            paragraphs.reserveCapacity(runs.count)
            ranges.reserveCapacity(runs.count)
            for run in runs {
                let size = Self.size(of: run)
                var text = ""
                text.reserveCapacity(size.bytes)
                var scalars = 0
                var found: [Range<Int>] = []
                found.reserveCapacity(size.entities)
                Self.forEachPiece(of: run) { piece, isEntity in
                    text += piece
                    let start = scalars
                    scalars += piece.unicodeScalarCount
                    if isEntity { found.append(start..<scalars) }
                }
                paragraphs.append(text)
                ranges.append(found)
            }
            document = read?.withText(paragraphs) ?? SummaryDocument(paragraphs: paragraphs)
            entityRanges = ranges
        }

        /// The article's paragraphs as plain text, the same strings ``init(_:)`` reads.
        static func paragraphs(of article: Article) -> [String] {
            runs(of: article).map { run in
                var text = emptyText(for: run)
                forEachPiece(of: run) { piece, _ in text += piece }
                return text
            }
        }

        private static func runs(of article: Article) -> [[Inline]] {
            var runs: [[Inline]] = []
            for block in article.blocks { block.collectInlineRuns(into: &runs) }
            return runs
        }

        /// An empty string with room for the run's text, so appending leaves no spare capacity.
        private static func emptyText(for run: [Inline]) -> String {
            var text = ""
            text.reserveCapacity(size(of: run).bytes)
            return text
        }

        /// The length of a run's text in UTF-8 bytes and its number of entity mentions: the text and the
        /// list of where its entities are are each made once, at their size.
        private static func size(of run: [Inline]) -> (bytes: Int, entities: Int) {
            var bytes = 0, entities = 0
            forEachPiece(of: run) { piece, isEntity in
                bytes += piece.utf8.count
                if isEntity { entities += 1 }
            }
            return (bytes, entities)
        }

        /// The pieces of a run's plain text in order (what `plainText` joins), each marked when it is an
        /// entity mention, without a string or list made per inline.
        private static func forEachPiece(of inlines: [Inline], _ body: (String, _ isEntity: Bool) -> Void) {
            for inline in inlines {
                switch inline {
                case .emphasis(let content), .strong(let content): forEachPiece(of: content, body)
                case .link(let link): forEachPiece(of: link.content, body)
                case .text(let piece): body(piece, false)
                case .lineBreak: body("\n", false)
                case .citation(let citation): body(citation.text, false)
                case .crossReference(let reference): body(reference.text, false)
                case .entity(let mention): body(mention.text, true)
                }
            }
        }
    }

    struct Prepared: ArticleTransform {
        let name = "Summarize"
        let summarizer: Summarizer
        /// Documents made while gathering the statistics, without their text, by article id.
        let documents: [String: SummaryDocument]

        func apply(to article: consuming Article) -> Article {
            if let existing = article.metadata.summary, existing.origin == .source {
                // The editor's summary wins; only a dek too long for teasers is shortened.
                let dek = summarizer.summarize(paragraphs: [existing.text], isEnglish: article.metadata.isEnglish).dek
                article.metadata.summary?.dek = dek
                return article
            }
            let input = Input(article, document: documents[article.id])
            let summary = summarizer.summarize(input.document, entityRanges: input.entityRanges, isEnglish: article.metadata.isEnglish)
            guard !summary.text.isEmpty else { return article }
            article.metadata.summary = ArticleSummary(text: summary.text, dek: summary.dek, origin: .generated)
            return article
        }
    }
}
