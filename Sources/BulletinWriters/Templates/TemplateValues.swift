/// A value handed to a theme's template: safe markup (escaped text, a fragment, an href) as a string or
/// as UTF-8, a number, a flag, named values, a list of named values, or named values that are the same on every page that has
/// the same `key` (a language's ``UIStrings``), which splicing keeps in the page's skeleton.
///
/// Typed rather than `Any`, so that a page's shape (``ValueShape``) is read with a `switch` instead of a
/// dynamic cast for every value, and values are not boxed in existentials on the way to the template.
enum TemplateValue: Sendable {
    case text(String)
    /// Markup made as UTF-8 (an article's body, a page's own template output): spliced into the page's
    /// bytes as it is, without being made a string, which validates every byte, and taken apart again.
    case utf8([UInt8])
    case number(Int)
    case flag(Bool)
    case values(TemplateValues)
    case list([TemplateValues])
    case constant(key: String, TemplateValues)
}

/// Named template values, kept in the order they were first set.
///
/// A page's code sets its values in one order, so the shape of its values is stable without sorting
/// the names; two orders of the same names are two shapes, each spliced on its own.
struct TemplateValues: Sendable, ExpressibleByDictionaryLiteral {
    /// The values and their names, in the order they were first set; each name once.
    private(set) var members: [(name: String, value: TemplateValue)]

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        members = []
        members.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    /// Values whose names are known to be distinct, in order: set one by one, each name is looked for
    /// among those set before it.
    init(distinct members: [(name: String, value: TemplateValue)]) {
        precondition(Set(members.map(\.name)).count == members.count, "template values named twice")
        self.members = members
    }

    /// Sets `<noun>Count` to `count` and `<noun>CountText` to it in words of `strings` ("1 article", "3 articles"):
    /// pages give both, for themes that word their counts their own way.
    mutating func setCount(_ count: Int, of noun: String, in strings: UIStrings) {
        setCount(count, of: noun, worded: strings.counted(count, noun))
    }

    /// ``setCount(_:of:in:)`` with the count in words given: `phrase`, unescaped.
    mutating func setCount(_ count: Int, of noun: String, worded phrase: String) {
        self[noun + "Count"] = .number(count)
        self[noun + "CountText"] = .text(Markup.attribute(phrase))
    }

    /// The value named `name`; setting it replaces a value of that name in place, or adds it last.
    subscript(name: String) -> TemplateValue? {
        get { members.first { $0.name == name }?.value }
        set {
            let index = members.firstIndex { $0.name == name }
            switch (index, newValue) {
            case let (index?, value?): members[index].value = value
            case let (index?, nil): members.remove(at: index)
            case let (nil, value?): members.append((name, value))
            case (nil, nil): break
            }
        }
    }

    /// Adds the values of `other` whose names are not set here, in their order.
    mutating func add(missingFrom other: TemplateValues) {
        for (name, value) in other.members where self[name] == nil { members.append((name, value)) }
    }

    /// The values as the template engine reads them: each text and number a ``SafeHTML``, each set of
    /// named values a dictionary, each list an array.
    var engineContext: [String: Any] {
        var context: [String: Any] = [:]
        context.reserveCapacity(members.count)
        for (name, value) in members { context[name] = value.engineValue }
        return context
    }
}

extension TemplateValue {
    /// The value as the template engine reads it (see ``TemplateValues/engineContext``).
    var engineValue: Any {
        switch self {
        case .text(let text): SafeHTML(text)
        case .utf8(let bytes): SafeHTML(String(decoding: bytes, as: UTF8.self))
        case .number(let number): SafeHTML(String(number))
        case .flag(let flag): flag
        case .values(let values), .constant(_, let values): values.engineContext
        case .list(let list): list.map(\.engineContext)
        }
    }
}
