import BulletinKit
import BulletinModel
import BulletinTestSupport
import Foundation
@testable import BulletinWriters
import Testing

@Suite("Words of the theme in each language")
struct UIStringsTests {
    /// The default theme with `extra` files over it.
    /// The default theme with `extra` files over it, as a theme folder's are: a strings file Bulletin has
    /// stays beneath the one that replaces it.
    private static func theme(_ extra: [String: String] = [:]) throws -> Theme {
        var theme = try Resources.theme(nil)
        for (path, text) in extra {
            if path.hasPrefix("strings/"), let bundled = theme.files[path] { theme.bundledStrings[path] = bundled }
            theme.files[path] = Array(text.utf8)
        }
        return theme
    }

    @Test("CLDR plural categories of whole numbers")
    func plurals() {
        func categories(_ language: String, _ numbers: [Int]) -> [PluralCategory] {
            numbers.map { PluralRules.category(of: $0, language: language) }
        }
        #expect(categories("en", [0, 1, 2, 11, 21]) == [.other, .one, .other, .other, .other])
        #expect(categories("fr", [0, 1, 2, 21]) == [.one, .one, .other, .other])
        #expect(categories("ru", [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111]) ==
                [.one, .few, .few, .many, .many, .many, .many, .one, .few, .many, .one, .many])
        #expect(categories("uk-UA", [1, 3, 7, 13, 31]) == [.one, .few, .many, .many, .one])
        #expect(categories("pl", [1, 2, 5, 12, 22, 21]) == [.one, .few, .many, .many, .few, .many])
        #expect(categories("ar", [0, 1, 2, 3, 10, 11, 99, 100, 102, 103]) ==
                [.zero, .one, .two, .few, .few, .many, .many, .other, .other, .few])
        #expect(categories("ja", [0, 1, 2]) == [.other, .other, .other])
        #expect(categories("pt", [0, 1, 2]) == [.one, .one, .other])
        #expect(categories("pt-PT", [0, 1, 2]) == [.other, .one, .other])
    }

    @Test("the strings of a language: its file, else its first subtag's, else English, key by key")
    func fallback() throws {
        let strings = try ThemeStrings(theme: Self.theme(["strings/sv.json": #"{"home": "Hem"}"#]))
        #expect(strings.strings(for: "fr").text("home") == "Accueil")
        #expect(strings.strings(for: "fr-CA").text("home") == "Accueil")
        #expect(strings.strings(for: "FR").language == "fr")
        #expect(strings.strings(for: "ja").text("home") == "Home")
        #expect(strings.strings(for: "ja").language == "en")
        // A file that leaves keys out: they are English, and its counts follow its own language's rules.
        let swedish = strings.strings(for: "sv-FI")
        #expect(swedish.language == "sv")
        #expect(swedish.text("home") == "Hem")
        #expect(swedish.text("search") == "Search")
    }

    @Test("a theme's file for a language Bulletin has changes only the words it gives: the rest are Bulletin's in that language")
    func fileOverBundledLanguage() throws {
        let values = ["number": "3"]
        let french = try ThemeStrings(theme: Self.theme(["strings/fr.json": #"{"skipToContent": "Sauter au contenu", "home": "Maison"}"#]))
            .strings(for: "fr")
        #expect(french.text("home") == "Maison")
        #expect(french.text("skipToContent") == "Sauter au contenu")
        #expect(french.text("entities") == "Entités")
        #expect(french.text("issueNumber", values) == "Numéro 3")
        #expect(french.date("2026-01-12") == "12 janvier 2026")
        #expect(french.counted(2, "article") == "2 articles")
        // A regional tag's file lies over its language's, Bulletin's here, and that over English.
        let brazilian = try ThemeStrings(theme: Self.theme(["strings/pt-BR.json": #"{"home": "Início!"}"#])).strings(for: "pt-BR")
        #expect(brazilian.language == "pt-BR")
        #expect(brazilian.text("home") == "Início!")
        #expect(brazilian.text("search") == "Pesquisa")
        #expect(brazilian.text("entities") == "Nomes")
        // The theme's own file of the language beneath the regional one.
        let layered = try ThemeStrings(theme: Self.theme(["strings/pt.json": #"{"search": "Busca"}"#, "strings/pt-BR.json": #"{"home": "Lar"}"#]))
            .strings(for: "pt-BR")
        #expect(layered.text("home") == "Lar")
        #expect(layered.text("search") == "Busca")
        #expect(layered.text("entities") == "Nomes")
    }

    @Test("a particular wording a theme's file lacks is its general wording in the file's language, not the English particular one")
    func variantWording() async throws {
        let values = ["number": "2", "first": "2", "last": "2", "page": "2", "pages": "2"]
        let bundled = try ThemeStrings(theme: Self.theme())
        #expect(bundled.strings(for: "fr").text("entityPageRange", variant: "entityPageRangeOne", values) == "article 2, page 2 sur 2")
        #expect(bundled.strings(for: "fr").text("entityPageRange", variant: nil, values) == "articles 2 à 2, page 2 sur 2")
        // A French file made before the variants were: its own general wording, not English.
        let older = try Self.theme(["strings/fr.json": #"{"entityPageRange": "n° {first} à {last} ({page}/{pages})", "entityListSummary": "{articles}, récents d’abord"}"#])
        let french = try ThemeStrings(theme: older).strings(for: "fr")
        #expect(french.text("entityPageRange", variant: "entityPageRangeOne", values) == "n° 2 à 2 (2/2)")
        #expect(french.text("entityListSummary", variant: "entityListSummaryOne", ["articles": "1 article"]) == "1 article, récents d’abord")
        // A key it does not word at all is Bulletin's French, variant and all.
        #expect(french.text("byline", variant: "bylineSeveral", ["authors": "A et B"]) == "Par A et B")
        var archive = SiteFixture.tagged()
        for issue in archive.publications[0].volumes[0].issues.indices {
            for article in archive.publications[0].volumes[0].issues[issue].articles.indices {
                archive.publications[0].volumes[0].issues[issue].articles[article].metadata.language = "fr"
            }
        }
        let site = try await SiteFixture.build(archive, theme: older, entityPageSize: 1)
        #expect(site["entities/org-nato/2/index.html"]?.contains("n° 2 à 2 (2/2)") == true)
        #expect(site["entities/loc-kyiv/index.html"]?.contains("1 article, récents d’abord") == true)
    }

    @Test("counted phrases, dates and filled texts in each language")
    func wording() throws {
        let strings = try ThemeStrings(theme: Self.theme())
        let english = strings.strings(for: "en"), russian = strings.strings(for: "ru"), german = strings.strings(for: "de")
        #expect([1, 2, 5].map { english.counted($0, "article") } == ["1 article", "2 articles", "5 articles"])
        #expect([1, 3, 5, 21].map { russian.counted($0, "article") } == ["1 статья", "3 статьи", "5 статей", "21 статья"])
        #expect(strings.strings(for: "fr").counted(0, "issue") == "0 numéro")
        #expect(english.date("2026-01-12") == "12 January 2026")
        #expect(german.date("2026-03-02") == "2. März 2026")
        #expect(strings.strings(for: "es").date("2026-05-09") == "9 de mayo de 2026")
        #expect(russian.date("2026-01-12") == "12 января 2026 г.")
        #expect(english.date("Spring 2026") == "Spring 2026")
        #expect(english.text("issueTitle", ["publication": "Monitor", "volume": "6", "issue": "23"]) == "Monitor — Volume 6, Issue 23")
        // A value is put in as given, never read for places of its own.
        #expect(english.text("byline", ["authors": "{publisher} & Co"]) == "By {publisher} & Co")
        // Lists part their names as the language does.
        #expect(english.list(["A", "B", "C"]) == "A, B and C")
        #expect(strings.strings(for: "ar").list(["أ", "ب", "ج"]) == "أ، ب وج")
    }

    @Test("every file of the default theme has every key of the English one, and counted phrases every form of its language")
    func completeTranslations() throws {
        let theme = try Self.theme()
        let paths = theme.files.keys.filter { $0.hasPrefix("strings/") }.sorted()
        #expect(paths.count >= 6)
        let english = try #require(try JSONSerialization.jsonObject(with: Data(theme.files["strings/en.json"]!)) as? [String: Any])
        for path in paths {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(theme.files[path]!)) as? [String: Any])
            #expect(Set(object.keys) == Set(english.keys), "\(path) has other keys than strings/en.json")
            let language = String(path.dropFirst("strings/".count).dropLast(".json".count))
            let needed = Set((0...200).map { PluralRules.category(of: $0, language: language).rawValue })
            for (key, value) in object {
                guard let forms = value as? [String: String] else { continue }
                #expect(needed.isSubset(of: Set(forms.keys)), "\(path): '\(key)' lacks a form of \(needed.subtracting(forms.keys))")
            }
        }
    }

    @Test("a strings file that cannot be used stops the build with a diagnostic at its line and column")
    func brokenFiles() throws {
        let cases: [(text: String, message: String, line: Int, column: Int)] = [
            ("{\n  \"home\": \n}", "a value is a text in quotes", 3, 1),
            ("[\"home\"]", "the file holds no JSON object", 1, 1),
            ("{\n  \"home\": \"Accueil\",\n  \"article\": {\"one\": \"{count} x\"}\n}", "'article': a counted phrase needs its 'other' form", 3, 3),
            ("{\"article\": {\"several\": \"x\", \"other\": \"y\"}}", "'several' is not a plural category", 1, 14),
            ("{\"months\": [\"a\"]}", "'months' lists the twelve month names", 1, 2),
            ("{\"home\": 3}", "'home': a value is a text", 1, 10),
            ("{\"home\": \"Accueil\" \"search\": \"x\"}", "expected ',' or '}' after the value of 'home'", 1, 20),
            ("{\"home\": \"A\", \"home\": \"B\"}", "'home' is given twice", 1, 15),
            ("{\"home\": \"Acc", "a text in quotes is not closed", 1, 10),
            ("{\"home\": \"A\\qB\"}", "starts no escape", 1, 13),
            ("{\"home\": \"A\"} x", "nothing may follow", 1, 15),
            // Columns count characters, not bytes.
            ("{\"home\": \"Éé\", \"search\" 1}", "expected ':' after the key 'search'", 1, 25),
        ]
        for (text, message, line, column) in cases {
            let error = #expect(throws: WriterError.self) { try ThemeStrings(theme: Self.theme(["strings/fr.json": text])) }
            #expect(error?.message.contains("strings/fr.json") == true, "\(text)")
            let diagnostic = try #require(error?.diagnostics.first, "\(text)")
            #expect(diagnostic.message.contains(message), "\(text): \(diagnostic.message)")
            #expect(diagnostic.location?.line == line && diagnostic.location?.column == column,
                    "\(text): at \(diagnostic.location.map { "\($0.line):\($0.column)" } ?? "nowhere"), not \(line):\(column)")
        }
    }

    @Test("damaged strings files never crash the reader: each reads as JSONSerialization reads it, or stops at a place in the file")
    func damagedFiles() throws {
        let original = Array(try Self.theme().files["strings/fr.json"]!)
        let pieces: [[UInt8]] = ["{", "}", "[", "]", "\"", ",", ":", "\\", "\\u", "\\ud800", "\n", "\u{0}", "3", "true", "null",
                                 "é", "\u{FEFF}"].map { Array($0.utf8) } + [[0xFF], [0xC3]]
        var generator = SourceDamage.Generator(state: 17)
        var readable = 0
        for variant in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let at = Int.random(in: 0...bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes.insert(contentsOf: pieces.randomElement(using: &generator)!, at: at)
                case 1: if at < bytes.count { bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...8, using: &generator))) }
                default: if at < bytes.count { bytes[at] = UInt8.random(in: 0...255, using: &generator) }
                }
            }
            let byFoundation = (try? JSONSerialization.jsonObject(with: Data(bytes))) != nil
            do {
                _ = try StringsFile.entries(of: bytes)
                readable += 1
                // What this reader takes, a JSON parser takes too (a byte order mark aside, which it allows).
                #expect(byFoundation || bytes.starts(with: [0xEF, 0xBB, 0xBF]), "variant \(variant) read here but is not JSON")
            } catch {
                let lines = bytes.count { $0 == 0x0A } + 1
                #expect((1...lines).contains(error.at.line) && error.at.column >= 1, "variant \(variant): \(error.at)")
            }
        }
        #expect(readable > 0 && readable < 300)
    }

    @Test("bytes that are not UTF-8 stop the reading where they are")
    func notUTF8() throws {
        let bytes = Array("{\n  \"home\": \"Acc".utf8) + [0xFF] + Array("ueil\"\n}".utf8)
        #expect(throws: StringsFile.Mistake.self) { try StringsFile.entries(of: bytes) }
        do {
            _ = try StringsFile.entries(of: bytes)
        } catch {
            #expect(error.message.contains("not UTF-8") && error.at.line == 2 && error.at.column == 15, "\(error)")
        }
    }

    @Test("a strings file is read as JSON: escapes, surrogate pairs and a byte order mark")
    func jsonOfStringsFiles() throws {
        let theme = try Self.theme(["strings/fr.json": "\u{FEFF}{\"home\": \"A\\u00e9\\\"\\n\\ud83d\\ude00\\/\", \"search\": \"\"}"])
        let strings = try ThemeStrings(theme: theme).strings(for: "fr")
        #expect(strings.text("home") == "Aé\"\n😀/")
        #expect(strings.text("search") == "")
    }

    /// An archive of one issue whose article is in `language`, built like a build does.
    private static func archive(language: String) async throws -> Archive {
        let text = """
            Publication: Monitor Volume: 6 Issue: 23
            Date: 2000-02-02
            Language: \(language)
            Title: Talks resume
            Author: Ann Smith, Bo Li

            Envoys met in Kyiv on Monday and again on Tuesday.
            """
        return try await Pipeline(concurrency: 2).load([TestSupport.source(text, path: "monitor-v6-i23.txt")]).archive
    }

    @Test("a French article's page and issue page are worded in French; an English one as before")
    func frenchSite() async throws {
        let french = try await SiteFixture.build(Self.archive(language: "fr"))
        let page = try #require(french["monitor/6/23/talks-resume/index.html"])
        #expect(page.contains("<html lang=\"fr\">"))
        for words in ["Aller au contenu", ">Accueil<", ">Volume 6<", ">Numéro 23<", "2 février 2000", "Par Ann Smith et Bo Li",
                      "Réalisé avec Bulletin."] {
            #expect(page.contains(words), "the French article page lacks \(words)")
        }
        #expect(!page.contains("Skip to content") && !page.contains(">Issue 23<"))
        let issue = try #require(french["monitor/6/23/index.html"])
        #expect(issue.contains("<title>Monitor — volume 6, numéro 23 · Bulletin</title>"))
        #expect(issue.contains("1 article"))
        // Pages of the whole archive are in its language too: here, all of it is French.
        #expect(french["search/index.html"]?.contains("&quot;lang&quot;:&quot;fr&quot;") == true)
        #expect(french["404.html"]?.contains("Repartez de la <a href=\"index.html\">page d’accueil</a>") == true)

        let english = try await SiteFixture.build(Self.archive(language: "en"))
        #expect(english["monitor/6/23/talks-resume/index.html"]?.contains("Skip to content") == true)
        #expect(english["404.html"]?.contains("Start again from the <a href=\"index.html\">home page</a>") == true)
    }

    @Test("feeds are described in the language of their articles")
    func feedDescriptions() async throws {
        let french = try await SiteFixture.write(Self.archive(language: "fr"), formats: ["feeds"])
        let atom = String(decoding: try #require(french["feeds/atom.xml"]), as: UTF8.self)
        #expect(atom.contains("<subtitle>Tous les articles de Bulletin, les plus récents d’abord.</subtitle>"))
        let json = String(decoding: try #require(french["feeds/monitor/feed.json"]), as: UTF8.self)
        #expect(json.contains("\"description\": \"Tous les articles de Monitor, les plus récents d’abord.\""))
        let english = try await SiteFixture.write(Self.archive(language: "en"), formats: ["feeds"])
        #expect(String(decoding: try #require(english["feeds/rss.xml"]), as: UTF8.self)
            .contains("<description>Every article of Bulletin, newest first.</description>"))
    }

    @Test("pages of the same shape in two languages, in one build, each take their own words")
    func twoLanguagesOneShape() async throws {
        var sources: [SourceFile] = []
        for (issue, language) in [(1, "de"), (2, "en"), (3, "de"), (4, "en"), (5, "de")] {
            sources.append(TestSupport.source("""
                Publication: Monitor Volume: 6 Issue: \(issue)
                Language: \(language)
                Title: Talks \(issue)

                Envoys met on Monday.
                """, path: "i\(issue).txt"))
        }
        let archive = try await Pipeline(concurrency: 2).load(sources).archive
        let site = try await SiteFixture.build(archive)
        for (issue, language) in [(1, "de"), (2, "en"), (3, "de"), (4, "en"), (5, "de")] {
            let page = try #require(site["monitor/6/\(issue)/talks-\(issue)/index.html"])
            let words = language == "de" ? ["Zum Inhalt springen", "Ausgabe \(issue)<"] : ["Skip to content", "Issue \(issue)<"]
            for word in words { #expect(page.contains(word), "issue \(issue) (\(language)) lacks \(word)") }
        }
    }

    @Test("a theme's strings file words the pages, Bulletin's words of the language filling in what it leaves out")
    func themeStrings() async throws {
        let theme = try Self.theme(["strings/fr.json": #"{"home": "Une & autre", "article": {"one": "{count} papier", "other": "{count} papiers"}}"#])
        let site = try await SiteFixture.build(Self.archive(language: "fr"), theme: theme)
        let page = try #require(site["monitor/6/23/talks-resume/index.html"])
        #expect(page.contains(">Une &amp; autre<"))
        #expect(page.contains("Aller au contenu"))
        #expect(!page.contains("Skip to content"))
        #expect(site["monitor/6/23/index.html"]?.contains("1 papier") == true)
    }

    @Test("a Russian book is worded in Russian, its accessibility summary too")
    func russianBook() async throws {
        let archive = try await Self.archive(language: "ru")
        let files = try await SiteFixture.write(archive, formats: ["epub"])
        let book = try #require(files["epub/monitor-v6-i23.epub"])
        let entries = Dictionary(try EPUBFixtures.entries(of: book).map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }) { a, _ in a }
        let package = try #require(entries["EPUB/package.opf"])
        #expect(package.contains("<dc:title id=\"title\">Monitor — том 6, выпуск 23</dc:title>"))
        #expect(package.contains("Эта публикация — текст"))
        #expect(!package.contains("xml:lang=\"en\""))
        #expect(entries["EPUB/nav.xhtml"]?.contains(">Содержание<") == true)
        #expect(entries["EPUB/cover.xhtml"]?.contains("aria-label=\"Обложка\"") == true)
        let titlePage = try #require(entries["EPUB/monitor-v6-i23.xhtml"])
        #expect(titlePage.contains("Том 6, выпуск 23") && titlePage.contains("2 февраля 2000 г.") && titlePage.contains("В этом выпуске"))
        #expect(titlePage.contains("Авторы: Ann Smith и Bo Li"))
        for (path, text) in entries where path.hasSuffix(".xhtml") || path.hasSuffix(".opf") || path.hasSuffix(".svg") {
            #expect(XMLWellFormedness.errors(in: Array(text.utf8), name: path).isEmpty)
        }
    }

    @Test("books of two themes that differ only in their words, one after the other, take each theme's words")
    func wordsOfEachTheme() async throws {
        let archive = try await Self.archive(language: "fr")
        for heading in ["Sommaire un", "Sommaire deux"] {
            let theme = try Self.theme(["strings/fr.json": #"{"contents": "\#(heading)"}"#])
            let files = try await SiteFixture.write(archive, theme: theme, formats: ["epub"])
            let entries = try EPUBFixtures.entries(of: try #require(files["epub/monitor-v6-i23.epub"]))
            let nav = String(decoding: try #require(entries.first { $0.path == "EPUB/nav.xhtml" }).bytes, as: UTF8.self)
            #expect(nav.contains(">\(heading)<"))
        }
    }

    @Test("in a volume's book, each title page and article is worded in its own language, the contents in the book's")
    func mixedVolume() async throws {
        var sources: [SourceFile] = []
        for (issue, language, author) in [(1, "en", "Ann Smith"), (1, "en", "Bo Li"), (2, "fr", "Anne Martin")] {
            sources.append(TestSupport.source("""
                Publication: Monitor Volume: 6 Issue: \(issue)
                Date: 2000-02-0\(issue)
                Language: \(language)
                Author: \(author)
                Title: Talks by \(author)

                Envoys met on Monday, \(author) writes.
                """, path: "\(author).txt"))
        }
        let archive = try await Pipeline(concurrency: 2).load(sources).archive
        var configuration = Configuration()
        configuration.epub = Configuration.EPUBSettings(perVolume: true)
        let sink = MemorySink()
        try await Pipeline(configuration: configuration, concurrency: 2).write(archive, formats: ["epub"], theme: Self.theme(), to: sink)
        let book = try #require(sink.files["epub/monitor-v6.epub"])
        let entries = Dictionary(try EPUBFixtures.entries(of: book).map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }) { a, _ in a }
        #expect(entries["EPUB/nav.xhtml"]?.contains(">Contents<") == true)
        let french = try #require(entries["EPUB/monitor-v6-i2.xhtml"])
        #expect(french.contains("Dans ce numéro") && french.contains("2 février 2000") && french.contains("Par Anne Martin"))
        #expect(entries["EPUB/monitor-v6-i1.xhtml"]?.contains("In this issue") == true)
        let article = try #require(entries.first { $0.key.hasPrefix("EPUB/monitor-v6-i2/") }?.value)
        #expect(article.contains("Par Anne Martin") && article.contains("2 février 2000"))
    }

    @Test("a theme folder's French file of one word words a French book in Bulletin's French for the rest, and its text too")
    func partialStringsBook() async throws {
        let theme = try Self.theme(["strings/fr.json": "{ \"inThisIssue\": \"Au sommaire\" }\n"])
        let archive = try await Self.archive(language: "fr")
        let files = try await SiteFixture.write(archive, theme: theme, formats: ["epub", "text"])
        let entries = try EPUBFixtures.entries(of: try #require(files["epub/monitor-v6-i23.epub"]))
        let documents = Dictionary(entries.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }) { a, _ in a }
        let titlePage = try #require(documents["EPUB/monitor-v6-i23.xhtml"])
        // The theme's word where it has one; Bulletin's French, not English, for the others.
        #expect(titlePage.contains("Au sommaire") && !titlePage.contains("Dans ce numéro") && !titlePage.contains("In this issue"))
        #expect(titlePage.contains("2 février 2000") && titlePage.contains("Par Ann Smith"))
        let article = try #require(documents.first { $0.key.hasPrefix("EPUB/monitor-v6-i23/") }?.value)
        #expect(article.contains("Par Ann Smith") && !article.contains("By Ann Smith"))
        let text = String(decoding: try #require(files.first { $0.key.hasPrefix("text/monitor-v6-i23/") }?.value), as: UTF8.self)
        #expect(text.contains("Par Ann Smith"))
    }

    @Test("a book in a language the theme has no words for marks the English words it falls back to, and only those")
    func untranslatedBook() async throws {
        func documents(_ language: String) async throws -> [String: String] {
            let files = try await SiteFixture.write(Self.archive(language: language), formats: ["epub"])
            let entries = try EPUBFixtures.entries(of: try #require(files["epub/monitor-v6-i23.epub"]))
            return Dictionary(entries.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }) { a, _ in a }
        }
        let swedish = try await documents("sv")
        let package = try #require(swedish["EPUB/package.opf"])
        #expect(package.contains("<meta property=\"schema:accessibilitySummary\" xml:lang=\"en\">This publication"))
        #expect(package.contains("<dc:language>sv</dc:language>"))
        // The issue's title is made of the theme's words; the article's text is Swedish, unmarked.
        #expect(package.contains("<dc:title id=\"title\" xml:lang=\"en\">Monitor — Volume 6, Issue 23</dc:title>"))
        let english = " lang=\"en\" xml:lang=\"en\""
        let article = try #require(swedish.first { $0.key.hasPrefix("EPUB/monitor-v6-i23/") }?.value)
        #expect(article.contains("lang=\"sv\" xml:lang=\"sv\" dir=\"ltr\">"))
        #expect(article.contains("<p class=\"byline\"\(english)>By Ann Smith and Bo Li</p>"))
        #expect(article.contains("<p class=\"dateline\"\(english)><time datetime=\"2000-02-02\">2 February 2000</time></p>"))
        #expect(article.contains("<h1 id=\"article-title\" dir=\"auto\">Talks resume</h1>"))
        let title = try #require(swedish["EPUB/monitor-v6-i23.xhtml"])
        #expect(title.contains("<p class=\"issue-line\"\(english)>Volume 6, Issue 23</p>"))
        #expect(title.contains("<h2 id=\"contents-heading\"\(english)>In this issue</h2>"))
        #expect(title.contains("<span class=\"byline\"\(english)>By Ann Smith and Bo Li</span>"))
        let navigation = try #require(swedish["EPUB/nav.xhtml"])
        #expect(navigation.contains("<h1 id=\"toc-title\"\(english)>Contents</h1>"))
        #expect(navigation.contains("href=\"monitor-v6-i23.xhtml\"\(english) dir=\"auto\">Monitor — Volume 6, Issue 23</a>"))
        #expect(navigation.contains("epub:type=\"cover\" href=\"cover.xhtml\"\(english)>Cover</a>"))
        #expect(try #require(swedish["EPUB/cover.xhtml"]).contains("aria-label=\"Cover\"\(english)>"))
        #expect(try #require(swedish["EPUB/cover.svg"]).contains("<title id=\"cover-title\" xml:lang=\"en\">Cover: Monitor, Volume 6, Issue 23, 2 February 2000</title>"))
        // In a right-to-left book the English words are also marked left to right.
        let persian = try await documents("fa")
        #expect(try #require(persian.first { $0.key.hasPrefix("EPUB/monitor-v6-i23/") }?.value)
            .contains("<p class=\"byline\"\(english) dir=\"ltr\">By Ann Smith and Bo Li</p>"))
        #expect(try #require(persian["EPUB/nav.xhtml"]).contains("<h1 id=\"toc-title\"\(english) dir=\"ltr\">Contents</h1>"))
        // A book in a language the theme has words for marks none.
        let french = try await documents("fr")
        #expect(!french.values.contains { $0.contains("lang=\"en\"") })
    }
}
