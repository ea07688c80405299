import Foundation

/// The OCF container: a ZIP whose first entry is `mimetype`, stored, followed by every other file,
/// deflated, in path order.
///
/// The bytes depend only on the entries: every entry gets the same fixed timestamp and permissions, and
/// ``ZIPWriter`` writes no extra fields and converts the timestamp by hand in UTC, so neither the clock
/// nor the time zone reaches the file.
struct EPUBContainer: Sendable {
    /// A file's content, as it is or deflated beforehand.
    enum Content {
        case bytes([UInt8])
        case deflated(ZIPWriter.DeflatedContent)
    }

    /// Files by path inside the container, `mimetype` excluded.
    private(set) var files: [String: Content] = [:]
    /// The timestamp of every entry (ZIP stores it in local-time-free DOS format, to two seconds).
    var modificationDate: Date

    /// The `mimetype` entry's content.
    static let mimetype = Array("application/epub+zip".utf8)

    /// `META-INF/container.xml`: where the package document is.
    static let containerXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">
          <rootfiles>
            <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>

        """

    /// Creates an empty container whose entries carry `modificationDate`.
    init(modificationDate: Date) {
        self.modificationDate = modificationDate
    }

    /// Adds (or replaces) a file.
    mutating func add(_ path: String, _ bytes: [UInt8]) {
        files[path] = .bytes(bytes)
    }

    /// Adds (or replaces) a file whose content was deflated beforehand.
    mutating func add(_ path: String, _ content: ZIPWriter.DeflatedContent) {
        files[path] = .deflated(content)
    }

    /// The ZIP bytes.
    func archive() throws -> [UInt8] {
        var zip = ZIPWriter(secondsSince1970: Int64(modificationDate.timeIntervalSince1970.rounded(.down)))
        try zip.add("mimetype", Self.mimetype, method: .stored)
        for (path, content) in files.sorted(by: { $0.key < $1.key }) {
            switch content {
            case .bytes(let bytes): try zip.add(path, bytes, method: .deflated)
            case .deflated(let deflated): try zip.add(path, deflated)
            }
        }
        return zip.finish()
    }

    /// `2000-02-02T00:00:00Z` (or any string starting with an ISO date) as that day's midnight UTC; nil
    /// when it does not start with a date. Computed by hand so no calendar or time zone is consulted.
    static func date(fromTimestamp timestamp: String) -> Date? {
        guard let day = ISODate(String(timestamp.prefix(10))) else { return nil }
        // Days from the civil date (Howard Hinnant's algorithm), proleptic Gregorian calendar.
        let year = day.month <= 2 ? day.year - 1 : day.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (day.month + (day.month > 2 ? -3 : 9)) + 2) / 5 + day.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days) * 86_400)
    }
}
