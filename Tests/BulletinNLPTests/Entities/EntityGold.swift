import BulletinNLP
import Testing

/// Expected mentions of one paragraph: (surface text, type) in order of appearance.
typealias EntityGoldParagraph = [(String, EntityKind)]

/// Tags `paragraphs` as one document and compares every paragraph's mentions with the gold, in order.
func expectEntityGold(_ paragraphs: [String], _ gold: [EntityGoldParagraph], sourceLocation: SourceLocation = #_sourceLocation) {
    let spans = EntityTagger().tag(paragraphs: paragraphs)
    #expect(spans.count == gold.count, sourceLocation: sourceLocation)
    for (index, (found, expected)) in zip(spans, gold).enumerated() {
        let got = found.map { "\($0.text)/\($0.kind.rawValue)" }
        let want = expected.map { "\($0.0)/\($0.1.rawValue)" }
        #expect(got == want, "paragraph \(index)", sourceLocation: sourceLocation)
        // Offsets are Unicode scalar offsets and point at the surface text.
        let scalars = Array(paragraphs[index].unicodeScalars)
        for span in found {
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[span.start..<span.end])
            #expect(String(text) == span.text, sourceLocation: sourceLocation)
        }
    }
}
