/// The one escaping chokepoint for XHTML, HTML, XML and feeds: source text never reaches markup any other way.
public enum Markup {
    /// Text content: `&`, `<`, `>` escaped; characters XML 1.0 forbids (C0 controls but tab, line feed and
    /// carriage return; U+FFFE/U+FFFF) and C1 controls, which HTML forbids, become U+FFFD.
    public static func text(_ value: String) -> String {
        guard needsEscaping(value, attribute: false) else { return value }
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.unicodeScalars.append(allowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    /// An attribute value for double quotes: also `"` and `'` escaped, and line breaks kept as references.
    public static func attribute(_ value: String) -> String {
        guard needsEscaping(value, attribute: true) else { return value }
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            default: result.unicodeScalars.append(allowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    /// False when `value` can be emitted as it is: most text, so one pass over its UTF-8 bytes spares
    /// rebuilding it scalar by scalar. Mirrors the escapes of ``text(_:)`` and ``attribute(_:)`` and ``allowed(_:)``.
    static func needsEscaping(_ value: String, attribute: Bool) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in value.utf8 {
            switch byte {
            case 0x26, 0x3C, 0x3E: return true
            case 0x22, 0x27, 0x09, 0x0A, 0x0D: if attribute { return true }
            case 0x00...0x1F, 0x7F: return true
            case 0x80...0x9F where previous == 0xC2: return true                              // U+0080–U+009F
            case 0x90...0xAF where previous == 0xB7 && beforePrevious == 0xEF: return true    // U+FDD0–U+FDEF
            case 0xBE, 0xBF where previous == 0xBF && beforePrevious == 0xEF: return true     // U+FFFE, U+FFFF
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
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
