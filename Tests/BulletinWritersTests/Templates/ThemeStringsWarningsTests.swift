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
