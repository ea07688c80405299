import BulletinModel
import BulletinReaders
import Testing

/// German dates, French "1er" and "le", Spanish and Portuguese "de", capitalised English months, and source names
/// that are names: what a citation and a Date field read, and what stays text.
@Suite("Citation dates and names")
struct CitationDateTests {
    /// The sources' dates of the one citation `text` is, or nil when it is no citation.
    func citedDates(_ text: String) -> [String?]? {
        guard case .citation(let citation) = BulletinConventions.inlines(in: text).first,
              BulletinConventions.inlines(in: text).count == 1 else { return nil }
        return citation.sources.map(\.date)
    }

    /// Expects each Date field of `read` to give its ISO 8601 date, and each of `refused` none.
    func expectFieldDates(_ read: [(String, String)], refused: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for (text, iso) in read { #expect(DateParser.isoDate(from: text) == iso, "\(text)", sourceLocation: sourceLocation) }
        for text in refused { #expect(DateParser.isoDate(from: text) == nil, "\(text)", sourceLocation: sourceLocation) }
    }

    // MARK: - German

    @Test("a German citation is a citation, and a German Date field a date")
    func germanCitationsAndFields() {
        #expect(citedDates("(dpa, 3. Mai)") == ["3. Mai"])
        #expect(citedDates("(APA, 3.\u{2013}4. Mai 2000; Reuters, May 5)") == ["3.\u{2013}4. Mai 2000", "May 5"])
        #expect(BulletinConventions.inlines(in: "Die Gespräche gehen weiter (dpa, 3. Mai).") == [
            .text("Die Gespräche gehen weiter "),
            .citation(Citation(text: "(dpa, 3. Mai)", sources: [CitationSource(name: "dpa", date: "3. Mai")])),
            .text("."),
        ])
        expectFieldDates([("3. Mai 2000", "2000-05-03"), ("15. Jänner 2001", "2001-01-15"), ("29. Februar 2000", "2000-02-29"),
                          ("1. Dez. 1999", "1999-12-01")], refused: ["3.\u{2013}4. Mai 2000", "3. Mai", "29. Februar 2001", "3 Mai 2000"])
    }

    // MARK: - Weekdays and times

    @Test("a Date field may open with the date's weekday, in any language dates are read in, and end with a time of day")
    func weekdaysAndTimes() {
        expectFieldDates([
            ("Wednesday, May 3, 2000", "2000-05-03"), ("Wed, 03 May 2000", "2000-05-03"), ("Wed., 3 May 2000", "2000-05-03"),
            ("Wed, 03 May 2000 10:00:00 +0000", "2000-05-03"), ("Thu, 4 May 2000 23:59 GMT", "2000-05-04"),
            ("May 3, 2000 10:00", "2000-05-03"), ("Mittwoch, 3. Mai 2000", "2000-05-03"), ("mercredi 3 mai 2000", "2000-05-03"),
            ("Среда, 3 мая 2000 г.", "2000-05-03"), ("Monday, 2000-01-03", "2000-01-03"), ("Sunday, 1 January 1995", "1995-01-01"),
            ("Tuesday, 29 February 2000", "2000-02-29"), ("Saturday, 1 January 2000", "2000-01-01"),
        ], refused: [
            // The weekday is another day's, or the time is no time.
            "Wednesday, May 4, 2000", "Saturday, 29 February 2000", "Wed, 03 May 2000 25:00", "Wed, 03 May 2000 10:61",
            "Wednesday", "Wednesday,", "Someday, May 3, 2000",
        ])
        let conflict = DateParser.weekdayConflict(in: "Wednesday, May 4, 2000")
        #expect(conflict?.date == "2000-05-04" && conflict?.actual == "Thursday" && conflict?.written == "Wednesday")
        #expect(DateParser.weekdayConflict(in: "Wednesday, May 3, 2000") == nil)
    }

    // MARK: - French

    @Test("a French '1er' citation is a citation, and a Date field 'le 3 mai 2000' or '1er mai 2000' a date")
    func frenchCitationsAndFields() {
        #expect(citedDates("(AFP, 1er mai)") == ["1er mai"])
        #expect(citedDates("(Le Monde, le 3 mai 2000)") == ["le 3 mai 2000"])
        expectFieldDates([("1er mai 2000", "2000-05-01"), ("le 3 mai 2000", "2000-05-03"), ("Le 1er janvier 2001", "2001-01-01"),
                          ("le 29 février 2000", "2000-02-29")], refused: ["le 1er et 2 mai 2000", "le 3 mai", "le 29 février 2001"])
    }

    // MARK: - Spanish and Portuguese

    @Test("Spanish and Portuguese dates with 'de' are citations' dates and Date fields")
    func spanishAndPortugueseDates() {
        #expect(citedDates("(EFE, 3 de mayo de 2000)") == ["3 de mayo de 2000"])
        #expect(citedDates("(Lusa, 3 de maio de 2000)") == ["3 de maio de 2000"])
        #expect(citedDates("(Lusa, 3 e 4 de maio)") == ["3 e 4 de maio"])
        expectFieldDates([("3 de mayo de 2000", "2000-05-03"), ("3 de maio de 2000", "2000-05-03"), ("1 de enero de 2001", "2001-01-01"),
                          ("31 de dezembro de 1999", "1999-12-31")], refused: ["3 de maio", "3 y 4 de mayo de 2000", "31 de junio de 2000"])
    }

    // MARK: - English month first

    @Test("an English month written first is capitalised: 'may 3' is no date, 'MAY 3' and 'May 3' are", arguments: [
        ("may 3", false), ("jan 17", false), ("february 1, 2000", false), ("sept. 30", false), ("MAY 3", true), ("May 3", true),
        ("Feb. 1-2", true),
    ])
    func monthFirstCase(text: String, isDate: Bool) {
        #expect((WrittenDate.monthAndDay(text) != nil) == isDate, "\(text)")
    }

    @Test("a lower-case English month makes no citation or cross-reference")
    func lowercaseMonthsStayText() {
        for text in ["(Reuters, may 3)", "(Interfax, march 3, 2000)", "(see the Monitor, may 3)", "(Reuters, May 1; AP, may 3)"] {
            #expect(BulletinConventions.inlines(in: "Text \(text).") == [.text("Text \(text).")], "\(text)")
        }
    }

    // MARK: - Source names

    @Test("a source is named: a lower-case phrase before the date leaves the parenthetical text", arguments: [
        "(the minister, 3 May)", "(see above, May 3)", "(in Moscow, May 3)", "(as expected, May 3)", "(12, May 3)",
        "(in 1999, May 3)", "(Interfax, May 3; the minister, May 4)", "(ibid, May 3)", "(and so on, 3 mai)",
        "(according to him, May 3)", "(citing sources, May 3)", "(according to, May 3)",
    ])
    func unnamedSources(text: String) {
        #expect(BulletinConventions.inlines(in: "Text \(text).") == [.text("Text \(text).")], "\(text)")
    }

    @Test("a source named by a capital, an all-caps agency, a lower-case agency, an article and a name, or a script without case", arguments: [
        ("(Russian agencies, February 1)", "Russian agencies"), ("(УНІАН, 3 травня)", "УНІАН"), ("(ITAR-TASS, 3-4 May)", "ITAR-TASS"),
        ("(dpa, May 3)", "dpa"), ("(the Moscow Times, May 3)", "the Moscow Times"), ("(la Repubblica, 3 maggio)", "la Repubblica"),
        ("(de Volkskrant, 3 mei)", "de Volkskrant"), ("(新华社, May 3)", "新华社"), ("(24 Hours, May 3)", "24 Hours"),
        ("(Écho, 3 mai)", "Écho"), ("(Interfax, AP, May 3)", "Interfax, AP"),
        // Words that attribute to the source are not its name.
        ("(according to Interfax, May 3)", "Interfax"), ("(According to the Moscow Times, May 3)", "the Moscow Times"),
        ("(по данным Интерфакса, 3 мая)", "Интерфакса"), ("(citing RIA Novosti, 3 May)", "RIA Novosti"),
    ])
    func namedSources(text: String, name: String) {
        guard case .citation(let citation) = BulletinConventions.inlines(in: text).first else {
            Testing.Issue.record("\(text) is no citation")
            return
        }
        #expect(citation.sources.map(\.name) == [name], "\(text)")
    }
}
