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
    /// Splits `text` into text, citation and cross-reference inlines.
    ///
    /// Parentheses are found on UTF-8 bytes; only the few parentheticals that hold a digit and a comma
    /// (every citation and cross-reference names a day) are examined further, still as bytes.
    public static func inlines(in text: String) -> [Inline] {
        let bytes = Array(text.utf8)
        var result: [Inline] = []
        var pendingStart = 0
        var searchFrom = 0
        // Cut from the string itself, not decoded from its bytes again: a cut falls beside a parenthesis or
        // a node, never inside a character, and the string's UTF-8 is known valid.
        func string(_ range: Range<Int>) -> String {
            let utf8 = text.utf8
            return String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]))
        }
        while let (open, close) = bytes.withUnsafeBufferPointer({ innermostParentheses(in: $0, from: searchFrom) }) {
            let inner = bytes[(open + 1)..<close]
            let mayBeConvention = inner.contains(UInt8(ascii: ",")) && inner.contains(where: ASCIIBytes.isDigit)
            if mayBeConvention, let nodes = nodes(in: bytes, open: open, close: close) {
                // The text between the nodes (a parenthesis, a semicolon) stays text.
                for (range, node) in nodes {
                    if range.lowerBound > pendingStart { result.append(.text(string(pendingStart..<range.lowerBound))) }
                    result.append(node)
                    pendingStart = range.upperBound
                }
            }
            searchFrom = close + 1
        }
        // A paragraph without a citation or cross-reference, most of them, is its own string.
        if pendingStart == 0 { return bytes.isEmpty ? [] : [.text(text)] }
        if pendingStart < bytes.count { result.append(.text(string(pendingStart..<bytes.count))) }
        return result
    }

    /// The next closing parenthesis at or after `start` that follows an opening one, and the last opening
    /// one before it: nested or unbalanced parentheses are read from the innermost.
    private static func innermostParentheses(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (open: Int, close: Int)? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        var open: Int?
        var index = start
        while index < bytes.count {
            // Eight bytes at once while none is a parenthesis, most of a text: `(` and `)` differ from each
            // other in the lowest bit only, and a byte that is either becomes zero, which borrows into its high bit.
            if index + 8 <= bytes.count {
                let either = (UTF8Scalar.word(bytes, at: index) ^ (0x28 &* ones)) & (0xFE &* ones)
                if (either &- ones) & ~either & UTF8Scalar.highBits == 0 {
                    index += 8
                    continue
                }
            }
            switch bytes[index] {
            case UInt8(ascii: "("): open = index
            case UInt8(ascii: ")"): if let open { return (open, index) }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The citations and cross-references the parenthetical from `open` to `close` holds, with the
    /// bytes each stands for; nil when it is neither.
    ///
    /// A parenthetical that is one citation or one cross-reference is one node, parentheses and all. One
    /// whose parts (parted by `;`) name several issues, or sources and then issues ("(Interfax, January 31;
    /// see the Monitor, January 12)"), is a node a part (sources in a row making one citation), the
    /// parentheses and semicolons staying text around them. Once a part says "see", the parts after it are
    /// issues too ("(see the Monitor, January 12; Prism, January 16)").
    private static func nodes(in bytes: [UInt8], open: Int, close: Int) -> [(Range<Int>, Inline)]? {
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        let trimmed = UTF8Whitespace.trimming(bytes[(open + 1)..<close])
        if let reference = crossReference(trimmed, original: string(open..<(close + 1)), saysSee: true) {
            return [(open..<(close + 1), .crossReference(reference))]
        }
        var parts: [(range: Range<Int>, source: CitationSource?, reference: CrossReference?)] = []
        var seeing = false
        for part in trimmed.split(separator: UInt8(ascii: ";")) {
            let part = UTF8Whitespace.trimming(part)
            let range = part.startIndex..<part.endIndex
            if let reference = crossReference(part, original: string(range), saysSee: !seeing) {
                seeing = true
                parts.append((range, nil, reference))
            } else if !seeing, let source = citationSource(part) {
                parts.append((range, source, nil))
            } else {
                return nil
            }
        }
        guard !parts.isEmpty else { return nil }
        guard seeing else {
            return [(open..<(close + 1), .citation(Citation(text: string(open..<(close + 1)), sources: parts.compactMap(\.source))))]
        }
        var nodes: [(Range<Int>, Inline)] = []
        var index = 0
        while index < parts.count {
            if let reference = parts[index].reference {
                nodes.append((parts[index].range, .crossReference(reference)))
                index += 1
                continue
            }
            var end = index
            while end + 1 < parts.count, parts[end + 1].source != nil { end += 1 }
            let range = parts[index].range.lowerBound..<parts[end].range.upperBound
            nodes.append((range, .citation(Citation(text: string(range), sources: parts[index...end].compactMap(\.source)))))
            index = end + 1
        }
        return nodes
    }

    /// A cross-reference, "see the Monitor, January 17", from the UTF-8 of a parenthetical's trimmed inside
    /// or of one part of it; `saysSee` false for a part after one that said "see", which may leave it out.
    private static func crossReference(_ inner: ArraySlice<UInt8>, original: String, saysSee: Bool) -> CrossReference? {
        // Most parentheticals are citations: only one opening with "see" is taken apart into words.
        let opensWithSee = inner.count > 3 && ASCIIBytes.isWord(inner.prefix(3), "see")
        guard opensWithSee || !saysSee else { return nil }
        var words = inner.split(separator: UInt8(ascii: " "))[...]
        if let first = words.first, ASCIIBytes.isWord(first, "see") {
            words = words.dropFirst()
        } else if saysSee {
            return nil
        }
        if let word = words.first, ASCIIBytes.isWord(word, "also") { words = words.dropFirst() }
        if let word = words.first, ASCIIBytes.isWord(word, "the") { words = words.dropFirst() }
        let remainder = Array(words.joined(separator: [UInt8(ascii: " ")]))[...]
        guard let comma = remainder.firstIndex(of: UInt8(ascii: ",")) else { return nil }
        let publication = UTF8Whitespace.trimming(remainder[..<comma])
        let date = UTF8Whitespace.trimming(remainder[(comma + 1)...])
        guard let lead = publication.first, WrittenDate.monthAndDay(utf8: date) != nil else { return nil }
        let name = String(decoding: publication, as: UTF8.self)
        // At most 60 characters (fewer bytes than that are fewer characters), starting with a capital letter.
        guard publication.count <= 60 || name.count <= 60,
              lead < 0x80 ? ASCIIBytes.isUppercase(lead) : name.first!.isUppercase else { return nil }
        return CrossReference(text: original, publication: name, date: String(decoding: date, as: UTF8.self))
    }

    /// A source and its date, "Interfax, February 1", from the UTF-8 of one part of a citation.
    private static func citationSource(_ part: ArraySlice<UInt8>) -> CitationSource? {
        guard let comma = part.lastIndex(of: UInt8(ascii: ",")), comma > part.startIndex else { return nil }
        // "see the monitor, May 1" points at an issue, if badly: no source is named "see".
        if part.count > 4, ASCIIBytes.isWord(part.prefix(3), "see"), part[part.startIndex + 3] == UInt8(ascii: " ") { return nil }
        var name = UTF8Whitespace.trimming(part[..<comma])
        var date = UTF8Whitespace.trimming(part[(comma + 1)...])
        // "Reuters, February 1, 2000": the year belongs to the date.
        if date.count == 4, date.allSatisfy(ASCIIBytes.isDigit), let earlier = name.lastIndex(of: UInt8(ascii: ",")) {
            date = UTF8Whitespace.trimming(part[(earlier + 1)...])
            name = UTF8Whitespace.trimming(part[..<earlier])
        }
        guard !name.isEmpty, WrittenDate.monthAndDay(utf8: date) != nil else { return nil }
        let written = String(decoding: name, as: UTF8.self)
        // "according to Interfax": the source is the name after the words that attribute to it.
        let lead = attributionLeads.first { lead in name.count > lead.count && name.starts(with: lead) }
        let nameText = lead.map { String(decoding: name.dropFirst($0.count), as: UTF8.self) } ?? written
        // At most 80 characters: fewer bytes than that are fewer characters.
        guard name.count <= 80 || written.count <= 80, isSourceName(nameText) else { return nil }
        return CitationSource(name: nameText, date: String(decoding: date, as: UTF8.self))
    }

    /// Words that attribute what was said to the source after them, in the languages whose dates a
    /// citation reads: "(according to Interfax, May 3)", "(по данным Интерфакса, 3 мая)". Each ends with
    /// its space, and is here as written and with its first letter capitalised, as UTF-8.
    private static let attributionLeads: [[UInt8]] = [
        "according to ", "citing ", "quoting ", "reported by ", "as reported by ",
        "по данным ", "по сообщению ", "согласно ", "со ссылкой на ", "за даними ", "за повідомленням ", "згідно з ",
        "selon ", "laut ", "secondo ", "según ", "segundo ", "volgens ", "według ",
    ].flatMap { lead in [Array(lead.utf8), Array((lead.prefix(1).uppercased() + lead.dropFirst()).utf8)] }

    /// Agencies that write their names in lower case, as German ones do ("dpa", Deutsche Presse-Agentur).
    private static let lowercaseAgencies: Set<Substring> = ["dpa", "ddp", "dapd", "epd", "kna", "sid"]

    /// Articles that open some papers' names before a capitalised word: "the Moscow Times", "la Repubblica",
    /// "il Giornale", "de Volkskrant", "el País".
    private static let nameArticles: Set<Substring> = ["the", "la", "il", "le", "les", "lo", "de", "het", "el", "der", "die", "das"]

    /// Whether a citation's source is named as a source is: its first letter a capital ("Russian agencies",
    /// "ITAR-TASS", "24 Hours") or of a script without case ("新华社"), an article before such a word ("the Moscow
    /// Times"), or an agency that writes itself in lower case ("dpa"). A lower-case phrase before a date ("the
    /// minister, 3 May", "in 1999, May 3") names nobody, and a number alone ("12, May 3") neither.
    private static func isSourceName(_ name: String) -> Bool {
        // Most names open with an ASCII capital, the first letter and no lower-case one, whatever marks follow it.
        if let lead = name.utf8.first, ASCIIBytes.isUppercase(lead) { return true }
        guard let letter = name.first(where: \.isLetter) else { return false }
        guard letter.isLowercase else { return true }
        let words = name.split(separator: " ", maxSplits: 2)
        let first = words[0].prefix(while: \.isLetter)
        if lowercaseAgencies.contains(first) { return true }
        return words.count > 1 && nameArticles.contains(first) && first.count == words[0].count && words[1].first?.isUppercase == true
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
