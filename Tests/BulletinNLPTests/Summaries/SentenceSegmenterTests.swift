import Testing
@testable import BulletinNLP

/// A paragraph and the sentences it must split into.
struct SummarySegmentationCase: CustomTestStringConvertible, Sendable {
    var text: String
    var expected: [String]
    var testDescription: String { String(text.prefix(60)) }
    init(_ text: String, _ expected: [String]) {
        self.text = text
        self.expected = expected
    }
    /// A case that must stay a single sentence.
    init(one text: String) {
        self.init(text, [text])
    }
}

@Suite("Sentence segmenter")
struct SentenceSegmenterTests {
    static let hardCases: [SummarySegmentationCase] = [
        // Titles and ranks
        SummarySegmentationCase(one: "Gen. Wesley Clark met Col. Sanders and Lt. Gen. Ivashov on Tuesday."),
        SummarySegmentationCase(one: "Mr. Smith and Mrs. Jones visited Dr. Brown at St. Mary's hospital."),
        SummarySegmentationCase(one: "Sen. John McCain and Gov. Jeb Bush spoke with Rep. Nancy Pelosi."),
        SummarySegmentationCase(one: "Prof. Higgins and Capt. Haddock sailed from Mt. Vernon."),
        // Initials
        SummarySegmentationCase(one: "George W. Bush met with J. R. R. Tolkien's heirs."),
        SummarySegmentationCase("Blues legend B.B. King was hospitalized. He recovered quickly.",
                         ["Blues legend B.B. King was hospitalized.", "He recovered quickly."]),
        // Acronyms and places
        SummarySegmentationCase(one: "The U.S. Army and the U.N. Security Council disagreed."),
        SummarySegmentationCase("Troops returned to the U.S. The war was over.",
                         ["Troops returned to the U.S.", "The war was over."]),
        SummarySegmentationCase(one: "He lives in Washington, D.C. with his wife."),
        // Dates and numbers
        SummarySegmentationCase(one: "The talks began on Feb. 1 and ended on Sept. 30 in Geneva."),
        SummarySegmentationCase(one: "Inflation rose 3.5 percent to $1.2 billion, or 0.7 points."),
        SummarySegmentationCase(one: "He lives at No. 10 Downing Street."),
        SummarySegmentationCase("The meeting ended at 3 p.m. The results were announced later.",
                         ["The meeting ended at 3 p.m.", "The results were announced later."]),
        SummarySegmentationCase(one: "The meeting ended at 3 p.m. on Friday."),
        SummarySegmentationCase("Sales grew in 2015. 2016 was worse.", ["Sales grew in 2015.", "2016 was worse."]),
        SummarySegmentationCase("The study was reported by Philly.com. Wishes were mixed.",
                         ["The study was reported by Philly.com.", "Wishes were mixed."]),
        SummarySegmentationCase("She slimmed down to 12.5st. Lizzi was delighted.",
                         ["She slimmed down to 12.5st.", "Lizzi was delighted."]),
        SummarySegmentationCase(one: "He studied with J.R.R. Tolkien and C.S. Lewis at Oxford."),
        // Companies
        SummarySegmentationCase(one: "Apple Inc. said on Monday that profits rose."),
        SummarySegmentationCase("Shares fell at Acme Corp. The company blamed the weather.",
                         ["Shares fell at Acme Corp.", "The company blamed the weather."]),
        SummarySegmentationCase(one: "Martin Luther King Jr. Day is a holiday."),
        // Quotations
        SummarySegmentationCase("“We will win.” The crowd cheered.", ["“We will win.”", "The crowd cheered."]),
        SummarySegmentationCase("He said, \"It is over.\" Then he left.", ["He said, \"It is over.\"", "Then he left."]),
        SummarySegmentationCase("‘I’m fortunate I was put into this position.’ Locke smiled.",
                         ["‘I’m fortunate I was put into this position.’", "Locke smiled."]),
        SummarySegmentationCase(one: "“Are you sure?” she asked."),
        // Question and exclamation marks
        SummarySegmentationCase("Who knew? Nobody did! Then it changed.", ["Who knew?", "Nobody did!", "Then it changed."]),
        // Ellipses
        SummarySegmentationCase("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
        SummarySegmentationCase(one: "He paused … and then he spoke."),
        SummarySegmentationCase("It was over… The end came fast.", ["It was over…", "The end came fast."]),
        // Citations and parentheses
        SummarySegmentationCase(
            "The visit is planned for later this month by NATO Secretary-General George Robertson (Russian agencies, February 1). What remains less clear are the terms.",
            ["The visit is planned for later this month by NATO Secretary-General George Robertson (Russian agencies, February 1).",
             "What remains less clear are the terms."]),
        SummarySegmentationCase(one: "The blueprint was approved by Putin (see the Monitor, Jan. 17. Also Feb. 3)."),
        SummarySegmentationCase("He left (it was late.) Then he slept.", ["He left (it was late.)", "Then he slept."]),
        SummarySegmentationCase(one: "The kite measured 6,000 metres (3.7 miles) long."),
        // Abbreviations followed by lowercase
        SummarySegmentationCase(one: "Fruits, e.g. apples, and vegetables, i.e. carrots, etc. are sold."),
        // Paragraph breaks
        SummarySegmentationCase("A headline without a period\n\nThe story begins here.",
                         ["A headline without a period", "The story begins here."]),
        SummarySegmentationCase(one: "A line that wraps\nonto the next line."),
    ]

    @Test("splits hard news cases correctly", arguments: hardCases)
    func hardCase(_ c: SummarySegmentationCase) {
        #expect(SentenceSegmenter().sentences(in: c.text) == c.expected)
        // The first sentence found alone, without reading on, is the first of them all.
        #expect(SentenceSegmenter().firstSentence(in: c.text) == c.expected.first)
    }

    @Test("the first sentence alone is the first of all the sentences, in every paragraph of the sample")
    func firstSentence() {
        for paragraph in SummaryMonitorSample.paragraphs + ["", " \n\n ", "No terminator at all", "A.\n\nB."] {
            #expect(SentenceSegmenter().firstSentence(in: paragraph) == SentenceSegmenter().sentences(in: paragraph).first)
        }
    }

    @Test("ranges are Unicode-scalar offsets, trimmed")
    func scalarOffsets() {
        let text = "  Moscow’s move — “bold.” Café owners agreed.  "
        let ranges = SentenceSegmenter().sentenceRanges(in: text)
        let scalars = Array(text.unicodeScalars)
        let pieces = ranges.map { r in String(String.UnicodeScalarView(scalars[r])) }
        #expect(pieces == ["Moscow’s move — “bold.”", "Café owners agreed."])
        #expect(ranges.first?.lowerBound == 2)
    }

    @Test("empty and whitespace-only text has no sentences")
    func emptyText() {
        #expect(SentenceSegmenter().sentences(in: "") == [])
        #expect(SentenceSegmenter().sentences(in: " \n\n ") == [])
    }

    @Test("an unbalanced parenthesis does not swallow the rest of the paragraph")
    func unbalancedParenthesis() {
        let filler = String(repeating: "word ", count: 80)
        let text = "It began (badly. \(filler)end. Then it finished."
        #expect(SentenceSegmenter().sentences(in: text).last == "Then it finished.")
    }

    @Test("stops at exactly the scalars the segmenter acts on")
    func decidingScalars() {
        let acted: Set<UInt32> = [0x0A, 0x21, 0x28, 0x29, 0x2E, 0x3F, 0x5B, 0x5D, 0x2026]
        let wrong = (UInt32(0)..<0x1_0000).filter { SentenceSegmenter.mayDecide($0) != acted.contains($0) }
        #expect(wrong.isEmpty)
    }

    @Test("a word's key finds the list it is on exactly as its lowercased string would")
    func abbreviationKeys() {
        let rules = SentenceSegmenter.rules
        let lists: [(Set<String>, SentenceSegmenter.Abbreviation)] = [
            (rules.neverFinal, .neverFinal), (rules.beforeNumber, .beforeNumber), (rules.months, .month), (rules.ambiguous, .ambiguous),
        ]
        let listed = lists.flatMap(\.0)
        // Every listed word in three casings, then near misses: prefixes, extensions, non-ASCII look-alikes,
        // a NUL that packs to nothing, and words past the longest a key holds.
        var words = listed + listed.map { $0.uppercased() } + listed.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        words += rules.sentenceOpeners.map { $0.capitalized } + rules.sentenceOpeners.map { $0 + "s" }
        words += listed.map { String($0.dropLast()) } + listed.map { $0 + "x" } + listed.map { "\u{0}" + $0 }
        words += ["ﬁg", "Mr\u{301}", "Ｍr", "meanwhile", "Meanwhiles", "yesterdays", "abcdefghijkl", "U.S", "u.s.", "it’s", "It's"]
        for word in words where !word.isEmpty {
            let scalars = Array(word.unicodeScalars)
            let lowered = String(String.UnicodeScalarView(scalars.map(SummaryText.asciiLower)))
            let expected = lists.first { $0.0.contains(lowered) }?.1
            #expect(rules.abbreviation(scalars, scalars.indices) == expected, "\(word)")
            #expect(rules.isSentenceOpener(scalars, scalars.indices) == rules.sentenceOpeners.contains(lowered), "\(word)")
        }
    }
}
