/// Dates as bulletins write them in citations and cross-references: "January 17", "Feb. 1-2",
/// "January 17, 2000", "February 1 and 3".
public enum WrittenDate {
    private static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    ]

    /// The month (1–12) and first day of a date like "January 17", when it is one: "February 1",
    /// "Feb. 1-2", "January 17, 2000", "February 1 and 3".
    ///
    /// Read from the UTF-8 bytes: every month name, day and "and" is ASCII, so a word holding anything
    /// else can only make the text no date.
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
              let month = months[String(decoding: monthWord.map { ASCIIBytes.isUppercase($0) ? $0 | 0x20 : $0 }, as: UTF8.self)] else { return nil }
        let dayWord = bytes[words[1]]
        let dayDigits = dayWord.prefix(while: ASCIIBytes.isDigit)
        var day = 0
        for digit in dayDigits { day = min(day * 10 + Int(digit - UInt8(ascii: "0")), 32) }
        guard !dayDigits.isEmpty, (1...31).contains(day) else { return nil }
        // After the day: digits, hyphens and en dashes (U+2013) only.
        var rest = dayWord.dropFirst(dayDigits.count)
        while let byte = rest.first {
            if ASCIIBytes.isDigit(byte) || byte == UInt8(ascii: "-") {
                rest = rest.dropFirst()
            } else if rest.starts(with: [0xE2, 0x80, 0x93]) {
                rest = rest.dropFirst(3)
            } else {
                return nil
            }
        }
        for range in words.dropFirst(2) {
            let word = bytes[range]
            guard ASCIIBytes.isWord(word, "and") || word.allSatisfy({ ASCIIBytes.isDigit($0) || $0 == UInt8(ascii: "-") }) else { return nil }
        }
        return (month, day)
    }
}
