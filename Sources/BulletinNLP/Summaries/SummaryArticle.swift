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
        let idfByID = hasStatistics ? document.terms.map(statistics.inverseDocumentFrequency) : [Double](repeating: 1, count: document.terms.count)
        // Written through pointers into lists made at their largest size (a sentence's distinct terms are at
        // most its terms), where appending checked each list's uniqueness and capacity for every term.
        let mostTerms = document.termIDs.count
        let scratch = UnsafeMutableBufferPointer<Int32>.allocate(capacity: mostTerms)
        defer { scratch.deallocate() }
        var written = 0
        var vectors: [Range<Int>] = []
        vectors.reserveCapacity(sentences.count)
        var weights: [Double] = []
        termIDs = [Int32](unsafeUninitializedCapacity: mostTerms) { ids, idCount in
            weights = [Double](unsafeUninitializedCapacity: mostTerms) { weights, weightCount in
                document.termIDs.withUnsafeBufferPointer { allIDs in
                    for sentence in sentences {
                        var terms = UnsafeMutableBufferPointer(rebasing: scratch[..<sentence.terms.count])
                        _ = terms.initialize(fromContentsOf: allIDs[sentence.terms])
                        terms.sort()
                        let first = written
                        var norm = 0.0
                        var k = 0
                        while k < terms.count {
                            let h = terms[k]
                            var count = 1
                            k += 1
                            while k < terms.count, terms[k] == h { count += 1; k += 1 }
                            let w = Double(count) * idfByID[Int(h)]
                            ids.initializeElement(at: written, to: h)
                            weights.initializeElement(at: written, to: w)
                            written += 1
                            norm += w * w
                        }
                        if norm > 0 {
                            let inv = 1 / norm.squareRoot()
                            for t in first..<written { weights[t] *= inv }
                        }
                        vectors.append(first..<written)
                    }
                }
                weightCount = written
            }
            idCount = written
        }
        termWeights = weights
        self.vectors = vectors
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
        var rowSums = [Double](repeating: 0, count: n)
        // Every entry is written below, the diagonal's zeros included.
        var matrix = [Double](unsafeUninitializedCapacity: n * n) { matrix, initialized in
            sharedTerms().withBuffers { starts, slots, weights, slotCount in
                rowSums.withUnsafeMutableBufferPointer { rowSums in
                    Self.fillSimilarities(matrix, rowSums: rowSums, starts: starts, slots: slots, weights: weights, slotCount: slotCount)
                }
            }
            initialized = n * n
        }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = rank
        var scaled = rank
        let teleport = (1 - damping) / Double(n)
        matrix.withUnsafeMutableBufferPointer { matrix in
            for a in 0..<n {
                let row = matrix.baseAddress! + a * n
                if rowSums[a] > 0 {
                    let inv = 1 / rowSums[a]
                    for b in 0..<n { row[b] *= inv }
                } else {
                    row.update(repeating: 1 / Double(n), count: n)
                }
            }
            for _ in 0..<iterations {
                for a in 0..<n { scaled[a] = damping * rank[a] }
                scaled.withUnsafeBufferPointer { scaled in
                    next.withUnsafeMutableBufferPointer { next in
                        Self.step(matrix: UnsafePointer(matrix.baseAddress!), scaled: scaled, teleport: teleport, into: next)
                    }
                }
                swap(&rank, &next)
            }
        }
        let top = rank.max() ?? 1
        return top > 0 ? rank.map { $0 / top } : rank
    }

    /// The sentences' vectors cut down to the terms that two sentences or more share, each term numbered
    /// anew among those (its slot): a term of one sentence alone adds only zeros to the similarities.
    private func sharedTerms() -> SharedTerms {
        // Read and written without bounds checks: every index is a term id, a slot or an entry of `termIDs`.
        var slotOf = [Int32](repeating: 0, count: vocabularySize) // first the number of sentences with the term
        var slotCount: Int32 = 0
        var starts = [0]
        starts.reserveCapacity(vectors.count + 1)
        var entries = 0
        var slots: [Int32] = [], weights: [Double] = []
        slotOf.withUnsafeMutableBufferPointer { slotOf in
            termIDs.withUnsafeBufferPointer { ids in
                for id in ids { slotOf[Int(id)] += 1 } // a vector holds each of its terms once
                for id in slotOf.indices {
                    if slotOf[id] > 1 {
                        slotOf[id] = slotCount
                        slotCount += 1
                    } else {
                        slotOf[id] = -1
                    }
                }
                slots = [Int32](unsafeUninitializedCapacity: ids.count) { slots, written in
                    weights = [Double](unsafeUninitializedCapacity: ids.count) { weights, weightsWritten in
                        termWeights.withUnsafeBufferPointer { termWeights in
                            for vector in vectors {
                                // In order of term id, as in the full vectors: a similarity adds its products in that order.
                                for t in vector where slotOf[Int(ids[t])] >= 0 {
                                    slots.initializeElement(at: entries, to: slotOf[Int(ids[t])])
                                    weights.initializeElement(at: entries, to: termWeights[t])
                                    entries += 1
                                }
                                starts.append(entries)
                            }
                        }
                        weightsWritten = entries
                    }
                    written = entries
                }
            }
        }
        return SharedTerms(starts: starts, slots: slots, weights: weights, slotCount: Int(slotCount))
    }

    /// Sentence vectors over the terms two sentences or more share (see ``sharedTerms()``): sentence i's
    /// entries run from `starts[i]` to `starts[i + 1]`, where a range per sentence cost a check of its
    /// bounds for every pair of sentences.
    private struct SharedTerms {
        var starts: [Int]
        var slots: [Int32]
        var weights: [Double]
        var slotCount: Int

        func withBuffers<Result>(_ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>, Int) -> Result) -> Result {
            starts.withUnsafeBufferPointer { starts in
                slots.withUnsafeBufferPointer { slots in
                    weights.withUnsafeBufferPointer { weights in body(starts, slots, weights, slotCount) }
                }
            }
        }
    }

    /// Writes every sentence pair's cosine similarity into both of its places in the `n`×`n` `matrix` (zeros
    /// on the diagonal), adding each to the sums of both rows, in the same order as a row by row pass.
    ///
    /// Sentence a's vector is scattered into a dense array, then gathered for every b > a: plain indexed
    /// loads instead of a branchy merge per pair. Read and written through pointers (every index is a
    /// slot or a sentence number in range): the sums are taken in the same order as with checks, so the
    /// ranks are the same to the bit.
    private static func fillSimilarities(_ matrix: UnsafeMutableBufferPointer<Double>, rowSums: UnsafeMutableBufferPointer<Double>,
                                         starts: UnsafeBufferPointer<Int>, slots: UnsafeBufferPointer<Int32>,
                                         weights: UnsafeBufferPointer<Double>, slotCount: Int) {
        let n = starts.count - 1
        var dense = [Double](repeating: 0, count: slotCount)
        dense.withUnsafeMutableBufferPointer { dense in
            for a in 0..<n {
                let row = matrix.baseAddress! + a * n
                row[a] = 0
                for t in starts[a]..<starts[a + 1] { dense[Int(slots[t])] = weights[t] }
                var column = row + n + a // matrix[b][a], from b = a + 1 down
                var sum = rowSums[a] // row a's sum so far, in a register while b runs
                for b in (a + 1)..<n {
                    var s = 0.0
                    var t = starts[b]
                    while t < starts[b + 1] {
                        s += dense[Int(slots[t])] * weights[t]
                        t += 1
                    }
                    row[b] = s
                    column.pointee = s
                    column += n
                    sum += s
                    rowSums[b] += s
                }
                rowSums[a] = sum
                for t in starts[a]..<starts[a + 1] { dense[Int(slots[t])] = 0 }
            }
        }
    }

    /// One step of the power iteration: `next[b] = teleport + Σₐ scaled[a] × matrix[a][b]`, added in order
    /// of `a` for every `b`, so each sum is the same to the bit as a row by row pass.
    ///
    /// Eight columns at a time are summed in registers down the whole matrix, so that each product costs a
    /// load, a multiply and an add, where adding row after row into `next` also loaded and stored the sum.
    private static func step(matrix: UnsafePointer<Double>, scaled: UnsafeBufferPointer<Double>, teleport: Double,
                             into next: UnsafeMutableBufferPointer<Double>) {
        let n = next.count
        func load(_ p: UnsafePointer<Double>) -> SIMD2<Double> {
            UnsafeRawPointer(p).loadUnaligned(as: SIMD2<Double>.self)
        }
        func store(_ v: SIMD2<Double>, at b: Int) {
            UnsafeMutableRawPointer(next.baseAddress! + b).storeBytes(of: v, as: SIMD2<Double>.self)
        }
        var b = 0
        while b + 8 <= n {
            var s0 = SIMD2(repeating: teleport), s1 = s0, s2 = s0, s3 = s0
            var column = matrix + b
            for a in 0..<n {
                let r = SIMD2(repeating: scaled[a])
                s0 += r * load(column)
                s1 += r * load(column + 2)
                s2 += r * load(column + 4)
                s3 += r * load(column + 6)
                column += n
            }
            store(s0, at: b)
            store(s1, at: b + 2)
            store(s2, at: b + 4)
            store(s3, at: b + 6)
            b += 8
        }
        while b + 2 <= n {
            var s = SIMD2(repeating: teleport)
            var column = matrix + b
            for a in 0..<n {
                s += SIMD2(repeating: scaled[a]) * load(column)
                column += n
            }
            store(s, at: b)
            b += 2
        }
        if b < n {
            var s = teleport
            var entry = matrix + b
            for a in 0..<n {
                s += scaled[a] * entry.pointee
                entry += n
            }
            next[b] = s
        }
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
