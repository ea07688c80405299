import BulletinModel
import Testing

@Suite("Diagnostics")
struct DiagnosticTests {
    static func diagnostic(line: String, column: Int) -> Diagnostic {
        Diagnostic(id: "test", severity: .error, message: "m", location: SourceLocation(path: "a.txt", line: 1, column: column), sourceLine: line)
    }

    @Test("a short line is shown whole, the caret under its column")
    func shortLine() throws {
        let excerpt = try #require(Self.diagnostic(line: "Publication: Monitor Volume: six Issue: 23", column: 30).lineExcerpt())
        #expect(excerpt.text == "Publication: Monitor Volume: six Issue: 23")
        #expect(excerpt.caret == 29)
    }

    @Test("a long line is cut around the column, marked where cut, the caret still under the same character", arguments: [1, 2_000, 49_990, 50_001])
    func longLine(column: Int) throws {
        let characters = (0..<50_000).map { Character(Unicode.Scalar(UInt8(0x61 + $0 % 26))) }
        let line = String(characters)
        let excerpt = try #require(Self.diagnostic(line: line, column: column).lineExcerpt(width: 100))
        #expect(excerpt.text.count <= 102)
        #expect(excerpt.text.hasPrefix("…") == (column > 51))
        #expect(excerpt.text.hasSuffix("…") == (column < 49_950))
        if column <= characters.count {
            #expect(Array(excerpt.text)[excerpt.caret] == characters[column - 1])
        }
    }
}
