import BulletinModel

/// Reads a theme's `strings/<language>.json`: a JSON object whose values are texts, objects of texts
/// (plural forms) or lists of texts (month names), each with the line and column it stands at, so that
/// a mistake in the file is reported where it is.
///
/// A reader of that much JSON and no more: a value of any other kind (a number, `true`, a deeper object)
/// is a mistake of the file, reported at the value.
struct StringsFile {
    enum Value {
        case text(String)
        case forms([(name: String, text: String, at: Position)])
        case list([String])
    }

    struct Position {
        var line: Int
        var column: Int
    }

    struct Entry {
        var key: String
        var value: Value
        var at: Position
    }

    /// A mistake at a position of the file.
    struct Mistake: Error {
        var message: String
        var at: Position
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    /// The entries of the file's object, in order.
    static func entries(of bytes: [UInt8]) throws(Mistake) -> [Entry] {
        var reader = StringsFile(bytes: bytes)
        try reader.checkUTF8()
        // A byte order mark is not JSON, but editors write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3; reader.lineStart = 3 }
        reader.skipSpace()
        guard reader.peek == UInt8(ascii: "{") else { throw reader.mistake("the file holds no JSON object: it must start with '{'") }
        var entries: [Entry] = []
        try reader.members { (key: String, at: Position, reader: inout StringsFile) throws(Mistake) in
            let valueAt = reader.position
            switch reader.peek {
            case UInt8(ascii: "\""):
                entries.append(Entry(key: key, value: .text(try reader.string()), at: at))
            case UInt8(ascii: "{"):
                var forms: [(String, String, Position)] = []
                try reader.members { (name: String, nameAt: Position, reader: inout StringsFile) throws(Mistake) in
                    guard reader.peek == UInt8(ascii: "\"") else { throw reader.mistake("a plural form is a text in quotes") }
                    forms.append((name, try reader.string(), nameAt))
                }
                entries.append(Entry(key: key, value: .forms(forms), at: at))
            case UInt8(ascii: "["):
                var texts: [String] = []
                reader.index += 1
                reader.skipSpace()
                if reader.peek == UInt8(ascii: "]") { reader.index += 1 } else {
                    while true {
                        guard reader.peek == UInt8(ascii: "\"") else { throw reader.mistake("a list holds texts in quotes") }
                        texts.append(try reader.string())
                        reader.skipSpace()
                        if reader.peek == UInt8(ascii: "]") { reader.index += 1; break }
                        guard reader.peek == UInt8(ascii: ",") else { throw reader.mistake("expected ',' or ']' after a text of the list") }
                        reader.index += 1
                        reader.skipSpace()
                    }
                }
                entries.append(Entry(key: key, value: .list(texts), at: at))
            default:
                throw Mistake(message: "'\(key)': a value is a text in quotes, an object of plural forms, or a list of texts", at: valueAt)
            }
        }
        reader.skipSpace()
        guard reader.index == bytes.count else { throw reader.mistake("nothing may follow the object's closing '}'") }
        return entries
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Stops at the first bytes that are not UTF-8, which JSON text must be.
    private mutating func checkUTF8() throws(Mistake) {
        // Most files are UTF-8: the standard library says so at once; only a file that is not is read
        // scalar by scalar, to find where.
        if String(validating: bytes, as: UTF8.self) != nil { return }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                offset += scalar.count
            case .emptyInput:
                return
            case .error:
                // The position of the bad bytes: read up to them, line by line.
                for byte in bytes[..<offset] where byte == 0x0A { line += 1 }
                lineStart = (bytes[..<offset].lastIndex(of: 0x0A) ?? -1) + 1
                index = offset
                throw mistake("the file is not UTF-8 here")
            }
        }
    }

    /// The line and column of the next byte; columns count characters (UTF-8 lead bytes) from 1.
    private var position: Position {
        Position(line: line, column: bytes[lineStart..<min(index, bytes.count)].count { $0 & 0xC0 != 0x80 } + 1)
    }

    private func mistake(_ message: String) -> Mistake {
        Mistake(message: peek == nil ? message + " (the file ends here)" : message, at: position)
    }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
            if byte == 0x0A { line += 1; lineStart = index }
        }
    }

    /// Reads an object at the next byte, calling `member` with each key, its position, and the reader at
    /// its value, which `member` reads.
    private mutating func members(_ member: (String, Position, inout StringsFile) throws(Mistake) -> Void) throws(Mistake) {
        index += 1 // the "{"
        skipSpace()
        if peek == UInt8(ascii: "}") { index += 1; return }
        var seen: Set<String> = []
        while true {
            let at = position
            guard peek == UInt8(ascii: "\"") else { throw mistake("expected a key in quotes") }
            let key = try string()
            guard seen.insert(key).inserted else { throw Mistake(message: "'\(key)' is given twice", at: at) }
            skipSpace()
            guard peek == UInt8(ascii: ":") else { throw mistake("expected ':' after the key '\(key)'") }
            index += 1
            skipSpace()
            try member(key, at, &self)
            skipSpace()
            if peek == UInt8(ascii: "}") { index += 1; return }
            guard peek == UInt8(ascii: ",") else { throw mistake("expected ',' or '}' after the value of '\(key)'") }
            index += 1
            skipSpace()
        }
    }

    /// Reads a string at the next byte (a '"').
    private mutating func string() throws(Mistake) -> String {
        let start = position
        index += 1
        var text: [UInt8] = []
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = peek else { break }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "u"):
                    var value = try hexQuad()
                    // A surrogate pair is one scalar in two escapes.
                    if (0xD800..<0xDC00).contains(value), bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) {
                        index += 2
                        let low = try hexQuad()
                        guard (0xDC00..<0xE000).contains(low) else { throw mistake("a '\\u' surrogate pair is not whole") }
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(value) else { throw mistake("'\\u' names no character") }
                    text.append(contentsOf: String(Character(scalar)).utf8)
                default:
                    index -= 1
                    throw mistake("'\\' starts no escape JSON knows (\\\" \\\\ \\/ \\n \\t \\r \\b \\f \\u00e9)")
                }
            case 0x00..<0x20:
                index -= 1
                throw mistake("a control character or a line break inside a text; write it as an escape such as '\\n'")
            default:
                // The run of plain bytes up to the next quote, backslash or control character, at once.
                var end = index
                while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
                text.append(byte)
                text.append(contentsOf: bytes[index..<end])
                index = end
            }
        }
        throw Mistake(message: "a text in quotes is not closed", at: start)
    }

    private mutating func hexQuad() throws(Mistake) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard index + offset < bytes.count, let digit = Self.hexDigit(bytes[index + offset]) else {
                throw mistake("'\\u' is followed by four hexadecimal digits")
            }
            value = value << 4 | digit
        }
        index += 4
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
