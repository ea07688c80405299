extension StructuredData {
    /// The schema.org type of the author named `name`: `Organization` when the name is plainly not a person's
    /// ("Staff", "The Prism desk", "Moscow bureau", "AFP", "Reuters"), else `Person`.
    ///
    /// A byline names an organisation when
    /// - one of its words is one that names a group or a role rather than a person, in any of the languages
    ///   Bulletin has words for (`collectiveWords`: staff, desk, editors, bureau, agency, correspondent, news…;
    ///   Redaktion, rédaction, redacción, redazione, redação, redactie, redakcja, редакция, редакція, التحرير,
    ///   המערכת…), or holds the stem of one that takes endings or stands inside compounds (`collectiveStems`:
    ///   "Auslandsredaktion", "Moskau-Korrespondentin", "редакции", "مراسلنا");
    /// - it begins with "The" ("The Prism desk", "The Moscow Times"), which no person's name does (no other
    ///   language's article is taken: "De Vries", "Le Pen", "La Fontaine" are people);
    /// - it is, whole, the name of a news agency that could be a person's only by its shape: Reuters,
    ///   Interfax, Xinhua, Kyodo, Yonhap, Bloomberg, Associated Press, Agence France-Presse, RIA Novosti,
    ///   United Press International ("Michael Bloomberg" stays a person);
    /// - or it is written in a script with capitals, yet no word of it is shaped as a name is, a capital
    ///   before a small letter ("Anna", "O'Brien", "McDonald") or an initial ("J."): "staff", "AFP", "ITAR-TASS".
    ///
    /// The words are read whatever the article's language, since a byline is often in another ("Reuters" over
    /// a French article); none of them is also a person's name in another of the languages. A name in a script
    /// without capitals (Arabic, Hebrew, Chinese) is a person unless one of them is in it. Words that are also
    /// surnames (Service, Press; Arabic مكتبي, Maktabi, so مكتب only whole) are left out or matched only whole,
    /// so "Robert Service" stays a person; a rare collective byline it misses is typed as a person, as every
    /// author was before.
    static func authorType(_ name: String) -> String {
        isOrganization(name) ? "Organization" : "Person"
    }

    /// Whole words that name a group or a role, lowercased.
    private static let collectiveWords: Set<Substring> = [
        // English.
        "staff", "desk", "editor", "editors", "editorial", "bureau", "agency", "agencies", "correspondent", "correspondents",
        "reporters", "newsroom", "team", "wire", "news",
        // French, Spanish, Portuguese, Italian: agencies, teams, special envoys, news, offices.
        "agence", "agences", "équipe", "envoyé", "envoyée", "envoyés", "agencia", "agencias", "agência", "agências", "equipo",
        "equipa", "equipe", "enviado", "enviada", "enviados", "noticias", "notícias", "sucursal", "agenzia", "agenzie",
        "inviato", "inviata", "inviati", "notizie", "ufficio",
        // German, Dutch, Polish.
        "nachrichten", "nieuws", "nieuwsdienst", "biuro", "zespół", "wiadomości",
        // Russian and Ukrainian: bureau, service (пресс-служба), news.
        "бюро", "служба", "новости", "новини",
        // Arabic (office, whole: مكتبي is a surname), Hebrew (team).
        "مكتب", "المكتب", "צוות", "הצוות",
    ]

    /// Stems of such words that take endings or stand inside compounds: a word holding one is such a word.
    private static let collectiveStems: [String] = [
        // Editorial staff: German, Dutch, French, Spanish, Portuguese, Italian, Polish, Russian, Ukrainian, Arabic, Hebrew.
        "redaktion", "redactie", "rédaction", "redaction", "redacción", "redaccion", "redação", "redacção", "redacao",
        "redazion", "redakcj", "редакц", "редакці", "تحرير", "محرر", "מערכת",
        // Correspondents.
        "correspond", "korrespondent", "corresponsal", "corrispondent", "korespondent", "корреспондент", "кореспондент",
        "собкор", "مراسل", "כתבנו", "כתבתנו",
        // Agencies and bureaus.
        "agentur", "agencj", "persbureau", "büro", "агентств", "агенці", "وكالة", "وكالات", "סוכנו",
    ]

    private static let agencies: Set<String> = [
        "reuters", "interfax", "xinhua", "kyodo", "yonhap", "bloomberg", "associated press", "agence france-presse",
        "ria novosti", "united press international",
    ]

    private static func isOrganization(_ name: String) -> Bool {
        let folded = name.lowercased()
        let words = folded.split { !$0.isLetter }
        if words.first == "the" || words.contains(where: { word in
            collectiveWords.contains(word) || collectiveStems.contains { word.contains($0) }
        }) { return true }
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
