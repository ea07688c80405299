// MARK: - SummaryScoring

/// Weights of the sentence features; a sentence's score is
/// `positionDecay^k + centralityWeight · centrality + entityWeight · entityDensity − length penalties`,
/// where `k` counts the content sentences before it.
public struct SummaryScoring: Sendable, Hashable {
    /// Geometric decay of the position prior per content sentence (news leads matter most).
    public var positionDecay: Double
    /// Weight of LexRank-style centrality in the sentence-similarity graph (normalised to 0...1).
    public var centralityWeight: Double
    /// Weight of the share of the sentence covered by named-entity mentions (normalised to 0...1).
    public var entityWeight: Double
    /// A candidate whose cosine similarity to a chosen sentence exceeds this is skipped as redundant.
    public var redundancyThreshold: Double
    /// Extra weight of centrality when picking the dek sentence (a one-line teaser should
    /// state what the whole article is about, not only its opening).
    public var dekCentralityWeight: Double
    /// Sentences with fewer words are never chosen while longer ones remain (captions, bylines, fragments).
    public var minimumWords: Int
    /// Sentences longer than this many words (often run-on picture captions) are penalised.
    public var longSentenceWords: Int
    /// Penalty for a sentence of twice `longSentenceWords` words (linear from `longSentenceWords`).
    public var longSentencePenalty: Double

    /// Creates scoring weights; the defaults are the evaluated settings.
    public init(
        positionDecay: Double = 0.8, centralityWeight: Double = 0.2, entityWeight: Double = 0.1,
        redundancyThreshold: Double = 0.6, dekCentralityWeight: Double = 1, minimumWords: Int = 5,
        longSentenceWords: Int = 50, longSentencePenalty: Double = 0.2
    ) {
        self.positionDecay = positionDecay
        self.centralityWeight = centralityWeight
        self.entityWeight = entityWeight
        self.redundancyThreshold = redundancyThreshold
        self.dekCentralityWeight = dekCentralityWeight
        self.minimumWords = minimumWords
        self.longSentenceWords = longSentenceWords
        self.longSentencePenalty = longSentencePenalty
    }
}
