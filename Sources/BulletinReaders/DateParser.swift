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
    ///
    /// A weekday may open the date, in any language Bulletin reads dates in ("Wednesday, May 3, 2000",
    /// "Mittwoch, 3. Mai 2000"), and a time of day may follow it as mail and feeds write dates
    /// ("Wed, 03 May 2000 10:00:00 +0000", RFC 5322): the weekday must be the date's (see
    /// ``weekdayConflict(in:)``), and the date is the one written, whatever the time zone.
    public static func isoDate(from text: String) -> String? {
        let trimmed = String(text.trimmingSpaces)
        guard let (weekday, rest) = leadingWeekday(trimmed) else { return calendarDate(from: trimmed) }
        guard let date = calendarDate(from: rest), Self.weekday(of: date) == weekday else { return nil }
        return date
    }

    /// The date `text` writes, read without its weekday, when it opens with a weekday that is not that date's
    /// ("Wednesday, May 4, 2000", a Thursday), with the weekday written and the date's own, in English; nil otherwise.
    public static func weekdayConflict(in text: String) -> (written: String, date: String, actual: String)? {
        guard let (weekday, rest) = leadingWeekday(String(text.trimmingSpaces)), let date = calendarDate(from: rest) else { return nil }
        let actual = Self.weekday(of: date)
        guard actual != weekday else { return nil }
        return (String(text.trimmingSpaces.prefix { $0 != "," && $0 != " " }), date, englishWeekdays[actual - 1])
    }

    private static func calendarDate(from trimmed: String) -> String? {
        // Only a value with a time is matched against the patterns: every archive's dates pass through here.
        if trimmed.contains(":") {
            if let match = trimmed.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?/) {
                guard let hour = Int(match.output.4), let minute = Int(match.output.5), hour < 24, minute < 60,
                      (match.output.6.flatMap { Int($0) } ?? 0) < 61 else { return nil }
                return format(year: Int(match.output.1)!, month: Int(match.output.2)!, day: Int(match.output.3)!)
            }
            // A date, then the time of day as mail and feeds write it: "03 May 2000 10:00:00 +0000", "… 10:00 GMT".
            guard let match = trimmed.wholeMatch(of: /(.*[^ :])  *(\d{1,2}):(\d{2})(?::(\d{2}))?(?: *(?:[+-]\d{4}|[A-Za-z]{1,5}))?/),
                  let hour = Int(match.output.2), let minute = Int(match.output.3), hour < 24, minute < 60,
                  (match.output.4.flatMap { Int($0) } ?? 0) < 61, !match.output.1.contains(":") else { return nil }
            return calendarDate(from: String(match.output.1))
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

    /// Weekdays as the languages Bulletin reads dates in write them, in lower case, to their number
    /// (1 Monday … 7 Sunday); an abbreviation's dot is dropped before looking.
    private static let weekdays: [String: Int] = {
        var weekdays: [String: Int] = [:]
        let names: [[String]] = [
            ["monday", "mon"], ["tuesday", "tue", "tues"], ["wednesday", "wed"], ["thursday", "thu", "thur", "thurs"],
            ["friday", "fri"], ["saturday", "sat"], ["sunday", "sun"],
        ]
        let languages: [[String]] = [
            ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"],
            ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
            ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
            ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
            ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
            ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
            ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"],
            ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"],
            ["понеділок", "вівторок", "середа", "четвер", "п'ятниця", "субота", "неділя"],
        ]
        for (index, forms) in names.enumerated() { for form in forms { weekdays[form] = index + 1 } }
        for language in languages { for (index, name) in language.enumerated() { weekdays[name] = index + 1 } }
        weekdays["sonnabend"] = 6
        weekdays["пʼятниця"] = 5
        weekdays["п’ятниця"] = 5
        return weekdays
    }()

    private static let englishWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The weekday (1 Monday … 7 Sunday) that opens `text`, before a comma or a space, and the rest of `text`.
    private static func leadingWeekday(_ text: String) -> (Int, String)? {
        guard let end = text.firstIndex(where: { $0 == "," || $0 == " " }) else { return nil }
        var word = text[..<end].lowercased()
        if word.hasSuffix(".") { word.removeLast() }
        guard let weekday = weekdays[word] else { return nil }
        let rest = text[end...].drop { $0 == "," || $0 == " " }
        return rest.isEmpty ? nil : (weekday, String(rest))
    }

    /// The weekday (1 Monday … 7 Sunday) of the ISO 8601 calendar date `date`, in the proleptic Gregorian
    /// calendar (Tomohiko Sakamoto's method: January and February counted in the year before).
    private static func weekday(of date: String) -> Int {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let year = parts[1] < 3 ? parts[0] - 1 : parts[0]
        let sunday0 = (year + year / 4 - year / 100 + year / 400 + offsets[parts[1] - 1] + parts[2]) % 7
        return (sunday0 + 6) % 7 + 1
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
