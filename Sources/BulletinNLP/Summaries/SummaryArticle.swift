// MARK: - SummaryArticle

/// An article prepared for scoring: the document's first sentences, up to a limit, and their
/// L2-normalised IDF-weighted term vectors (flat arrays of per-article term ids,
/// each sentence's slice sorted by id).
struct SummaryArticle {
    let document: SummaryDocument
    /// The sentences considered.
    let sentences: ArraySlice<SummaryDocument.Sentence>
    /// Each considered sentence's vector: its slice of `termIDs` and `termWeights`.
    var vectors: [Range<Int>] = []
    var termIDs: [Int32] = []
    var termWeights: [Double] = []
    /// Number of distinct terms in the article (ids are `0..<vocabularySize`).
    var vocabularySize = 0

    /// Prepares the first `sentenceLimit` sentences of `document`; centrality is quadratic in their number.
    init(document: SummaryDocument, statistics: TermStatistics?, sentenceLimit: Int) {
        // Unwrapped once: the optional would otherwise be copied for every term.
        let hasStatistics = statistics != nil
        let statistics = statistics ?? TermStatistics()
        self.document = document
        sentences = document.sentences.prefix(max(sentenceLimit, 0))
        vectors.reserveCapacity(sentences.count)
        termIDs.reserveCapacity(document.termIDs.count)
        termWeights.reserveCapacity(document.termIDs.count)
        let idfByID = hasStatistics ? document.terms.map(statistics.inverseDocumentFrequency) : [Double](repeating: 1, count: document.terms.count)
        var scratch: [Int32] = []
        for sentence in sentences {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: document.termIDs[sentence.terms])
            scratch.sort()
            let first = termIDs.count
            var norm = 0.0
            var k = 0
            while k < scratch.count {
                let h = scratch[k]
                var count = 1
                k += 1
                while k < scratch.count, scratch[k] == h { count += 1; k += 1 }
                let w = Double(count) * idfByID[Int(h)]
                termIDs.append(h)
                termWeights.append(w)
                norm += w * w
            }
            if norm > 0 {
                let inv = 1 / norm.squareRoot()
                for t in first..<termWeights.count { termWeights[t] *= inv }
            }
            vectors.append(first..<termIDs.count)
        }
        vocabularySize = idfByID.count
    }

    /// Whether sentence `i` is web-page furniture (checked lazily: only candidates need it).
    func isBoilerplate(_ i: Int) -> Bool {
        document.withUTF8(ofSentence: i, SummaryBoilerplate.matches)
    }

    func string(of i: Int) -> String {
        document.string(ofSentence: i)
    }

    /// Cosine similarity of two sentences (vectors are normalised).
    func similarity(_ a: Int, _ b: Int) -> Double {
        var i = vectors[a].lowerBound
        let iEnd = vectors[a].upperBound
        var j = vectors[b].lowerBound
        let jEnd = vectors[b].upperBound
        var dot = 0.0
        while i < iEnd, j < jEnd {
            let x = termIDs[i], y = termIDs[j]
            if x == y {
                dot += termWeights[i] * termWeights[j]
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return dot
    }

    /// LexRank: stationary distribution of a damped random walk on the similarity graph,
    /// scaled so the most central sentence scores 1.
    func centrality(iterations: Int = 12, damping: Double = 0.85) -> [Double] {
        let n = sentences.count
        guard n > 1 else { return [Double](repeating: 1, count: n) }
        var matrix = [Double](repeating: 0, count: n * n)
        var rowSums = [Double](repeating: 0, count: n)
        // Scatter sentence a's vector into a dense array, then gather for every b > a:
        // plain indexed loads instead of a branchy merge per pair.
        var dense = [Double](repeating: 0, count: vocabularySize)
        // Read and written without bounds checks (every index is a term id or a sentence number in range):
        // the sums are taken in the same order as with checks, so the ranks are the same to the bit.
        termIDs.withUnsafeBufferPointer { ids in
            termWeights.withUnsafeBufferPointer { weights in
                dense.withUnsafeMutableBufferPointer { dense in
                    matrix.withUnsafeMutableBufferPointer { matrix in
                        for a in 0..<n {
                            for t in vectors[a] { dense[Int(ids[t])] = weights[t] }
                            for b in (a + 1)..<n {
                                var s = 0.0
                                for t in vectors[b] { s += dense[Int(ids[t])] * weights[t] }
                                matrix[a * n + b] = s
                                matrix[b * n + a] = s
                                rowSums[a] += s
                                rowSums[b] += s
                            }
                            for t in vectors[a] { dense[Int(ids[t])] = 0 }
                        }
                    }
                }
            }
        }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = rank
        let teleport = (1 - damping) / Double(n)
        matrix.withUnsafeMutableBufferPointer { matrix in
            for a in 0..<n {
                if rowSums[a] > 0 {
                    let inv = 1 / rowSums[a]
                    for b in 0..<n { matrix[a * n + b] *= inv }
                } else {
                    for b in 0..<n { matrix[a * n + b] = 1 / Double(n) }
                }
            }
            for _ in 0..<iterations {
                rank.withUnsafeBufferPointer { rank in
                    next.withUnsafeMutableBufferPointer { next in
                        for b in 0..<n { next[b] = teleport }
                        for a in 0..<n {
                            Self.add(damping * rank[a], times: matrix.baseAddress! + a * n, to: next.baseAddress!, count: n)
                        }
                    }
                }
                swap(&rank, &next)
            }
        }
        let top = rank.max() ?? 1
        return top > 0 ? rank.map { $0 / top } : rank
    }

    /// `y[b] += r * x[b]` for every `b` below `count`, two at a time: each element still gets one multiply
    /// and one add in the same order, so the sums are the same to the bit as one at a time. The power
    /// iteration spends nearly all its time here.
    @inline(__always)
    private static func add(_ r: Double, times x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>, count: Int) {
        let scale = SIMD2(repeating: r)
        func addPair(at b: Int) {
            let sum = UnsafeRawPointer(y + b).loadUnaligned(as: SIMD2<Double>.self)
                + scale * UnsafeRawPointer(x + b).loadUnaligned(as: SIMD2<Double>.self)
            UnsafeMutableRawPointer(y + b).storeBytes(of: sum, as: SIMD2<Double>.self)
        }
        // Two pairs a round, up to a bound reckoned once: counting and testing took as many instructions
        // as the arithmetic when done for each pair.
        let rounds = count & ~3
        var b = 0
        while b < rounds {
            addPair(at: b)
            addPair(at: b &+ 2)
            b &+= 4
        }
        if count - b >= 2 {
            addPair(at: b)
            b += 2
        }
        if b < count { y[b] += r * x[b] }
    }

    /// Share of each sentence covered by entity mentions, scaled so the densest scores 1.
    func entityDensity(_ entityRanges: [[Range<Int>]]) -> [Double] {
        var density = [Double](repeating: 0, count: sentences.count)
        for (i, sentence) in sentences.enumerated() where sentence.paragraph < entityRanges.count {
            var covered = 0
            for e in entityRanges[sentence.paragraph] {
                let lo = max(e.lowerBound, sentence.range.lowerBound)
                let hi = min(e.upperBound, sentence.range.upperBound)
                if hi > lo { covered += hi - lo }
            }
            density[i] = Double(covered) / Double(max(sentence.range.count, 1))
        }
        let top = density.max() ?? 0
        return top > 0 ? density.map { $0 / top } : density
    }

    /// Paragraphs of plain text: blocks separated by blank lines, whatever ends the lines (LF, CR LF, CR).
    static func paragraphs(of text: String) -> [String] {
        var result: [String] = []
        var current: [Substring] = []
        // At every line end: CR LF is one Character, never equal to "\n".
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.allSatisfy({ $0.isWhitespace }) {
                if !current.isEmpty { result.append(current.joined(separator: "\n")); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: "\n")) }
        return result
    }
}
