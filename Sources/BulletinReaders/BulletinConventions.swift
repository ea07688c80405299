import BulletinModel

/// Finds the bulletin conventions inside running text: source attributions and cross-references.
///
/// `(Russian agencies, February 1)` is a citation; `(see the Monitor, January 17)` is a cross-reference.
/// Any other parenthetical stays text. The original text is kept in the node.
///
/// Parentheticals are read as UTF-8 bytes, so white space, commas and semicolons are scalars: a combining
/// mark after a space is a character of its own, not part of the space, as it would be read character by
/// character.
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
    /// (every citation and cross-reference names a day) are examined further, still as bytes.
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
            if mayBeConvention, let node = node(for: inner, original: string(open..<(close + 1))) {
                if open > pendingStart { result.append(.text(string(pendingStart..<open))) }
                result.append(node)
                pendingStart = close + 1
            }
            searchFrom = close + 1
        }
        if pendingStart < bytes.count { result.append(.text(string(pendingStart..<bytes.count))) }
        return result
    }

    /// The citation or cross-reference a parenthetical's inside (its UTF-8) holds, if any.
    private static func node(for inner: ArraySlice<UInt8>, original: String) -> Inline? {
        let trimmed = UTF8Whitespace.trimming(inner)
        if let reference = crossReference(trimmed, original: original) { return .crossReference(reference) }
        var sources: [CitationSource] = []
        for part in trimmed.split(separator: UInt8(ascii: ";")) {
            guard let source = citationSource(UTF8Whitespace.trimming(part)) else { return nil }
            sources.append(source)
        }
        return sources.isEmpty ? nil : .citation(Citation(text: original, sources: sources))
    }

    /// A cross-reference, "see the Monitor, January 17", from the UTF-8 of a parenthetical's trimmed inside.
    private static func crossReference(_ inner: ArraySlice<UInt8>, original: String) -> CrossReference? {
        // Most parentheticals are citations: only one opening with "see" is taken apart into words.
        guard inner.count > 3, isWord(inner.prefix(3), "see") else { return nil }
        var words = inner.split(separator: UInt8(ascii: " "))[...]
        guard let first = words.first, isWord(first, "see") else { return nil }
        words = words.dropFirst()
        if let word = words.first, isWord(word, "also") { words = words.dropFirst() }
        if let word = words.first, isWord(word, "the") { words = words.dropFirst() }
        let remainder = Array(words.joined(separator: [UInt8(ascii: " ")]))[...]
        guard let comma = remainder.firstIndex(of: UInt8(ascii: ",")) else { return nil }
        let publication = UTF8Whitespace.trimming(remainder[..<comma])
        let date = UTF8Whitespace.trimming(remainder[(comma + 1)...])
        guard let lead = publication.first, monthAndDay(utf8: date) != nil else { return nil }
        let name = String(decoding: publication, as: UTF8.self)
        // At most 60 characters (fewer bytes than that are fewer characters), starting with a capital letter.
        guard publication.count <= 60 || name.count <= 60,
              lead < 0x80 ? isUppercase(lead) : name.first!.isUppercase else { return nil }
        return CrossReference(text: original, publication: name, date: String(decoding: date, as: UTF8.self))
    }

    /// Whether `word` is `lowercase` (ASCII letters) in any case.
    private static func isWord(_ word: ArraySlice<UInt8>, _ lowercase: StaticString) -> Bool {
        lowercase.withUTF8Buffer { letters in
            word.count == letters.count && zip(word, letters).allSatisfy { $0 | 0x20 == $1 }
        }
    }

    /// A source and its date, "Interfax, February 1", from the UTF-8 of one part of a citation.
    private static func citationSource(_ part: ArraySlice<UInt8>) -> CitationSource? {
        guard let comma = part.lastIndex(of: UInt8(ascii: ",")), comma > part.startIndex else { return nil }
        var name = UTF8Whitespace.trimming(part[..<comma])
        var date = UTF8Whitespace.trimming(part[(comma + 1)...])
        // "Reuters, February 1, 2000": the year belongs to the date.
        if date.count == 4, date.allSatisfy(isDigit), let earlier = name.lastIndex(of: UInt8(ascii: ",")) {
            date = UTF8Whitespace.trimming(part[(earlier + 1)...])
            name = UTF8Whitespace.trimming(part[..<earlier])
        }
        guard !name.isEmpty, monthAndDay(utf8: date) != nil else { return nil }
        let nameText = String(decoding: name, as: UTF8.self)
        // At most 80 characters: fewer bytes than that are fewer characters.
        guard name.count <= 80 || nameText.count <= 80 else { return nil }
        return CitationSource(name: nameText, date: String(decoding: date, as: UTF8.self))
    }

    /// The month (1–12) and first day of a date like "January 17", when it is one: "February 1",
    /// "Feb. 1-2", "January 17, 2000", "February 1 and 3".
    ///
    /// Read from the UTF-8 bytes: every month name, day and "and" is ASCII, so a word holding anything
    /// else can only make the text no date.
    public static func monthAndDay(_ text: some StringProtocol) -> (month: Int, day: Int)? {
        monthAndDay(utf8: Array(text.utf8)[...])
    }

    private static func monthAndDay(utf8 bytes: ArraySlice<UInt8>) -> (month: Int, day: Int)? {
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
              let month = months[String(decoding: monthWord.map { isUppercase($0) ? $0 | 0x20 : $0 }, as: UTF8.self)] else { return nil }
        let dayWord = bytes[words[1]]
        let dayDigits = dayWord.prefix(while: isDigit)
        var day = 0
        for digit in dayDigits { day = min(day * 10 + Int(digit - UInt8(ascii: "0")), 32) }
        guard !dayDigits.isEmpty, (1...31).contains(day) else { return nil }
        // After the day: digits, hyphens and en dashes (U+2013) only.
        var rest = dayWord.dropFirst(dayDigits.count)
        while let byte = rest.first {
            if isDigit(byte) || byte == UInt8(ascii: "-") {
                rest = rest.dropFirst()
            } else if rest.starts(with: [0xE2, 0x80, 0x93]) {
                rest = rest.dropFirst(3)
            } else {
                return nil
            }
        }
        for range in words.dropFirst(2) {
            let word = bytes[range]
            guard isWord(word, "and") || word.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "-") }) else { return nil }
        }
        return (month, day)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isUppercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
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
