import BulletinKit
import BulletinModel
@testable import BulletinWriters
import Foundation
import Testing

@Suite("Theme template errors")
struct ThemeTemplateErrorTests {
    /// The error compiling the default theme with `path` replaced by `text`, read from `origin`.
    private func failure(_ path: String, _ text: String, origin: String) throws -> WriterError {
        var theme = try Resources.theme(nil)
        theme.files[path] = Array(text.utf8)
        theme.origins[path] = origin
        do {
            if path.hasPrefix("site/") { _ = try SiteTemplates(theme: theme) } else { _ = try EPUBTemplates(theme: theme) }
        } catch let error as WriterError {
            return error
        }
        Issue.record("\(path) compiled: \(text)")
        throw CancellationError()
    }

    @Test("a template that does not compile is a diagnostic at the theme file's line and column, the first line's included",
          arguments: [
              ("{{#broken}\n", 1, 10, "{{#broken}", "a tag is not finished"),
              ("<p>{{#broken}", 1, 13, "<p>{{#broken}", "the template ends inside a tag"),
              ("<p>{{#a}}x{{/b}}</p>", 1, 14, "<p>{{#a}}x{{/b}}</p>", "a section is closed with another name than it was opened with"),
              ("one\n{{#items}}\n  {{name}\n{{/items}}\n", 3, 9, "  {{name}", "a tag is not finished"),
              ("{{% FOO }}", 1, 1, "{{% FOO }}", "a '{{% …}}' tag is not one Bulletin's templates take"),
              ("<p>\n  <b>{{% CONTENT_TYPE: HTML }}</b>\n", 2, 6, "  <b>{{% CONTENT_TYPE: HTML }}</b>", "a '{{% …}}' tag is not one Bulletin's templates take"),
              ("<h1>{{title}}</h1>\n<p>{{#a}}{{#b}}\n{{/b}}\n</p>\n", 2, 4, "<p>{{#a}}{{#b}}", "a section is not closed"),
              ("{{#a}}\n{{^b}}x{{/b}}\n  {{#c}}\n{{/a}}", 4, 4, "{{/a}}", "a section is closed with another name than it was opened with"),
              ("<p>{{#a}}{{/a}}\n {{/stray}}</p>", 2, 2, " {{/stray}}</p>", "'{{/stray}}' closes no section: none is open here"),
          ])
    func located(_ example: (String, Int, Int, String, String)) throws {
        for path in ["site/article.mustache", "epub/article.xhtml.mustache"] {
            let error = try failure(path, example.0, origin: "my-theme/" + path)
            #expect(error.message == "the theme's \(path) is not a valid Mustache template")
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.id == "theme.template" && diagnostic.severity == .error)
            #expect(diagnostic.location == SourceLocation(path: "my-theme/" + path, line: example.1, column: example.2))
            #expect(diagnostic.sourceLine == example.3)
            #expect(diagnostic.message == example.4)
        }
    }

    @Test("including a template the theme does not have is an error at the tag, naming the templates there are")
    func missingPartial() throws {
        for (path, text) in [("site/404.mustache", "<h1>Missing</h1>\n<p>{{> nosuch }}</p>\n"), ("epub/article.xhtml.mustache", "{{< nosuch}}{{/nosuch}}")] {
            let error = try failure(path, text, origin: "my-theme/" + path)
            #expect(error.message == "the theme's \(path) includes a template it does not have")
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.message == "there is no template 'nosuch' to include")
            #expect(diagnostic.location?.line == (path.hasPrefix("site") ? 2 : 1))
            #expect(diagnostic.fix?.contains("article") == true)
        }
        // A tag that names none says so.
        let unnamed = try failure("site/404.mustache", "<p>{{> }}</p>", origin: "my-theme/site/404.mustache")
        #expect(unnamed.diagnostics.first?.message == "the tag names no template to include")
        #expect(unnamed.diagnostics.first?.location?.column == 4)
        // Included by a value, the name is known only when rendered: an error (see dynamicPartial).
        var theme = try Resources.theme(nil)
        theme.files["site/404.mustache"] = Array("{{>*which}}".utf8)
        #expect(throws: WriterError.self) { try SiteTemplates(theme: theme) }
    }

    @Test("a theme folder's own English words change the keys they give; the others stay Bulletin's English")
    func partialEnglish() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-english-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("strings"), withIntermediateDirectories: true)
        try Data(#"{ "search": "Find" }"#.utf8).write(to: folder.appendingPathComponent("strings/en.json"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = try ThemeStrings.of(try Resources.theme(folder.path)).strings(for: "en")
        #expect(english.text("search") == "Find")
        let bundled = try ThemeStrings.of(try Resources.theme(nil)).strings(for: "en")
        #expect(english.text("latestIssues") == bundled.text("latestIssues"))
        #expect(english.text("latestIssues") != "latestIssues")
    }

    @Test("a theme read from a folder knows where each of its files came from; bundled files say so")
    func origins() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-origins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("site"), withIntermediateDirectories: true)
        try Data("{{#open}}".utf8).write(to: folder.appendingPathComponent("site/article.mustache"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let theme = try Resources.theme(folder.path)
        #expect(theme.origin(of: "site/article.mustache") == folder.path + "/site/article.mustache")
        #expect(theme.origin(of: "site/issue.mustache") == "(bundled theme) site/issue.mustache")
        #expect(throws: WriterError.self) { try SiteTemplates(theme: theme) }
    }

    @Test("tags are read with the delimiters a template sets, by the one tag reader the strings keys use too")
    func delimiters() throws {
        let text = "{{=<% %>=}}<h1><%title%></h1>\n<p><%> nosuch %></p><%={{ }}=%>{{t.skipToContent}}"
        let error = try failure("site/404.mustache", text, origin: "my-theme/site/404.mustache")
        #expect(error.message == "the theme's site/404.mustache includes a template it does not have")
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.location == SourceLocation(path: "my-theme/site/404.mustache", line: 2, column: 4))
        let setting = try failure("site/404.mustache", "{{=| |=}}\n  |% CONTENT_TYPE: HTML|", origin: "my-theme/site/404.mustache")
        #expect(setting.diagnostics.first?.location == SourceLocation(path: "my-theme/site/404.mustache", line: 2, column: 3))
        // The two readers give the same tags: the names ThemeTemplates checks, and those the strings keys come from.
        let tags = ThemeTemplates.tags(of: text)
        #expect(tags.map { String($0) } == ["=<% %>=", "title", "> nosuch ", "={{ }}=", "t.skipToContent"])
        #expect(TemplateTag.all(in: text).map { String($0.name) } == ["title", "nosuch", "t.skipToContent"])
    }

    @Test("a template that includes itself, or two that include each other, is an error at the include, not a crash",
          arguments: [
              (["site/article.mustache": "<p>\n{{#entities}}{{> article}}{{/entities}}"], "site/article.mustache", 2, 14, "article → article"),
              (["site/404.mustache": "{{> a}}", "site/a.mustache": "x {{> b}}", "site/b.mustache": "{{#t}}{{< a}}{{/a}}{{/t}}"],
               "site/a.mustache", 1, 3, "a → b → a"),
          ])
    func includesItself(_ example: ([String: String], String, Int, Int, String)) throws {
        var theme = try Resources.theme(nil)
        for (path, text) in example.0 { theme.files[path] = Array(text.utf8); theme.origins[path] = "my-theme/" + path }
        #expect(throws: WriterError.self) { try SiteTemplates(theme: theme) }
        do { _ = try SiteTemplates(theme: theme) } catch let error as WriterError {
            #expect(error.message == "the theme's \(example.1) includes itself")
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.location == SourceLocation(path: "my-theme/" + example.1, line: example.2, column: example.3))
            #expect(diagnostic.message == "the template includes itself (\(example.4)), and would be rendered without end")
        }
    }

    @Test("a template named by a value is an error: a source's text could name the template itself")
    func dynamicPartial() throws {
        let error = try failure("site/article.mustache", "<p>{{>*title}}</p>", origin: "my-theme/site/article.mustache")
        #expect(error.message == "the theme's site/article.mustache includes a template named by a value")
        #expect(error.diagnostics.first?.location?.column == 4)
    }

    @Test("sections nested past the limit, in one template or through included ones, are an error, not a crash")
    func nesting() throws {
        let limit = ThemeTemplates.nestingLimit
        // At the limit, a template compiles and renders.
        var theme = try Resources.theme(nil)
        theme.files["site/404.mustache"] = Array((String(repeating: "{{#t}}", count: limit) + "x" + String(repeating: "{{/t}}", count: limit)).utf8)
        _ = try SiteTemplates(theme: theme)
        for text in [String(repeating: "{{#t}}", count: 1000) + "x" + String(repeating: "{{/t}}", count: 1000),
                     String(repeating: "{{^a}}", count: 100_000)] {
            let error = try failure("site/404.mustache", text, origin: "my-theme/site/404.mustache")
            #expect(error.message == "the theme's site/404.mustache nests sections too deep")
            #expect(error.diagnostics.first?.location?.column == limit * 6 + 1)
        }
        // Sixty templates, each including the next inside two sections: 180 deep.
        for index in 0..<60 {
            theme.files["site/p\(index).mustache"] = Array("{{#t}}{{#t}}{{> p\(index + 1)}}{{/t}}{{/t}}".utf8)
        }
        theme.files["site/p60.mustache"] = Array("x".utf8)
        #expect(throws: WriterError.self) { try SiteTemplates(theme: theme) }
    }
}
