// MARK: - SummaryOptions

/// How long a summary may be and how its sentences are scored.
public struct SummaryOptions: Sendable, Hashable {
    /// Sentences are added until the summary reaches this many words (whole sentences only,
    /// so the last one may run past it). The default, 60, suits news articles: reference
    /// highlights average about 50 words and ROUGE F1 peaks a little above that.
    public var wordBudget: Int
    /// Optional cap on the number of sentences.
    public var maxSentences: Int?
    /// A dek longer than this many words is shortened at a clause boundary.
    public var dekWordLimit: Int
    /// Feature weights and thresholds for sentence scoring.
    public var scoring: SummaryScoring
    /// Only an article's first this many sentences are candidates. Centrality compares every pair of
    /// sentences, so its cost grows with the square of their number; this bound keeps a huge source
    /// (a whole book pasted as one article) from stalling a build, and news leads sit at the start anyway.
    public var sentenceLimit: Int

    /// Creates options; the defaults are the settings evaluated on CNN/DailyMail.
    public init(
        wordBudget: Int = 60, maxSentences: Int? = nil, dekWordLimit: Int = 30,
        scoring: SummaryScoring = SummaryScoring(), sentenceLimit: Int = 300
    ) {
        self.sentenceLimit = max(1, sentenceLimit)
        self.wordBudget = wordBudget
        self.maxSentences = maxSentences
        self.dekWordLimit = dekWordLimit
        self.scoring = scoring
    }
}
