/// A calendar day as feeds write it: midnight UTC of a source's ISO 8601 date.
///
/// Sources give days, not instants, so every feed timestamp is `00:00:00Z` of that day. Nothing here reads the clock.
struct FeedDate: Sendable, Hashable, Comparable {
    /// The year, 1…9999.
    var year: Int
    /// The month, 1…12.
    var month: Int
    /// The day of the month.
    var day: Int

    /// The date feeds fall back to when no item has one: 2000-01-01, never the wall clock.
    static let epoch = FeedDate(year: 2000, month: 1, day: 1)

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`; nil for anything else, including days a month does not have.
    init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              year >= 1, (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// RFC 3339, as Atom and JSON Feed want it: `2026-01-12T00:00:00Z`.
    var rfc3339: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))T00:00:00Z"
    }

    /// RFC 822 with a four-digit year (RFC 1123), as RSS 2.0 wants it: `Mon, 12 Jan 2026 00:00:00 +0000`.
    var rfc822: String {
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(weekdays[weekday]), \(Self.pad(day, 2)) \(months[month - 1]) \(Self.pad(year, 4)) 00:00:00 +0000"
    }

    /// 0 for Sunday … 6 for Saturday.
    var weekday: Int {
        // 1970-01-01 was a Thursday.
        let value = (daysSinceUnixEpoch + 4) % 7
        return value < 0 ? value + 7 : value
    }

    /// Days from 1970-01-01 (Howard Hinnant's days_from_civil).
    var daysSinceUnixEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func < (lhs: FeedDate, rhs: FeedDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
