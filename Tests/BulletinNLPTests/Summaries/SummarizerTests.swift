import Foundation
import Testing
@testable import BulletinNLP

@Suite("Summarizer")
struct SummarizerTests {
    private let segmenter = SentenceSegmenter()

    private var sampleSentences: [String] {
        SummaryMonitorSample.paragraphs.flatMap { segmenter.sentences(in: $0) }
    }

    @Test("segments the sample bulletin into whole sentences, citations included")
    func sampleSegmentation() {
        let sentences = sampleSentences
        #expect(sentences.count == 13)
        #expect(sentences.contains {
            $0.hasPrefix("As he and others") && $0.hasSuffix("George Robertson (Russian agencies, February 1).")
        })
        #expect(sentences.contains { $0.hasPrefix("Putin’s account") && $0.hasSuffix("(see the Monitor, January 17).") })
    }

    @Test("the sample summary is made of whole sentences, in article order", arguments: [40, 60, 120, 1_000])
    func sampleSummaryIsWholeSentences(budget: Int) {
        let summary = Summarizer(options: SummaryOptions(wordBudget: budget))
            .summarize(paragraphs: SummaryMonitorSample.paragraphs)
        let all = sampleSentences
        #expect(!summary.sentences.isEmpty)
        let positions = summary.sentences.compactMap { all.firstIndex(of: $0) }
        #expect(positions.count == summary.sentences.count)
        #expect(positions == positions.sorted())
        #expect(summary.text == summary.sentences.joined(separator: " "))
        for sentence in summary.sentences {
            #expect(sentence.filter { $0 == "(" }.count == sentence.filter { $0 == ")" }.count)
        }
    }

    @Test("a long summary of the sample keeps citations whole")
    func sampleCitationsStayWhole() {
        let summary = Summarizer(options: SummaryOptions(wordBudget: 1_000)).summarize(paragraphs: SummaryMonitorSample.paragraphs)
        #expect(summary.text.contains("George Robertson (Russian agencies, February 1)."))
        #expect(summary.text.contains("(see the Monitor, January 17)."))
        #expect(!summary.sentences.contains { $0.hasPrefix("February") || $0.hasPrefix("January") })
    }

    @Test("the sample summary leads with the lead and fits the default budget")
    func sampleDefaults() {
        let summary = Summarizer().summarize(paragraphs: SummaryMonitorSample.paragraphs)
        #expect(summary.sentences.first == sampleSentences.first)
        let wordsBeforeLast = summary.sentences.dropLast().reduce(0) { $0 + $1.split(separator: " ").count }
        #expect(wordsBeforeLast < SummaryOptions().wordBudget)
        #expect(summary.dek.split(separator: " ").count <= SummaryOptions().dekWordLimit + 1)
    }

    @Test("results are deterministic, with and without term statistics")
    func deterministic() {
        var statistics = TermStatistics()
        for p in SummaryMonitorSample.paragraphs { statistics.addDocument(p) }
        #expect(statistics.documentCount == 4)
        for stats in [nil, statistics] {
            let summarizer = Summarizer(options: SummaryOptions(wordBudget: 80), statistics: stats)
            let first = summarizer.summarize(paragraphs: SummaryMonitorSample.paragraphs)
            for _ in 0..<5 {
                #expect(summarizer.summarize(paragraphs: SummaryMonitorSample.paragraphs) == first)
            }
        }
    }

    @Test("maxSentences caps the summary")
    func sentenceCap() {
        let summary = Summarizer(options: SummaryOptions(wordBudget: 1_000, maxSentences: 2))
            .summarize(paragraphs: SummaryMonitorSample.paragraphs)
        #expect(summary.sentences.count == 2)
    }

    @Test("plain text is parted into paragraphs at blank lines, whatever ends its lines", arguments: ["\r\n", "\r"])
    func lineEnds(end: String) {
        let text = SummaryMonitorSample.paragraphs.joined(separator: "\n\n")
        #expect(SummaryArticle.paragraphs(of: text.replacingOccurrences(of: "\n", with: end)) == SummaryMonitorSample.paragraphs)
        #expect(Summarizer().summarize(text: text.replacingOccurrences(of: "\n", with: end)) == Summarizer().summarize(text: text))
    }

    @Test("empty input gives an empty summary")
    func emptyInput() {
        #expect(Summarizer().summarize(paragraphs: []) == Summary.empty)
        #expect(Summarizer().summarize(paragraphs: ["", "  "]) == Summary.empty)
    }

    @Test("boilerplate and fragments are skipped")
    func skipsJunk() {
        let text = [
            "By Staff Reporter.",
            "Scroll down for video A storm has flooded the coastal town of Exmouth overnight.",
            "Residents of the coastal town of Exmouth were evacuated as a storm flooded streets overnight.",
            "Rescuers used boats to reach elderly residents trapped in their homes near the harbour.",
        ]
        let summary = Summarizer(options: SummaryOptions(wordBudget: 20)).summarize(paragraphs: [text.joined(separator: " ")])
        #expect(summary.sentences.first == text[2])
        #expect(!summary.text.contains("Scroll down"))
        #expect(!summary.text.contains("By Staff"))
    }

    @Test("boilerplate is found on a sentence's bytes where it is found on its scalars")
    func boilerplateOnBytes() {
        let cases = [
            "Scroll down for video", "CLICK HERE to read", "Updated: 10:31", "read more: the rest", "x published:",
            "click here", "click her", "clickhere", "unclick here", "Click\u{A0}here", "é click here", "éclick here",
            "\u{A0}Click here", "\u{2009}published: now", "\u{3000}updated: now", "—updated: now", "(click here)",
            "Ⓢcroll down for video", "scroll down for vidéo", "This Article Was written", "all rights reserved",
            "Sign up for", "Follow us on", "\u{1F600} click here", "s", "", "published", "updated:",
        ]
        for text in cases {
            var bytes = Array(text.utf8)
            let found = bytes.withUnsafeMutableBufferPointer { SummaryBoilerplate.matches(UnsafeBufferPointer($0)) }
            #expect(found == Self.isBoilerplate(Array(text.unicodeScalars)), "\(text)")
        }
    }

    /// The boilerplate test on scalars: a marker at the start or after a space, ASCII capitals read as lowercase.
    private static func isBoilerplate(_ s: [Unicode.Scalar]) -> Bool {
        let markers = [
            "scroll down for video", "click here", "published:", "updated:", "read more:",
            "follow us on", "sign up for", "all rights reserved", "this article was",
        ].map { Array($0.unicodeScalars) }
        return s.indices.contains { i in
            (i == 0 || SummaryText.isSpace(s[i - 1])) && markers.contains { marker in
                s.count - i >= marker.count && marker.indices.allSatisfy { SummaryText.asciiLower(s[i + $0]) == marker[$0] }
            }
        }
    }

    @Test("a repeated sentence is chosen once")
    func redundancy() {
        let lead = "The central bank raised interest rates by half a point on Thursday to curb inflation."
        let paragraphs = [lead, lead, "Markets fell sharply after the announcement, with bank shares leading losses."]
        let summary = Summarizer(options: SummaryOptions(wordBudget: 100)).summarize(paragraphs: paragraphs)
        #expect(summary.sentences == [lead, paragraphs[2]])
    }

    @Test("entity density promotes sentences dense in named entities")
    func entityDensity() {
        let plain = "It was a very long and quite tiring day for everyone who was involved in it."
        let named = "Angela Merkel met Emmanuel Macron and Joe Biden in Berlin on Monday evening."
        let scoring = SummaryScoring(positionDecay: 1, centralityWeight: 0, entityWeight: 1, dekCentralityWeight: 0)
        let options = SummaryOptions(wordBudget: 10, maxSentences: 1, scoring: scoring)
        let text = plain + " " + named
        let offset = plain.unicodeScalars.count + 1
        let entities = [[offset..<(offset + 13), (offset + 18)..<(offset + 33), (offset + 38)..<(offset + 47)]]
        let summarizer = Summarizer(options: options)
        #expect(summarizer.summarize(paragraphs: [text]).sentences == [plain])
        #expect(summarizer.summarize(paragraphs: [text], entityRanges: entities).sentences == [named])
    }
}

@Suite("Dek")
struct SummaryDekTests {
    @Test("a short best sentence is the dek unchanged")
    func shortDek() {
        let summary = Summarizer().summarize(paragraphs: ["Floods hit the town of Exmouth on Sunday night. Residents fled."])
        #expect(summary.dek == "Floods hit the town of Exmouth on Sunday night.")
    }

    @Test("a long dek is cut at the last clause boundary within the limit")
    func clauseCut() {
        let sentence = "Even Colonel General Leonid Ivashov, one of the Defense Ministry’s most notorious hardliners and a man who until recently has appeared to staunchly oppose a reconciliation with NATO, signaled yesterday that he was softening his stance."
        let summary = Summarizer().summarize(paragraphs: [sentence])
        #expect(summary.dek == "Even Colonel General Leonid Ivashov, one of the Defense Ministry’s most notorious hardliners and a man who until recently has appeared to staunchly oppose a reconciliation with NATO…")
        #expect(summary.sentences == [sentence])
    }

    @Test("a dek without a clause boundary is cut at the word limit")
    func wordCut() {
        let words = (1...40).map { "word\($0)" }
        let summary = Summarizer(options: SummaryOptions(dekWordLimit: 30)).summarize(paragraphs: [words.joined(separator: " ") + "."])
        #expect(summary.dek == words.prefix(30).joined(separator: " ") + "…")
    }

    @Test("a word-limit cut inside brackets is made before them, and drops English lead-in words")
    func bracketAndLeadWords() {
        let cited = "Members of parliament, regional governors and the larger private producers have all begun to argue in public about how the next wave of sales should be organised (Kazakh press, January 12)."
        #expect(Summarizer(options: SummaryOptions(dekWordLimit: 30)).summarize(paragraphs: [cited]).dek
            == "Members of parliament, regional governors and the larger private producers have all begun to argue in public about how the next wave of sales should be organised…")
        let plain = "A report in Prism last week set out the background of the dispute over the pipeline and its tariffs."
        let options = SummaryOptions(dekWordLimit: 12)
        #expect(Summarizer(options: options).summarize(paragraphs: [plain]).dek == "A report in Prism last week set out the background…")
        // Other languages' deks keep the word the limit fell on.
        #expect(Summarizer(options: options).summarize(paragraphs: [plain], isEnglish: false).dek == "A report in Prism last week set out the background of the…")
    }

    @Test("no cut inside parentheses or quotations")
    func protectedCut() {
        let sentence = "The minister said the plan, which was agreed last week, would go ahead (despite protests, strikes, and a court challenge, which failed) and that nothing would change before the election next spring."
        let dek = Summarizer(options: SummaryOptions(dekWordLimit: 25)).summarize(paragraphs: [sentence]).dek
        #expect(dek == "The minister said the plan, which was agreed last week…")
    }
}
