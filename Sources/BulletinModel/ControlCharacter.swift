/// The control characters Bulletin never passes on from a file as they are: a terminal acts on them (an
/// escape sequence recolours it or moves the cursor, a bell rings) rather than showing them.
public enum ControlCharacter {
    /// True for a C0 control other than tab, line feed and carriage return, DEL, or a C1 control
    /// (U+0080–U+009F, which some terminals act on too, and HTML counts an error in text) other than
    /// U+0085, a line break that white space collapses like the others: what the source reader replaces by
    /// U+FFFD, with a warning.
    @inlinable
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || ((0x7F...0x9F).contains(scalar.value) && scalar.value != 0x85)
    }

    /// True for a character that ends a line: line feed, carriage return, U+0085, and the line and
    /// paragraph separators U+2028 and U+2029.
    @inlinable
    public static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// `text` as a terminal can show it: each control character, U+0085 too, replaced by U+FFFD, one for
    /// one, so that a column counted in `text` still points at the same character.
    public static func printable(_ text: some StringProtocol) -> String {
        replacing(text) { !contains($0) && $0.value != 0x85 }
    }

    /// `text` as one line of a terminal: ``printable(_:)``, and every line break (``isLineBreak(_:)``)
    /// replaced by U+FFFD too, so that a file's name, or a message naming it, cannot end the line and
    /// start one that reads as something else (`a⏎b.txt:2:7: error: …` as two lines).
    public static func printableLine(_ text: some StringProtocol) -> String {
        replacing(text) { !contains($0) && !isLineBreak($0) }
    }

    /// `text` with each scalar that is not `shown` replaced by U+FFFD.
    private static func replacing(_ text: some StringProtocol, keeping shown: (Unicode.Scalar) -> Bool) -> String {
        if text.unicodeScalars.allSatisfy(shown) { return String(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(shown(scalar) ? scalar : "\u{FFFD}") }
        return String(scalars)
    }
}

/// The 66 noncharacters, U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF,
/// U+1FFFE … U+10FFFF): code points Unicode keeps out of text, which XML does not allow (U+FFFE, U+FFFF)
/// and HTML counts an error in a page. The source reader replaces them by U+FFFD, with a warning.
public enum Noncharacter {
    @inlinable
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE
    }

    /// The length of the noncharacter whose UTF-8 ends with the byte at `index` (3 or 4), or 0: for scans
    /// that meet the bytes one by one. Exact on well-formed UTF-8: U+FDD0–U+FDEF is EF B7 90–AF, and a
    /// plane's last two code points end in BF BE or BF BF after a byte whose low four bits are all set
    /// (EF, or the second byte of a four-byte sequence).
    @inlinable
    public static func length(endingAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard index >= 2 else { return 0 }
        let byte = bytes[index], previous = bytes[index - 1], before = bytes[index - 2]
        if previous == 0xBF, byte == 0xBE || byte == 0xBF, before & 0x0F == 0x0F, before >= 0x80 {
            return before == 0xEF ? 3 : 4
        }
        if before == 0xEF, previous == 0xB7, (0x90...0xAF).contains(byte) { return 3 }
        return 0
    }
}
