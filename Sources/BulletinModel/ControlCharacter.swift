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

    /// `text` as a terminal can show it: each control character, U+0085 too, replaced by U+FFFD, one for
    /// one, so that a column counted in `text` still points at the same character.
    public static func printable(_ text: some StringProtocol) -> String {
        let isShown = { (scalar: Unicode.Scalar) in !contains(scalar) && scalar.value != 0x85 }
        if text.unicodeScalars.allSatisfy(isShown) { return String(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isShown(scalar) ? scalar : "\u{FFFD}") }
        return String(scalars)
    }
}
