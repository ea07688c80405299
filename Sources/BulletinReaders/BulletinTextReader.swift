import BulletinModel

/// Reads the bulletin text format: a header naming publication, volume and issue, then paragraphs.
///
/// ```
/// Publication: Monitor Volume: 6 Issue: 23
/// Date: 2000-02-02
///
/// First paragraph, possibly soft-wrapped
/// over several lines.
/// ```
public struct BulletinTextReader: SourceReader {
    public let format = "text"
    public let fileExtensions = ["txt", "bulletin"]

    /// Creates a reader.
    public init() {}

    /// Fields the reader interprets, by lowercase key.
    enum Field: String, CaseIterable {
        case publication, volume, issue, date, title, author, authors, section, language, order, summary

        /// The key as written in documentation: "Publication".
        var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

        /// Fields that may share a line with others; the rest take the line's remainder as their value.
        var sharesLine: Bool {
            switch self {
            case .publication, .volume, .issue, .date, .language, .order: true
            case .title, .author, .authors, .section, .summary: false
            }
        }
    }

    /// `value` as a message quotes it: its first 40 characters and an ellipsis when longer, since a run-on
    /// header line can hold a whole article.
    static func quoted(_ value: String) -> String {
        value.count > 40 ? value.prefix(40) + "…" : value
    }

    public func read(_ bytes: [UInt8], path: String) -> ReadResult {
        var diagnostics: [Diagnostic] = []
        func report(_ id: String, _ severity: Diagnostic.Severity, _ message: String, line: Int, column: Int, text: Substring? = nil, fix: String? = nil) {
            diagnostics.append(Diagnostic(
                id: "reader.text.\(id)", severity: severity, message: message,
                location: SourceLocation(path: path, line: line, column: column), sourceLine: text.map(String.init), fix: fix
            ))
        }
        let headerExample = "start the file with a header line such as 'Publication: Monitor Volume: 6 Issue: 23', then a blank line, then the text"

        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }) {
            report("empty-file", .error, "the file is empty", line: 1, column: 1, fix: headerExample)
            return ReadResult(article: nil, diagnostics: diagnostics)
        }
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let column = nul - (bytes[..<nul].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            report("binary", .error, "this looks like a binary file (a NUL byte at offset \(nul)), not bulletin text", line: line, column: column,
                   fix: "give only text sources (UTF-8 or Windows-1252) to Bulletin")
            return ReadResult(article: nil, diagnostics: diagnostics)
        }

        let decoded = SourceTextDecoder.decode(bytes)
        let lines = Self.splitLines(decoded.text)
        if let (line, column) = decoded.firstInvalid {
            report("invalid-utf8", .warning,
                   SourceTextDecoder.invalidBytesMessage(decoded.invalidByteCount),
                   line: line, column: column, text: lines[safe: line - 1], fix: "save the file as UTF-8 to silence this warning")
        }
        if let (line, column) = decoded.firstControl {
            report("control-character", .warning,
                   "\(decoded.controlCount) control character\(decoded.controlCount == 1 ? "" : "s") replaced by U+FFFD",
                   line: line, column: column, text: lines[safe: line - 1], fix: "remove control characters from the source")
        }
        if let (line, column) = decoded.firstNoncharacter {
            let count = decoded.noncharacterCount
            report("noncharacter", .warning,
                   "\(count) noncharacter\(count == 1 ? "" : "s") (such as U+FFFE), which text may not hold, replaced by U+FFFD",
                   line: line, column: column, text: lines[safe: line - 1], fix: "remove them from the source")
        }

        // The header: the first non-blank lines that are `Key: value` fields.
        var index = 0
        while index < lines.count, lines[index].isBlank { index += 1 }
        let headerStart = index
        var values: [Field: (value: String, line: Int, column: Int)] = [:]
        var extra: [HeaderField] = []
        var authors: [String] = []
        // Where each line of unknown fields alone began, in `extra` and the diagnostics: such a line may
        // turn out to be the text's first ("Washington: The president said…"), and is then given back.
        var unknownLines: [(index: Int, extraCount: Int, diagnosticCount: Int)] = []
        while index < lines.count, let fields = Self.headerFields(in: lines[index]) {
            if fields.allSatisfy({ $0.known == nil }) {
                unknownLines.append((index, extra.count, diagnostics.count))
            }
            for field in fields {
                let lineNumber = index + 1
                guard let known = field.known else {
                    report("unknown-field", .warning, "unknown header field '\(field.key)' is kept but not interpreted",
                           line: lineNumber, column: field.keyColumn, text: lines[index],
                           fix: "known fields are \(Field.allCases.map { $0.label }.joined(separator: ", "))")
                    extra.append(HeaderField(key: field.key, value: field.value))
                    continue
                }
                if known == .author || known == .authors {
                    // Each Author or Authors field adds its names, in the order written: two fields name
                    // two sets of authors, and a name given twice is one author.
                    for name in Self.authors(in: field.value) where !authors.contains(name) { authors.append(name) }
                    continue
                }
                if let earlier = values[known], earlier.value != field.value {
                    report("conflicting-field", .error, "'\(field.key)' is given twice with different values ('\(earlier.value)' on line \(earlier.line))",
                           line: lineNumber, column: field.keyColumn, text: lines[index], fix: "keep one '\(field.key):' field")
                }
                values[known] = (field.value, lineNumber, field.valueColumn)
            }
            index += 1
        }
        if index == headerStart {
            report("missing-header", .error, "the file has no header", line: headerStart + 1, column: 1, text: lines[safe: headerStart], fix: headerExample)
            return ReadResult(article: nil, diagnostics: diagnostics)
        }
        // A header runs until a blank line. Text straight after it means the blank line was left out, and
        // then the lines of unknown fields just before the text are its first lines: a dateline such as
        // "MOSCOW: …" is no field.
        if index < lines.count, !lines[index].isBlank {
            var givenBack: Substring?
            while let last = unknownLines.last, last.index == index - 1, last.index > headerStart {
                extra.removeSubrange(last.extraCount...)
                diagnostics.removeSubrange(last.diagnosticCount...)
                unknownLines.removeLast()
                index -= 1
                givenBack = lines[index]
            }
            let message = givenBack.map { "the header is not followed by a blank line, so '\(Self.quoted(String($0)))' is read as the text's first line" }
                ?? "the header is not followed by a blank line"
            report("no-blank-line", .warning, message, line: index + 1, column: 1, text: lines[index],
                   fix: "add a blank line between the header and the text")
        }
        let headerLine = headerStart + 1
        let bodyLine = min(index + 1, lines.count)

        func required(_ field: Field) -> (value: String, line: Int, column: Int)? {
            guard let found = values[field], !found.value.isEmpty else {
                let label = field.label
                report("missing-\(field.rawValue)", .error, "the header has no \(label) field", line: headerLine, column: 1,
                       text: lines[headerStart], fix: "add '\(label): …' to the header, e.g. 'Publication: Monitor Volume: 6 Issue: 23'")
                return nil
            }
            return found
        }
        func number(_ field: Field) -> Int? {
            guard let found = required(field) else { return nil }
            guard let value = Int(found.value), value >= 0, value < 1_000_000 else {
                reportNumber(field, found, fix: "write the \(field.rawValue) number in digits, e.g. '\(field.label): 6'")
                return nil
            }
            return value
        }
        /// Digits that say too large a number are told so, rather than that they are not a number; a number
        /// run on into a field that takes a line of its own ("Issue: 23 Title: Talks") is told that.
        func reportNumber(_ field: Field, _ found: (value: String, line: Int, column: Int), fix: String) {
            let isDigits = !found.value.isEmpty && found.value.allSatisfy { $0.isASCII && $0.isNumber }
            let runOn = found.value.split(separator: " ", maxSplits: 1).dropFirst().first.flatMap { rest in
                Field.allCases.first { !$0.sharesLine && rest.hasPrefix($0.label + ":") }
            }
            report("invalid-\(field.rawValue)", .error,
                   isDigits ? "\(field.label) \(Self.quoted(found.value)) is too large (at most 999999)"
                       : "\(field.label) must be a whole number, not '\(Self.quoted(found.value))'",
                   line: found.line, column: found.column, text: lines[found.line - 1],
                   fix: runOn.map { "start '\($0.label):' on a line of its own: it takes the rest of its line as its value" } ?? fix)
        }
        let publication = required(.publication)?.value
        let volume = number(.volume)
        let issue = number(.issue)
        var date: String?
        if let given = values[.date] {
            date = DateParser.isoDate(from: given.value)
            if date == nil, let conflict = DateParser.weekdayConflict(in: given.value) {
                report("invalid-date", .error, "the date '\(Self.quoted(given.value))' names a weekday it does not fall on: \(conflict.date) is a \(conflict.actual)",
                       line: given.line, column: given.column, text: lines[given.line - 1],
                       fix: "correct the weekday or the date, or leave the weekday out ('\(Self.quoted(conflict.written))')")
            } else if date == nil {
                report("invalid-date", .error, "cannot read the date '\(Self.quoted(given.value))'", line: given.line, column: given.column,
                       text: lines[given.line - 1], fix: "write dates as YYYY-MM-DD, e.g. 'Date: 2000-02-02'")
            }
        }
        // A language given as a name or with underscores is read as its tag; one that is no tag at all is
        // left out, so the article takes the archive's language, rather than printed as an invalid lang.
        var language: String?
        if let given = values[.language], !given.value.isBlank {
            switch LanguageTag.read(given.value) {
            case .tag(let tag):
                language = tag
            case .corrected(let tag):
                language = tag
                report("language-corrected", .warning, "the language '\(Self.quoted(given.value))' is read as the tag '\(tag)'", line: given.line,
                       column: given.column, text: lines[given.line - 1], fix: "write the tag itself, e.g. 'Language: \(tag)'")
            case .invalid:
                report("invalid-language", .warning, "'\(Self.quoted(given.value))' is not a language tag; the article is taken to be in the archive's language",
                       line: given.line, column: given.column, text: lines[given.line - 1],
                       fix: "write a BCP 47 language tag, e.g. 'Language: ru' or 'Language: en-GB'")
            }
        }
        var order: Int?
        if let given = values[.order] {
            order = Int(given.value).flatMap { $0 > -1_000_000 && $0 < 1_000_000 ? $0 : nil }
            if order == nil { reportNumber(.order, given, fix: "write the position in the issue in digits, e.g. 'Order: 2'") }
        }

        // The body: paragraphs separated by blank lines; single newlines are soft wraps.
        var blocks: [Block] = []
        var paragraphLines: [(text: Substring, line: Int)] = []
        func flush() {
            guard let first = paragraphLines.first, let last = paragraphLines.last else { return }
            let text = String.collapsingWhitespace(joining: paragraphLines.map(\.text))
            // A paragraph of one line, most of them, is measured once.
            let firstColumns = Self.textColumns(of: first.text)
            let firstColumn = firstColumns.first
            let lastColumn = paragraphLines.count == 1 ? firstColumns.last : Self.textColumns(of: last.text).last
            let span = SourceSpan(startLine: first.line, startColumn: firstColumn, endLine: last.line, endColumn: lastColumn)
            blocks.append(.paragraph(BulletinConventions.inlines(in: text), span: span))
            paragraphLines.removeAll()
        }
        while index < lines.count {
            let line = lines[index]
            if line.isBlank { flush() } else { paragraphLines.append((line[...], index + 1)) }
            index += 1
        }
        flush()
        if blocks.isEmpty {
            report("empty-body", .error, "the article has a header but no text", line: bodyLine, column: 1,
                   fix: "add the article's paragraphs after a blank line below the header")
        }

        guard !diagnostics.contains(where: { $0.severity == .error }), let publication, let volume, let issue else {
            return ReadResult(article: nil, diagnostics: diagnostics)
        }
        let article = SourceArticle(
            publication: Self.collapsedName(publication),
            volume: volume, issue: issue, date: date,
            title: values[.title]?.value.nonEmpty, authors: authors,
            language: language, section: values[.section]?.value.nonEmpty,
            order: order, summary: values[.summary]?.value.nonEmpty, extraFields: extra, blocks: blocks,
            source: SourceInfo(path: path, format: format, sha256: SHA256.hex(of: bytes)),
            headerLocation: SourceLocation(path: path, line: headerLine, column: 1),
            fieldPlaces: Dictionary(uniqueKeysWithValues: [Field.date, .order].compactMap { field in
                values[field].map { (field.rawValue, FieldPlace(location: SourceLocation(path: path, line: $0.line, column: $0.column),
                                                                line: String(lines[$0.line - 1]))) }
            })
        )
        return ReadResult(article: article, diagnostics: diagnostics)
    }

    /// The names in an `Author` field, parted by `;` or `,`; a generational or academic suffix after a
    /// comma ("Ann Smith, Jr.", "Bo Li, PhD") stays with the name before it.
    public static func authors(in value: String) -> [String] {
        var names: [String] = []
        for part in value.split(whereSeparator: { $0 == ";" || $0 == "," }).map({ String($0.trimmingSpaces) }) where !part.isEmpty {
            let bare = part.hasSuffix(".") ? String(part.dropLast()) : part
            if let last = names.last, nameSuffixes.contains(bare.lowercased()), !last.isEmpty {
                names[names.count - 1] = last + ", " + part
            } else {
                names.append(part)
            }
        }
        return names
    }

    /// `name` with each run of white space made one space: an ASCII name, as most are, on its bytes, each a
    /// character; any other character by character, since a space and a combining mark after it are one
    /// character, and white space.
    static func collapsedName(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return name.collapsingWhitespace }
        return name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Suffixes written after a name and a comma, lower case without a final period.
    static let nameSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "phd", "ph.d", "md", "m.d", "esq", "obe", "mbe", "cbe", "kc", "qc"]

    /// Lines split at LF, CRLF or CR: slices of `text`, which they share rather than copy.
    static func splitLines(_ text: String) -> [Substring] {
        var text = text
        // Line breaks are found in the UTF-8 storage; each line is a slice between two of them.
        let breaks = text.withUTF8 { bytes in
            var breaks: [(lineEnd: Int, nextStart: Int)] = []
            var index = 0
            while index < bytes.count {
                // Eight bytes at once while none is below 0x0E, as no line break is: most of a text. A byte
                // below it borrows into its high bit.
                if index + 8 <= bytes.count {
                    let word = UTF8Scalar.word(bytes, at: index)
                    if (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & UTF8Scalar.highBits == 0 {
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    let lineEnd = index
                    index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                    breaks.append((lineEnd, index))
                } else {
                    index += 1
                }
            }
            return breaks
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(breaks.count + 1)
        var start = utf8.startIndex
        for lineBreak in breaks {
            lines.append(text[start..<utf8.index(utf8.startIndex, offsetBy: lineBreak.lineEnd)])
            start = utf8.index(utf8.startIndex, offsetBy: lineBreak.nextStart)
        }
        lines.append(text[start...])
        return lines
    }

    /// The columns (1-based, in characters) of the first and the last character of `line` that is not
    /// whitespace; 1 for a blank line.
    ///
    /// Characters are grapheme clusters, which are slow to find. Where every scalar of the line stands
    /// alone (`Unicode.Scalar.standsAlone`), characters are scalars, and they are counted from the UTF-8
    /// bytes; other lines are measured character by character.
    public static func textColumns(of line: Substring) -> (first: Int, last: Int) {
        let counted = line.utf8.withContiguousStorageIfAvailable { bytes -> (first: Int, last: Int)? in
            // The text's first and last bytes, found from either end: most lines have no white space at either.
            var start = 0
            while start < bytes.count {
                let space = UTF8Whitespace.length(bytes, at: start)
                if space == 0 { break }
                start += space
            }
            // Columns are scalars, once every scalar of the line is known to stand alone.
            guard let scalars = Self.standAloneScalarCount(bytes) else { return nil }
            guard start < bytes.count else { return (1, 1) }
            var lastLead = bytes.count - 1
            while true {
                while bytes[lastLead] & 0xC0 == 0x80 { lastLead -= 1 }
                if UTF8Whitespace.length(bytes, at: lastLead) == 0 { break }
                lastLead -= 1
            }
            return (UTF8Scalar.count(in: bytes, 0..<start) + 1, scalars - UTF8Scalar.count(in: bytes, (lastLead + 1)..<bytes.count))
        }
        if let counted = counted ?? nil { return counted }
        let first = line.firstIndex { !$0.isWhitespace }.map { line.distance(from: line.startIndex, to: $0) + 1 } ?? 1
        let last = line.lastIndex { !$0.isWhitespace }.map { line.distance(from: line.startIndex, to: $0) + 1 } ?? 1
        return (first, last)
    }

    /// The number of scalars of the valid UTF-8 `bytes` when every one of them stands alone
    /// (`Unicode.Scalar.standsAlone`), so that the line's characters are its scalars; nil otherwise.
    private static func standAloneScalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0, count = 0
        while index < bytes.count {
            // Eight ASCII bytes at once, most of a text: eight scalars.
            if index + 8 <= bytes.count, UTF8Scalar.word(bytes, at: index) & UTF8Scalar.highBits == 0 {
                index += 8
                count += 8
                continue
            }
            let lead = bytes[index]
            let value: UInt32, length: Int
            switch lead {
            case 0x00..<0x80:
                (value, length) = (UInt32(lead), 1)
            case 0xC0..<0xE0 where index + 1 < bytes.count:
                (value, length) = (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
            case 0xE0..<0xF0 where index + 2 < bytes.count:
                (value, length) = (UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
            default:
                // Four bytes: beyond every scalar that stands alone.
                return nil
            }
            guard Unicode.Scalar(value)?.standsAlone == true else { return nil }
            index += length
            count += 1
        }
        return count
    }

    struct RawField {
        var key: String
        /// The field `key` names, nil for one the reader does not interpret.
        var known: Field?
        var value: String
        var keyColumn: Int
        var valueColumn: Int
    }

    /// The `Key: value` fields of a header line, or nil when the line is not a header line.
    ///
    /// Columns count characters. An ASCII line, as headers nearly always are, is read byte by byte
    /// (each byte a character); any other line character by character.
    static func headerFields(in line: Substring) -> [RawField]? {
        if !mayStartWithKey(line) { return nil }
        if line.utf8.allSatisfy({ $0 < 0x80 }) { return headerFields(in: Array(line.utf8)) }
        return headerFields(in: Array(line))
    }

    private static func headerFields<Unit: HeaderUnit>(in characters: [Unit]) -> [RawField]? {
        var position = 0
        while position < characters.count, characters[position].isSpace { position += 1 }
        guard let first = key(in: characters, at: position) else { return nil }
        var fields: [RawField] = []
        var current = first
        var keyColumn = position + 1
        var cursor = first.valueStart
        var valueStart = cursor
        let splits = first.known?.sharesLine ?? true
        while cursor <= characters.count {
            var next: (name: Range<Int>, known: Field?, valueStart: Int)?
            if splits, cursor < characters.count, cursor > valueStart, characters[cursor - 1].isSpace,
               let candidate = key(in: characters, at: cursor), candidate.known?.sharesLine == true {
                next = candidate
            }
            if cursor == characters.count || next != nil {
                let raw = characters[valueStart..<cursor]
                let leading = raw.prefix { $0.isSpace }.count
                fields.append(RawField(key: Unit.string(characters[current.name]), known: current.known, value: Unit.trimmedString(raw),
                                       keyColumn: keyColumn, valueColumn: valueStart + leading + 1))
                guard let next else { break }
                current = next
                keyColumn = cursor + 1
                cursor = next.valueStart
                valueStart = cursor
                continue
            }
            cursor += 1
        }
        return fields
    }

    /// False when `line` cannot open with a key and its colon, judged from its bytes up to the first colon,
    /// so that a body line (the one after the header is tried too) is not taken apart into characters.
    private static func mayStartWithKey(_ line: Substring) -> Bool {
        let bytes = line.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let head = bytes[..<colon]
        // Spaces other than ASCII ones could lead the line: the full reading decides.
        guard head.allSatisfy({ $0 < 0x80 }) else { return true }
        let key = head.reversed().prefix { $0.isKeyPart }
        let lead = head.dropLast(key.count)
        return key.count <= 30 && key.last?.isASCIILetter == true && lead.allSatisfy { $0.isSpace }
    }

    /// A key (an ASCII letter, then letters, digits, hyphens or underscores, at most 30) followed by a colon,
    /// starting at `position`: where its name is and the field it names. No string is made of the name
    /// here, since a word with a colon inside a value ("Title: Talks resume: a view") is tried as a key too.
    private static func key<Unit: HeaderUnit>(in characters: [Unit], at position: Int) -> (name: Range<Int>, known: Field?, valueStart: Int)? {
        guard position < characters.count, characters[position].isASCIILetter else { return nil }
        var end = position
        while end < characters.count, end - position < 30, characters[end].isKeyPart {
            end += 1
        }
        guard end < characters.count, characters[end].isColon else { return nil }
        // A colon inside a URL or a time ("10:30") is not a field.
        guard end + 1 == characters.count || characters[end + 1].isSpace else { return nil }
        return (position..<end, Field.named(characters[position..<end]), end + 1)
    }
}

extension BulletinTextReader.Field {
    /// The field `key` names, in any case, read from its characters rather than from a lowercased copy.
    fileprivate static func named<Unit: HeaderUnit>(_ key: ArraySlice<Unit>) -> Self? {
        // A key holds ASCII letters, digits, `-` and `_`, and a field's name lowercase letters: setting
        // bit 0x20 lowercases a letter and turns none of the others into one.
        allCases.first { field in
            field.rawValue.utf8.count == key.count && zip(field.rawValue.utf8, key).allSatisfy { $0 == $1.asciiByte | 0x20 }
        }
    }
}

/// A character of a header line as the header parser sees it: a `Character`, or a byte of an ASCII line.
private protocol HeaderUnit {
    /// White space.
    var isSpace: Bool { get }
    /// An ASCII letter.
    var isASCIILetter: Bool { get }
    /// What a key may hold: ASCII letters and digits, `-` and `_`.
    var isKeyPart: Bool { get }
    /// The colon that ends a key.
    var isColon: Bool { get }
    /// The unit's byte when it is ASCII, as a key's units are; 0 otherwise.
    var asciiByte: UInt8 { get }
    /// The text of `units`.
    static func string(_ units: ArraySlice<Self>) -> String
    /// The text of `units` without the white space that leads and ends it.
    static func trimmedString(_ units: ArraySlice<Self>) -> String
}

extension Character: HeaderUnit {
    fileprivate var isSpace: Bool { isWhitespace }
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
    fileprivate var isKeyPart: Bool { isASCII && (isLetter || isNumber || self == "-" || self == "_") }
    fileprivate var isColon: Bool { self == ":" }
    fileprivate var asciiByte: UInt8 { asciiValue ?? 0 }
    fileprivate static func string(_ units: ArraySlice<Character>) -> String { String(units) }
    fileprivate static func trimmedString(_ units: ArraySlice<Character>) -> String { String(string(units).trimmingSpaces) }
}

extension UInt8: HeaderUnit {
    fileprivate var isSpace: Bool { UTF8Whitespace.isSpace(ascii: self) }
    fileprivate var isASCIILetter: Bool { ASCIIBytes.isLetter(self) }
    fileprivate var isKeyPart: Bool { ASCIIBytes.isLetter(self) || ASCIIBytes.isDigit(self) || self == UInt8(ascii: "-") || self == UInt8(ascii: "_") }
    fileprivate var isColon: Bool { self == UInt8(ascii: ":") }
    fileprivate var asciiByte: UInt8 { self < 0x80 ? self : 0 }
    fileprivate static func string(_ units: ArraySlice<UInt8>) -> String { String(decoding: units, as: UTF8.self) }
    // An ASCII byte is white space just when it is as a character: trimmed on the bytes, not character by character.
    fileprivate static func trimmedString(_ units: ArraySlice<UInt8>) -> String { string(UTF8Whitespace.trimming(units)) }
}

extension String {
    /// nil when empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension Array {
    /// The element at `index`, or nil when out of range.
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
