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
}
