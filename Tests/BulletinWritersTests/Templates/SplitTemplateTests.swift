import BulletinKit
@testable import BulletinWriters
import Testing

@Suite("Split templates")
struct SplitTemplateTests {
    /// The templates of the default theme with `entities` replaced by `template`, unless it is ``defaultLayout``.
    static func templates(_ template: String) throws -> ThemeTemplates {
        var theme = try Resources.theme(nil)
        if template != defaultLayout { theme.files["site/entities.mustache"] = Array(template.utf8) }
        return try SiteTemplates(theme: theme).templates
    }

    /// The text of `layout`, the default theme's for ``defaultLayout``.
    static func text(_ layout: String) throws -> String {
        guard layout == defaultLayout else { return layout }
        return String(decoding: try #require(try Resources.theme(nil).files["site/entities.mustache"]), as: UTF8.self)
    }

    /// Stands for the default theme's `entities` template.
    static let defaultLayout = "(the default theme's)"

    /// What the template engine makes of `entities` for `values`, without splitting or splicing.
    static func direct(_ templates: ThemeTemplates, _ values: TemplateValues) -> String {
        templates.library.render(values.engineContext, withTemplate: "entities") ?? ""
    }

    /// An index's values: groups of `sizes` entities each, named with markup characters and a word of `tag`.
    static func index(_ sizes: [Int], tag: String = "") -> TemplateValues {
        let groups = sizes.enumerated().map { group, size -> TemplateValues in
            [
                "label": .text("Group \(group)"), "type": .text("type\(group)"), "count": .number(size),
                "entities": .list((0..<size).map { number in
                    var entity: TemplateValues = [
                        "name": .text(Markup.attribute("R&D <\(tag)\(number)> \"quoted\"")), "href": .text("../entities/e\(group)-\(number)/"),
                        "articleCountText": .text("\(number + 1) articles"), "mentionCountText": .text("\(number * 3) mentions"),
                    ]
                    // Some entities have a value the others lack, a shape of their own.
                    if number % 3 == 1 { entity["note"] = .text("noted") }
                    return entity
                }),
            ]
        }
        return ["groups": .list(groups), "entityCount": .number(sizes.reduce(0, +)), "title": .text("Index"),
                "t": .constant(key: "en", ["listSeparator": .text(", "), "noEntities": .text("None yet.")])]
    }

    static let layouts = [
        defaultLayout,
        // Indented tags, a value of the page and an inverted section inside the element, CR LF line ends.
        "<h1>{{title}}</h1>\r\n{{^groups}}\r\nnone\r\n{{/groups}}\r\n  {{#groups}}  \r\n<h2>{{label}} {{title}}</h2>\r\n\t{{#entities}}\r\n"
            + "<li>{{name}}{{^note}} (plain){{/note}} in {{title}}</li>\r\n  {{/entities}}\r\n{{/groups}}\r\n<p>{{entityCount}}</p>",
        // The list's section at the very end, without a line break after its closing tags.
        "{{t.noEntities}}\n{{#groups}}\n{{label}}:\n{{#entities}}\n  {{name}}{{#note}}*{{/note}}\n{{/entities}}\n{{/groups}}",
        // An empty body, which the engine reads its own way, and sections of other names around it.
        "{{#title}}\n{{title}}\n{{/title}}\n{{#groups}}\n{{#entities}}\n{{/entities}}\n{{/groups}}\nend\n",
    ]

    @Test("a split template renders what the template engine does, for empty lists, one entity and many", arguments: layouts)
    func splitMatchesEngine(layout: String) throws {
        let templates = try Self.templates(layout)
        // The sample that checks the split is taken from the first page: it must be the page's own output either way.
        for sizes in [[], [0], [1], [2, 1], [7, 0, 3], [1], [30, 5], []] {
            let values = Self.index(sizes, tag: "\(sizes.count)")
            let direct = Self.direct(templates, values)
            #expect(templates.renderUTF8("entities", values) == Array(direct.utf8), "\(sizes)")
            #expect(templates.render("entities", values) == direct, "\(sizes)")
        }
        // The engine renders an empty section body that stands alone as a line break of its own, which the cut
        // does not: the check finds it, and that template is rendered whole.
        #expect(templates.rendersInPieces("entities") == !layout.contains("{{#entities}}\n{{/entities}}"))
    }

    @Test("templates cut: the default theme's, sections alone on their lines")
    func cutsStandaloneSections() throws {
        for layout in Self.layouts {
            #expect(SplitTemplate.cut(try Self.text(layout), named: "entities", at: ["groups", "entities"]) != nil, "\(layout)")
        }
    }

    @Test("templates left whole: a section sharing its line, repeated, on the first line, or its list named around it",
          arguments: [
              "<ul>{{#groups}}<li>{{label}}</li>{{/groups}}</ul>\n",
              "x\n{{#groups}}\n{{label}}\n{{/groups}}\n{{#groups}}\n{{label}}\n{{/groups}}\n",
              "{{#groups}}\n{{label}}\n{{/groups}}\n",
              "x\n{{#groups}}\n{{label}}\n{{/groups}}\n{{groups.0.label}}\n",
              "x\n{{#groups}}\n{{#groups}}{{label}}{{/groups}}\n{{/groups}}\n",
              "x\n{{#groups}}\n{{> part}}\n{{/groups}}\n",
              "x\n{{#groups}}\n{{label}}\n{{/groups}} after\n",
          ])
    func leavesOthersWhole(layout: String) throws {
        #expect(SplitTemplate.cut(layout, named: "entities", at: ["groups"]) == nil)
    }

    @Test("a theme's own index template gives its own markup, whole or split")
    func themeMarkup() throws {
        for layout in ["x\n{{#groups}}\n<dl>{{label}}</dl>\n{{#entities}}\n<dd>{{name}}</dd>\n{{/entities}}\n{{/groups}}\n",
                       "{{#groups}}<dl>{{label}}</dl>{{#entities}}<dd>{{name}}</dd>{{/entities}}{{/groups}}"] {
            let templates = try Self.templates(layout)
            let output = String(decoding: templates.renderUTF8("entities", Self.index([2])), as: UTF8.self)
            #expect(output.contains("<dl>Group 0</dl>"))
            #expect(output.contains("<dd>\(Markup.attribute("R&D <1> \"quoted\""))</dd>"))
            #expect(!output.contains("entity-index"))
        }
        // Sections sharing their lines leave the template whole.
        #expect(try Self.templates("{{#groups}}<dl>{{label}}</dl>{{/groups}}").rendersInPieces("entities") == false)
    }

    @Test("an index whose list is not a list is rendered whole")
    func notAList() throws {
        let templates = try Self.templates(Self.layouts[0])
        for groups: TemplateValue in [.flag(false), .flag(true), .text("")] {
            var values = Self.index([2])
            values["groups"] = groups
            #expect(templates.renderUTF8("entities", values) == Array(Self.direct(templates, values).utf8))
        }
    }
}
