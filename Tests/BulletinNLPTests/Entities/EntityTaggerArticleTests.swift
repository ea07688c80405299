import BulletinNLP
import Testing

/// Bulletin-style articles written for these tests (not quoted from any publication), with hand-made gold.
@Suite("Entity tagger on post-Soviet bulletin articles")
struct EntityTaggerArticleTests {
    static let chechnya: [String] = [
            "Chechen President Aslan Maskhadov on Tuesday rejected Moscow’s demand that he hand over field commanders accused of raids into Dagestan. Speaking in Grozny, Maskhadov said the Kremlin was preparing a new war in the North Caucasus.",
            "The Federal Security Service (FSB) claimed yesterday that fighters loyal to Shamil Basaev had crossed into Dagestan from Chechnya. Akhmad Kadyrov, the mufti of Chechnya, broke with Maskhadov last month and is now courted by Moscow. Kadyrov told Interfax that Wahhabi groups were to blame.",
            "In the Duma, the Communist faction demanded emergency powers for the Interior Ministry. The OSCE mission in Grozny withdrew its staff to Moscow.",
        ]

    static let belarusKazakhstan: [String] = [
            "Belarusian President Alexander Lukashenko flew to Astana on Friday for a CIS summit hosted by Kazakh President Nursultan Nazarbaev. Lukashenko is expected to press for a customs union with Russia and Kazakhstan, while Nazarbaev has courted Western oil companies.",
            "Gazprom, which supplies most of the gas consumed in Belarus, warned Minsk that it would cut deliveries unless arrears were paid. Gazprom chief Rem Vyakhirev said the debt had reached $250 million.",
            "In Moldova, the separatist leaders of Transdniester again refused to let OSCE observers into Tiraspol. The Moldovan parliament appealed to the Council of Europe.",
        ]

    static let duma: [String] = [
            "The State Duma voted on Wednesday to ratify the treaty with Ukraine, despite objections from deputies of the Liberal Democratic Party. Speaker Gennady Seleznev told reporters that the vote showed the Duma’s independence from the Kremlin.",
            "Georgian President Eduard Shevardnadze accused Russian peacekeepers in Abkhazia of siding with the separatists. Shevardnadze spoke in Tbilisi after meeting the CIS executive secretary, Boris Berezovsky.",
            "Ukrainian officials said the Black Sea Fleet would remain in Sevastopol under the agreement.",
        ]

    @Test("Chechnya: Maskhadov, Kadyrov, FSB, Duma, OSCE, Dagestan")
    func chechnya() {
        expectEntityGold(Self.chechnya, [
            [("Chechen", .miscellaneous), ("Aslan Maskhadov", .person), ("Moscow", .location), ("Dagestan", .location),
             ("Grozny", .location), ("Maskhadov", .person), ("Kremlin", .organization), ("North Caucasus", .location)],
            [("Federal Security Service", .organization), ("FSB", .organization), ("Shamil Basaev", .person),
             ("Dagestan", .location), ("Chechnya", .location), ("Akhmad Kadyrov", .person), ("Chechnya", .location),
             ("Maskhadov", .person), ("Moscow", .location), ("Kadyrov", .person), ("Interfax", .organization),
             ("Wahhabi", .miscellaneous)],
            [("Duma", .organization), ("Communist", .miscellaneous), ("Interior Ministry", .organization),
             ("OSCE", .organization), ("Grozny", .location), ("Moscow", .location)],
        ])
        let spans = EntityTagger().tag(paragraphs: Self.chechnya).joined()
        #expect(spans.filter { $0.text.hasSuffix("Maskhadov") }.allSatisfy { $0.canonicalName == "Aslan Maskhadov" })
        #expect(spans.filter { $0.text.hasSuffix("Kadyrov") }.allSatisfy { $0.canonicalName == "Akhmad Kadyrov" })
        #expect(spans.first { $0.text == "Aslan Maskhadov" }?.role == "President")
    }

    @Test("Belarus and Kazakhstan: Lukashenko, Nazarbaev, CIS, Gazprom, Transdniester")
    func belarusKazakhstan() {
        expectEntityGold(Self.belarusKazakhstan, [
            [("Belarusian", .miscellaneous), ("Alexander Lukashenko", .person), ("Astana", .location), ("CIS", .organization),
             ("Kazakh", .miscellaneous), ("Nursultan Nazarbaev", .person), ("Lukashenko", .person), ("Russia", .location),
             ("Kazakhstan", .location), ("Nazarbaev", .person), ("Western", .miscellaneous)],
            [("Gazprom", .organization), ("Belarus", .location), ("Minsk", .location), ("Gazprom", .organization),
             ("Rem Vyakhirev", .person)],
            [("Moldova", .location), ("Transdniester", .location), ("OSCE", .organization), ("Tiraspol", .location),
             ("Moldovan", .miscellaneous), ("Council of Europe", .organization)],
        ])
        let spans = EntityTagger().tag(paragraphs: Self.belarusKazakhstan).joined()
        #expect(spans.filter { $0.text.hasSuffix("Lukashenko") }.allSatisfy { $0.canonicalName == "Alexander Lukashenko" })
        #expect(spans.filter { $0.text.hasSuffix("Nazarbaev") }.allSatisfy { $0.canonicalName == "Nursultan Nazarbaev" })
    }

    @Test("Duma and the near abroad: State Duma, Shevardnadze, Black Sea Fleet")
    func duma() {
        expectEntityGold(Self.duma, [
            [("State Duma", .organization), ("Ukraine", .location), ("Liberal Democratic Party", .organization),
             ("Gennady Seleznev", .person), ("Duma", .organization), ("Kremlin", .organization)],
            [("Georgian", .miscellaneous), ("Eduard Shevardnadze", .person), ("Russian", .miscellaneous),
             ("Abkhazia", .location), ("Shevardnadze", .person), ("Tbilisi", .location), ("CIS", .organization),
             ("Boris Berezovsky", .person)],
            [("Ukrainian", .miscellaneous), ("Black Sea Fleet", .organization), ("Sevastopol", .location)],
        ])
        let spans = EntityTagger().tag(paragraphs: Self.duma).joined()
        #expect(spans.first { $0.text == "Gennady Seleznev" }?.role == "Speaker")
        #expect(spans.first { $0.text == "Shevardnadze" }?.canonicalName == "Eduard Shevardnadze")
    }
}
