import BulletinModel

/// Whether a document is well-formed XML 1.0 with namespaces, as an XML reading system's parser needs it:
/// for the documents a theme's own EPUB templates make, which no other part of a build checks (a reading
/// system shows nothing of a book with one broken document, and Bulletin's own templates are checked by
/// the tests).
///
/// A strict, non-validating reading of the document's UTF-8: its characters, XML declaration, document type
/// declaration (the entities its internal subset declares are known; nothing is fetched), elements, attributes,
/// references, comments, processing instructions and CDATA sections, and that every prefix is declared.
/// It agrees with libxml2 on which documents are well-formed (a test compares them on thousands of
/// damaged documents); its messages are its own, written for whoever edits the template.
struct XMLCheck {
    /// The first thing that makes a document not well-formed: where (1-based line and column in
    /// characters) and what.
    struct Problem: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first problem in `document`, or nil when it is well-formed.
    static func problem(in document: [UInt8]) -> Problem? {
        var check = XMLCheck(document)
        do {
            try check.scalarsAreCharacters()
            try check.document()
            return nil
        } catch let error as Failure {
            let (line, column) = check.lineAndColumn(of: error.offset)
            return Problem(line: line, column: column, message: error.message)
        } catch {
            return Problem(line: 1, column: 1, message: "\(error)")
        }
    }

    private struct Failure: Error {
        var offset: Int
        var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    /// Entities the internal subset declares, beside the five XML predefines.
    private var entities: Set<String> = ["lt", "gt", "amp", "apos", "quot"]
    /// The namespace prefixes in scope, innermost element last; `xml` is always bound.
    private var prefixScopes: [[String]] = [["xml"]]

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    // MARK: - Characters

    /// Every scalar is well-formed UTF-8 and a character XML allows.
    private mutating func scalarsAreCharacters() throws {
        var offset = 0
        while offset < bytes.count {
            guard let (scalar, length) = Self.scalar(in: bytes, at: offset) else {
                throw Failure(offset: offset, message: "the bytes here are not UTF-8")
            }
            guard Self.isCharacter(scalar) else {
                throw Failure(offset: offset, message: "U+\(Self.hex(scalar)) is a character XML does not allow")
            }
            offset += length
        }
    }

    /// The scalar starting at `offset`, as a number, and its length in bytes; nil when the bytes are not UTF-8.
    private static func scalar(in bytes: [UInt8], at offset: Int) -> (UInt32, Int)? {
        UTF8Scalar.decode(bytes, at: offset).map { ($0.0.value, $0.1) }
    }

    /// XML 1.0's Char production.
    private static func isCharacter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: - The document

    /// document ::= prolog element Misc*
    private mutating func document() throws {
        if starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
        if starts(with: "<?xml"), index + 5 < bytes.count, Self.isSpace(bytes[index + 5]) { try declaration() }
        var sawDocumentType = false
        while true {
            skipSpaces()
            if starts(with: "<!--") {
                try comment()
            } else if starts(with: "<?") {
                try processingInstruction()
            } else if starts(with: "<!DOCTYPE") {
                guard !sawDocumentType else { throw failure("a document has one document type declaration") }
                sawDocumentType = true
                try documentType()
            } else if starts(with: "<!") {
                throw failure("only a comment or '<!DOCTYPE' (in capitals) may start with '<!' before the root element")
            } else {
                break
            }
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "<") else {
            throw failure(index < bytes.count ? "the document's root element should start here" : "the document has no root element")
        }
        try rootElement()
        while true {
            skipSpaces()
            if index == bytes.count { return }
            if starts(with: "<!--") {
                try comment()
            } else if starts(with: "<?") {
                try processingInstruction()
            } else {
                throw failure("only comments and processing instructions may follow the root element's end tag")
            }
        }
    }

    /// `<?xml version="1.0" encoding="…" standalone="…"?>`: the version, then the other two if given, in that order.
    private mutating func declaration() throws {
        index += 5
        // Spaces must part the three; skipped before a missing one, they still part the next.
        var spaced = false
        for (pseudoAttribute, isRequired) in [("version", true), ("encoding", false), ("standalone", false)] {
            if skipSpaces() { spaced = true }
            guard spaced, starts(with: pseudoAttribute) else {
                if isRequired { throw failure("the XML declaration should name the version first (version=\"1.0\")") }
                continue
            }
            index += pseudoAttribute.utf8.count
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { throw failure("\(pseudoAttribute) should be followed by '=' and a quoted value") }
            index += 1
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw failure("the value of \(pseudoAttribute) should be in quotes")
            }
            let quote = bytes[index]
            let start = index + 1
            guard let end = bytes[start...].firstIndex(of: quote) else { throw failure("the value of \(pseudoAttribute) has no closing quote") }
            let value = String(decoding: bytes[start..<end], as: UTF8.self)
            let isValid = switch pseudoAttribute {
            // XML 1.0 asks for digits after "1."; parsers, libxml2 among them, take "1." alone.
            case "version": value.hasPrefix("1.") && value.dropFirst(2).allSatisfy { $0.isASCII && $0.isNumber }
            // The documents are written as UTF-8, the encoding EPUB and the site's pages use.
            case "encoding": ["utf-8", "utf8"].contains(value.lowercased())
            default: value == "yes" || value == "no"
            }
            guard isValid else {
                let expected = pseudoAttribute == "encoding" ? ": the document is UTF-8, so write encoding=\"UTF-8\"" : ""
                throw Failure(offset: start, message: "'\(value)' is not a value \(pseudoAttribute) may have in the XML declaration\(expected)")
            }
            index = end + 1
            spaced = false
        }
        skipSpaces()
        guard starts(with: "?>") else { throw failure("the XML declaration should end with '?>' after version, encoding and standalone") }
        index += 2
    }

    /// `<!DOCTYPE name>`, with a SYSTEM or PUBLIC identifier if any and an internal subset between brackets,
    /// whose general entities become known.
    private mutating func documentType() throws {
        index += "<!DOCTYPE".utf8.count
        // XML asks for a space here; libxml2, like other parsers, reads the name without one.
        skipSpaces()
        _ = try name(what: "the document type's name")
        let hadSpace = skipSpaces()
        if hadSpace, starts(with: "SYSTEM") || starts(with: "PUBLIC") {
            let literals = starts(with: "PUBLIC") ? 2 : 1
            index += 6
            for _ in 0..<literals {
                guard skipSpaces() else { throw failure("a space and a quoted identifier should follow") }
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'"),
                      let end = bytes[(index + 1)...].firstIndex(of: bytes[index]) else {
                    throw failure("the document type's identifier should be in quotes")
                }
                index = end + 1
            }
            skipSpaces()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "[") {
            try internalSubset()
            skipSpaces()
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw failure("the document type declaration should end with '>' here") }
        index += 1
    }

    /// The declarations between `[` and `]`, read for the names of the general entities they declare.
    private mutating func internalSubset() throws {
        let start = index
        index += 1
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "]") {
                index += 1
                return
            } else if starts(with: "<!--") {
                try comment()
                continue
            } else if starts(with: "<!ENTITY") {
                index += "<!ENTITY".utf8.count
                skipSpaces()
                if index < bytes.count, bytes[index] != UInt8(ascii: "%") { entities.insert(try name(what: "an entity's name")) }
                continue
            }
            index += 1
        }
        throw Failure(offset: start, message: "the internal subset is not closed with ']'")
    }

    // MARK: - Elements

    /// The root element and everything in it, read without recursion: a template can nest as deep as it likes.
    private mutating func rootElement() throws {
        var open: [(name: String, offset: Int)] = []
        repeat {
            if starts(with: "</") {
                let offset = index
                index += 2
                let name = try name(what: "the end tag's name")
                skipSpaces()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw failure("the end tag </\(name)> should close with '>'") }
                index += 1
                guard let last = open.popLast() else { throw Failure(offset: offset, message: "</\(name)> closes no element") }
                guard last.name == name else {
                    let (line, _) = lineAndColumn(of: last.offset)
                    throw Failure(offset: offset, message: "</\(name)> closes <\(last.name)>, opened on line \(line): close <\(last.name)> first")
                }
                prefixScopes.removeLast()
            } else if starts(with: "<!--") {
                try comment()
            } else if starts(with: "<![CDATA[") {
                guard let end = find("]]>", from: index + 9) else { throw failure("the CDATA section is not closed with ']]>'") }
                index = end + 3
            } else if starts(with: "<?") {
                try processingInstruction()
            } else if starts(with: "<!") {
                throw failure("only a comment or a CDATA section may start with '<!' inside an element")
            } else if index < bytes.count, bytes[index] == UInt8(ascii: "<") {
                let offset = index
                let (name, isEmpty) = try startTag()
                if !isEmpty { open.append((name, offset)) } else { prefixScopes.removeLast() }
            } else {
                try characterData()
            }
            if open.isEmpty { return }
        } while index < bytes.count
        let (line, _) = lineAndColumn(of: open[open.count - 1].offset)
        throw failure("the document ends inside <\(open[open.count - 1].name)>, opened on line \(line)")
    }

    /// A start tag or an empty-element tag; its name, and whether it was empty. Opens the element's
    /// scope of namespace prefixes.
    private mutating func startTag() throws -> (String, Bool) {
        let tagStart = index
        index += 1
        let element = try name(what: "the tag's name")
        var attributes: [(name: String, offset: Int)] = []
        var declared: [String] = []
        while true {
            let hadSpace = skipSpaces()
            guard index < bytes.count else { throw Failure(offset: tagStart, message: "the tag <\(element)> is not closed with '>'") }
            if bytes[index] == UInt8(ascii: ">") || starts(with: "/>") { break }
            guard hadSpace else { throw failure("a space should come before each attribute of <\(element)>") }
            let offset = index
            let attribute = try name(what: "an attribute's name")
            guard !attributes.contains(where: { $0.name == attribute }) else {
                throw Failure(offset: offset, message: "<\(element)> has the attribute \(attribute) twice")
            }
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { throw failure("the attribute \(attribute) should have '=' and a quoted value") }
            index += 1
            skipSpaces()
            try attributeValue(of: attribute, prefixDeclaration: attribute == "xmlns" || attribute.hasPrefix("xmlns:"))
            attributes.append((attribute, offset))
            if attribute.hasPrefix("xmlns:") {
                let prefix = attribute.dropFirst(6)
                guard !prefix.isEmpty, !prefix.contains(":") else {
                    throw Failure(offset: offset, message: "\(attribute) is not a name namespaces allow: xmlns: and a prefix without ':'")
                }
                guard prefix != "xmlns" else { throw Failure(offset: offset, message: "the prefix xmlns may not be declared") }
                declared.append(String(prefix))
            }
        }
        let isEmpty = bytes[index] == UInt8(ascii: "/")
        index += isEmpty ? 2 : 1
        prefixScopes.append(declared)
        try checkPrefix(of: element, at: tagStart + 1, isElement: true)
        for attribute in attributes where attribute.name != "xmlns" && !attribute.name.hasPrefix("xmlns:") {
            try checkPrefix(of: attribute.name, at: attribute.offset, isElement: false)
        }
        return (element, isEmpty)
    }

    /// A quoted attribute value: no `<`, and every reference known.
    private mutating func attributeValue(of attribute: String, prefixDeclaration: Bool) throws {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
            throw failure("the value of \(attribute) should be in quotes")
        }
        let quote = bytes[index]
        let start = index + 1
        index += 1
        while index < bytes.count, bytes[index] != quote {
            if bytes[index] == UInt8(ascii: "<") { throw failure("'<' in the value of \(attribute) should be written '&lt;'") }
            if bytes[index] == UInt8(ascii: "&") { try reference() } else { index += 1 }
        }
        guard index < bytes.count else { throw Failure(offset: start - 1, message: "the value of \(attribute) has no closing quote") }
        if prefixDeclaration, attribute != "xmlns", start == index {
            throw Failure(offset: start, message: "\(attribute) declares a prefix with no namespace; give its namespace's name")
        }
        let value = Self.namespaceName(bytes[start..<index], entities: entities)
        if prefixDeclaration, let value {
            guard Self.isURIReference(value) else {
                throw Failure(offset: start, message: "the namespace name of \(attribute) is not a URI (such as http://www.w3.org/1999/xhtml)")
            }
            let isXMLNamespace = value == Self.xmlNamespace
            if attribute == "xmlns:xml" ? !isXMLNamespace : isXMLNamespace {
                throw Failure(offset: start, message: "the prefix xml is bound to \(String(decoding: Self.xmlNamespace, as: UTF8.self)) and no other prefix may be")
            }
        }
        index += 1
    }

    /// A namespace declaration's value as libxml2 checks it for a URI: its references replaced by the
    /// characters they name, but `&` kept as the reference `&#38;`. Nil when it names an entity of the
    /// document type, whose text is not read.
    private static func namespaceName(_ value: ArraySlice<UInt8>, entities: Set<String>) -> [UInt8]? {
        guard value.contains(UInt8(ascii: "&")) else { return Array(value) }
        var output: [UInt8] = []
        var offset = value.startIndex
        while offset < value.endIndex {
            guard value[offset] == UInt8(ascii: "&"), let end = value[offset...].firstIndex(of: UInt8(ascii: ";")) else {
                output.append(value[offset])
                offset += 1
                continue
            }
            let name = String(decoding: value[(offset + 1)..<end], as: UTF8.self)
            let scalar: UInt32? = switch name {
            case "amp": 0x26
            case "lt": 0x3C
            case "gt": 0x3E
            case "quot": 0x22
            case "apos": 0x27
            case _ where name.hasPrefix("#x"): UInt32(name.dropFirst(2), radix: 16)
            case _ where name.hasPrefix("#"): UInt32(name.dropFirst(), radix: 10)
            default: nil
            }
            guard let scalar, let character = Unicode.Scalar(scalar) else { return nil }
            output.append(contentsOf: scalar == 0x26 ? Array("&#38;".utf8) : Array(String(character).utf8))
            offset = end + 1
        }
        return output
    }

    /// The namespace the prefix `xml` is bound to.
    private static let xmlNamespace = Array("http://www.w3.org/XML/1998/namespace".utf8)

    /// Whether `value` is a URI reference (RFC 3986) as libxml2 reads one: its characters allowed, a
    /// scheme before the first ':' of the first segment, an authority's port in digits, and one fragment.
    static func isURIReference(_ value: [UInt8]) -> Bool {
        let subDelimiters = Array("!$&'()*+,;=".utf8)
        func isUnreserved(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || Array("-._~".utf8).contains(byte)
        }
        /// Whether `part` holds only unreserved characters, sub-delimiters, percent-escapes and `extra`.
        func consists(_ part: ArraySlice<UInt8>, of extra: String) -> Bool {
            let extra = Array(extra.utf8)
            var offset = part.startIndex
            while offset < part.endIndex {
                let byte = part[offset]
                if byte == UInt8(ascii: "%") {
                    guard offset + 2 < part.endIndex, digit(part[offset + 1], hex: true) != nil, digit(part[offset + 2], hex: true) != nil else { return false }
                    offset += 3
                    continue
                }
                guard isUnreserved(byte) || subDelimiters.contains(byte) || extra.contains(byte) else { return false }
                offset += 1
            }
            return true
        }
        var rest = value[...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard consists(rest[(hash + 1)...], of: ":@/?") else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard consists(rest[(question + 1)...], of: ":@/?") else { return false }
            rest = rest[..<question]
        }
        // A ':' before the first '/' ends a scheme: a relative reference's first segment holds none.
        if let colon = rest.firstIndex(of: UInt8(ascii: ":")), !rest[..<colon].contains(UInt8(ascii: "/")) {
            let scheme = rest[..<colon]
            guard let first = scheme.first, (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A,
                  scheme.allSatisfy({ isUnreserved($0) && $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: "~") || $0 == UInt8(ascii: "+") }) else { return false }
            rest = rest[(colon + 1)...]
        }
        if rest.starts(with: Array("//".utf8)) {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            var authority = rest[..<end]
            rest = rest[end...]
            if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
                guard consists(authority[..<at], of: ":") else { return false }
                authority = authority[(at + 1)...]
            }
            if authority.first == UInt8(ascii: "[") {
                guard let close = authority.firstIndex(of: UInt8(ascii: "]")),
                      consists(authority[(authority.startIndex + 1)..<close], of: ":") else { return false }
                authority = authority[(close + 1)...]
                guard authority.isEmpty || authority.first == UInt8(ascii: ":") else { return false }
            }
            if let colon = authority.firstIndex(of: UInt8(ascii: ":")) {
                let port = authority[(colon + 1)...]
                guard !port.isEmpty, port.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
                authority = authority[..<colon]
            }
            guard consists(authority, of: "") else { return false }
        }
        return consists(rest, of: ":@/")
    }

    /// A qualified name's prefix is declared in scope, and the name has at most one colon between two parts.
    private func checkPrefix(of name: String, at offset: Int, isElement: Bool) throws {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        // Each part a name of its own: "xml:-lang" is a name, but its local part "-lang" is not.
        let partsAreNames = parts.allSatisfy { part in part.unicodeScalars.first.map { Self.isNameStart($0.value) } ?? false }
        guard parts.count <= 2, partsAreNames else {
            throw Failure(offset: offset, message: "\(name) is not a name namespaces allow: at most one ':', between a prefix and a local name")
        }
        guard parts.count == 2 else { return }
        let prefix = String(parts[0])
        guard prefix != "xmlns" else {
            throw Failure(offset: offset, message: "the prefix xmlns is reserved for declaring namespaces")
        }
        guard prefixScopes.contains(where: { $0.contains(prefix) }) else {
            let what = isElement ? "element <\(name)>" : "attribute \(name)"
            throw Failure(offset: offset, message: "the prefix of the \(what) is not declared: add xmlns:\(prefix)=\"…\" to it or an element around it")
        }
    }

    /// Text between tags, up to the next `<`: references known, and no `]]>`.
    private mutating func characterData() throws {
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") {
            if bytes[index] == UInt8(ascii: "&") {
                try reference()
            } else if starts(with: "]]>") {
                throw failure("']]>' may not appear in text; write ']]&gt;'")
            } else {
                index += 1
            }
        }
    }

    /// `&name;`, `&#digits;` or `&#xhex;`, naming a known entity or a character XML allows.
    private mutating func reference() throws {
        let start = index
        index += 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            index += 1
            let isHex = index < bytes.count && bytes[index] == UInt8(ascii: "x")
            if isHex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < bytes.count, let digit = Self.digit(bytes[index], hex: isHex) {
                value = min(value &* (isHex ? 16 : 10) &+ digit, 0x110000)
                index += 1
            }
            guard index > digitsStart, index < bytes.count, bytes[index] == UInt8(ascii: ";") else {
                throw Failure(offset: start, message: "a character reference should be '&#' and digits, or '&#x' and hexadecimal digits, then ';'")
            }
            index += 1
            guard Self.isCharacter(value) else {
                throw Failure(offset: start, message: "the reference names a character XML does not allow")
            }
            return
        }
        guard index < bytes.count, Self.startsName(bytes, at: index) else {
            throw Failure(offset: start, message: "'&' should start a reference; write '&amp;' for the character itself")
        }
        let entity = try name(what: "the entity's name")
        guard index < bytes.count, bytes[index] == UInt8(ascii: ";") else {
            throw Failure(offset: start, message: "the reference &\(entity) should end with ';'")
        }
        index += 1
        guard entities.contains(entity) else {
            throw Failure(offset: start, message: "&\(entity); is not an entity XML knows (HTML's named entities are not): write the character itself or a numeric reference")
        }
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    // MARK: - Comments and processing instructions

    /// `<!-- … -->`, with no `--` inside.
    private mutating func comment() throws {
        let start = index
        index += 4
        guard let end = find("--", from: index) else { throw Failure(offset: start, message: "the comment is not closed with '-->'") }
        guard end + 2 < bytes.count, bytes[end + 2] == UInt8(ascii: ">") else {
            throw Failure(offset: end, message: "'--' may appear in a comment only in its closing '-->'")
        }
        index = end + 3
    }

    /// `<?target …?>`, whose target is a name other than `xml`.
    private mutating func processingInstruction() throws {
        let start = index
        index += 2
        let target = try name(what: "the processing instruction's target")
        guard target.lowercased() != "xml" else {
            throw Failure(offset: start, message: "the XML declaration may only start the document")
        }
        guard !target.contains(":") else { throw Failure(offset: start + 2, message: "a processing instruction's target may not hold ':'") }
        guard let end = find("?>", from: index) else { throw Failure(offset: start, message: "the processing instruction is not closed with '?>'") }
        guard end == index || Self.isSpace(bytes[index]) else { throw failure("a space should follow the processing instruction's target") }
        index = end + 2
    }

    // MARK: - Names and spaces

    /// An XML name at the current place.
    private mutating func name(what: String) throws -> String {
        guard index < bytes.count, Self.startsName(bytes, at: index) else { throw failure("\(what) should start here") }
        let start = index
        while index < bytes.count, let (scalar, length) = Self.scalar(in: bytes, at: index), Self.isNameCharacter(scalar) {
            index += length
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func startsName(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard let (scalar, _) = scalar(in: bytes, at: offset) else { return false }
        return isNameStart(scalar)
    }

    /// XML 1.0 (fifth edition)'s NameStartChar.
    private static func isNameStart(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3A, 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            true
        default: false
        }
    }

    /// XML 1.0 (fifth edition)'s NameChar.
    private static func isNameCharacter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: isNameStart(scalar)
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Moves past spaces; whether there were any.
    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = index
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        return index > start
    }

    private func starts(with text: String) -> Bool {
        starts(with: Array(text.utf8))
    }

    private func starts(with prefix: [UInt8]) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for (offset, byte) in prefix.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }

    /// The offset of the next `text` at or after `start`.
    private func find(_ text: String, from start: Int? = nil) -> Int? {
        let needle = Array(text.utf8)
        var offset = start ?? index
        while offset + needle.count <= bytes.count {
            if bytes[offset] == needle[0], Array(bytes[offset..<(offset + needle.count)]) == needle { return offset }
            offset += 1
        }
        return nil
    }

    private func failure(_ message: String) -> Failure {
        Failure(offset: min(index, bytes.count), message: message)
    }

    /// The 1-based line and column (in characters) of a byte offset; lines end at LF, CR LF or CR.
    private func lineAndColumn(of offset: Int) -> (Int, Int) {
        var line = 1
        var column = 1
        var position = 0
        while position < min(offset, bytes.count) {
            let byte = bytes[position]
            if byte == 0x0A || (byte == 0x0D && (position + 1 >= bytes.count || bytes[position + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80, byte != 0x0D {
                column += 1
            }
            position += 1
        }
        return (line, column)
    }
}
