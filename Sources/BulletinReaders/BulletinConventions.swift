import BulletinModel

/// Finds the bulletin conventions inside running text: source attributions and cross-references.
///
/// `(Russian agencies, February 1)` is a citation; `(see the Monitor, January 17)` is a cross-reference.
/// Any other parenthetical stays text. The original text is kept in the node.
public enum BulletinConventions {
    private static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    ]

    /// Splits `text` into text, citation and cross-reference inlines.
    ///
    /// Parentheses are found on UTF-8 bytes; only the few parentheticals that hold a digit and a comma
    /// (every citation and cross-reference names a day) are examined as text.
    public static func inlines(in text: String) -> [Inline] {
        let bytes = Array(text.utf8)
        var result: [Inline] = []
        var pendingStart = 0
        var searchFrom = 0
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        while let open = bytes[searchFrom...].firstIndex(of: UInt8(ascii: "(")) {
            guard let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: ")")) else { break }
            if let innerOpen = bytes[(open + 1)..<close].lastIndex(of: UInt8(ascii: "(")) {
                // Nested or unbalanced: look again from the innermost opening parenthesis.
                searchFrom = innerOpen
                continue
            }
            let inner = bytes[(open + 1)..<close]
            let mayBeConvention = inner.contains(UInt8(ascii: ",")) && inner.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            if mayBeConvention, let node = node(for: Substring(string((open + 1)..<close)), original: string(open..<(close + 1))) {
                if open > pendingStart { result.append(.text(string(pendingStart..<open))) }
                result.append(node)
                pendingStart = close + 1
            }
            searchFrom = close + 1
        }
        if pendingStart < bytes.count { result.append(.text(string(pendingStart..<bytes.count))) }
        return result
    }

    private static func node(for inner: Substring, original: String) -> Inline? {
        let trimmed = inner.trimmingSpaces
        if let reference = crossReference(trimmed, original: original) { return .crossReference(reference) }
        var sources: [CitationSource] = []
        for part in trimmed.split(separator: ";") {
            guard let source = citationSource(part.trimmingSpaces) else { return nil }
            sources.append(source)
        }
        return sources.isEmpty ? nil : .citation(Citation(text: original, sources: sources))
    }

    private static func crossReference(_ inner: Substring, original: String) -> CrossReference? {
        // Most parentheses are citations: only one opening with "see" is taken apart into words.
        guard inner.utf8.count > 3, inner.utf8.prefix(3).map({ $0 | 0x20 }) == Array("see".utf8) else { return nil }
        var words = inner.split(separator: " ", omittingEmptySubsequences: true)[...]
        guard let first = words.first, first.lowercased() == "see" else { return nil }
        words = words.dropFirst()
        if words.first?.lowercased() == "also" { words = words.dropFirst() }
        if words.first?.lowercased() == "the" { words = words.dropFirst() }
        let remainder = words.joined(separator: " ")
        guard let comma = remainder.firstIndex(of: ",") else { return nil }
        let publication = remainder[..<comma].trimmingSpaces
        let date = remainder[remainder.index(after: comma)...].trimmingSpaces
        guard !publication.isEmpty, publication.count <= 60, publication.first!.isUppercase, isDate(date) else { return nil }
        return CrossReference(text: original, publication: String(publication), date: String(date))
    }

    private static func citationSource(_ part: Substring) -> CitationSource? {
        guard let comma = part.lastIndex(of: ","), !part[..<comma].isEmpty else { return nil }
        var name = part[..<comma].trimmingSpaces
        var date = part[part.index(after: comma)...].trimmingSpaces
        // "Reuters, February 1, 2000": the year belongs to the date.
        if date.allSatisfy(\.isNumber), date.count == 4, let earlier = name.lastIndex(of: ",") {
            date = part[part.index(after: earlier)...].trimmingSpaces
            name = part[..<earlier].trimmingSpaces
        }
        guard !name.isEmpty, name.count <= 80, isDate(date) else { return nil }
        return CitationSource(name: String(name), date: String(date))
    }

    /// "February 1", "Feb. 1-2", "January 17, 2000", "February 1 and 3".
    static func isDate(_ text: Substring) -> Bool {
        monthAndDay(text) != nil
    }

    /// The month (1–12) and first day of a date like "January 17", when it is one.
    public static func monthAndDay(_ text: some StringProtocol) -> (month: Int, day: Int)? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { $0.lowercased() }
        guard words.count >= 2, words.count <= 5 else { return nil }
        var monthWord = words[0]
        if monthWord.hasSuffix(".") { monthWord.removeLast() }
        guard let month = months[monthWord] else { return nil }
        let dayDigits = words[1].prefix { $0.isASCII && $0.isNumber }
        guard let day = Int(dayDigits), (1...31).contains(day) else { return nil }
        let allowed = words[1].dropFirst(dayDigits.count).allSatisfy { "-–0123456789".contains($0) }
        guard allowed else { return nil }
        for word in words.dropFirst(2) where !(word == "and" || word.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") })) {
            return nil
        }
        return (month, day)
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace.
    var trimmingSpaces: SubSequence {
        // Most text is trimmed already. Text that starts and ends with ASCII other than white space has
        // nothing to trim: a character is white space by its first scalar, and the only character holding
        // white space and ending in an ASCII byte is CR LF, itself white space.
        let trimmed = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count > 0 && Self.isASCIIText(bytes[0]) && Self.isASCIIText(bytes[bytes.count - 1])
        }
        if trimmed == true { return self[startIndex..<endIndex] }
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[start..<end]
    }

    /// An ASCII byte that is not white space.
    private static func isASCIIText(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
    }
}
