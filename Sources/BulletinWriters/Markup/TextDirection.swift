/// The direction a language is written in: for `dir` attributes, and for the way an EPUB's pages turn.
enum TextDirection {
    /// Languages written right to left, by primary subtag.
    private static let rightToLeft: Set<String> = ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku", "ps", "sd", "syr", "ug", "ur", "yi"]

    /// "rtl" or "ltr" for a BCP 47 tag (script subtags of right-to-left scripts count too).
    static func of(_ language: String) -> String {
        let subtags = language.lowercased().split(separator: "-")
        guard let primary = subtags.first else { return "ltr" }
        if subtags.contains(where: { ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm"].contains($0) }) { return "rtl" }
        if subtags.contains(where: { ["latn", "cyrl"].contains($0) }) { return "ltr" }
        return rightToLeft.contains(String(primary)) ? "rtl" : "ltr"
    }
}
