// MARK: - Summarizer

/// Extractive summarizer for news articles.
///
/// Each sentence is scored by its position (a geometric prior over content sentences:
/// news leads carry the story), its centrality in a similarity graph over the article's
/// sentences (LexRank power iteration over IDF-weighted cosine similarities), the share
/// of it covered by named entities (when a tagger ran) and its length. Sentences are then
/// taken best-first, skipping near-duplicates of ones already taken, until the word
/// budget or sentence cap is reached, and returned in article order. Ties are broken by
/// position, so results are deterministic.
public struct Summarizer: Sendable {
    /// Length limits and scoring weights.
    public var options: SummaryOptions
    /// Archive-wide term statistics for IDF weighting, if any.
    public var statistics: TermStatistics?

    /// Creates a summarizer.
    public init(options: SummaryOptions = SummaryOptions(), statistics: TermStatistics? = nil) {
        self.options = options
        self.statistics = statistics
    }

    /// Summarizes an article given as paragraphs.
    ///
    /// - Parameters:
    ///   - entityRanges: optional per-paragraph Unicode-scalar ranges of named-entity
    ///     mentions (for the entity-density feature); nil when no tagger ran.
    ///   - isEnglish: whether a dek cut short drops the English words that lead into what was cut.
    public func summarize(paragraphs: [String], entityRanges: [[Range<Int>]]? = nil, isEnglish: Bool = true) -> Summary {
        summarize(SummaryDocument(paragraphs: paragraphs), entityRanges: entityRanges, isEnglish: isEnglish)
    }

    /// Summarizes an article already read into a ``SummaryDocument`` (as a build does, once per article).
    public func summarize(_ document: SummaryDocument, entityRanges: [[Range<Int>]]? = nil, isEnglish: Bool = true) -> Summary {
        let article = SummaryArticle(document: document, statistics: statistics, sentenceLimit: options.sentenceLimit)
        let n = article.sentences.count
        guard n > 0 else { return .empty }

        let weights = options.scoring
        let needsCentrality = weights.centralityWeight != 0 || weights.dekCentralityWeight != 0
        let centrality = needsCentrality ? article.centrality() : [Double](repeating: 0, count: n)
        let scores = score(article, centrality: centrality, entityRanges: entityRanges)
        var boilerplate = [Bool?](repeating: nil, count: n)
        let chosen = select(article, scores: scores, boilerplate: &boilerplate)
        let texts = chosen.sorted().map { article.string(of: $0) }
        let dekIndex = bestDekSentence(article, scores: scores, centrality: centrality, boilerplate: &boilerplate) ?? chosen[0]
        let dekScalars = document.scalars(ofSentence: dekIndex)
        let dek = SummaryDek.make(scalars: dekScalars, range: 0..<dekScalars.count, wordLimit: options.dekWordLimit, english: isEnglish)
        return Summary(sentences: texts, text: texts.joined(separator: " "), dek: dek)
    }

    /// Summarizes plain text; paragraphs are separated by blank lines.
    public func summarize(text: String) -> Summary {
        summarize(paragraphs: SummaryArticle.paragraphs(of: text))
    }

    // MARK: - Scoring

    private func score(_ article: SummaryArticle, centrality: [Double], entityRanges: [[Range<Int>]]?) -> [Double] {
        let weights = options.scoring
        let n = article.sentences.count
        let entities = entityRanges.map { article.entityDensity($0) }
        var scores = [Double](repeating: 0, count: n)
        var prior = 1.0 // positionDecay^k, k = content sentences before this one
        for i in 0..<n {
            let sentence = article.sentences[i]
            var s = prior
            if sentence.words >= weights.minimumWords { prior *= weights.positionDecay }
            s += weights.centralityWeight * centrality[i]
            if let entities { s += weights.entityWeight * entities[i] }
            if sentence.words > weights.longSentenceWords, weights.longSentenceWords > 0 {
                let excess = Double(sentence.words - weights.longSentenceWords) / Double(weights.longSentenceWords)
                s -= weights.longSentencePenalty * min(excess, 1)
            }
            scores[i] = s
        }
        return scores
    }

    /// Fragments (captions, bylines) and web-page furniture are never chosen.
    private func isJunk(_ article: SummaryArticle, _ i: Int, boilerplate: inout [Bool?]) -> Bool {
        article.sentences[i].words < options.scoring.minimumWords || isBoilerplate(article, i, known: &boilerplate)
    }

    /// Whether sentence `i` is web-page furniture, tested once however often it is asked: the dek's
    /// sentence is nearly always one that selection has tested already.
    private func isBoilerplate(_ article: SummaryArticle, _ i: Int, known: inout [Bool?]) -> Bool {
        if let answer = known[i] { return answer }
        let answer = article.isBoilerplate(i)
        known[i] = answer
        return answer
    }

    /// The content sentence with the best score plus the dek's centrality bonus (ties: earliest).
    private func bestDekSentence(_ article: SummaryArticle, scores: [Double], centrality: [Double], boilerplate: inout [Bool?]) -> Int? {
        let dekScores = scores.indices.map { scores[$0] + options.scoring.dekCentralityWeight * centrality[$0] }
        var excluded = [Bool](repeating: false, count: scores.count)
        while true {
            var best: Int? = nil
            for i in scores.indices where !excluded[i] && article.sentences[i].words >= options.scoring.minimumWords {
                if let b = best, dekScores[i] <= dekScores[b] { continue }
                best = i
            }
            guard let found = best else { return nil }
            if !isBoilerplate(article, found, known: &boilerplate) { return found }
            excluded[found] = true
        }
    }

    // MARK: - Selection

    /// Indices of the chosen sentences, best first.
    private func select(_ article: SummaryArticle, scores: [Double], boilerplate: inout [Bool?]) -> [Int] {
        let n = scores.count
        let order = (0..<n).sorted { a, b in
            scores[a] != scores[b] ? scores[a] > scores[b] : a < b
        }
        let budget = max(options.wordBudget, 1)
        let cap = options.maxSentences.map { max($0, 1) } ?? Int.max
        var chosen: [Int] = []
        var words = 0
        for i in order {
            if words >= budget || chosen.count >= cap { break }
            if chosen.contains(where: { article.similarity(i, $0) > options.scoring.redundancyThreshold }) {
                continue
            }
            if isJunk(article, i, boilerplate: &boilerplate) { continue }
            chosen.append(i)
            words += article.sentences[i].words
        }
        if chosen.isEmpty { chosen = [order[0]] }
        return chosen
    }
}
