import BulletinModel
import Testing

@Suite("White space")
struct WhitespaceTests {
    /// Collapsing done the slow way: Unicode's white space, as the model defines it, split on and joined by one space.
    func expected(_ parts: [String]) -> String {
        parts.joined(separator: " ").unicodeScalars.split(whereSeparator: \.isBulletinWhitespace)
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    @Test("lines already one space apart are kept as they are, and every other line is collapsed", arguments: [
        "", " ", "a", "a b", "a  b", " a b", "a b ", "a\tb", "a\u{A0}b", "a \u{A0}b", "a\u{2009}b", "a\u{3000}b",
        "a\u{1680}b", "a\u{2028}b", "Ростов-на-Дону — город", "a—b “c” d’s", "\u{A0}", "a \u{85}", "x\r\ny", "é",
    ])
    func oneLine(_ line: String) {
        #expect(String.collapsingWhitespace(joining: [Substring(line)]) == expected([line]))
        #expect(line.collapsingWhitespace == expected([line]))
        #expect(line[...].collapsingWhitespace == expected([line]))
    }

    @Test("lines are joined by one space")
    func severalLines() {
        let lines = ["First line", " second\u{A0} line ", "", "third"]
        #expect(String.collapsingWhitespace(joining: lines.map { Substring($0) }) == expected(lines))
        #expect(String.collapsingWhitespace(joining: lines.map { Substring($0) }) == "First line second line third")
    }

    /// Lines long enough to be read eight bytes at a time, a flaw (a double space, a tab, a no-break space,
    /// a space at either end) at every place of the first words, so that it falls in each byte of a word.
    static let longLines: [String] = {
        let line = "Talks resumed in Minsk on Monday, “officials” said"
        var lines = [line, line + " ", " " + line]
        for flaw in ["  ", "\t", "\u{A0}", " \u{2009}"] {
            for offset in 0...18 {
                let cut = line.index(line.startIndex, offsetBy: offset)
                lines.append(line[..<cut] + flaw + line[cut...])
            }
        }
        return lines
    }()

    @Test("long lines are collapsed wherever their white space falls", arguments: longLines)
    func longLine(_ line: String) {
        #expect(String.collapsingWhitespace(joining: [Substring(line)]) == expected([line]))
        #expect(line.collapsingWhitespace == expected([line]))
    }

    @Test("counts words whole or read in pieces, a word running on from one piece into the next",
          arguments: longLines + ["", " ", "a", "Ростов-на-Дону — город", "a\u{2028}b\u{85}c", "x\r\ny", "(see the Monitor, May 3)."])
    func wordCount(_ text: String) {
        let words = text.unicodeScalars.split(whereSeparator: \.isBulletinWhitespace).count
        #expect(text.wordCount == words)
        // Cut at every scalar boundary into two pieces, and into pieces of one scalar each.
        let bytes = Array(text.utf8)
        let boundaries = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
        for cut in boundaries {
            var counter = UTF8WordCounter()
            bytes[..<cut].withUnsafeBufferPointer { counter.read($0) }
            bytes[cut...].withUnsafeBufferPointer { counter.read($0) }
            #expect(counter.count == words, "cut at \(cut)")
        }
        var scalarByScalar = UTF8WordCounter()
        for (start, end) in zip(boundaries, boundaries.dropFirst()) { bytes[start..<end].withUnsafeBufferPointer { scalarByScalar.read($0) } }
        #expect(scalarByScalar.count == words)
    }
}
