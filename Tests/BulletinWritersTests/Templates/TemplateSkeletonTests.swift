import BulletinKit
@testable import BulletinWriters
import Testing

@Suite("Template skeletons")
struct TemplateSkeletonTests {
    /// The default theme with `404` replaced by `template` and a partial `part` added.
    static func templates(_ template: String, part: String = "") throws -> ThemeTemplates {
        var theme = try Resources.theme(nil)
        theme.files["site/404.mustache"] = Array(template.utf8)
        theme.files["site/part.mustache"] = Array(part.utf8)
        return try SiteTemplates(theme: theme).templates
    }

    static func direct(_ templates: ThemeTemplates, _ values: TemplateValues) -> String {
        templates.library.render(values.engineContext, withTemplate: "404") ?? ""
    }

    @Test("pages of one shape are spliced, and each is what the template makes of its values")
    func splicedPagesMatch() throws {
        let templates = try Self.templates("""
        <h1>{{title}}</h1>{{#date}}<time>{{date}}</time>{{/date}}{{^date}}undated{{/date}}
        {{#items}}
          {{> part}}
        {{/items}}
        {{#flag}}{{count}} of {{title}}{{/flag}}
        """, part: "<li>{{name}} in {{title}}</li>\n{{{body}}}after\n")
        let pages: [TemplateValues] = (0..<4).map { number in
            [
                "title": .text("Title \(number) &amp; more"), "date": .text("2026-11-\(10 + number)"), "flag": .flag(true), "count": .number(number),
                "items": .list([
                    ["name": .text("first \(number)"), "body": .text("<p>one</p>\n<p>two \(number)</p>\n")],
                    ["name": .text("second"), "body": .text("<p>x</p>\n")],
                ]),
            ]
        }
        for values in pages {
            #expect(templates.render("404", values) == Self.direct(templates, values))
        }
        #expect(templates.skeletons?.skeletonCount == 1)
        // Another shape: no date, an empty list, the flag off.
        let other: TemplateValues = ["title": .text("Other"), "flag": .flag(false), "count": .number(0), "items": .list([])]
        for _ in 0..<3 { #expect(templates.render("404", other) == Self.direct(templates, other)) }
        #expect(templates.skeletons?.skeletonCount == 2)
    }

    @Test("values given as UTF-8 are spliced as the template prints them as text, ending a line, in CR LF or empty")
    func utf8Values() throws {
        let templates = try Self.templates("<ul>\n  {{> part}}\n</ul>{{#flag}}{{{head}}}{{/flag}}", part: "{{{body}}}<li>{{name}}</li>\n")
        let bodies = ["<p>a</p>\n", "<p>b</p>", "", "<p>é\u{E000}</p>\n", "<p>c</p>\r\n", "\n", "<p>d</p>\n", "<p>e</p>", ""]
        for (index, body) in bodies.enumerated() {
            for flag in [true, false] {
                let values: TemplateValues = ["body": .utf8(Array(body.utf8)), "name": .text("n\(index)"), "flag": .flag(flag),
                                              "head": .utf8(Array("<h\(index)>\n".utf8))]
                let direct = Self.direct(templates, values)
                #expect(templates.render("404", values) == direct, "\(body.debugDescription)")
                #expect(templates.renderUTF8("404", values) == Array(direct.utf8), "\(body.debugDescription)")
            }
        }
        #expect(templates.skeletons?.skeletonCount ?? 0 > 0)
    }

    @Test("a value ending in CR LF before an indented partial's next line is rendered as the template renders it")
    func crlfValues() throws {
        let templates = try Self.templates("<ul>\n  {{> part}}\n</ul>", part: "{{{body}}}<li>{{name}}</li>\n")
        // The first two make a skeleton of their shape; the third must not be spliced from it.
        for body in ["<p>a</p>\n", "<p>b</p>\n", "<p>c</p>\r\n", "<p>d</p>\n", "<p>e</p>\r\n"] {
            let values: TemplateValues = ["body": .text(body), "name": .text("n")]
            #expect(templates.render("404", values) == Self.direct(templates, values))
        }
    }

    @Test("an empty value is a different shape from a present one, as sections see it")
    func emptyValues() throws {
        let templates = try Self.templates("{{#summary}}<p>{{summary}}</p>{{/summary}}{{^summary}}none{{/summary}}")
        for summary in ["", "A", "", "B", "", "C"] {
            #expect(templates.render("404", ["summary": .text(summary)]) == (summary.isEmpty ? "none" : "<p>\(summary)</p>"))
        }
        #expect(templates.skeletons?.skeletonCount == 2)
    }

    @Test("values under names no tag mentions do not make new shapes; a partial's names count for its includer")
    func unmentionedValues() throws {
        let templates = try Self.templates("<p>{{title}}</p>{{> part}}", part: "{{#extra}}[{{mark}}]{{/extra}}")
        let plain = try Self.templates("<p>{{title}}</p>")
        for count in 0..<4 {
            let values: TemplateValues = ["title": .text("T\(count)"), "extra": .list(Array(repeating: ["mark": .text("x")], count: count))]
            #expect(templates.render("404", values) == "<p>T\(count)</p>" + String(repeating: "[x]", count: count))
            #expect(plain.render("404", values) == "<p>T\(count)</p>")
        }
        // Four list lengths are four shapes for the includer, one for the template that never looks at the list.
        #expect(templates.skeletons?.skeletonCount == 0)
        #expect(plain.skeletons?.skeletonCount == 1)
    }

    @Test("templates that could print a value other than verbatim are never spliced")
    func transformsAreRenderedDirectly() throws {
        #expect(try Self.templates("{{uppercased(title)}}").skeletons == nil)
        // A partial named by a value is refused outright: a source's text could name the template itself.
        #expect(throws: WriterError.self) { try Self.templates("{{#items}}{{>*kind}}{{/items}}") }
        #expect(try Self.templates("{{=<% %>=}}<% title %>").skeletons == nil)
        #expect(try Self.templates("\u{E000}{{title}}").skeletons == nil)
        #expect(try Self.templates("{{{title}}} {{& title}} {{! a comment }}").skeletons != nil)
        let templates = try Self.templates("<b>{{#first()}}{{title}}{{/first()}}</b>")
        for title in ["one", "two", "three"] {
            #expect(templates.render("404", ["title": .text(title)]) == Self.direct(templates, ["title": .text(title)]))
        }
    }
}

@Suite("Template values")
struct TemplateValuesTests {
    @Test("values keep the order they were first set; setting again replaces in place, nil removes")
    func order() {
        var values: TemplateValues = ["b": .text("1"), "a": .number(2)]
        values["c"] = .flag(true)
        values["b"] = .text("3")
        values["a"] = nil
        values["missing"] = nil
        #expect(values.members.map(\.name) == ["b", "c"])
        guard case .text("3")? = values["b"] else { Issue.record("b was not replaced"); return }
        var page: TemplateValues = ["title": .text("page"), "root": .text("../")]
        page.add(missingFrom: ["root": .text("./"), "siteTitle": .text("Site")])
        #expect(page.members.map(\.name) == ["title", "root", "siteTitle"])
        guard case .text("../")? = page["root"] else { Issue.record("a page's own value was replaced"); return }
    }

    @Test("the engine reads texts and numbers as safe markup, flags as flags, lists and sets as containers")
    func engineContext() throws {
        let values: TemplateValues = ["t": .text("<b>x</b>"), "n": .number(7), "f": .flag(false), "l": .list([["k": .text("v")]]), "v": .values(["k": .number(1)])]
        let context = values.engineContext
        #expect((context["t"] as? SafeHTML)?.markup == "<b>x</b>")
        #expect((context["n"] as? SafeHTML)?.markup == "7")
        #expect(context["f"] as? Bool == false)
        #expect(((context["l"] as? [[String: Any]])?.first?["k"] as? SafeHTML)?.markup == "v")
        #expect(((context["v"] as? [String: Any])?["k"] as? SafeHTML)?.markup == "1")
    }

    @Test("a template's names are found by number, each its own, and other names are not, whatever their length", arguments: [0, 1, 7, 300])
    func namesNumbered(count: Int) {
        // Past 254 a number takes three bytes in a shape; names of 0 to over 15 bytes, short and long strings.
        let names = (0..<count).map { String(repeating: "n", count: $0 % 20) + "\($0)" }
        let numbers = NameNumbers(names)
        for (number, name) in names.enumerated() {
            // A name made anew, not the literal the table holds.
            #expect(numbers[String(name.utf8.map { Character(Unicode.Scalar($0)) })] == number)
        }
        #expect(numbers["missing"] == nil)
        #expect(numbers[""] == nil)
    }
}
