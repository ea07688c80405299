import BulletinNLP
import Testing

@Suite("Summarizer on huge articles")
struct SummarizerLimitTests {
    @Test("an article of thousands of sentences is summarized from its first sentences, quickly")
    func sentenceLimit() {
        let sentences = (1...3000).map { "Sentence number \($0) says that delegates met in Vienna again on Monday." }
        let summary = Summarizer(options: SummaryOptions(sentenceLimit: 50)).summarize(paragraphs: [sentences.joined(separator: " ")])
        #expect(!summary.sentences.isEmpty)
        for sentence in summary.sentences {
            let number = Int(sentence.split(separator: " ")[2]) ?? .max
            #expect(number <= 50, "\(sentence)")
        }
        #expect(SummaryOptions().sentenceLimit == 300)
    }
}

@Suite("Term statistics")
struct TermStatisticsTests {
    @Test("counting a document by paragraphs equals counting the paragraphs joined by blank lines")
    func paragraphsEqualJoined() {
        let paragraphs = ["Officials in Moscow said the talks would resume.", "The official said Moscow's envoys (Interfax, May 1) agreed."]
        var joined = TermStatistics()
        joined.addDocument(paragraphs.joined(separator: "\n\n"))
        var split = TermStatistics()
        split.addDocument(paragraphs: paragraphs)
        #expect(joined == split)
        #expect(split.documentCount == 1)
    }
}

@Suite("Summary documents")
struct SummaryDocumentTests {
    @Test("sentences come back exactly from text with accents, curly quotes, CJK and emoji")
    func nonASCIISentences() {
        let paragraphs = [
            "Café owners in Zürich met on Monday. “We will stay open,” said Renée Müller 🙂. 東京 officials agreed.",
            "Second paragraph with naïve façades… The end of the story is near.",
        ]
        let expected = paragraphs.flatMap { SentenceSegmenter().sentences(in: $0) }
        let summary = Summarizer(options: SummaryOptions(wordBudget: 1_000, maxSentences: nil))
            .summarize(SummaryDocument(paragraphs: paragraphs))
        #expect(summary.sentences == expected)
        #expect(expected.contains(summary.dek))
    }

    @Test("one document counted into the statistics gives the same counts as its paragraphs")
    func documentStatistics() {
        let paragraphs = ["Ministers in Kyiv met envoys.", "Envoys of the ministers left Kyiv; ministers stayed."]
        var fromDocument = TermStatistics()
        fromDocument.addDocument(SummaryDocument(paragraphs: paragraphs))
        var fromText = TermStatistics()
        fromText.addDocument(paragraphs.joined(separator: "\n\n"))
        #expect(fromDocument == fromText)
    }
}
