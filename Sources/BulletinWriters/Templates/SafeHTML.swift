import Mustache

/// A value for a template that is already safe markup: escaped text, a fragment, an href or a number.
///
/// Wrapping every value spares swift-mustache its slow paths: a plain `String` pushed by a section
/// (`{{#date}}…{{date}}…{{/date}}`) is searched by reflection for every name inside the section, and
/// printing one goes through `String(describing:)`. This type answers both directly. An empty value is
/// falsy, so `{{#summary}}` skips an empty summary as readers expect.
struct SafeHTML: MustacheCustomRenderable, MustacheParent, Sendable {
    /// The markup.
    let markup: String

    init(_ markup: String) {
        self.markup = markup
    }

    var renderText: String { markup }
    var isNull: Bool { markup.isEmpty }
    func child(named: String) -> Any? { nil }

    /// `value` with every string and number inside it wrapped, dictionaries and arrays walked.
    static func wrapping(_ value: Any) -> Any {
        switch value {
        case let text as String: SafeHTML(text)
        case let number as Int: SafeHTML(String(number))
        case let dictionary as [String: Any]: dictionary.mapValues(wrapping)
        case let array as [[String: Any]]: array.map { $0.mapValues(wrapping) }
        case let array as [Any]: array.map(wrapping)
        default: value
        }
    }
}
