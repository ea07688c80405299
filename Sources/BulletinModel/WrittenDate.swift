/// Dates as bulletins write them in citations and cross-references: "January 17", "Feb. 1-2",
/// "January 17, 2000", "February 1 and 3"; and day first: "3 May", "3-4 May 2000", in Russian "3 мая",
/// "1 и 2 апреля", "3 апреля 2000 г.", in Ukrainian "3 травня", "3 травня 2000 р.", in German with the ordinal dot
/// ("3. Mai", "3.–4. Mai 2000"), and in French, Italian, Spanish, Portuguese, Dutch and Polish ("3 mai", "1er mai",
/// "le 3 mai 2000", "3 de mayo de 2000", "3 maja 2000 r.").
public enum WrittenDate {
    private static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    ]

    /// Russian month names: the genitive a date writes ("3 мая") and the nominative ("май"), lowercase.
    private static let russianMonths: [String: Int] = [
        "января": 1, "январь": 1, "февраля": 2, "февраль": 2, "марта": 3, "март": 3, "апреля": 4, "апрель": 4,
        "мая": 5, "май": 5, "июня": 6, "июнь": 6, "июля": 7, "июль": 7, "августа": 8, "август": 8,
        "сентября": 9, "сентябрь": 9, "октября": 10, "октябрь": 10, "ноября": 11, "ноябрь": 11, "декабря": 12, "декабрь": 12,
    ]

    /// Ukrainian month names: the genitive a date writes ("3 травня") and the nominative ("травень"), lowercase.
    private static let ukrainianMonths: [String: Int] = [
        "січня": 1, "січень": 1, "лютого": 2, "лютий": 2, "березня": 3, "березень": 3, "квітня": 4, "квітень": 4,
        "травня": 5, "травень": 5, "червня": 6, "червень": 6, "липня": 7, "липень": 7, "серпня": 8, "серпень": 8,
        "вересня": 9, "вересень": 9, "жовтня": 10, "жовтень": 10, "листопада": 11, "листопад": 11, "грудня": 12, "грудень": 12,
    ]

    /// Day-first month names of French, Italian, Spanish, Portuguese, Dutch and Polish (its genitive, as dates
    /// write it), lowercase as those languages write them; French "fevrier", "aout" and "decembre" as ASCII text
    /// spells them.
    private static let frenchMonths: [String: Int] = [
        "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
        "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    ]
    private static let italianMonths: [String: Int] = [
        "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "agosto": 8,
        "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
    ]
    private static let spanishMonths: [String: Int] = [
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
        "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    ]
    private static let portugueseMonths: [String: Int] = [
        "janeiro": 1, "fevereiro": 2, "março": 3, "abril": 4, "maio": 5, "junho": 6, "julho": 7, "agosto": 8,
        "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    ]
    private static let dutchMonths: [String: Int] = [
        "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
        "september": 9, "oktober": 10, "november": 11, "december": 12,
    ]
    /// German month names, capitalised as German writes every noun, in full (Austrian "Jänner" and "Feber" too, and
    /// "Maerz" as ASCII text spells "März") and abbreviated ("Sept.", "Dez."; the dot is dropped before looking).
    private static let germanMonths: [String: Int] = [
        "januar": 1, "jänner": 1, "jaenner": 1, "jan": 1, "jän": 1, "februar": 2, "feber": 2, "feb": 2, "febr": 2,
        "märz": 3, "maerz": 3, "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
        "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
        "dezember": 12, "dez": 12,
    ]
    private static let polishMonths: [String: Int] = [
        "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7, "sierpnia": 8,
        "września": 9, "października": 10, "listopada": 11, "grudnia": 12,
    ]

    /// A language whose dates are written day first: its month names and how they are written, the words
    /// that join two days ("1 и 3 сентября"), how it writes a day ("3", German "3.", French "1er"), the word it may
    /// put before the day ("le 3 mai"), the word a date puts before its month and its year, if any
    /// ("3 de mayo de 2000"), and the words that may follow the year ("2000 г.").
    private struct DayFirstLanguage {
        enum MonthCase { case capitalised, lowercase, any }
        let months: [String: Int]
        let monthCase: MonthCase
        let connectors: Set<String>
        var dayForms: Set<DayForm> = [.plain]
        var leadWord: String? = nil
        var article: String? = nil
        var yearWords: Set<String> = []

        /// The month `word` names in this language, written as the language writes it: an English or German month
        /// capitalised ("3 May", so "(of 12, 3 may)" stays text; "3. Mai"), a French or Spanish one in lower case (so
        /// "Mars" in English text is no month), a Russian or Ukrainian one in any case.
        func month(_ word: ArraySlice<UInt8>) -> Int? {
            guard let lead = word.first, word.count <= 24 else { return nil }
            switch monthCase {
            case .capitalised:
                // Every English and German month opens with an ASCII capital ("März", "Jänner").
                guard ASCIIBytes.isUppercase(lead) else { return nil }
                // "Sept." as well as "Sept".
                let stem = word.last == UInt8(ascii: ".") ? word.dropLast() : word
                guard stem.allSatisfy({ $0 < 0x80 }) else { return months[String(decoding: stem, as: UTF8.self).lowercased()] }
                return months[String(decoding: stem.map { ASCIIBytes.isUppercase($0) ? $0 | 0x20 : $0 }, as: UTF8.self)]
            case .lowercase:
                return months[String(decoding: word, as: UTF8.self)]
            case .any:
                // Russian and Ukrainian names are Cyrillic letters, led by 0xD0 or 0xD1.
                guard lead == 0xD0 || lead == 0xD1 else { return nil }
                return months[String(decoding: word, as: UTF8.self).lowercased()]
            }
        }
    }

    /// The languages whose dates are read day first.
    private static let dayFirstLanguages: [DayFirstLanguage] = [
        DayFirstLanguage(months: months, monthCase: .capitalised, connectors: ["and"]),
        DayFirstLanguage(months: russianMonths, monthCase: .any, connectors: ["и"], yearWords: ["г.", "г", "года"]),
        DayFirstLanguage(months: ukrainianMonths, monthCase: .any, connectors: ["і", "й", "та"], yearWords: ["р.", "р", "року"]),
        DayFirstLanguage(months: germanMonths, monthCase: .capitalised, connectors: ["und", "bis"], dayForms: [.ordinalDot]),
        DayFirstLanguage(months: frenchMonths, monthCase: .lowercase, connectors: ["et"], dayForms: [.plain, .premier], leadWord: "le"),
        DayFirstLanguage(months: italianMonths, monthCase: .lowercase, connectors: ["e"]),
        DayFirstLanguage(months: spanishMonths, monthCase: .lowercase, connectors: ["y"], article: "de"),
        DayFirstLanguage(months: portugueseMonths, monthCase: .lowercase, connectors: ["e"], article: "de"),
        DayFirstLanguage(months: dutchMonths, monthCase: .lowercase, connectors: ["en"]),
        DayFirstLanguage(months: polishMonths, monthCase: .lowercase, connectors: ["i"], yearWords: ["r.", "r", "roku"]),
    ]

    /// A date written day first, as ``dayFirstDate(_:)`` reads it.
    public struct DayFirstDate: Sendable, Hashable {
        /// The month, 1–12.
        public let month: Int
        /// The first day the date names.
        public let day: Int
        /// The year, when written.
        public let year: Int?
        /// Whether the date names one day: no range ("3-4 May") and no list ("1 и 3 сентября").
        public let isSingleDay: Bool
    }

    /// A date written day first: "3 May", "3-4 May 2000", "1 и 3 сентября 2000 г.", "3 травня 2000 р.", "3. Mai",
    /// "3 mai", "1er mai", "le 3 mai 2000", "3 de mayo de 2000", "3 maja 2000 r."; nil for anything else.
    public static func dayFirstDate(_ text: some StringProtocol) -> DayFirstDate? {
        let bytes = Array(text.utf8)[...]
        guard let words = words(bytes) else { return nil }
        return dayFirstDate(bytes, words)
    }

    /// The month (1–12) and first day of a date like "January 17", when it is one, the month capitalised: "February 1",
    /// "Feb. 1-2", "January 17, 2000", "February 1 and 3"; or day first, in English ("3 May", "3-4 May",
    /// "3 May 2000", the month capitalised), Russian ("3 мая", "1 и 3 сентября", "3 мая 2000 г.",
    /// "30 июня 1996 года"), Ukrainian ("3 травня", "1 і 2 квітня", "3 травня 2000 р.") or another language
    /// ``dayFirstDate(_:)`` reads.
    ///
    /// Read from the UTF-8 bytes: English month names, days and "and" are ASCII.
    public static func monthAndDay(_ text: some StringProtocol) -> (month: Int, day: Int)? {
        monthAndDay(utf8: Array(text.utf8)[...])
    }

    /// ``monthAndDay(_:)`` of text given as UTF-8.
    public static func monthAndDay(utf8 bytes: ArraySlice<UInt8>) -> (month: Int, day: Int)? {
        guard let words = words(bytes) else { return nil }
        var monthWord = bytes[words[0].range]
        if monthWord.last == UInt8(ascii: ".") { monthWord.removeLast() }
        // An English month written first is capitalised, as English writes it: "(Reuters, may 3)" is likelier the verb.
        guard let lead = monthWord.first, ASCIIBytes.isUppercase(lead), monthWord.count <= 9, monthWord.allSatisfy({ $0 < 0x80 }),
              let month = months[String(decoding: monthWord.map { ASCIIBytes.isUppercase($0) ? $0 | 0x20 : $0 }, as: UTF8.self)]
        else { return dayFirstDate(bytes, words).map { ($0.month, $0.day) } }
        guard let day = dayWord(bytes[words[1].range]), day.form == .plain else { return nil }
        // More days, after a comma or "and" ("February 1, 2 and 3"), then perhaps the year.
        let (index, connectors, days) = moreDays(bytes, words, from: 2)
        guard connectors.allSatisfy({ ASCIIBytes.isWord(bytes[words[$0].range], "and") }), days.allSatisfy({ $0.form == .plain }) else { return nil }
        let rest = words[index...]
        return rest.isEmpty || (rest.count == 1 && bytes[rest.first!.range].allSatisfy(ASCIIBytes.isDigit)) ? (month, day.day) : nil
    }

    /// The words of `bytes`, separated by spaces and commas; nil unless there are two to eight.
    ///
    /// "1, 2 и 3 сентября 2000 г." has seven. Each word is checked against a grammar, so the bound only
    /// stops long text early.
    private static func words(_ bytes: ArraySlice<UInt8>) -> [Word]? {
        var words: [Word] = []
        var start = bytes.startIndex
        var afterComma = false
        for index in bytes.startIndex...bytes.endIndex where index == bytes.endIndex || bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: ",") {
            if index > start {
                guard words.count < 8 else { return nil }
                words.append(Word(range: start..<index, afterComma: afterComma))
                afterComma = false
            }
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: ",") { afterComma = true }
            start = index + 1
        }
        return words.count >= 2 ? words : nil
    }

    /// One word of a written date and whether a comma came before it.
    private struct Word {
        let range: Range<Int>
        let afterComma: Bool
    }

    /// How a date writes a day: in digits alone ("3", "1-2"), with the ordinal dot German writes after each day
    /// ("3.", "3.–4.", "3./4."), or as French writes the first of a month ("1er", "1ᵉʳ").
    private enum DayForm { case plain, ordinalDot, premier }

    /// A day word: its first day, how it is written, and whether it names one day (no range).
    private struct DayWord {
        let day: Int
        let form: DayForm
        let isSingle: Bool
    }

    /// The index of the first word from `index` on that is not a further day, a day counting only after a
    /// comma ("1, 2") or a connector ("1 and 3", "1 и 3"), the positions of the connectors passed, and the days.
    private static func moreDays(_ bytes: ArraySlice<UInt8>, _ words: [Word], from index: Int) -> (Int, [Int], [DayWord]) {
        var index = index
        var connectors: [Int] = []
        var days: [DayWord] = []
        while index < words.count {
            if words[index].afterComma, let day = dayWord(bytes[words[index].range]) {
                days.append(day)
                index += 1
            } else if index + 1 < words.count, !words[index + 1].afterComma, let day = dayWord(bytes[words[index + 1].range]),
                      bytes[words[index].range].count <= 4, dayWord(bytes[words[index].range]) == nil {
                connectors.append(index)
                days.append(day)
                index += 2
            } else {
                break
            }
        }
        return (index, connectors, days)
    }

    /// A date written day first: perhaps a word before the day ("le"), days ("3", "1-2", "1 и 3", "3.", "1er"), perhaps
    /// an article ("de"), the month, then perhaps the year (after the article again, if the language has one) and its
    /// word ("г.", "года", "р.", "року"). The word before the day, the days' form, connectors, article and year word
    /// must be the month's language's.
    private static func dayFirstDate(_ bytes: ArraySlice<UInt8>, _ words: [Word]) -> DayFirstDate? {
        func text(_ position: Int) -> String { String(decoding: bytes[words[position].range], as: UTF8.self).lowercased() }
        // A word before the day, as French writes "le 3 mai 2000", and only one.
        let leadWord = dayWord(bytes[words[0].range]) == nil ? text(0) : nil
        let start = leadWord == nil ? 0 : 1
        guard start < words.count, let first = dayWord(bytes[words[start].range]) else { return nil }
        let (index, connectors, more) = moreDays(bytes, words, from: start + 1)
        let days = [first] + more
        let isSingleDay = index == start + 1 && first.isSingle
        language: for language in dayFirstLanguages {
            guard leadWord == nil || leadWord == language.leadWord, days.allSatisfy({ language.dayForms.contains($0.form) }) else { continue }
            var position = index
            if let article = language.article {
                guard position < words.count, text(position) == article else { continue }
                position += 1
            }
            guard position < words.count, let month = language.month(bytes[words[position].range]) else { continue }
            position += 1
            for connector in connectors where !language.connectors.contains(text(connector)) { continue language }
            // The year, after the article where the language has one; then perhaps the word for "year".
            var year: Int?
            let yearAt = language.article == nil ? position : position + 1
            if yearAt < words.count, language.article.map({ text(position) == $0 }) ?? true {
                let digits = bytes[words[yearAt].range]
                if digits.count <= 9, digits.allSatisfy(ASCIIBytes.isDigit) {
                    year = Int(String(decoding: digits, as: UTF8.self))
                    position = yearAt + 1
                    if position < words.count, language.yearWords.contains(text(position)) { position += 1 }
                }
            }
            guard position == words.count else { continue }
            return DayFirstDate(month: month, day: first.day, year: year, isSingleDay: isSingleDay)
        }
        return nil
    }

    /// A day word: "17", "1-2", "3–4" (an en dash, U+2013); German "3.", "3.–4.", "3./4."; French "1er" or "1ᵉʳ";
    /// nil for anything else.
    private static func dayWord(_ word: ArraySlice<UInt8>) -> DayWord? {
        let dayDigits = word.prefix(while: ASCIIBytes.isDigit)
        var day = 0
        for digit in dayDigits { day = min(day * 10 + Int(digit - UInt8(ascii: "0")), 32) }
        guard !dayDigits.isEmpty, (1...31).contains(day) else { return nil }
        var rest = word.dropFirst(dayDigits.count)
        if dayDigits.count == 1, day == 1, rest.elementsEqual("er".utf8) || rest.elementsEqual("\u{1D49}\u{02B3}".utf8) {
            return DayWord(day: 1, form: .premier, isSingle: true)
        }
        // A hyphen or an en dash between two days; German may also write a slash ("3./4. Mai").
        func separatorLength(_ bytes: ArraySlice<UInt8>, slash: Bool) -> Int? {
            if bytes.first == UInt8(ascii: "-") || (slash && bytes.first == UInt8(ascii: "/")) { return 1 }
            return bytes.starts(with: [0xE2, 0x80, 0x93]) ? 3 : nil
        }
        if rest.first == UInt8(ascii: ".") {
            // Each day with its dot: "3.", "3.–4.".
            rest = rest.dropFirst()
            let isSingle = rest.isEmpty
            while !rest.isEmpty {
                guard let length = separatorLength(rest, slash: true) else { return nil }
                let digits = rest.dropFirst(length).prefix(while: ASCIIBytes.isDigit)
                guard !digits.isEmpty, rest.dropFirst(length + digits.count).first == UInt8(ascii: ".") else { return nil }
                rest = rest.dropFirst(length + digits.count + 1)
            }
            return DayWord(day: day, form: .ordinalDot, isSingle: isSingle)
        }
        // After the day: digits, hyphens and en dashes only.
        let isSingle = rest.isEmpty
        while !rest.isEmpty {
            if let byte = rest.first, ASCIIBytes.isDigit(byte) {
                rest = rest.dropFirst()
            } else if let length = separatorLength(rest, slash: false) {
                rest = rest.dropFirst(length)
            } else {
                return nil
            }
        }
        return DayWord(day: day, form: .plain, isSingle: isSingle)
    }
}
