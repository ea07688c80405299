import BulletinNLP
import Testing

@Suite("Entity tagger basics")
struct EntityTaggerBasicsTests {
    @Test("offsets count Unicode scalars, not UTF-16 units or bytes")
    func scalarOffsets() {
        let text = "Émigrés in Paris met 🇷🇺 envoys from Moscow."
        let spans = EntityTagger().tag(text)
        let scalars = Array(text.unicodeScalars)
        for span in spans {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[span.start..<span.end])
            #expect(String(s) == span.text)
        }
        #expect(spans.map(\.text) == ["Paris", "Moscow"])
    }

    @Test("a title is tagged with its body as one document; in title case only names the lexicon or the body know are found")
    func titles() {
        let body = ["Negotiators met on Saturday. General Alexander Lebed spoke in the Chechen capital."]
        let titleCase = EntityTagger().tag(title: "Lebed Warns Chechen Rebels Over Grozny", paragraphs: body)
        #expect(titleCase.title.map(\.text) == ["Lebed", "Chechen", "Grozny"])
        #expect(titleCase.title.first?.canonicalName == "Alexander Lebed")
        #expect(titleCase.paragraphs.map { $0.map(\.text) } == [["Alexander Lebed", "Chechen"]])
        // Read as a sentence, the capitals of a title in title case would make "Lebed Warns" a person.
        #expect(EntityTagger().tag("Lebed Warns Chechen Rebels Over Grozny").first?.text == "Lebed Warns")
        let sentenceCase = EntityTagger().tag(title: "Gas talks resume between Kyiv and Moscow", paragraphs: body)
        #expect(sentenceCase.title.map(\.text) == ["Kyiv", "Moscow"])
    }

    @Test("a place's name used as an adjective before a common noun is no place; as a noun, or in a longer name, it is", arguments: [
        ("Russia wants Caspian oil to flow north.", "Caspian", EntityKind.miscellaneous),
        ("The five Caspian states will meet in Baku next month.", "Caspian", .miscellaneous),
        ("Rescuers reached the Arctic town on Friday.", "Arctic", .miscellaneous),
        ("The Caspian is rich in oil and gas.", "Caspian", .location),
        ("Tankers crossed the Caspian and the Black Sea.", "Caspian", .location),
        ("Sturgeon stocks in the Caspian Sea are falling.", "Caspian Sea", .location),
    ])
    func placeAdjectives(text: String, name: String, kind: EntityKind) {
        let span = EntityTagger().tag(text).first { $0.text.hasPrefix("Caspian") || $0.text == "Arctic" }
        #expect(span?.text == name)
        #expect(span?.kind == kind)
    }

    @Test("a lone capitalised word nothing types is no person unless it ends as a surname; a Russian adjective opens a newspaper's name", arguments: [
        ("Obshchaya reported the deal on Tuesday.", "Obshchaya", EntityKind.organization),
        ("Primary dealers immediately sold Eurodollars and bond futures.", "Eurodollars", nil),
        ("From January to June Comelf exported 59 percent of its output.", "Comelf", nil),
        ("Nezavisimaya wrote that the deal had failed.", "Nezavisimaya", .organization),
        ("Sovetskaya Rossiya attacked the deal.", "Sovetskaya Rossiya", .organization),
        ("The weekly Obshchaya Gazeta said the deal had failed.", "Obshchaya Gazeta", .organization),
        ("Kvashnin would resign, officials said.", "Kvashnin", .person),
        ("The deal was signed by Shevardnadze in the evening.", "Shevardnadze", .person),
    ] as [(String, String, EntityKind?)])
    func unknownWords(text: String, name: String, kind: EntityKind?) {
        let spans = EntityTagger().tag(text)
        #expect(spans.first { name.hasPrefix($0.text) }?.text == kind.map { _ in name })
        #expect(spans.first { name.hasPrefix($0.text) }?.kind == kind)
    }

    @Test("a region is a place; a Russian masculine adjective before a noun opens a newspaper's name; an arms exporter is a firm", arguments: [
        ("Albania was reinstated after the Balkan country's government acted.", "Balkan", EntityKind.location),
        ("The talks on Transcaucasia resumed on Friday.", "Transcaucasia", .location),
        ("Moskovsky Komsomolets wrote that the deal had failed.", "Moskovsky Komsomolets", .organization),
        ("Permsky Obozrevatel wrote that the deal had failed.", "Permsky Obozrevatel", .organization),
        ("Rosvooruzhenie signed the contract on Friday.", "Rosvooruzhenie", .organization),
        ("Zhirinovsky wrote that the deal had failed.", "Zhirinovsky", .person),
        ("Vladimir Zhirinovsky said the deal had failed.", "Vladimir Zhirinovsky", .person),
    ] as [(String, String, EntityKind?)])
    func regionsAndRussianNames(text: String, name: String, kind: EntityKind?) {
        let span = EntityTagger().tag(text).first { name.hasPrefix($0.text) }
        #expect(span?.text == name)
        #expect(span?.kind == kind)
    }

    @Test("in sports copy, where a city names its club, a region stays a place")
    func regionsInSportsCopy() {
        let spans = EntityTagger().tag(paragraphs: [
            "SOCCER - ALBANIA NAMES SQUAD",
            "TIRANA 1996-12-07",
            "FIFA reinstated Albania after the Balkan country's government lifted suspensions.",
        ])
        #expect(spans[2].first { $0.text == "Balkan" }?.kind == .location, "\(spans[2])")
    }

    @Test("a name written with combining marks is tagged as its composed spelling is")
    func decomposedLetters() {
        let composed = EntityTagger().tag("Delegates met in Zürich on Monday.")
        let decomposed = EntityTagger().tag("Delegates met in Zu\u{308}rich on Monday.")
        #expect(composed.map(\.kind) == [.location])
        #expect(decomposed.map(\.kind) == composed.map(\.kind))
        #expect(decomposed.map(\.text) == ["Zu\u{308}rich"])
    }

    @Test("a given name that also names a month stays in a person's name after a title, and is not another person's")
    func givenNameAfterTitle() {
        let spans = EntityTagger().tag(paragraphs: [
            "Economics Minister Jan Zolotov met General Jan Tikhonov in Moscow.", "Eduard Zolotov, his brother, left in May. Zolotov said so.",
        ])
        #expect(spans[0].filter { $0.kind == .person }.map(\.text) == ["Jan Zolotov", "Jan Tikhonov"])
        #expect(spans[0].first?.canonicalName == "Jan Zolotov")
        #expect(spans[1].map(\.text) == ["Eduard Zolotov", "Zolotov"])
    }

    @Test("a place and the kind of place it is make one name; a firm's name keeps its first word")
    func placeKindsAndFirms() {
        let spans = EntityTagger().tag("Officials met in the Fergana Valley. Standard & Poor's cut the rating.")
        #expect(spans.map(\.text) == ["Fergana Valley", "Standard & Poor"])
        #expect(spans.map(\.kind) == [.location, .organization])
    }

    @Test("a body is known by an apposition naming its kind, a hyphenated publication by its last word, a broadcaster by 'Radio'")
    func organisationsByTheirCues() {
        let spans = EntityTagger().tag(
            "Rosvooruzhenie, the state arms exporter, signed a deal. Kommersant-Daily had the story. Radio Liberty said so. He told Radio Liberty too.")
        #expect(spans.map(\.text) == ["Rosvooruzhenie", "Kommersant-Daily", "Radio Liberty", "Radio Liberty"])
        #expect(spans.allSatisfy { $0.kind == .organization })
        // A broadcaster named for a place is the broadcaster: "Radio Moscow" is no place.
        let moscow = EntityTagger().tag("Radio Moscow reported the vote. Bank Rozwoju Exportu SA bid too.")
        #expect(moscow.map(\.text) == ["Radio Moscow", "Bank Rozwoju Exportu SA"] && moscow.allSatisfy { $0.kind == .organization })
        // A person's apposition keeps a person: "Ivanov, the company's chairman," is no company.
        #expect(EntityTagger().tag("Ivanov, the chairman of the company, resigned.").map(\.kind) == [.person])
    }

    @Test("empty and punctuation-only input tag nothing", arguments: ["", " ", "...", "\n\n", "— – «»"])
    func emptyInput(text: String) {
        #expect(EntityTagger().tag(text).isEmpty)
    }

    @Test("tags each paragraph separately but keeps one document")
    func paragraphs() {
        let out = EntityTagger().tag(paragraphs: ["Foreign Minister Igor Ivanov arrived in Kiev.", "Ivanov said NATO had erred."])
        #expect(out.count == 2)
        #expect(out[0].map(\.text) == ["Igor Ivanov", "Kiev"])
        #expect(out[1].first?.canonicalName == "Igor Ivanov")
        #expect(out[0].first?.role == "Foreign Minister")
    }

    @Test("EntityKind raw values are the CoNLL labels")
    func kindLabels() {
        #expect(EntityKind.allCases.map(\.rawValue) == ["PER", "ORG", "LOC", "MISC"])
    }
}

@Suite("Entity tagger robustness")
struct EntityTaggerRobustnessTests {
    @Test("odd input never crashes and offsets stay in range", arguments: [
        "’s", "'s", "'", "-", "--", "Mr.", "U.S.", "A", "X-", "-Y", "post-", "post-Yeltsin", "Cold War-style",
        "«Moscow»", "“NATO”", "(FSB)", "Moscow’s’s", "e\u{301}migre\u{301} Paris", "🇷🇺🇺🇦 Kiev", "\u{00A0}Minsk\u{00A0}",
        "ALL CAPS HEADLINE ABOUT CHECHNYA", "Tiraspol – Chisinau—Odessa…", "St. Petersburg.", "J. Smith said.",
    ])
    func oddInput(text: String) {
        let count = text.unicodeScalars.count
        for span in EntityTagger().tag(text) {
            #expect(span.start >= 0 && span.start < span.end && span.end <= count)
        }
    }
}
