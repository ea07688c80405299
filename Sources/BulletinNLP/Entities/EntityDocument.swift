/// The working state of one `EntityTagger.tag(paragraphs:)` call.
struct EntityDocument {
    /// A candidate mention: token range in one paragraph plus what is known about it.
    struct Candidate {
        var paragraph: Int
        var lo: Int
        var hi: Int
        var kind: EntityKind?
        /// 0 unknown, 1 weak guess, 2 cue-based, 3 lexicon or title.
        var strength: Int
        var roleLo: Int = -1
        /// The id of the candidate's key (its words' keys joined by spaces) in ``EntityDocument/keys``, once
        /// ``EntityDocument/buildMemory()`` has numbered it.
        var key: Int32 = -1
        var canonical: String?
        /// A lone unknown capitalised word: typed by the kind of story if nothing else decides.
        var isFallback = false
    }

    struct Paragraph {
        var bytes: [UInt8]
        var tokens: [EntityToken]
        var isHeadline: Bool
    }

    let lexicon: EntityLexicon
    var paragraphs: [Paragraph]
    var candidates: [Candidate] = []
    /// The keys of the candidates and of their words, numbered as the document meets them: the memory is
    /// keyed by these ids.
    var keys = EntityWordTable(expectedCount: 64)

    init(paragraphs texts: [String], lexicon: EntityLexicon) {
        self.lexicon = lexicon
        paragraphs = texts.map { text in
            let bytes = Array(text.utf8)
            let tokens = EntityTokenizer.tokenize(bytes, lexicon: lexicon)
            return Paragraph(bytes: bytes, tokens: tokens, isHeadline: EntityDocument.isHeadline(tokens))
        }
    }

    /// A paragraph mostly in capitals ("SOCCER - JAPAN GET LUCKY WIN"): capitalisation says nothing there.
    static func isHeadline(_ tokens: [EntityToken]) -> Bool {
        var caps = 0
        var words = 0
        for t in tokens where t.shape == .word && t.byteCount > 1 {
            words += 1
            if t.isAllCaps { caps += 1 }
        }
        return words > 0 && caps * 10 >= words * 7 && (caps >= 2 || words == 1)
    }

    /// A title in title case ("Gazprom Resumes Gas Talks With Kyiv"): its words of four letters or more
    /// after the first, two at least, are nearly all capitalised, as they are in few sentences.
    static func isTitleCase(_ tokens: [EntityToken]) -> Bool {
        var long = 0
        var capitalized = 0
        for t in tokens.dropFirst() where t.shape == .word && t.byteCount >= 4 {
            long += 1
            if t.isCapitalized { capitalized += 1 }
        }
        return long >= 2 && capitalized * 4 >= long * 3
    }

    // MARK: - Running

    mutating func run() -> [[EntitySpan]] {
        for p in paragraphs.indices where !paragraphs[p].isHeadline {
            findCandidates(inParagraph: p)
        }
        var memory = buildMemory()
        resolve(memory: memory)
        let sports = isSportsDocument()
        for i in candidates.indices where candidates[i].isFallback && candidates[i].kind == nil {
            // Sports copy names clubs it does not explain (and grounds after "at"). In news copy a lone
            // capitalised word that nothing types is a person only when it ends as a surname does: otherwise
            // it is as often a firm, a place, a newspaper or a market's word ("Comelf", "Stansted",
            // "Obshchaya", "Eurodollars"), and is left untyped.
            let c = candidates[i]
            let afterAt = c.lo > 0 && paragraphs[c.paragraph].tokens[c.lo - 1].word == lexicon.keywords.at
            if sports {
                // A surname-like word in sports copy is still a player ("Duran", "Vaas" are clubs' opponents' players).
                let isSurname = c.hi - c.lo == 1 && paragraphs[c.paragraph].tokens[c.lo].traits.contains(.surname)
                candidates[i].kind = afterAt ? .location : (isSurname ? .person : .organization)
            } else if endsAsSurname(c) {
                candidates[i].kind = .person
            }
        }
        // Headlines see every name the body typed, however it was typed. Most documents have no headline,
        // and the memory is not asked again.
        if paragraphs.contains(where: \.isHeadline) {
            for i in candidates.indices {
                guard let kind = candidates[i].kind, memory.entry(candidates[i].key) == nil else { continue }
                let c = candidates[i]
                memory.remember(EntityMemory.Entry(kind: kind, canonical: c.canonical ?? surface(c), strength: c.strength), for: c.key)
            }
            let firstHeadline = candidates.count
            for p in paragraphs.indices where paragraphs[p].isHeadline {
                findHeadlineCandidates(inParagraph: p, memory: memory)
            }
            for i in firstHeadline..<candidates.count {
                candidates[i].key = keyID(candidates[i].paragraph, tokens: candidates[i].lo..<candidates[i].hi)
                if let m = memory.entry(candidates[i].key) { candidates[i].canonical = m.canonical }
                if candidates[i].kind == .person, let full = memory.fullName(candidates[i].key) { candidates[i].canonical = full }
            }
        }
        if sports { retypeSportsTeams() }
        return makeSpans()
    }

    /// Whether the one word of `c` ends as a Slavic or Caucasian surname does (``EntityLexicon/surnameEndings``).
    func endsAsSurname(_ c: Candidate) -> Bool {
        guard c.hi - c.lo == 1 else { return false }
        let word = key(c.paragraph, c.lo)
        return word.utf8.count >= 5 && Self.key(word, endsWithAnyOf: EntityLexicon.surnameEndings)
    }

    // MARK: - Sports copy

    /// A wire sports story opens with its sport: "SOCCER - JAPAN GET LUCKY WIN".
    func isSportsDocument() -> Bool {
        guard let first = paragraphs.first?.tokens, first.count >= 2 else { return false }
        guard first[0].traits.contains(.sportWord) else { return false }
        return first.prefix(4).contains { $0.word == lexicon.keywords.hyphen || $0.word == lexicon.keywords.colon }
    }

    /// In sports copy a city or region names its team ("Surrey beat Kent"), a country its national side (a place).
    mutating func retypeSportsTeams() {
        // "Greenock Morton 1 Falkirk 0": an unexplained name followed by a score is a club.
        for i in candidates.indices where candidates[i].kind == .person && candidates[i].strength <= 1 {
            let c = candidates[i]
            let tokens = paragraphs[c.paragraph].tokens
            if c.hi < tokens.count, tokens[c.hi].shape == .number, memory(c) { candidates[i].kind = .organization }
        }
        for i in candidates.indices where candidates[i].kind == .location {
            let c = candidates[i]
            let tokens = paragraphs[c.paragraph].tokens
            let key = keys.spelling(of: c.key)
            if lexicon.countries.contains(key) || EntityLexicon.teamlessRegions.contains(key) { continue }
            // Datelines ("LONDON 1996-08-30") and "in"/"at" name the place itself.
            if let last = tokens.last, last.shape == .number, tokens.count <= 6,
               paragraphs[c.paragraph].bytes[last.byteStart..<last.byteEnd].contains(0x2D) { continue }
            if c.lo > 0, tokens[c.lo - 1].traits.contains(.placePreposition) || tokens[c.lo - 1].word == lexicon.keywords.at { continue }
            if c.lo > 1, tokens[c.lo - 1].word == lexicon.keywords.of { continue }
            candidates[i].kind = .organization
        }
    }

    /// True unless the document also names this as a person with more evidence.
    private func memory(_ c: Candidate) -> Bool {
        c.canonical == nil || c.canonical == surface(c)
    }

    // MARK: - Output

    func makeSpans() -> [[EntitySpan]] {
        var out = [[EntitySpan]](repeating: [], count: paragraphs.count)
        // Each paragraph's spans are counted first, so that its list is made at its size once.
        var counts = [Int](repeating: 0, count: paragraphs.count)
        for i in candidates.indices where candidates[i].kind != nil { counts[candidates[i].paragraph] += 1 }
        for p in out.indices where counts[p] > 0 { out[p].reserveCapacity(counts[p]) }
        // Whether a paragraph's spans came out of order (or two start together), noted as they are made:
        // asked of the lists afterwards, every span read was copied, its strings retained and released.
        var lastStart = [Int](repeating: -1, count: paragraphs.count)
        var needsSorting = [Bool](repeating: false, count: paragraphs.count)
        // The candidates and paragraphs are read in place, by index: copied, each candidate's strings and
        // each paragraph's arrays were retained and released once a span.
        for i in candidates.indices {
            guard let kind = candidates[i].kind else { continue }
            let p = candidates[i].paragraph
            let first = paragraphs[p].tokens[candidates[i].lo]
            let last = paragraphs[p].tokens[candidates[i].hi - 1]
            let text = String(decoding: paragraphs[p].bytes[first.byteStart..<last.byteEnd], as: UTF8.self)
            var role: String?
            if candidates[i].roleLo >= 0 {
                let r0 = paragraphs[p].tokens[candidates[i].roleLo]
                let r1 = paragraphs[p].tokens[candidates[i].lo - 1]
                role = String(decoding: paragraphs[p].bytes[r0.byteStart..<r1.byteEnd], as: UTF8.self)
            }
            if first.start <= lastStart[p] { needsSorting[p] = true }
            lastStart[p] = first.start
            out[p].append(EntitySpan(
                start: first.start, end: last.end, kind: kind, text: text,
                canonicalName: candidates[i].canonical ?? text, role: role))
        }
        // Most lists are in order already, with no two spans starting together: sorted, they would stay as they are.
        for p in out.indices where needsSorting[p] {
            out[p].sort { $0.start < $1.start }
        }
        return out
    }
}
