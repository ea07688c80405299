import Foundation

// MARK: - TermStatistics

/// Archive-wide document frequencies, used to weight the summarizer's sentence
/// similarity graph with inverse document frequency (IDF).
///
/// Add every article of the archive once; pass the value to ``Summarizer``.
public struct TermStatistics: Sendable, Hashable {
    /// Number of documents containing each term hash.
    private var documentFrequency = SummaryTermTable(minimumCapacity: 1 << 12)
    /// Number of documents added so far.
    public private(set) var documentCount: Int = 0

    /// Creates empty statistics.
    public init() {}

    /// Counts each distinct content word of `text` once.
    public mutating func addDocument(_ text: String) {
        addDocument(paragraphs: [text])
    }

    /// Counts each distinct content word of a document given as paragraphs once; the same counts as
    /// ``addDocument(_:)`` on the paragraphs joined by blank lines, without building that string.
    public mutating func addDocument(paragraphs: [String]) {
        // Only the distinct terms count, so the words are read without finding the sentences: no sentence
        // boundary falls inside a word, and a document's terms are the same either way.
        var seen = SummaryTermTable(minimumCapacity: 256)
        for paragraph in paragraphs {
            let scalars = SummaryText.scalars(of: paragraph)
            SummaryTerms.forEachTerm(scalars, scalars.indices) { term in
                guard !seen.contains(term) else { return }
                seen.add(term)
                documentFrequency.add(term)
            }
        }
        documentCount += 1
    }

    /// Counts each distinct content word of an already read document once.
    public mutating func addDocument(_ document: SummaryDocument) {
        for term in document.terms { documentFrequency.add(term) }
        documentCount += 1
    }

    /// Adds the documents counted by `other`, so statistics can be gathered in parallel and combined.
    public mutating func merge(_ other: TermStatistics) {
        documentFrequency.merge(other.documentFrequency)
        documentCount += other.documentCount
    }

    /// Smoothed IDF of a term hash: `ln((N + 1) / (df + 1)) + 1`, so unseen terms weigh most.
    func inverseDocumentFrequency(_ term: UInt64) -> Double {
        let df = Double(documentFrequency.value(for: term))
        return log((Double(documentCount) + 1) / (df + 1)) + 1
    }
}
