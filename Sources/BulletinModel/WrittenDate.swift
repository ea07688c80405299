/// Dates as bulletins write them in citations and cross-references: "January 17", "Feb. 1-2",
/// "January 17, 2000", "February 1 and 3"; and, day first, in Russian: "3 мая", "1 и 2 апреля",
/// "3 апреля 2000 г.".
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

    /// The month (1–12) a Russian month name names, in its genitive as dates use it ("мая") or its
    /// nominative ("май"), in any case; nil for any other word.
    public static func russianMonth(_ word: some StringProtocol) -> Int? {
        russianMonth(utf8: Array(word.utf8)[...])
    }

    private static func russianMonth(utf8 word: ArraySlice<UInt8>) -> Int? {
        // Every name is four to eight Cyrillic letters, two bytes each, led by 0xD0 or 0xD1.
        guard (6...16).contains(word.count), let lead = word.first, lead == 0xD0 || lead == 0xD1 else { return nil }
        return russianMonths[String(decoding: word, as: UTF8.self).lowercased()]
    }

    /// The month (1–12) and first day of a date like "January 17", when it is one: "February 1",
    /// "Feb. 1-2", "January 17, 2000", "February 1 and 3"; or like "3 мая", day first: "1-2 февраля",
    /// "1 и 3 сентября", "3 мая 2000 г.", "30 июня 1996 года".
    ///
    /// Read from the UTF-8 bytes: English month names, days and "and" are ASCII, so a word holding
    /// anything else is only looked up among the Russian names.
    public static func monthAndDay(_ text: some StringProtocol) -> (month: Int, day: Int)? {
        monthAndDay(utf8: Array(text.utf8)[...])
    }

    /// ``monthAndDay(_:)`` of text given as UTF-8.
    public static func monthAndDay(utf8 bytes: ArraySlice<UInt8>) -> (month: Int, day: Int)? {
        // Words are separated by spaces and commas; a date has two to five.
        var words: [Range<Int>] = []
        var start = bytes.startIndex
        for index in bytes.startIndex...bytes.endIndex where index == bytes.endIndex || bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: ",") {
            if index > start {
                guard words.count < 5 else { return nil }
                words.append(start..<index)
            }
            start = index + 1
        }
        guard words.count >= 2 else { return nil }
        var monthWord = bytes[words[0]]
        if monthWord.last == UInt8(ascii: ".") { monthWord.removeLast() }
        guard monthWord.count <= 9, monthWord.allSatisfy({ $0 < 0x80 }),
              let month = months[String(decoding: monthWord.map { ASCIIBytes.isUppercase($0) ? $0 | 0x20 : $0 }, as: UTF8.self)]
        else { return russianMonthAndDay(bytes, words) }
        guard let day = day(bytes[words[1]]) else { return nil }
        for range in words.dropFirst(2) {
            let word = bytes[range]
            guard ASCIIBytes.isWord(word, "and") || word.allSatisfy({ ASCIIBytes.isDigit($0) || $0 == UInt8(ascii: "-") }) else { return nil }
        }
        return (month, day)
    }

    /// A Russian date, day first: days ("3", "1-2", "1 и 3"), the month, then perhaps the year and "г." or "года".
    private static func russianMonthAndDay(_ bytes: ArraySlice<UInt8>, _ words: [Range<Int>]) -> (month: Int, day: Int)? {
        guard let first = day(bytes[words[0]]) else { return nil }
        var index = 1
        // "1 и 3 сентября": "и" (0xD0 0xB8) and another day.
        while index + 1 < words.count, bytes[words[index]].elementsEqual([0xD0, 0xB8]), day(bytes[words[index + 1]]) != nil {
            index += 2
        }
        guard index < words.count, let month = russianMonth(utf8: bytes[words[index]]) else { return nil }
        var rest = words[(index + 1)...]
        if let year = rest.first, bytes[year].allSatisfy(ASCIIBytes.isDigit) { rest = rest.dropFirst() }
        // The year's word: "г." (0xD0 0xB3, a dot) or "года".
        if let word = rest.first, ["г.", "г", "года"].contains(String(decoding: bytes[word], as: UTF8.self)) { rest = rest.dropFirst() }
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
