import Testing
@testable import BulletinNLP

@Suite("Summary centrality")
struct SummaryCentralityTests {
    /// LexRank as plainly stated: every pair's similarity by merging the two full vectors, rows normalised
    /// by their sums (a row of zeros made uniform), and the power iteration adding row after row.
    private static func plainCentrality(_ article: SummaryArticle, iterations: Int = 12, damping: Double = 0.85) -> [Double] {
        let n = article.sentences.count
        guard n > 1 else { return [Double](repeating: 1, count: n) }
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var rowSums = [Double](repeating: 0, count: n)
        for a in 0..<n {
            for b in (a + 1)..<n {
                let s = article.similarity(a, b)
                matrix[a][b] = s
                matrix[b][a] = s
                rowSums[a] += s
                rowSums[b] += s
            }
        }
        for a in 0..<n {
            for b in 0..<n { matrix[a][b] = rowSums[a] > 0 ? matrix[a][b] * (1 / rowSums[a]) : 1 / Double(n) }
        }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<iterations {
            var next = [Double](repeating: (1 - damping) / Double(n), count: n)
            for a in 0..<n {
                let r = damping * rank[a]
                for b in 0..<n { next[b] += r * matrix[a][b] }
            }
            rank = next
        }
        let top = rank.max() ?? 1
        return top > 0 ? rank.map { $0 / top } : rank
    }

    @Test("ranks are the plain power iteration's to the bit, for every number of sentences up to twenty")
    func matchesPlainIteration() {
        // A small vocabulary, so that sentences share terms; some words are rare, so some sentences share none.
        let words = ["pipeline", "kremlin", "troops", "valley", "talks", "customs", "union", "reform", "duma", "border",
                     "ministry", "officials", "quokka", "narwhal", "axolotl"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for sentenceCount in 1...20 {
            for _ in 0..<5 {
                var sentences: [String] = []
                for _ in 0..<sentenceCount {
                    let length = next(7) + 1
                    let rare = next(4) == 0
                    let chosen = (0..<length).map { _ in rare ? "word\(next(1_000))" : words[next(words.count)] }
                    sentences.append("Then " + chosen.joined(separator: " ") + ".")
                }
                let document = SummaryDocument(paragraphs: [sentences.joined(separator: " ")])
                let article = SummaryArticle(document: document, statistics: nil, sentenceLimit: 300)
                #expect(article.sentences.count == sentenceCount)
                #expect(article.centrality() == Self.plainCentrality(article), "\(sentences)")
            }
        }
    }
}
