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
