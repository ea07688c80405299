extension Unicode.Scalar {
    /// Whether the scalar is a character of its own beside any other scalar of which this is true: between
    /// two such scalars there is always a grapheme-cluster boundary, so a run of them can be read a scalar
    /// a character, without the grapheme breaking that reading `Character`s costs.
    ///
    /// True for what most text is made of: every scalar below the combining marks at U+0300 but the carriage
    /// return (which joins a line feed after it), the Cyrillic letters (not their combining marks,
    /// U+0483–U+0489), and general punctuation (U+2000–U+206F) but the joiners U+200C and U+200D. Nothing
    /// here extends, prepends to or joins its neighbour: the pictographs among them (©, ‼) join only
    /// across a joiner. False only says "read it as a `Character`".
    @inlinable
    public var standsAlone: Bool {
        switch value {
        case 0x00...0x0C, 0x0E...0x2FF, 0x400...0x482, 0x48A...0x52F, 0x2000...0x200B, 0x200E...0x206F: true
        default: false
        }
    }
}
