import BulletinModel

/// Reads the dates editors write into ISO 8601 calendar dates.
public enum DateParser {
    private static let monthNames = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    /// `2000-02-02`, `February 2, 2000`, `2 February 2000`, `2 февраля 2000` (a Russian or Ukrainian month's genitive
    /// or nominative, perhaps with `г.` or `р.` after the year), `2 février 2000`, `le 2 février 2000`, `2 de febrero de 2000`,
    /// `2. Februar 2000` (a day-first date ``WrittenDate/dayFirstDate(_:)`` reads) → `2000-02-02`; nil when not a real date. An
    /// ISO 8601 date and time (`2000-02-02T10:30:00Z`, `2000-02-02 10:30+03:00`, as content systems export
    /// them) gives its date as written: the day the writer's clock showed.
    public static func isoDate(from text: String) -> String? {
        let trimmed = text.trimmingSpaces
        // Only a value with a time is matched against the pattern: every archive's dates pass through here.
        if trimmed.contains(":") {
            guard let match = trimmed.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?/),
                  let hour = Int(match.output.4), let minute = Int(match.output.5), hour < 24, minute < 60,
                  (match.output.6.flatMap { Int($0) } ?? 0) < 61 else { return nil }
            return format(year: Int(match.output.1)!, month: Int(match.output.2)!, day: Int(match.output.3)!)
        }
        // Every part in digits: "-0044-03-15" and "2000--02--02" are no dates, nor is a day of "+5".
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, let year = digits(parts[0]), let month = digits(parts[1]), let day = digits(parts[2]) {
            return format(year: year, month: month, day: day)
        }
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "," }).map { $0.lowercased() }
        if words.count == 3, let month = month(words[0]), let day = digits(words[1]), let year = digits(words[2]) {
            return format(year: year, month: month, day: day)
        }
        if words.count == 3, let day = digits(words[0]), let month = month(words[1]), let year = digits(words[2]) {
            return format(year: year, month: month, day: day)
        }
        // "2 февраля 2000 г.", "2 лютого 2000 р.", "2 février 2000", "2 de febrero de 2000": one day, a year.
        if let date = WrittenDate.dayFirstDate(trimmed), date.isSingleDay, let year = date.year {
            return format(year: year, month: date.month, day: date.day)
        }
        return nil
    }

    /// The number `text` writes in ASCII digits alone, no sign; nil for anything else.
    private static func digits(_ text: some StringProtocol) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 9, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }

    private static func month(_ word: String) -> Int? {
        let stem = word.hasSuffix(".") ? String(word.dropLast()) : word
        guard stem.count >= 3 else { return nil }
        return monthNames.firstIndex { $0.hasPrefix(stem) }.map { $0 + 1 }
    }

    private static func format(year: Int, month: Int, day: Int) -> String? {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
