import BulletinModel
import Testing

@Suite("Language tags")
struct LanguageTagTests {
    @Test("tags are kept in their conventional case; names and underscores are read as tags; the rest is no tag", arguments: [
        ("en", LanguageTag.Reading.tag("en")), ("ru", .tag("ru")), ("EN-us", .tag("en-US")), ("sr-latn", .tag("sr-Latn")),
        ("zh-Hant-TW", .tag("zh-Hant-TW")), ("de-CH-1996", .tag("de-CH-1996")), ("fil", .tag("fil")), (" uk ", .tag("uk")),
        ("en_US", .corrected("en-US")), ("Russian", .corrected("ru")), ("ENGLISH", .corrected("en")), ("Farsi", .corrected("fa")),
        ("English language", .invalid), ("xx", .invalid), ("e", .invalid), ("en--US", .invalid), ("en-", .invalid),
        ("ru-toolongsubtag", .invalid), ("<script>", .invalid), ("", .invalid), ("русский", .invalid), ("en US", .invalid),
    ])
    func read(_ value: String, _ expected: LanguageTag.Reading) {
        #expect(LanguageTag.read(value) == expected, "\(value)")
    }
}
