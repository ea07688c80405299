import BulletinModel

/// The one escaping chokepoint for XHTML, HTML, XML and feeds: source text never reaches markup any other way.
public enum Markup {
    /// Text content: `&`, `<`, `>` escaped; characters XML 1.0 forbids (C0 controls but tab, line feed and
    /// carriage return; U+FFFE/U+FFFF) and C1 controls and noncharacters, which HTML forbids, become U+FFFD.
    public static func text(_ value: String) -> String {
        escape(value, quotes: false)
    }

    /// An attribute value for double quotes: also `"` and `'` escaped, and tab and line breaks kept as references.
    public static func attribute(_ value: String) -> String {
        escape(value, quotes: true)
    }

    /// Text content as an XML CDATA section, for large text full of markup characters, such as HTML carried
    /// in a feed: nothing is escaped, and `]]>` is split across two sections. Text holding a character
    /// XML forbids is escaped as ``text(_:)`` escapes it instead, so the characters read back are the same.
    public static func characterData(_ value: String) -> String {
        var output: [UInt8] = []
        appendCharacterData(value, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `value` as ``characterData(_:)`` makes it, without a string in between.
    static func appendCharacterData(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendCharacterData($0, to: &output) }
    }

    /// Appends the text spelt by `bytes` (valid UTF-8) as ``characterData(_:)`` makes it: for markup a
    /// builder made as bytes, with no string made of it.
    static func appendCharacterData(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var endsSection = false
        let plain = Self.attention.withUnsafeBufferPointer { table in
            for index in bytes.indices where table[Int(bytes[index])] == 1 {
                let byte = bytes[index]
                if byte == UInt8(ascii: ">") {
                    endsSection = endsSection || index >= 2 && bytes[index - 1] == UInt8(ascii: "]") && bytes[index - 2] == UInt8(ascii: "]")
                } else if byte != UInt8(ascii: "&"), byte != UInt8(ascii: "<"), replacedLength(bytes, at: index) > 0 {
                    return false
                }
            }
            return true
        }
        guard plain else {
            appendEscaped(bytes, quotes: false, to: &output)
            return
        }
        output.append(contentsOf: cdataOpen)
        if endsSection {
            // Each `]]>` ends one section after `]]` and starts the next with `>`.
            var start = 0
            for index in 2..<bytes.count where bytes[index] == UInt8(ascii: ">") && bytes[index - 1] == UInt8(ascii: "]") && bytes[index - 2] == UInt8(ascii: "]") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output.append(contentsOf: cdataClose)
                output.append(contentsOf: cdataOpen)
                start = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        } else {
            output.append(contentsOf: bytes)
        }
        output.append(contentsOf: cdataClose)
    }

    private static let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)

    /// How many bytes at `index` form a character that text may not hold (a C0 control but tab and line
    /// breaks, DEL, a C1 control, a noncharacter: U+FDD0–U+FDEF, U+FFFE, U+FFFF and each plane's last
    /// two), or 0.
    private static func replacedLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        switch byte {
        case 0x09, 0x0A, 0x0D: return 0
        case 0x00..<0x20, 0x7F: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F: return 2
        case 0xEF where index + 2 < bytes.count && Noncharacter.length(endingAt: index + 2, in: bytes) == 3: return 3
        case 0xF0...0xF4 where index + 3 < bytes.count && Noncharacter.length(endingAt: index + 3, in: bytes) == 4: return 4
        default: return 0
        }
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    private static let ampersand = Array("&amp;".utf8), lessThan = Array("&lt;".utf8), greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8), apostrophe = Array("&#39;".utf8)
    private static let lineFeed = Array("&#10;".utf8), carriageReturn = Array("&#13;".utf8), tab = Array("&#9;".utf8)

    /// Bytes that may need escaping or replacing in text (1) and, besides those, in attributes (2):
    /// markup characters, controls, and the lead bytes of C1 controls and noncharacters.
    private static let attention: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in 0x00..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D { table[byte] = 1 }
        for byte in [0x26, 0x3C, 0x3E, 0x7F, 0xC2, 0xEF, 0xF0, 0xF1, 0xF2, 0xF3, 0xF4] { table[byte] = 1 }
        for byte in [0x22, 0x27, 0x09, 0x0A, 0x0D] { table[byte] = 2 }
        return table
    }()

    /// Escapes over UTF-8 bytes; text with nothing to escape is returned as it is, without a copy.
    private static func escape(_ value: String, quotes: Bool) -> String {
        var value = value
        let clean = value.withUTF8 { isClean($0, quotes: quotes) }
        if clean { return value }
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count + value.utf8.count / 8 + 16)
        value.withUTF8 { appendEscaped($0, quotes: quotes, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `value` escaped as ``text(_:)`` (or, with `quotes`, ``attribute(_:)``) escapes it.
    static func append(_ value: String, quotes: Bool, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            if isClean(bytes, quotes: quotes) {
                output.append(contentsOf: bytes)
            } else {
                appendEscaped(bytes, quotes: quotes, to: &output)
            }
        }
    }

    /// True when no byte of `bytes` needs escaping or replacing.
    private static func isClean(_ bytes: UnsafeBufferPointer<UInt8>, quotes: Bool) -> Bool {
        let level: UInt8 = quotes ? 2 : 1
        return attention.withUnsafeBufferPointer { table in
            !bytes.contains { table[Int($0)] != 0 && table[Int($0)] <= level }
        }
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, quotes: Bool, to output: inout [UInt8]) {
        var copied = 0
        var index = 0
        func replace(_ length: Int, with escaped: [UInt8]) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            output.append(contentsOf: escaped)
            index += length
            copied = index
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): replace(1, with: ampersand)
            case UInt8(ascii: "<"): replace(1, with: lessThan)
            case UInt8(ascii: ">"): replace(1, with: greaterThan)
            case UInt8(ascii: "\"") where quotes: replace(1, with: quote)
            case UInt8(ascii: "'") where quotes: replace(1, with: apostrophe)
            case 0x0A where quotes: replace(1, with: lineFeed)
            case 0x0D where quotes: replace(1, with: carriageReturn)
            case 0x09 where quotes: replace(1, with: tab)
            default:
                let length = replacedLength(bytes, at: index)
                if length > 0 { replace(length, with: replacement) } else { index += 1 }
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    }

    /// True for characters allowed in XML 1.0 documents and HTML text.
    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F, 0x7F...0x9F: false
        default: !Noncharacter.contains(scalar)
        }
    }

    /// Percent-encodes a URL path segment (RFC 3986 unreserved characters pass).
    public static func pathSegment(_ value: String) -> String {
        // Slugs, nearly every value given, need no escape: returned as they are.
        guard value.utf8.contains(where: { !isUnreserved($0) }) else { return value }
        var result: [UInt8] = []
        result.reserveCapacity(value.utf8.count * 3)
        let digits = Array("0123456789ABCDEF".utf8)
        for byte in value.utf8 {
            if isUnreserved(byte) {
                result.append(byte)
            } else {
                result.append(UInt8(ascii: "%"))
                result.append(digits[Int(byte >> 4)])
                result.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// RFC 3986's unreserved characters: letters, digits, `-`, `.`, `_` and `~`.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// True when a link target from a source is safe to emit: http(s), mailto, or a relative reference
    /// without a scheme. `javascript:` and `data:` never are.
    public static func isSafeURL(_ url: String) -> Bool {
        let lowered = url.lowercased().filter { !$0.isWhitespace && !($0.asciiValue.map { $0 < 0x20 } ?? false) }
        if let colon = lowered.firstIndex(of: ":") {
            let scheme = lowered[..<colon]
            if scheme.contains("/") || scheme.contains("?") || scheme.contains("#") { return true }
            return ["http", "https", "mailto"].contains(String(scheme))
        }
        return true
    }
}

/// Builds markup through ``Markup``'s escaping: elements and attributes by name, text always escaped.
public struct MarkupBuilder: Sendable {
    /// The markup so far, as UTF-8: appending bytes costs less than appending to a `String` piece by piece.
    private var bytes: [UInt8] = []
    /// Void elements close with ` />` (XHTML and XML) rather than `>` (HTML).
    public var xmlStyle: Bool

    /// Creates an empty builder.
    public init(xmlStyle: Bool) {
        self.xmlStyle = xmlStyle
        bytes.reserveCapacity(1024)
    }

    /// The markup so far.
    public var output: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The markup so far as UTF-8, for writing out without a string in between.
    public var utf8: [UInt8] {
        bytes
    }

    /// Opens an element; nil attribute values are left out.
    public mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        appendAttributes(attributes)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Closes an element.
    public mutating func close(_ name: String) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        raw(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// An element without content, such as `<br />` or `<meta … />`.
    public mutating func void(_ name: String, _ attributes: [(String, String?)] = []) {
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        appendAttributes(attributes)
        raw(xmlStyle ? " />" : ">")
    }

    /// An element holding escaped text.
    public mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text: String) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    /// An element with one or two attributes, holding escaped text: the markup of the list form, without
    /// a list made for each of a body's many mentions and citations.
    public mutating func element(_ name: String, _ first: (String, String), _ second: (String, String)? = nil, text: String) {
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        appendAttribute(first.0, first.1)
        if let second { appendAttribute(second.0, second.1) }
        bytes.append(UInt8(ascii: ">"))
        self.text(text)
        close(name)
    }

    /// An element whose content `body` builds.
    public mutating func element(_ name: String, _ attributes: [(String, String?)] = [], _ body: (inout MarkupBuilder) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    /// Escaped text.
    public mutating func text(_ value: String) {
        Markup.append(value, quotes: false, to: &bytes)
    }

    /// Markup that some builder already made safe; never source text.
    public mutating func append(trusted markup: String) {
        raw(markup)
    }

    /// Markup that some builder already made safe, as UTF-8; never source text.
    public mutating func append(trusted markup: [UInt8]) {
        bytes.append(contentsOf: markup)
    }

    /// A line break in the markup source, for readability.
    public mutating func newline() {
        bytes.append(0x0A)
    }

    /// Appends names and markup as they are.
    private mutating func raw(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func appendAttributes(_ attributes: [(String, String?)]) {
        for (name, value) in attributes {
            if let value { appendAttribute(name, value) }
        }
    }

    private mutating func appendAttribute(_ name: String, _ value: String) {
        bytes.append(0x20)
        raw(name)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        Markup.append(value, quotes: true, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
}
