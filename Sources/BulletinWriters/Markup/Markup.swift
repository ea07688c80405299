/// The one escaping chokepoint for XHTML, HTML, XML and feeds: source text never reaches markup any other way.
public enum Markup {
    /// Text content: `&`, `<`, `>` escaped; characters XML 1.0 forbids (C0 controls but tab, line feed and
    /// carriage return; U+FFFE/U+FFFF; noncharacters U+FDD0–U+FDEF) and C1 controls, which HTML forbids, become U+FFFD.
    public static func text(_ value: String) -> String {
        escape(value, quotes: false)
    }

    /// An attribute value for double quotes: also `"` and `'` escaped, and tab and line breaks kept as references.
    public static func attribute(_ value: String) -> String {
        escape(value, quotes: true)
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Escapes over UTF-8 bytes; text with nothing to escape is returned as it is.
    private static func escape(_ value: String, quotes: Bool) -> String {
        var value = value
        return value.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            func flush(upTo end: Int) {
                if output.isEmpty { output.reserveCapacity(bytes.count + 16) }
                output.append(contentsOf: bytes[copied..<end])
            }
            func replace(_ length: Int, with escaped: [UInt8]) {
                flush(upTo: index)
                output.append(contentsOf: escaped)
                index += length
                copied = index
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "&"): replace(1, with: Array("&amp;".utf8))
                case UInt8(ascii: "<"): replace(1, with: Array("&lt;".utf8))
                case UInt8(ascii: ">"): replace(1, with: Array("&gt;".utf8))
                case UInt8(ascii: "\"") where quotes: replace(1, with: Array("&quot;".utf8))
                case UInt8(ascii: "'") where quotes: replace(1, with: Array("&#39;".utf8))
                case 0x0A where quotes: replace(1, with: Array("&#10;".utf8))
                case 0x0D where quotes: replace(1, with: Array("&#13;".utf8))
                case 0x09 where quotes: replace(1, with: Array("&#9;".utf8))
                case 0x09, 0x0A, 0x0D: index += 1
                case 0x00..<0x20, 0x7F: replace(1, with: replacement)
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F:
                    replace(2, with: replacement)
                case 0xEF where index + 2 < bytes.count
                    && ((bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF))
                        || (bytes[index + 1] == 0xB7 && bytes[index + 2] >= 0x90 && bytes[index + 2] <= 0xAF)):
                    replace(3, with: replacement)
                default: index += 1
                }
            }
            if copied == 0 { return String(decoding: bytes, as: UTF8.self) }
            flush(upTo: bytes.count)
            return String(decoding: output, as: UTF8.self)
        }
    }


    /// True for characters allowed in XML 1.0 documents and HTML text.
    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F, 0x7F...0x9F: false
        case 0xFFFE, 0xFFFF: false
        case 0xFDD0...0xFDEF: false
        default: true
        }
    }

    /// Percent-encodes a URL path segment (RFC 3986 unreserved characters pass).
    public static func pathSegment(_ value: String) -> String {
        var result = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                result += "%"
                result.unicodeScalars.append(digits[Int(byte >> 4)])
                result.unicodeScalars.append(digits[Int(byte & 0x0F)])
            }
        }
        return result
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
    /// The markup so far.
    public private(set) var output = ""
    /// Void elements close with ` />` (XHTML and XML) rather than `>` (HTML).
    public var xmlStyle: Bool

    /// Creates an empty builder.
    public init(xmlStyle: Bool) {
        self.xmlStyle = xmlStyle
    }

    /// Opens an element; nil attribute values are left out.
    public mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        output += "<" + name
        appendAttributes(attributes)
        output += ">"
    }

    /// Closes an element.
    public mutating func close(_ name: String) {
        output += "</" + name + ">"
    }

    /// An element without content, such as `<br />` or `<meta … />`.
    public mutating func void(_ name: String, _ attributes: [(String, String?)] = []) {
        output += "<" + name
        appendAttributes(attributes)
        output += xmlStyle ? " />" : ">"
    }

    /// An element holding escaped text.
    public mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text: String) {
        open(name, attributes)
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
        output += Markup.text(value)
    }

    /// Markup that some builder already made safe; never source text.
    public mutating func append(trusted markup: String) {
        output += markup
    }

    /// A line break in the markup source, for readability.
    public mutating func newline() {
        output += "\n"
    }

    private mutating func appendAttributes(_ attributes: [(String, String?)]) {
        for (name, value) in attributes {
            guard let value else { continue }
            output += " " + name + "=\"" + Markup.attribute(value) + "\""
        }
    }
}
