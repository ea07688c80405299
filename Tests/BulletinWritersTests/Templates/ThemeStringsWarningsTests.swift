import BulletinKit
import BulletinModel
@testable import BulletinWriters
import Foundation
import Testing

@Suite("A theme folder's strings files")
struct ThemeStringsWarningsTests {
    /// A theme folder holding `files` (relative path → text), read as a build reads it; removed by `body`'s end.
    private func withThemeFolder<T>(_ files: [String: String], _ body: (Theme, String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-strings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return try body(try Resources.theme(folder.path), folder.path)
    }

    /// ``withThemeFolder(_:_:)`` for an asynchronous body.
    private func withThemeFolder<T>(_ files: [String: String], _ body: (Theme, String) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-strings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return try await body(try Resources.theme(folder.path), folder.path)
    }

    @Test("a folder's file for a language Bulletin has, or for a regional tag, lies over Bulletin's words of the language")
    func layeredOverBundled() throws {
        try withThemeFolder(["strings/fr.json": #"{ "skipToContent": "Sauter au contenu", "home": "Maison" }"#,
                             "strings/pt-BR.json": #"{"home": "Início!"}"#]) { theme, _ in
            #expect(Set(theme.bundledStrings.keys) == ["strings/fr.json"])
            let strings = try ThemeStrings.of(theme)
            let french = strings.strings(for: "fr")
            #expect(french.text("home") == "Maison")
            #expect(french.text("entities") == "Entités")
            #expect(french.text("search") == "Recherche")
            #expect(french.text("issueNumber", ["number": "3"]) == "Numéro 3")
            #expect(french.date("2026-01-12") == "12 janvier 2026")
            let brazilian = strings.strings(for: "pt-BR")
            #expect(brazilian.text("home") == "Início!")
            #expect(brazilian.text("search") == "Pesquisa")
        }
    }

    @Test("a file with only known keys and placeholders warns of nothing, nor does the default theme")
    func clean() throws {
        #expect(try Resources.theme(nil).stringsWarnings.isEmpty)
        try withThemeFolder(["strings/fr.json": #"{"byline": "Signé {authors}", "article": {"one": "{count} papier", "other": "{count} papiers"}}"#,
                             "strings/en.json": #"{"mine": "Mine"}"#, "site/404.mustache": "<p>{{t.mine}}</p>"]) { theme, _ in
            #expect(theme.stringsWarnings.isEmpty, "\(theme.stringsWarnings)")
        }
    }

    @Test("a theme's own key is known however a template reaches it: {{t.key}}, a bare name in a {{#t}} section, a partial or block rendered there, other delimiters")
    func ownKeysEveryWay() async throws {
        let strings = #"""
            {"dotted": "1", "sectioned": "2", "nested": "3", "inPartial": "4", "inBlock": "5", "delimited": "6",
             "inverted": "7", "transformed": "8", "epubOwn": "9", "hmoe": "typo", "outside": "not in t"}
            """#
        let files = [
            "strings/en.json": strings,
            // Every way a page can look a string up: the partial and the block are rendered inside the section.
            "site/404.mustache": """
                <p>{{t.dotted}}</p>{{#t}}<p>{{sectioned}}</p>{{#sectioned}}<i>{{nested}}</i>{{/sectioned}}{{^inverted}}-{{/inverted}}\
                {{> own-bits}}{{$slot}}{{/slot}}{{lowercased(transformed)}}{{/t}}{{outside}}
                {{=<% %>=}}<%#t%><p><%delimited%></p><%/t%><%={{ }}=%>
                """,
            "site/own-bits.mustache": "<b>{{inPartial}}</b>",
            "site/own-child.mustache": "{{<404}}{{$slot}}<u>{{inBlock}}</u>{{/slot}}{{/404}}",
            "epub/cover.svg.mustache": "{{#t}}{{{epubOwn}}}{{/t}}",
        ]
        try withThemeFolder(files) { theme, _ in
            let warnings = theme.stringsWarnings
            // Only the typo, and the key read outside the section (where `t`'s keys are not looked up), are unused.
            #expect(warnings.map(\.message).map { $0.prefix { $0 != " " } } == ["'hmoe'", "'outside'"], "\(warnings.map(\.message))")
        }
        // The section's bare names do reach the strings on a page.
        try await withThemeFolder(["strings/en.json": strings, "site/404.mustache": files["site/404.mustache"]!,
                                   "site/own-bits.mustache": files["site/own-bits.mustache"]!]) { theme, _ in
            let page = try #require(try await SiteFixture.build(SiteFixture.tagged(), theme: theme)["404.html"])
            for text in ["<p>1</p>", "<p>2</p>", "<i>3</i>", "<b>4</b>", "<p>6</p>"] { #expect(page.contains(text), "\(text)") }
        }
    }

    @Test("an unknown key and a placeholder its key does not take are warnings at their line and column")
    func typos() throws {
        let text = """
            {
              "hmoe": "Maison",
              "article": {"one": "{count} papier", "other": "{cuont} papiers"},
              "byline": "Par {author}",
              "home": "Maison {x}"
            }
            """
        try withThemeFolder(["strings/fr.json": text]) { theme, folder in
            let warnings = theme.stringsWarnings
            #expect(warnings.allSatisfy { $0.severity == .warning && $0.location?.path == folder + "/strings/fr.json" })
            let found = warnings.map { ($0.id, $0.location!.line, $0.location!.column, $0.message, $0.fix ?? "") }
            #expect(found.count == 4)
            guard found.count == 4 else { return }
            #expect(found[0].0 == "theme.strings.unknown-key" && found[0].1 == 2 && found[0].2 == 3)
            #expect(found[0].3.contains("'hmoe'") && found[0].4.contains("did you mean 'home'?"))
            #expect(found[1].0 == "theme.strings.unknown-placeholder" && found[1].1 == 3 && found[1].2 == 50)
            #expect(found[1].3 == "'article' takes {count}: {cuont} is printed as it is" && found[1].4 == "write {count}")
            #expect(found[2].1 == 4 && found[2].2 == 18)
            #expect(found[2].3 == "'byline' takes {authors}: {author} is printed as it is" && found[2].4 == "write {authors}")
            #expect(found[3].3 == "'home' takes no {…} value: {x} is printed as it is")
        }
    }
}
