import BulletinModel

/// Writes the document tree as JSON directly, members in sorted key order, matching the tree's `Codable`
/// form byte for byte in compact mode (a test holds it to Foundation's `JSONEncoder` with sorted keys).
///
/// Foundation's encoder boxes every value and dominated write time on large archives; this walks the
/// tree once into a byte buffer of its own (``JSONBytes``), which an array's checks on every append
/// would slow by a third.
public struct JSONTreeSerializer: ~Copyable {
    private var buffer: JSONBytes
    private let pretty: Bool
    /// Whether this writes not JSON but the bytes of a digest of the same tree (``digestStream(of:)``).
    private let digestForm: Bool
    private var depth = 0
    /// Whether the innermost open object or array has a member or element yet, which the next one follows
    /// after a comma. The outer levels need no flags of their own: a value inside an object or array
    /// always comes after its key or its place, which set its level's flag, so each level's flag is true
    /// again once the value closes.
    private var needsComma = false

    /// Creates a serializer; `pretty` indents by two spaces with `"key": value` members, the style of every
    /// indented JSON document Bulletin prints; otherwise it writes compact JSON, as for JSON Lines.
    ///
    /// Its primitives (`object`, `array`, `key`, `member`) also write other JSON documents, such as JSON
    /// Feed pages and what `bulletin tag` and `summarize` print; callers emit members in the order they
    /// are to appear (sorted, for documents that match a `Codable` form).
    public init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        digestForm = false
        buffer = JSONBytes(capacity: capacity)
    }

    /// A serializer that writes, for the same calls, a stream of bytes to digest rather than JSON: every
    /// key, string, number and bracket, each after a tag byte, strings after their length and keys ended
    /// by a zero byte, with no escaping, separators or number formatting (lengths and numbers in LEB128,
    /// ``appendTagged(_:_:)``). Two trees give the same stream exactly when they give the same JSON, as
    /// both come from the same walk over every field.
    private init(digestCapacity capacity: Int) {
        pretty = false
        digestForm = true
        buffer = JSONBytes(capacity: capacity)
    }

    /// The SHA-256 of `issue`'s digest stream: a digest of its whole tree, every field of every article,
    /// made by the walk that writes its JSON document, so no field is left out (the walk is held to the
    /// tree's `Codable` form by a test).
    public static func digest(of issue: Issue) -> [UInt8] {
        var serializer = JSONTreeSerializer(digestCapacity: 1 << 16)
        serializer.write(issue)
        var hasher = SHA256()
        serializer.buffer.withBytes { hasher.update($0) }
        return hasher.finalize()
    }

    /// The JSON so far, copied out.
    public var bytes: [UInt8] { buffer.array }

    /// How many bytes have been written so far.
    public var count: Int { buffer.count }

    /// Hands over the bytes written so far and starts empty again, keeping the capacity.
    public mutating func takeBytes() -> [UInt8] {
        defer { buffer.removeAll() }
        return buffer.array
    }

    // MARK: - Structure

    @inline(__always)
    private mutating func separator() {
        if digestForm { return }
        if needsComma { buffer.appendByte(UInt8(ascii: ",")) }
        needsComma = true
        if pretty && depth > 0 { newlineAndIndent() }
    }

    /// A line feed and two spaces for each level of depth.
    private mutating func newlineAndIndent() {
        buffer.appendByte(0x0A)
        var spaces = 2 * depth
        while spaces > 0 {
            let count = min(spaces, Self.spaces.count)
            Self.spaces.withUnsafeBufferPointer { buffer.appendBytes(UnsafeBufferPointer(rebasing: $0[..<count])) }
            spaces -= count
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    private mutating func open(_ bracket: UInt8) {
        buffer.appendByte(bracket)
        if digestForm { return }
        depth += 1
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        if digestForm { return buffer.appendByte(bracket) }
        let hadMembers = needsComma
        depth -= 1
        needsComma = depth > 0
        if pretty && hadMembers { newlineAndIndent() }
        buffer.appendByte(bracket)
    }

    /// Starts a member named `name`; the value written next is its value.
    public mutating func key(_ name: StaticString) {
        if digestForm { return buffer.append(name, between: DigestTag.key, and: 0) }
        separator()
        buffer.append(name, between: UInt8(ascii: "\""), and: UInt8(ascii: "\""), then: UInt8(ascii: ":"))
        if pretty { buffer.appendByte(0x20) }
    }

    /// Writes an object whose members `body` writes.
    public mutating func object(_ body: (inout JSONTreeSerializer) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// Writes an array of `elements`, each written by `body`.
    public mutating func array<Element>(_ elements: [Element], _ body: (inout JSONTreeSerializer, Element) -> Void) {
        open(UInt8(ascii: "["))
        for element in elements {
            separator()
            body(&self, element)
        }
        close(UInt8(ascii: "]"))
    }

    /// Ends a line (between records of JSON Lines, or after a document).
    public mutating func newline() {
        buffer.appendByte(0x0A)
    }

    // MARK: - Scalars

    /// Writes a string.
    public mutating func string(_ value: String) {
        guard digestForm else { return Self.appendLiteral(value, into: &buffer) }
        var value = value
        value.withUTF8 { utf8 in
            appendTagged(DigestTag.string, UInt64(utf8.count))
            buffer.appendBytes(utf8)
        }
    }

    /// Writes a value already written as JSON (a string literal made once for several documents). Not in
    /// a digest's stream, whose strings are not literals.
    mutating func literal(_ json: [UInt8]) {
        precondition(!digestForm, "a digest stream takes no JSON literals")
        json.withUnsafeBufferPointer { buffer.appendBytes($0) }
    }

    /// Tag bytes of the digest stream; brackets stand for themselves.
    private enum DigestTag {
        static let key: UInt8 = 1, string: UInt8 = 2, number: UInt8 = 3, bool: UInt8 = 4
    }

    /// A tag and `value` in LEB128: seven bits a byte, low first, the high bit set on all but the last. A
    /// string's length and most numbers take one byte, where eight each made about a fifth of what was hashed.
    private mutating func appendTagged(_ tag: UInt8, _ value: UInt64) {
        buffer.appendByte(tag)
        var value = value
        while value >= 0x80 {
            buffer.appendByte(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        buffer.appendByte(UInt8(value))
    }

    /// Appends `value` as a JSON string literal, escaped as Foundation's `JSONEncoder` escapes it: quote,
    /// backslash, and control characters (the common ones by name, the rest as `\u00XX`); slashes and
    /// non-ASCII characters as they are.
    public static func appendLiteral(_ value: String, to bytes: inout [UInt8]) {
        appendLiteral(value, into: &bytes)
    }

    static func appendLiteral<Sink: JSONByteSink & ~Copyable>(_ value: String, into bytes: inout Sink) {
        var value = value
        value.withUTF8 { appendLiteral(utf8: $0, into: &bytes) }
    }

    /// Appends the text spelt by `utf8` (valid UTF-8) as a JSON string literal, as ``appendLiteral(_:to:)``
    /// does: for text made as bytes, with no string made of it.
    static func appendLiteral<Sink: JSONByteSink & ~Copyable>(utf8: UnsafeBufferPointer<UInt8>, into bytes: inout Sink) {
        bytes.appendByte(UInt8(ascii: "\""))
        defer { bytes.appendByte(UInt8(ascii: "\"")) }
        // Most strings have nothing to escape and are copied in one piece.
        guard Self.mayNeedEscape(utf8) else { return bytes.appendBytes(utf8) }
        // The rest are read eight bytes at a time too, and only a word that may hold a byte to escape is
        // read byte by byte: a feed item's HTML has a quote in nearly every tag, and read byte by byte from
        // its first one, the bodies of the 1,000-article archive's JSON Feed items cost 26M instructions more.
        // Runs of bytes that need no escape are copied whole.
        var start = 0
        var index = 0
        while index < utf8.count {
            if index + 8 <= utf8.count, !Self.mayNeedEscape(UTF8Scalar.word(utf8, at: index)) {
                index += 8
                continue
            }
            let end = min(index + 8, utf8.count)
            while index < end {
                defer { index += 1 }
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if start < index { bytes.appendBytes(UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                start = index + 1
                bytes.appendByte(UInt8(ascii: "\\"))
                switch byte {
                case 0x0A: bytes.appendByte(UInt8(ascii: "n"))
                case 0x0D: bytes.appendByte(UInt8(ascii: "r"))
                case 0x09: bytes.appendByte(UInt8(ascii: "t"))
                case 0x08: bytes.appendByte(UInt8(ascii: "b"))
                case 0x0C: bytes.appendByte(UInt8(ascii: "f"))
                case 0x00..<0x20:
                    let digits: StaticString = "0123456789abcdef"
                    for escaped in [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                    digits.utf8Start[Int(byte >> 4)], digits.utf8Start[Int(byte & 0x0F)]] {
                        bytes.appendByte(escaped)
                    }
                default: bytes.appendByte(byte) // " and \
                }
            }
        }
        if start < utf8.count { bytes.appendBytes(UnsafeBufferPointer(rebasing: utf8[start...])) }
    }

    /// True when a byte of `utf8` is below 0x20, a quote or a backslash, looked for eight bytes at a time:
    /// the last eight overlap the words before them, and a string shorter than a word is read as two
    /// overlapping halves, or as its first, middle and last bytes with spaces (which need no escape) for the rest.
    @inline(__always)
    private static func mayNeedEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress, !utf8.isEmpty else { return false }
        let raw = UnsafeRawPointer(base), count = utf8.count
        func load<Word: FixedWidthInteger>(_ offset: Int, as type: Word.Type) -> UInt64 {
            UInt64(Word(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Word.self)))
        }
        switch count {
        case 8...:
            var offset = 0
            while offset + 8 < count {
                if mayNeedEscape(load(offset, as: UInt64.self)) { return true }
                offset += 8
            }
            return mayNeedEscape(load(count - 8, as: UInt64.self))
        case 4...:
            return mayNeedEscape(load(0, as: UInt32.self) | load(count - 4, as: UInt32.self) << 32)
        default:
            let spaces: UInt64 = 0x2020_2020_2020_2020
            return mayNeedEscape(UInt64(base[0]) | UInt64(base[count / 2]) << 8 | UInt64(base[count - 1]) << 16 | spaces << 24)
        }
    }

    /// True when one of the eight bytes of `word` is below 0x20, a quote or a backslash: the bit tricks
    /// "has a zero byte" and "has a byte less than n", exact as answers for the whole word.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let below0x20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below0x20 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    /// Writes a whole number.
    public mutating func number(_ value: Int) {
        if digestForm { return appendTagged(DigestTag.number, UInt64(bitPattern: Int64(value))) }
        var digits = String(value)
        digits.withUTF8 { buffer.appendBytes($0) }
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        if digestForm { return appendTagged(DigestTag.bool, value ? 1 : 0) }
        buffer.append(value ? "true" : "false")
    }

    /// Writes a member with a string value.
    public mutating func member(_ name: StaticString, _ value: String) { key(name); string(value) }
    /// Writes a member with a number value.
    public mutating func member(_ name: StaticString, _ value: Int) { key(name); number(value) }
    /// Writes a member with a Boolean value.
    public mutating func member(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    /// Writes a member with a string value, or nothing for nil.
    public mutating func member(_ name: StaticString, _ value: String?) { if let value { member(name, value) } }
    /// Writes a member with a number value, or nothing for nil.
    public mutating func member(_ name: StaticString, _ value: Int?) { if let value { member(name, value) } }

    // MARK: - The tree

    /// Writes an issue document.
    public mutating func write(_ document: IssueDocument) {
        object { json in
            json.key("issue"); json.write(document.issue)
            json.member("schemaVersion", document.schemaVersion)
        }
    }

    /// Writes a line of `articles.ndjson`.
    public mutating func write(_ record: JSONWriter.ArticleRecord) {
        object { json in
            json.key("article"); json.write(record.article)
            json.member("issue", record.issue)
            json.member("schemaVersion", record.schemaVersion)
        }
    }

    mutating func write(_ issue: Issue) {
        object { json in
            json.key("articles"); json.array(issue.articles) { $0.write($1) }
            json.member("date", issue.date)
            json.member("id", issue.id)
            json.member("number", issue.number)
            json.member("publication", issue.publication)
            json.member("publicationSlug", issue.publicationSlug)
            json.member("volume", issue.volume)
        }
    }

    mutating func write(_ article: Article) {
        object { json in
            json.key("blocks"); json.array(article.blocks) { $0.write($1) }
            json.key("metadata"); json.write(article.metadata)
        }
    }

    mutating func write(_ metadata: ArticleMetadata) {
        object { json in
            json.key("authors"); json.array(metadata.authors) { $0.string($1) }
            json.member("date", metadata.date)
            json.key("entities"); json.array(metadata.entities) { json, entity in
                json.object { json in
                    json.member("count", entity.count)
                    json.member("id", entity.id)
                    json.member("name", entity.name)
                    json.member("provenance", entity.provenance.rawValue)
                    json.member("type", entity.type.rawValue)
                }
            }
            json.key("extraFields"); json.array(metadata.extraFields) { json, field in
                json.object { json in
                    json.member("key", field.key)
                    json.member("value", field.value)
                }
            }
            json.member("id", metadata.id)
            json.member("issue", metadata.issue)
            json.member("language", metadata.language)
            json.member("order", metadata.order)
            json.member("publication", metadata.publication)
            json.member("section", metadata.section)
            json.member("slug", metadata.slug)
            json.key("source"); json.object { json in
                json.member("format", metadata.source.format)
                json.member("path", metadata.source.path)
                json.member("sha256", metadata.source.sha256)
            }
            if let summary = metadata.summary {
                json.key("summary"); json.write(summary)
            }
            json.member("title", metadata.title)
            if let content = metadata.titleContent {
                json.key("titleContent"); json.array(content) { $0.write($1) }
            }
            json.member("titleIsDerived", metadata.titleIsDerived)
            json.member("volume", metadata.volume)
            json.member("wordCount", metadata.wordCount)
        }
    }

    /// Writes an article's summary, `{"dek", "origin", "text"}`, as the tree holds it (and `bulletin
    /// summarize --json` prints it).
    public mutating func write(_ summary: ArticleSummary) {
        object { json in
            json.member("dek", summary.dek)
            json.member("origin", summary.origin.rawValue)
            json.member("text", summary.text)
        }
    }

    mutating func write(_ block: Block) {
        object { json in
            switch block {
            case .paragraph(let content, let span):
                json.key("content"); json.array(content) { $0.write($1) }
                json.member("kind", "paragraph")
                if let span {
                    json.key("span"); json.object { json in
                        json.member("endColumn", span.endColumn)
                        json.member("endLine", span.endLine)
                        json.member("startColumn", span.startColumn)
                        json.member("startLine", span.startLine)
                    }
                }
            case .heading(let level, let content):
                json.key("content"); json.array(content) { $0.write($1) }
                json.member("kind", "heading")
                json.member("level", level)
            case .blockQuote(let blocks):
                json.key("blocks"); json.array(blocks) { $0.write($1) }
                json.member("kind", "blockQuote")
            case .list(let ordered, let items):
                json.key("items"); json.array(items) { json, item in json.array(item) { $0.write($1) } }
                json.member("kind", "list")
                json.member("ordered", ordered)
            case .rule:
                json.member("kind", "rule")
            }
        }
    }

    mutating func write(_ inline: Inline) {
        object { json in
            switch inline {
            case .text(let text):
                json.member("kind", "text")
                json.member("text", text)
            case .emphasis(let content):
                json.key("content"); json.array(content) { $0.write($1) }
                json.member("kind", "emphasis")
            case .strong(let content):
                json.key("content"); json.array(content) { $0.write($1) }
                json.member("kind", "strong")
            case .link(let link):
                json.key("content"); json.array(link.content) { $0.write($1) }
                json.member("kind", "link")
                json.member("title", link.title)
                json.member("url", link.url)
            case .lineBreak:
                json.member("kind", "lineBreak")
            case .citation(let citation):
                json.member("kind", "citation")
                json.key("sources"); json.array(citation.sources) { json, source in
                    json.object { json in
                        json.member("date", source.date)
                        json.member("name", source.name)
                    }
                }
                json.member("text", citation.text)
            case .crossReference(let reference):
                json.member("date", reference.date)
                json.member("kind", "crossReference")
                json.member("publication", reference.publication)
                if let target = reference.target {
                    json.key("target"); json.object { json in
                        json.member("id", target.id)
                        json.member("issue", target.issue)
                        json.member("publication", target.publication)
                        json.member("volume", target.volume)
                    }
                }
                json.member("text", reference.text)
            case .entity(let mention):
                json.member("entityID", mention.entityID)
                json.member("kind", "entity")
                json.member("provenance", mention.provenance.rawValue)
                json.member("text", mention.text)
                json.member("type", mention.type.rawValue)
            }
        }
    }
}

// MARK: - Bytes

/// Where ``JSONTreeSerializer/appendLiteral(_:to:)`` writes: an array, or the serializer's own buffer.
protocol JSONByteSink: ~Copyable {
    mutating func appendByte(_ byte: UInt8)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: JSONByteSink where Element == UInt8 {
    mutating func appendByte(_ byte: UInt8) { append(byte) }
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

/// A growing byte buffer that owns its memory: appending checks only the capacity, where an array also
/// checks on every append that its storage is not shared.
struct JSONBytes: ~Copyable, JSONByteSink {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    @inline(__always)
    mutating func appendByte(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        (base + count).initialize(to: byte)
        count += 1
    }

    @inline(__always)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends the UTF-8 of `text`, read in place: a key or a keyword, on every member.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        guard text.hasPointerRepresentation else { return text.withUTF8Buffer { appendBytes($0) } }
        appendBytes(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `open`, `text`, `close` and `next`, if given, checking the capacity once: the key of every
    /// member, in either form.
    @inline(__always)
    mutating func append(_ text: StaticString, between open: UInt8, and close: UInt8, then next: UInt8? = nil) {
        guard text.hasPointerRepresentation else {
            appendByte(open)
            append(text)
            appendByte(close)
            if let next { appendByte(next) }
            return
        }
        let length = text.utf8CodeUnitCount, total = length + (next == nil ? 2 : 3)
        if count + total > capacity { grow(toHold: count + total) }
        let start = base + count
        start.initialize(to: open)
        (start + 1).initialize(from: text.utf8Start, count: length)
        (start + 1 + length).initialize(to: close)
        if let next { (start + 2 + length).initialize(to: next) }
        count += total
    }

    /// Calls `body` with the bytes written, in place.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes written, copied into an array.
    var array: [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// Empties the buffer, keeping its capacity.
    mutating func removeAll() {
        count = 0
    }

    private mutating func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
