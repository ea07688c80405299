/// Dates as bulletins write them in citations and cross-references: "January 17", "Feb. 1-2",
/// "January 17, 2000", "February 1 and 3"; and day first: "3 May", "3-4 May 2000", in Russian "3 мая",
/// "1 и 2 апреля", "3 апреля 2000 г.", in Ukrainian "3 травня", "3 травня 2000 р.".
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

    /// A language whose dates are written day first: its month names, the words that join two days
    /// ("1 и 3 сентября") and the words that may follow the year ("2000 г.").
    private struct DayFirstLanguage {
        let months: [String: Int]
        let connectors: Set<String>
        let yearWords: Set<String>
    }

    private static let english = DayFirstLanguage(months: months, connectors: ["and"], yearWords: [])
    private static let russian = DayFirstLanguage(months: russianMonths, connectors: ["и"], yearWords: ["г.", "г", "года"])
    private static let ukrainian = DayFirstLanguage(
        months: ukrainianMonths, connectors: ["і", "й", "та"], yearWords: ["р.", "р", "року"])

    /// The month (1–12) a Russian or Ukrainian month name names, in its genitive as dates use it ("мая",
    /// "травня") or its nominative ("май", "травень"), in any case; nil for any other word.
    public static func cyrillicMonth(_ word: some StringProtocol) -> Int? {
        cyrillicMonth(utf8: Array(word.utf8)[...]).map(\.month)
    }

    /// Whether `word` may follow a year in a Russian or Ukrainian date: "г.", "года", "р.", "року".
    public static func isYearWord(_ word: some StringProtocol) -> Bool {
        let word = String(word)
        return russian.yearWords.contains(word) || ukrainian.yearWords.contains(word)
    }

    private static func cyrillicMonth(utf8 word: ArraySlice<UInt8>) -> (month: Int, language: DayFirstLanguage)? {
        // Every name is three to nine Cyrillic letters, two bytes each, led by 0xD0 or 0xD1.
        guard (6...18).contains(word.count), let lead = word.first, lead == 0xD0 || lead == 0xD1 else { return nil }
        let name = String(decoding: word, as: UTF8.self).lowercased()
        if let month = russianMonths[name] { return (month, russian) }
        if let month = ukrainianMonths[name] { return (month, ukrainian) }
        return nil
    }

    /// The month (1–12) and first day of a date like "January 17", when it is one: "February 1",
    /// "Feb. 1-2", "January 17, 2000", "February 1 and 3"; or day first, in English ("3 May", "3-4 May",
    /// "3 May 2000", the month capitalised), Russian ("3 мая", "1 и 3 сентября", "3 мая 2000 г.",
    /// "30 июня 1996 года") or Ukrainian ("3 травня", "1 і 2 квітня", "3 травня 2000 р.").
    ///
    /// Read from the UTF-8 bytes: English month names, days and "and" are ASCII, so a word holding
    /// anything else is only looked up among the Russian and Ukrainian names.
    public static func monthAndDay(_ text: some StringProtocol) -> (month: Int, day: Int)? {
        monthAndDay(utf8: Array(text.utf8)[...])
    }

    /// ``monthAndDay(_:)`` of text given as UTF-8.
    public static func monthAndDay(utf8 bytes: ArraySlice<UInt8>) -> (month: Int, day: Int)? {
        // Words are separated by spaces and commas; a date has two to eight ("1, 2 и 3 сентября 2000 г." has
        // seven). Each word is checked against the grammar below, so the bound only stops long text early.
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
        guard words.count >= 2 else { return nil }
        var monthWord = bytes[words[0].range]
        if monthWord.last == UInt8(ascii: ".") { monthWord.removeLast() }
        guard monthWord.count <= 9, monthWord.allSatisfy({ $0 < 0x80 }),
              let month = months[String(decoding: monthWord.map { ASCIIBytes.isUppercase($0) ? $0 | 0x20 : $0 }, as: UTF8.self)]
        else { return dayFirstMonthAndDay(bytes, words) }
        guard let day = day(bytes[words[1].range]) else { return nil }
        // More days, after a comma or "and" ("February 1, 2 and 3"), then perhaps the year.
        let (index, connectors) = moreDays(bytes, words, from: 2)
        guard connectors.allSatisfy({ ASCIIBytes.isWord(bytes[$0], "and") }) else { return nil }
        let rest = words[index...]
        return rest.isEmpty || (rest.count == 1 && bytes[rest.first!.range].allSatisfy(ASCIIBytes.isDigit)) ? (month, day) : nil
    }

    /// One word of a written date and whether a comma came before it.
    private struct Word {
        let range: Range<Int>
        let afterComma: Bool
    }

    /// The index of the first word from `index` on that is not a further day, a day counting only after a
    /// comma ("1, 2") or a connector ("1 and 3", "1 и 3"), and the ranges of the connectors passed.
    private static func moreDays(_ bytes: ArraySlice<UInt8>, _ words: [Word], from index: Int) -> (Int, [Range<Int>]) {
        var index = index
        var connectors: [Range<Int>] = []
        while index < words.count {
            if words[index].afterComma, day(bytes[words[index].range]) != nil {
                index += 1
            } else if index + 1 < words.count, !words[index + 1].afterComma, day(bytes[words[index + 1].range]) != nil,
                      bytes[words[index].range].count <= 4, day(bytes[words[index].range]) == nil {
                connectors.append(words[index].range)
                index += 2
            } else {
                break
            }
        }
        return (index, connectors)
    }

    /// A date written day first: days ("3", "1-2", "1 и 3"), the month, then perhaps the year and, in Russian
    /// or Ukrainian, its word ("г.", "года", "р.", "року"). An English month must be capitalised, so that
    /// "(of the 12, 3 may)" stays text.
    private static func dayFirstMonthAndDay(_ bytes: ArraySlice<UInt8>, _ words: [Word]) -> (month: Int, day: Int)? {
        guard let first = day(bytes[words[0].range]) else { return nil }
        let (index, connectors) = moreDays(bytes, words, from: 1)
        guard index < words.count else { return nil }
        var monthWord = bytes[words[index].range]
        let month: Int
        let language: DayFirstLanguage
        if let lead = monthWord.first, ASCIIBytes.isUppercase(lead) {
            if monthWord.last == UInt8(ascii: ".") { monthWord.removeLast() }
            guard monthWord.count <= 9, monthWord.allSatisfy({ $0 < 0x80 }),
                  let english = months[String(decoding: monthWord.map { ASCIIBytes.isUppercase($0) ? $0 | 0x20 : $0 }, as: UTF8.self)]
            else { return nil }
            (month, language) = (english, Self.english)
        } else if let cyrillic = cyrillicMonth(utf8: monthWord) {
            (month, language) = cyrillic
        } else {
            return nil
        }
        // "1 and 3 мая" mixes languages: each connector must be the month's language's.
        for connector in connectors where !language.connectors.contains(String(decoding: bytes[connector], as: UTF8.self).lowercased()) {
            return nil
        }
        var rest = words[(index + 1)...]
        if let year = rest.first, bytes[year.range].allSatisfy(ASCIIBytes.isDigit) { rest = rest.dropFirst() }
        if let word = rest.first, language.yearWords.contains(String(decoding: bytes[word.range], as: UTF8.self).lowercased()) { rest = rest.dropFirst() }
        return rest.isEmpty ? (month, first) : nil
    }

    /// The first day of a day word: "17", "1-2", "3–4" (an en dash, U+2013); nil for anything else.
    private static func day(_ word: ArraySlice<UInt8>) -> Int? {
        let dayDigits = word.prefix(while: ASCIIBytes.isDigit)
        var day = 0
        for digit in dayDigits { day = min(day * 10 + Int(digit - UInt8(ascii: "0")), 32) }
        guard !dayDigits.isEmpty, (1...31).contains(day) else { return nil }
        // After the day: digits, hyphens and en dashes only.
        var rest = word.dropFirst(dayDigits.count)
        while let byte = rest.first {
            if ASCIIBytes.isDigit(byte) || byte == UInt8(ascii: "-") {
                rest = rest.dropFirst()
            } else if rest.starts(with: [0xE2, 0x80, 0x93]) {
                rest = rest.dropFirst(3)
            } else {
                return nil
            }
        }
        return day
    }
}
