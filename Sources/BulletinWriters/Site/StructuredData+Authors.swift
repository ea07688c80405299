extension StructuredData {
    /// The schema.org type of the author named `name`: `Organization` when the name is plainly not a person's
    /// ("Staff", "The Prism desk", "Moscow bureau", "AFP", "Reuters"), else `Person`.
    ///
    /// A byline names an organisation when
    /// - one of its words is one that names a group or a role rather than a person: staff, desk, editor(s),
    ///   editorial, bureau, agency, agencies, correspondent(s), reporters, newsroom, team, wire, news;
    /// - it begins with "The" ("The Prism desk", "The Moscow Times"), which no person's name does;
    /// - it is, whole, the name of a news agency that could be a person's only by its shape: Reuters,
    ///   Interfax, Xinhua, Kyodo, Yonhap, Bloomberg, Associated Press, Agence France-Presse, RIA Novosti,
    ///   United Press International ("Michael Bloomberg" stays a person);
    /// - or it is written in a script with capitals, yet no word of it is shaped as a name is, a capital
    ///   before a small letter ("Anna", "O'Brien", "McDonald") or an initial ("J."): "staff", "AFP", "ITAR-TASS".
    ///
    /// The words are English, as the entity tagger's are; a name in a script without capitals (Arabic, Hebrew,
    /// Chinese) is a person unless one of them is in it. Words that are also surnames (Service, Press) are left
    /// out, so "Robert Service" stays a person; a rare collective byline it misses is typed as a person, as
    /// every author was before.
    static func authorType(_ name: String) -> String {
        isOrganization(name) ? "Organization" : "Person"
    }

    private static let collectiveWords: Set<Substring> = [
        "staff", "desk", "editor", "editors", "editorial", "bureau", "agency", "agencies", "correspondent", "correspondents",
        "reporters", "newsroom", "team", "wire", "news",
    ]

    private static let agencies: Set<String> = [
        "reuters", "interfax", "xinhua", "kyodo", "yonhap", "bloomberg", "associated press", "agence france-presse",
        "ria novosti", "united press international",
    ]

    private static func isOrganization(_ name: String) -> Bool {
        let folded = name.lowercased()
        let words = folded.split { !$0.isLetter }
        if words.contains(where: collectiveWords.contains) || words.first == "the" { return true }
        if agencies.contains(folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")) { return true }
        guard name.contains(where: { $0.isUppercase || $0.isLowercase }) else { return false }
        return !name.split(whereSeparator: \.isWhitespace).contains(where: isNameShaped)
    }

    /// A capital followed by a small letter somewhere in it ("Anna", "O'Brien", "McDonald"), or initials ("J.", "J.R.").
    private static func isNameShaped(_ word: Substring) -> Bool {
        if zip(word, word.dropFirst()).contains(where: { $0.isUppercase && $1.isLowercase }) { return true }
        let initials = word.split(separator: ".", omittingEmptySubsequences: false)
        return word.hasSuffix(".") && initials.dropLast().allSatisfy { $0.count == 1 && $0.allSatisfy(\.isUppercase) }
    }
}
