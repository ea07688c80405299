import Synchronization

/// Template outputs with holes: a template rendered once per shape of its values, then filled by splicing.
///
/// Bulletin's templates print every value verbatim (values arrive escaped), so what a template makes of a
/// set of values depends on their values only through the holes they fill, once it is known which values
/// are present, empty, true, and how long each list is: their *shape*. The first time a shape comes back,
/// the template is rendered with a numbered marker (private-use characters around the value's number) in
/// place of each value, and the output is cut at the markers into a skeleton; pages of that shape are
/// then spliced from it without going through the template engine, whose name lookups cost far more than
/// the copying. A shape seen once is rendered directly, so pages with unique shapes cost nothing extra.
///
/// A new skeleton is checked against a direct rendering of the page that made it, and a shape whose
/// splice differs is rendered directly from then on. Themes whose templates could print a value other
/// than verbatim (transforms such as `{{uppercase(name)}}`, partials named by a value, changed
/// delimiters) are never spliced: see ``SiteTemplates``.
final class TemplateSkeletons: Sendable {
    /// A template output cut at the values it prints: literal text and value numbers, in order.
    struct Skeleton: Sendable {
        enum Piece: Sendable {
            case literal(String)
            case value(Int)
        }

        var pieces: [Piece]

        /// The output for `values`, numbered in the order their shape was taken.
        func splice(_ values: [Text]) -> String {
            var output = ""
            output.reserveCapacity(length(with: values))
            for piece in pieces {
                switch piece {
                case .literal(let text): output += text
                case .value(let number):
                    switch values[number] {
                    case .string(let text): output += text
                    case .utf8(let bytes): output += String(decoding: bytes, as: UTF8.self)
                    }
                }
            }
            return output
        }

        /// ``splice(_:)`` as UTF-8, for output written straight to a file or spliced into another as bytes.
        func spliceUTF8(_ values: [Text]) -> [UInt8] {
            var output: [UInt8] = []
            output.reserveCapacity(length(with: values))
            for piece in pieces {
                switch piece {
                case .literal(var text): text.withUTF8 { output.append(contentsOf: $0) }
                case .value(let number):
                    switch values[number] {
                    case .string(var text): text.withUTF8 { output.append(contentsOf: $0) }
                    case .utf8(let bytes): output.append(contentsOf: bytes)
                    }
                }
            }
            return output
        }

        /// The output's length in UTF-8 bytes.
        private func length(with values: [Text]) -> Int {
            var length = 0
            for piece in pieces {
                switch piece {
                case .literal(let text): length += text.utf8.count
                case .value(let number): length += values[number].count
                }
            }
            return length
        }
    }

    /// A value's text as a skeleton splices it: a string, or markup made as UTF-8.
    enum Text: Sendable {
        case string(String)
        case utf8([UInt8])

        /// The length in UTF-8 bytes.
        var count: Int {
            switch self {
            case .string(let text): text.utf8.count
            case .utf8(let bytes): bytes.count
            }
        }

        /// The last two bytes, 0 for those it is too short to have: read in place, where the string's
        /// `utf8.last` steps back through its indices.
        var lastTwoBytes: (penultimate: UInt8, last: UInt8) {
            switch self {
            case .string(var text): text.withUTF8 { Self.lastTwo(of: $0) }
            case .utf8(let bytes): bytes.withUnsafeBufferPointer { Self.lastTwo(of: $0) }
            }
        }

        private static func lastTwo(of bytes: UnsafeBufferPointer<UInt8>) -> (penultimate: UInt8, last: UInt8) {
            (bytes.count >= 2 ? bytes[bytes.count - 2] : 0, bytes.last ?? 0)
        }
    }

    /// What is known of a shape: seen once, spliced, or rendered directly because its splice differed.
    private enum Entry: Sendable {
        case seen
        case skeleton(Skeleton)
        case direct
    }

    /// By shape (``ValueShape/key``).
    private let entries = Mutex<[ShapeKey: Entry]>([:])
    /// By template, every name its tags (and those of the partials it may include) mention; values under
    /// other names cannot change its output, so they are left out of its shapes.
    let names: [String: Set<String>]
    /// By template, a number for each of its ``names``, which stands for the name in its shapes: found
    /// with the one look-up that tells whether the name counts, and shorter to write and hash than the name.
    private let numbers: [String: NameNumbers]
    /// Most shapes kept; past it the store starts over (a theme with many list lengths would otherwise grow it).
    static let limit = 20_000

    /// A store for templates whose tags mention `names`, by template.
    init(names: [String: Set<String>]) {
        self.names = names
        numbers = names.mapValues { NameNumbers($0.sorted()) }
    }

    /// The output of the template `name` for `values`, rendered by `render`, spliced when its shape has a skeleton.
    func render(_ name: String, _ values: TemplateValues, with render: (TemplateValues) -> String) -> String {
        switch output(name, values, with: render) {
        case .spliced(let skeleton, let values): skeleton.splice(values)
        case .rendered(let text): text
        }
    }

    /// ``render(_:_:with:)`` as UTF-8: a spliced output is made as bytes, without a string in between.
    func renderUTF8(_ name: String, _ values: TemplateValues, with render: (TemplateValues) -> String) -> [UInt8] {
        switch output(name, values, with: render) {
        case .spliced(let skeleton, let values): skeleton.spliceUTF8(values)
        case .rendered(let text): Array(text.utf8)
        }
    }

    /// An output to splice, or one rendered already.
    private enum Output {
        case spliced(Skeleton, values: [Text])
        case rendered(String)
    }

    private func output(_ name: String, _ values: TemplateValues, with render: (TemplateValues) -> String) -> Output {
        guard let numbers = numbers[name] else { return .rendered(render(values)) }
        var shape = ValueShape(template: name, numbers: numbers)
        guard shape.add(values) else { return .rendered(render(values)) }
        let key = ShapeKey(bytes: shape.key)
        switch entries.withLock({ $0[key] }) {
        case .skeleton(let skeleton):
            return .spliced(skeleton, values: shape.values)
        case .direct:
            return .rendered(render(values))
        case nil:
            store(.seen, for: key)
            return .rendered(render(values))
        case .seen:
            let direct = render(values)
            var numbered = 0
            let marked = shape.marking(values, next: &numbered)
            let entry: Entry
            if let skeleton = Self.skeleton(of: render(marked), values: shape.values),
               skeleton.splice(shape.values) == direct {
                entry = .skeleton(skeleton)
            } else {
                entry = .direct
            }
            store(entry, for: key)
            return .rendered(direct)
        }
    }

    /// How many shapes are spliced now.
    var skeletonCount: Int {
        entries.withLock { entries in
            entries.values.count { if case .skeleton = $0 { true } else { false } }
        }
    }

    private func store(_ entry: Entry, for key: ShapeKey) {
        entries.withLock { entries in
            if entries.count >= Self.limit { entries.removeAll() }
            entries[key] = entry
        }
    }

    // MARK: - Markers

    /// U+E000 and U+E001 around a value's number; a value ending in a line break keeps it after the marker,
    /// because a partial's indentation depends on whether the text so far ends a line.
    static let markerStart: Character = "\u{E000}"
    static let markerEnd: Character = "\u{E001}"

    /// The marker standing for value `number`.
    static func marker(_ number: Int, endsLine: Bool) -> String {
        "\(markerStart)\(number)\(markerEnd)" + (endsLine ? "\n" : "")
    }

    /// `output`, made from the markers of `values`, cut at the markers; nil when a marker is malformed.
    static func skeleton(of output: String, values: [Text]) -> Skeleton? {
        var pieces: [Skeleton.Piece] = []
        var rest = output[...]
        while let start = rest.firstIndex(of: markerStart) {
            if start > rest.startIndex { pieces.append(.literal(String(rest[..<start]))) }
            let digits = rest[rest.index(after: start)...]
            guard let end = digits.firstIndex(of: markerEnd), let number = Int(digits[..<end]), values.indices.contains(number) else { return nil }
            pieces.append(.value(number))
            rest = digits[digits.index(after: end)...]
            // The line break a marker carries is the value's own.
            if values[number].lastTwoBytes.last == UInt8(ascii: "\n") {
                guard rest.first == "\n" else { return nil }
                rest = rest.dropFirst()
            }
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return Skeleton(pieces: pieces)
    }
}

/// A shape's key as the store of skeletons finds it: its bytes hashed at once, where an array of bytes
/// hashes them one by one.
struct ShapeKey: Hashable {
    let bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// The names a template's tags mention, each with a number that stands for it in the template's shapes.
///
/// A page's shape looks up every name it sets, a few hundred thousand look-ups in a large build: a
/// dictionary of strings hashes each name with SipHash, several times the work of the rest of the shape.
/// Names are short and few, so a table of its own hashes their bytes with FNV-1a instead and finds each
/// in a probe or two, compared with `==`, which the same literal or short name passes at once.
struct NameNumbers: Sendable {
    /// The names and their numbers, by hash; nil in an empty slot.
    private let slots: [(name: String, number: Int)?]
    /// The slot count less one: the count is a power of two, at least twice the names.
    private let mask: Int

    /// The names of `names`, numbered in order.
    init(_ names: [String]) {
        precondition(names.count <= 0x1_0000, "more names than a shape can number")
        var count = 8
        while count < names.count * 2 { count *= 2 }
        var slots = [(name: String, number: Int)?](repeating: nil, count: count)
        for (number, name) in names.enumerated() {
            var slot = Self.hash(name) & (count - 1)
            while let taken = slots[slot] {
                precondition(taken.name != name, "a name numbered twice")
                slot = (slot + 1) & (count - 1)
            }
            slots[slot] = (name, number)
        }
        self.slots = slots
        mask = count - 1
    }

    /// The number of `name`; nil when it is not one of the names.
    subscript(name: String) -> Int? {
        var slot = Self.hash(name) & mask
        while let entry = slots[slot] {
            if entry.name == name { return entry.number }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a over the name's UTF-8, read in place.
    private static func hash(_ name: String) -> Int {
        var name = name
        return name.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            // The high bits are the well mixed ones; the table takes the low.
            return Int(truncatingIfNeeded: hash ^ (hash >> 29))
        }
    }
}

/// The shape of template values (names, which texts are empty or end a line, flags, list lengths) and
/// their texts in the order the shape visits them: names in the order they were set, lists in order,
/// and only the names among ``numbers``.
struct ValueShape {
    /// The names that count, each with the number that stands for it in the shape.
    let numbers: NameNumbers
    /// The template's name and the shape, as bytes: the key of the shape's skeleton, hashed as it is
    /// rather than made a string, which would validate every byte, and free to hold any byte.
    private(set) var key: [UInt8] = []
    /// The texts and numbers, as text, numbered by position.
    private(set) var values: [TemplateSkeletons.Text] = []

    /// The shape of values given to the template `template`, whose tags mention the names of `numbers`.
    init(template: String, numbers: NameNumbers) {
        self.numbers = numbers
        key.reserveCapacity(256)
        key.append(contentsOf: template.utf8)
        key.append(0)
        values.reserveCapacity(64)
    }

    /// Adds `values`; false when a text ends in CR LF, which is rendered directly: it ends a line for
    /// the bytes but not for a partial's indentation, which compares characters (and "\r\n" is one).
    mutating func add(_ values: TemplateValues) -> Bool {
        key.append(UInt8(ascii: "{"))
        for (name, value) in values.members {
            guard let number = numbers[name] else { continue }
            append(number: number)
            guard add(value) else { return false }
        }
        key.append(UInt8(ascii: "}"))
        return true
    }

    /// A name's number as a byte below 255, or 255 and two bytes: read back unambiguously, as the value
    /// that follows starts with a byte of its own.
    private mutating func append(number: Int) {
        if number < 255 {
            key.append(UInt8(number))
        } else {
            key.append(255)
            key.append(UInt8(truncatingIfNeeded: number >> 8))
            key.append(UInt8(truncatingIfNeeded: number))
        }
    }

    private mutating func add(_ value: TemplateValue) -> Bool {
        switch value {
        case .text(let text):
            return add(TemplateSkeletons.Text.string(text))
        case .utf8(let text):
            return add(TemplateSkeletons.Text.utf8(text))
        case .number(let number):
            key.append(UInt8(ascii: "s"))
            self.values.append(.string(String(number)))
        case .flag(let flag):
            key.append(flag ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .values(let values):
            return add(values)
        case .list(let list):
            key.append(UInt8(ascii: "["))
            for element in list { guard add(element) else { return false } }
            key.append(UInt8(ascii: "]"))
        case .constant(let constantKey, _):
            // Printed into the skeleton itself: its key stands for all its texts.
            key.append(UInt8(ascii: "c"))
            key.append(contentsOf: constantKey.utf8)
            key.append(0)
        }
        return true
    }

    private mutating func add(_ text: TemplateSkeletons.Text) -> Bool {
        let ending = text.lastTwoBytes
        if ending.penultimate == UInt8(ascii: "\r"), ending.last == UInt8(ascii: "\n") { return false }
        // Only a text whose last byte reads 0 can be empty: the length is asked of those alone.
        let empty = ending.last == 0 && text.count == 0
        key.append(empty ? UInt8(ascii: "e") : ending.last == UInt8(ascii: "\n") ? UInt8(ascii: "n") : UInt8(ascii: "s"))
        values.append(text)
        return true
    }

    /// `values` with each text and number replaced by its marker, numbered from `next` in the order ``add(_:)`` visits them.
    func marking(_ values: TemplateValues, next: inout Int) -> TemplateValues {
        var marked: TemplateValues = [:]
        for (name, value) in values.members where numbers[name] != nil { marked[name] = marking(value, next: &next) }
        return marked
    }

    private func marking(_ text: TemplateSkeletons.Text, next: inout Int) -> TemplateValue {
        defer { next += 1 }
        return .text(text.count == 0 ? "" : TemplateSkeletons.marker(next, endsLine: text.lastTwoBytes.last == UInt8(ascii: "\n")))
    }

    private func marking(_ value: TemplateValue, next: inout Int) -> TemplateValue {
        switch value {
        case .text(let text):
            return marking(TemplateSkeletons.Text.string(text), next: &next)
        case .utf8(let text):
            return marking(TemplateSkeletons.Text.utf8(text), next: &next)
        case .number:
            defer { next += 1 }
            return .text(TemplateSkeletons.marker(next, endsLine: false))
        case .flag, .constant:
            return value
        case .values(let values):
            return .values(marking(values, next: &next))
        case .list(let list):
            return .list(list.map { marking($0, next: &next) })
        }
    }
}
