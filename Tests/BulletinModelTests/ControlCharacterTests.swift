import BulletinModel
import Testing

@Suite("Control characters")
struct ControlCharacterTests {
    @Test("C0 controls but tab, line feed and carriage return, DEL and C1 controls are control characters; printable text is not")
    func contains() {
        let controls: [Unicode.Scalar] = ["\u{00}", "\u{07}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9B}", "\u{9F}"]
        // U+0085 is a line break, collapsed with white space by the reader.
        let text: [Unicode.Scalar] = ["\t", "\n", "\r", " ", "a", "\u{85}", "\u{A0}", "\u{FFFD}"]
        #expect(controls.allSatisfy(ControlCharacter.contains))
        #expect(!text.contains(where: ControlCharacter.contains))
    }

    @Test("printable text replaces each control character and C1 control by U+FFFD, one for one, and keeps the rest", arguments: [
        ("foo: \u{1B}[31mRED\u{1B}[0m\u{07}", "foo: \u{FFFD}[31mRED\u{FFFD}[0m\u{FFFD}"),
        ("a\u{9B}2Jb\u{85}c\u{7F}", "a\u{FFFD}2Jb\u{FFFD}c\u{FFFD}"),
        ("tab\tstays, so does é, « » and \u{A0}", "tab\tstays, so does é, « » and \u{A0}"),
        ("\u{00}", "\u{FFFD}"),
    ])
    func printable(_ example: (String, String)) {
        let shown = ControlCharacter.printable(example.0)
        #expect(shown == example.1)
        #expect(shown.unicodeScalars.count == example.0.unicodeScalars.count)
    }

    @Test("a printable line replaces line breaks too (line feed, carriage return, U+0085, U+2028, U+2029), one for one", arguments: [
        ("r7/a\nb.txt", "r7/a\u{FFFD}b.txt"),
        ("a\rb\r\nc", "a\u{FFFD}b\u{FFFD}\u{FFFD}c"),
        ("a\u{85}b\u{2028}c\u{2029}d", "a\u{FFFD}b\u{FFFD}c\u{FFFD}d"),
        ("\u{1B}[2J\tkept", "\u{FFFD}[2J\tkept"),
        ("plain/path.txt", "plain/path.txt"),
    ])
    func printableLine(_ example: (String, String)) {
        let shown = ControlCharacter.printableLine(example.0)
        #expect(shown == example.1)
        #expect(shown.unicodeScalars.count == example.0.unicodeScalars.count)
        #expect(!shown.unicodeScalars.contains(where: ControlCharacter.isLineBreak))
    }
}
