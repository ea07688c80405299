import BulletinKit
import BulletinModel
import BulletinTestSupport
import BulletinWriters
import Foundation
import Testing

@Suite("Plain-text writer")
struct TextWriterTests {
    @Test("wraps at the width without splitting words or URLs", arguments: [20, 40, 72])
    func wrapping(width: Int) {
        let text = "A long sentence with https://example.org/a/very/long/path/that/is/longer/than/the/line?x=1 and words."
        let lines = TextWrapper.wrap(text, width: width)
        for line in lines where line.count > width {
            #expect(!line.contains(" "), "line over \(width) with a space: \(line)")
        }
        #expect(lines.joined(separator: " ") == text)
        #expect(lines.contains { $0.contains("https://example.org/a/very/long/path/that/is/longer/than/the/line?x=1") })
    }

    @Test("every word of the sample reaches the text and JSON formats, in order")
    func sampleWords() async throws {
        let bytes = TestSupport.bytes(TestPaths.sampleBulletin)
        let sourceWords = TestSupport.bodyWords(ofSource: String(decoding: bytes, as: UTF8.self))
        let file = SourceFile(path: "monitor-v6-i23.txt", bytes: bytes)
        let (text, _) = try await Converter().convert(file, to: "text")
        let textWords = TestSupport.words(String(decoding: text, as: UTF8.self))
        #expect(TestSupport.containsInOrder(sourceWords, in: textWords))
        #expect(String(decoding: text, as: UTF8.self).contains("(Russian agencies, February 1)."))

        let (json, _) = try await Converter().convert(file, to: "json")
        let document = try JSONDecoder().decode(IssueDocument.self, from: Data(json))
        #expect(document.schemaVersion == 1)
        let article = try #require(document.issue.articles.first)
        #expect(TestSupport.words(article.plainText) == sourceWords)
        #expect(article.metadata.titleIsDerived)
        #expect(article.metadata.wordCount == sourceWords.count)
    }
}
