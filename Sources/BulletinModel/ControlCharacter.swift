/// The control characters Bulletin never passes on from a file as they are: a terminal acts on them (an
/// escape sequence recolours it or moves the cursor, a bell rings) rather than showing them.
public enum ControlCharacter {
    /// True for a C0 control other than tab, line feed and carriage return, or DEL: what the source
    /// reader replaces by U+FFFD, with a warning.
    @inlinable
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
    }

    /// `text` as a terminal can show it: each control character, and each C1 control (U+0080–U+009F,
    /// which some terminals act on too), replaced by U+FFFD, one for one, so that a column counted in
    /// `text` still points at the same character.
    public static func printable(_ text: some StringProtocol) -> String {
        let isShown = { (scalar: Unicode.Scalar) in !contains(scalar) && !(0x80...0x9F).contains(scalar.value) }
        if text.unicodeScalars.allSatisfy(isShown) { return String(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isShown(scalar) ? scalar : "\u{FFFD}") }
        return String(scalars)
    }
}
