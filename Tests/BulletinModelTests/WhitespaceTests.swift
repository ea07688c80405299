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
}
