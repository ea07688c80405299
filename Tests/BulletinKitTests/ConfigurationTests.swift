import BulletinKit
import BulletinModel
import BulletinTestSupport
import BulletinTransforms
import Foundation
import Testing

@Suite("Configuration file")
struct ConfigurationTests {
    /// The error reading `text` throws, with its one diagnostic.
    private func failure(_ text: String) throws -> Diagnostic {
        let diagnostics = try failures(text)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.summary))")
        return try #require(diagnostics.first)
    }

    /// The diagnostics of the error reading `text` throws.
    private func failures(_ text: String) throws -> [Diagnostic] {
        do {
            _ = try Configuration.read(text, path: "bulletin.yml")
        } catch let error as BulletinError {
            #expect(error.code == .invalidConfiguration)
            return error.diagnostics
        }
        Issue.record("no error for \(text)")
        throw CancellationError()
    }

    @Test("the README's example configuration reads whole, with no warning")
    func readmeExample() throws {
        let readme = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### Configuration"))
        let start = try #require(readme.range(of: "```yaml\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let (configuration, warnings) = try Configuration.read(String(readme[start.upperBound..<end.lowerBound]), path: "README.md")
        #expect(warnings.isEmpty, "\(warnings.map(\.summary))")
        #expect(configuration.baseURL == "https://example.org/")
        #expect(configuration.formats == ["epub", "text", "json"])
        #expect(configuration.text?.width == 72)
        #expect(configuration.feeds?.itemLimit == 50)
        #expect(configuration.entities?.add?.first?.aliases == ["General Ivashov"])
    }

    @Test("a field it does not know is a warning at its line and column, with the field meant when one is near")
    func unknownFields() throws {
        let text = "title: T\nbaseUrl: https://example.org/\ntext:\n  widht: 60\nentities:\n  add:\n    - { name: A B, type: PER, alias: [C] }\ncolour: red\n"
        let (configuration, warnings) = try Configuration.read(text, path: "bulletin.yml")
        #expect(configuration.title == "T" && configuration.baseURL == nil)
        #expect(warnings.map(\.severity) == [.warning, .warning, .warning, .warning])
        #expect(warnings.map(\.message) == ["unknown field 'baseUrl' is left out", "unknown field 'text.widht' is left out",
                                            "unknown field 'entities.add[0].alias' is left out", "unknown field 'colour' is left out"])
        #expect(warnings.map { $0.location.map { [$0.line, $0.column] } } == [[2, 1], [4, 3], [7, 31], [8, 1]])
        #expect(warnings.map(\.fix) == ["did you mean 'baseURL'?", "did you mean 'text.width'?", "did you mean 'entities.add[0].aliases'?",
                                        "known fields here: baseURL, entities, epub, feeds, formats, language, output, publisher, rights, site, sources, summaries, text, theme, title"])
        #expect(warnings[1].sourceLine == "  widht: 60")
    }

    @Test("the default language is a tag: a name is read as its tag with a warning, anything else is an error at its value")
    func language() throws {
        #expect(try Configuration.read("language: EN-gb\n", path: "bulletin.yml").configuration.language == "en-GB")
        let (configuration, warnings) = try Configuration.read("title: T\nlanguage: Russian\n", path: "bulletin.yml")
        #expect(configuration.language == "ru")
        #expect(warnings.map(\.id) == ["config.language-corrected"] && warnings.first?.location.map { [$0.line, $0.column] } == [2, 11])
        let diagnostic = try failure("language: Klingonese\n")
        #expect(diagnostic.id == "config.language" && diagnostic.location.map { [$0.line, $0.column] } == [1, 11])
    }

    @Test("text that is not YAML is an error at the line and column where it stops making sense")
    func syntax() throws {
        let diagnostic = try failure("title: T\nformats: [epub, text\noutput: out\n")
        #expect(diagnostic.id == "config.syntax")
        #expect(diagnostic.location?.path == "bulletin.yml")
        #expect(diagnostic.location?.line == 3)
        #expect(try failure("title: a\ntitle: b\n").message.contains("given twice: title"))
        #expect(try failure("- a\n- b\n").id == "config.not-a-mapping")
    }

    @Test("a diagnostic shows its line whether lines end in LF, CR LF or CR", arguments: ["\n", "\r\n", "\r"])
    func lineEnds(end: String) throws {
        let diagnostic = try #require(Configuration.diagnose("title: ok\(end)formats: [pdf]\(end)", path: "c.yml").diagnostics.first)
        #expect(diagnostic.location.map { [$0.line, $0.column] } == [2, 11])
        #expect(diagnostic.sourceLine == "formats: [pdf]")
    }

    @Test("a control character is an error at its line and column naming it, not one with the place inside the message")
    func controlCharacter() throws {
        let diagnostic = try failure("title: ok\nfoo: \u{1B}[31mRED\u{1B}[0m\u{07}\n")
        #expect(diagnostic.id == "config.syntax")
        #expect(diagnostic.location.map { [$0.line, $0.column] } == [2, 6])
        #expect(diagnostic.message == "the configuration is not valid YAML: control characters are not allowed (U+001B)")
        #expect(diagnostic.sourceLine == "foo: \u{1B}[31mRED\u{1B}[0m\u{07}")
        // Columns count characters, as libyaml's do, after text that is more than one byte a character.
        #expect(try failure("title: «ok»\nfoo: é\u{07}\n").location.map { [$0.line, $0.column] } == [2, 7])
    }

    @Test("a value of the wrong type is an error at the value, naming the field and the type wanted; so is a field an entry must have, at the entry when it is missing and at the field when it is empty", arguments: [
        ("feeds:\n  itemLimit: many\n", "'feeds.itemLimit' should be a whole number", 2, 14),
        ("formats: epub\n", "'formats' should be a list", 1, 10),
        ("epub: { perVolume: sometimes }\n", "'epub.perVolume' should be true or false", 1, 20),
        ("title: [a, b]\n", "'title' should be text", 1, 8),
        ("sources: { a: b }\n", "'sources' should be a list", 1, 10),
        ("formats: [epub, [text]]\n", "'formats[1]' should be text", 1, 17),
        ("text: 72\n", "'text' should be a group of fields", 1, 7),
        ("entities:\n  add: [{ name: A, type: PER, aliases: A }]\n", "'entities.add[0].aliases' should be a list", 2, 40),
        ("entities: { add: [{ name: Foo Bar, type: XYZ }] }\n", "'entities.add[0].type' should be one of PER, ORG, LOC, MISC", 1, 42),
        ("entities:\n  add: [{ type: PER }]\n", "'entities.add[0].name' is missing", 2, 9),
        ("entities:\n  merge: [{ into: a, from: }]\n", "'entities.merge[0].from' is empty", 2, 22),
    ])
    func types(_ example: (String, String, Int, Int)) throws {
        let diagnostic = try failure(example.0)
        #expect(diagnostic.id == (example.1.contains("should be") ? "config.type" : "config.missing-field"))
        #expect(diagnostic.message == example.1)
        #expect(diagnostic.location.map { [$0.line, $0.column] } == [example.2, example.3])
    }

    @Test("a whole number out of its field's range is an error at the value naming the range, not the default taken in silence", arguments: [
        ("text: { width: 5 }\n", "'text.width' should be a whole number of 20 or more, not 5", "write 20 or more, or leave 'text.width' out for 72 columns"),
        ("text: { width: 0 }\n", "'text.width' should be a whole number of 20 or more, not 0", "write 20 or more, or leave 'text.width' out for 72 columns"),
        ("summaries: { wordBudget: -3 }\n", "'summaries.wordBudget' should be a whole number of 1 or more, not -3",
         "write 1 or more, or leave 'summaries.wordBudget' out for 60 words"),
        ("summaries: { maxSentences: 0 }\n", "'summaries.maxSentences' should be a whole number of 1 or more, not 0",
         "write 1 or more, or leave 'summaries.maxSentences' out for no limit"),
        ("summaries: { dekWords: -1 }\n", "'summaries.dekWords' should be a whole number of 1 or more, not -1",
         "write 1 or more, or leave 'summaries.dekWords' out for 30 words"),
        ("feeds: { itemLimit: 0 }\n", "'feeds.itemLimit' should be a whole number of 1 or more, not 0", "write 1 or more, or leave 'feeds.itemLimit' out for 50 items"),
        ("site: { entityPageSize: -1 }\n", "'site.entityPageSize' should be a whole number of 1 or more, not -1",
         "write 1 or more, or leave 'site.entityPageSize' out for 100 articles"),
    ])
    func ranges(_ example: (String, String, String)) throws {
        let diagnostic = try failure(example.0)
        #expect(diagnostic.id == "config.range")
        #expect(diagnostic.message == example.1)
        #expect(diagnostic.fix == example.2)
        let value = try #require(example.0.range(of: ": ", options: .backwards))
        #expect(diagnostic.location.map { [$0.line, $0.column] } == [1, example.0.distance(from: example.0.startIndex, to: value.upperBound) + 1])
    }

    @Test("the least value of each whole number is taken")
    func rangeEdges() throws {
        let text = "text: { width: 20 }\nsummaries: { wordBudget: 1, maxSentences: 1, dekWords: 1 }\nfeeds: { itemLimit: 1 }\nsite: { entityPageSize: 1 }\n"
        let configuration = try Configuration.read(text, path: "bulletin.yml").configuration
        #expect(configuration.writerSettings.textWidth == 20 && configuration.writerSettings.feedItemLimit == 1 && configuration.writerSettings.entityPageSize == 1)
        #expect(configuration.summaryOptions.wordBudget == 1 && configuration.summaryOptions.maxSentences == 1 && configuration.summaryOptions.dekWordLimit == 1)
    }

    @Test("the base URL is an absolute http or https address without query or fragment, or an error at its value", arguments: [
        ("https://example.org/bulletin/", true), ("http://localhost:8080/", true), ("HTTPS://Example.org", true),
        ("javascript:alert(1)", false), ("/bulletin/", false), ("example.org/bulletin/", false), ("ftp://example.org/", false),
        ("https:///path-only/", false), ("https://example.org/?page=1", false), ("https://example.org/#top", false),
    ])
    func baseURL(_ example: (String, Bool)) throws {
        let text = "title: T\nbaseURL: '\(example.0)'\n"
        if example.1 {
            #expect(try Configuration.read(text, path: "bulletin.yml").configuration.baseURL == example.0)
        } else {
            let diagnostic = try failure(text)
            #expect(diagnostic.id == "config.base-url")
            #expect(diagnostic.location.map { [$0.line, $0.column] } == [2, 10])
        }
    }

    @Test("every error and warning of the file is reported, in line order, not only the first")
    func everyProblem() throws {
        let text = """
            title: [a, b]
            text: { width: many }
            baseUrl: https://example.org/
            summaries:
              maxSentences: lots
            baseURL: nope
            language: Klingonese
            entities:
              add: [{ type: PER }, { name: B, type: ORG, aliases: B }]

            """
        let diagnostics = try failures(text)
        #expect(diagnostics.map(\.id) == ["config.type", "config.type", "config.unknown-field", "config.type", "config.base-url", "config.language",
                                          "config.missing-field", "config.type"])
        #expect(diagnostics.map { $0.location.map { [$0.line, $0.column] } } == [[1, 8], [2, 16], [3, 1], [5, 17], [6, 10], [7, 11], [9, 9], [9, 55]])
        #expect(diagnostics.map(\.severity) == [.error, .error, .warning, .error, .error, .error, .error, .error])
    }

    @Test("an unknown format or theme is an error at its value naming those there are, and the theme as written")
    func formatsAndThemes() throws {
        let folder = TestSupport.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("house"), withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("bulletin.yml").path
        let diagnostics = Configuration.diagnose("formats: [epub, pdf]\ntheme: nosuchtheme\n", path: path).diagnostics
        #expect(diagnostics.map(\.id) == ["config.format", "config.theme"])
        #expect(diagnostics.map(\.message) == ["unknown format 'pdf'; known formats: epub, feeds, json, site, text",
                                               "no theme 'nosuchtheme': it is neither a bundled theme (default, newsprint) nor a folder"])
        #expect(diagnostics.map { $0.location.map { [$0.line, $0.column] } } == [[1, 17], [2, 8]])
        // A folder beside the file is a theme; so is a bundled theme's name.
        for theme in ["house", "newsprint"] {
            #expect(Configuration.diagnose("theme: \(theme)\n", path: path).diagnostics.isEmpty)
        }
        #expect(Configuration.diagnose("formats: [pdf]\n", path: path, formats: ["epub", "pdf"]).diagnostics.isEmpty)
    }

    @Test("a project resolved for check keeps the configuration's errors and finds the sources; for a build they stop it as a configuration error")
    func projectWithErrors() throws {
        let folder = TestSupport.temporaryFolder()
        let sources = folder.appendingPathComponent("sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try Data("Publication: Monitor Volume: 1 Issue: 1\n\nText.\n".utf8).write(to: sources.appendingPathComponent("a.txt"))
        let config = folder.appendingPathComponent("bulletin.yml")
        try Data("sources: [sources]\nformats: [epub, pdf]\ntheme: nosuchtheme\ntext: { width: 5 }\n".utf8).write(to: config)
        let checked = try Project.resolve(sources: [], configPath: config.path, output: nil, formats: nil, theme: nil, keepingConfigurationErrors: true)
        #expect(checked.readingDiagnostics.map(\.id) == ["config.format", "config.theme", "config.range"])
        #expect(checked.sources.count == 1 && checked.formats == ["epub"])
        #expect { try Project.resolve(sources: [], configPath: config.path, output: nil, formats: nil, theme: nil) } throws: { error in
            (error as? BulletinError)?.code == .invalidConfiguration && (error as? BulletinError)?.diagnostics.count == 3
        }
        // The command line's own values stay usage errors.
        try Data("sources: [sources]\n".utf8).write(to: config)
        for (formats, theme) in [("pdf", nil), (nil, "nosuchtheme")] as [(String?, String?)] {
            #expect { try Project.resolve(sources: [], configPath: config.path, output: nil, formats: formats, theme: theme) } throws: { error in
                (error as? BulletinError)?.code == .invalidUsage
            }
        }
    }

    @Test("a width, a sentence cap and a base URL that are all wrong are three errors")
    func threeErrors() throws {
        let diagnostics = try failures("text:\n  width: 5\nsummaries:\n  maxSentences: 0\nbaseURL: nope\n")
        #expect(diagnostics.map(\.id) == ["config.range", "config.range", "config.base-url"])
        #expect(diagnostics.map { $0.location.map { [$0.line, $0.column] } } == [[2, 10], [4, 17], [5, 10]])
    }

    @Test("what is right is read even when something else is wrong, so that `check` can go on")
    func partial() throws {
        let text = "title: T\ntext: { width: many }\nlanguage: Russian\nentities:\n  add: [{ type: PER }, { name: B, type: ORG }]\n"
        let (configuration, diagnostics) = Configuration.diagnose(text, path: "bulletin.yml")
        #expect(diagnostics.map(\.id) == ["config.type", "config.language-corrected", "config.missing-field"])
        #expect(configuration.title == "T" && configuration.text?.width == nil && configuration.language == "ru")
        #expect(configuration.entities?.add == [EntityDictionary.Addition(name: "B", type: .organization)])
    }

    @Test("an empty file, or one of comments only, is every default")
    func empty() throws {
        for text in ["", "\n\n", "# nothing yet\n"] {
            let (configuration, warnings) = try Configuration.read(text, path: "bulletin.yml")
            #expect(configuration == Configuration() && warnings.isEmpty)
        }
    }
}
