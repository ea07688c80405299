// Finding candidate mentions in one paragraph: capitalised runs split by titles,
// lexicon phrases and organisation suffixes, each typed as far as local cues allow.

extension EntityDocument {
    // MARK: - Body paragraphs

    mutating func findCandidates(inParagraph p: Int) {
        let tokens = paragraphs[p].tokens
        let n = tokens.count
        var i = 0
        while i < n {
            let t = tokens[i]
            guard t.shape == .word, t.isCapitalized else { i += 1; continue }
            var j = i + 1
            // A known phrase may contain lower-case words ("Organisation for Security and Cooperation in Europe").
            if let (len, _) = phraseMatch(tokens, i, n), len > 1 { j = i + len }
            while j < n {
                let u = tokens[j]
                if u.shape == .word && u.isCapitalized { j += 1; continue }
                if j + 1 < n, tokens[j + 1].shape == .word, tokens[j + 1].isCapitalized {
                    if u.word == lexicon.keywords.of && !tokens[j - 1].traits.isDisjoint(with: [.organizationHeadBeforeOf, .placeHeadBeforeOf]) {
                        j += 2; continue
                    }
                    if u.word == lexicon.keywords.ampersand || (u.shape == .word && u.traits.contains(.nameParticle) && j > i) {
                        j += 2; continue
                    }
                }
                break
            }
            splitRun(p, tokens, i, j)
            i = j
        }
    }

    /// Longest lexicon phrase starting at `i` and ending before `hi`: (length, entry).
    func phraseMatch(_ tokens: [EntityToken], _ i: Int, _ hi: Int) -> (Int, EntityLexicon.PhraseEntry)? {
        let first = lexicon.words[Int(tokens[i].word)]
        var node = first.phraseNode
        var longest: (Int, EntityLexicon.PhraseEntry)?
        var k = i + 1
        while node != EntityLexicon.noNode && k < hi {
            node = lexicon.node(after: node, word: tokens[k].word)
            // Every word after the first is capitalised or a connector ("European championship" is not the event).
            if node != EntityLexicon.noNode, let e = lexicon.entry(at: node), tokens[k].isCapitalized || tokens[k].shape != .word {
                longest = (k - i + 1, e)
            }
            k += 1
        }
        if let longest { return longest }
        if let e = first.phrase { return (1, e) }
        return nil
    }

    private func isTitle(_ t: EntityToken) -> Bool { t.traits.contains(.personTitle) }

    /// A capitalised word that does not start a name at the start of a sentence ("Despite", "The").
    private func isSentenceStarter(_ tokens: [EntityToken], _ i: Int, _ hi: Int) -> Bool {
        let t = tokens[i]
        if let (len, _) = phraseMatch(tokens, i, hi), len > 1 { return false }
        // "Standard & Poor's", "Marks & Spencer": the first word of a firm's name.
        if i + 2 < hi, tokens[i + 1].word == lexicon.keywords.ampersand { return false }
        // "Radio Liberty said…": a broadcaster's name, not "Radio" and a person.
        if t.traits.contains(.organizationLead), i + 1 < hi, tokens[i + 1].isCapitalized { return false }
        if t.traits.contains(.nonEntity) { return !isTitle(t) || i + 1 >= hi }
        if let entry = lexicon.words[Int(t.word)].phrase {
            // "Total", "Unity" opening a sentence are words; "China", "Turkey" are still places.
            return entry.kind != .location && t.traits.contains(.commonWord) && !t.isAllCaps
                && !(i + 1 < hi && tokens[i + 1].isCapitalized)
        }
        if t.isAllCaps && t.byteCount > 1 { return false }
        if t.traits.contains(.commonWord) {
            if isTitle(t) && i + 1 < hi { return false }
            if t.traits.contains(.firstName) && i + 1 < hi { return false }
            return true
        }
        return false
    }

    mutating func splitRun(_ p: Int, _ tokens: [EntityToken], _ start: Int, _ end: Int) {
        var lo = start
        // Sentence-initial common words and words that are never names.
        while lo < end && tokens[lo].isSentenceStart && isSentenceStarter(tokens, lo, end) { lo += 1 }
        var pos = lo
        var segStart = lo
        var covered = lo
        // Split on words that never belong to a name (days, months, pronouns), except inside known phrases.
        while pos <= end {
            if pos < end, pos >= covered, let (len, _) = phraseMatch(tokens, pos, end), len > 1 { covered = pos + len }
            if pos == end || (pos >= covered && tokens[pos].traits.contains(.nonEntity) && !isTitle(tokens[pos])
                && tokens[pos].shape == .word && !isFirstName(tokens, pos, start, end)) {
                if pos > segStart { segment(p, tokens, segStart, pos) }
                segStart = pos + 1
            }
            pos += 1
        }
    }

    /// True when a word that is otherwise never a name, but is also a given name ("Jan", "May"), stands
    /// between a title and a capitalised word: "Economics Minister Jan Zolotov" is a person, not a
    /// minister, a month and a surname.
    private func isFirstName(_ tokens: [EntityToken], _ pos: Int, _ start: Int, _ end: Int) -> Bool {
        guard tokens[pos].traits.contains(.firstName), pos > start, pos + 1 < end, isTitle(tokens[pos - 1]) else { return false }
        let next = tokens[pos + 1]
        return next.shape == .word && next.isCapitalized && !next.traits.contains(.nonEntity)
    }

    private mutating func add(_ p: Int, _ lo: Int, _ hi: Int, _ kind: EntityKind?, _ strength: Int, roleLo: Int = -1) {
        guard hi > lo else { return }
        candidates.append(Candidate(paragraph: p, lo: lo, hi: hi, kind: kind, strength: strength, roleLo: roleLo))
    }

    /// Splits a capitalised run into mentions and types each from the lexicons and local cues.
    private mutating func segment(_ p: Int, _ tokens: [EntityToken], _ lo: Int, _ hi: Int) {
        var pos = lo
        // "Douglas & Lomason", "Procter & Gamble": a firm.
        if hi - lo >= 3, tokens[(lo + 1)..<(hi - 1)].contains(where: { $0.word == lexicon.keywords.ampersand }) {
            add(p, lo, hi, .organization, 2)
            return
        }
        // A lone capital letter ("N", "A") or company abbreviation ("Corp.") is not a name.
        if hi - lo == 1, tokens[lo].byteCount == 1 || tokens[lo].traits.contains(.companyAbbreviation),
           lexicon.words[Int(tokens[lo].word)].phrase == nil { return }
        while pos < hi {
            let t = tokens[pos]
            // Phrase match of two words or more wins ("General Motors", "New York").
            let match = phraseMatch(tokens, pos, hi)
            if let (len, entry) = match, len >= 2 {
                // "New York Yankees"-style: a longer organisation suffix still wins below.
                if let (e, kind) = suffixEnd(tokens, pos, hi), e > pos + len - 1 {
                    add(p, pos, e + 1, kind, 2)
                    pos = e + 1
                    continue
                }
                add(p, pos, pos + len, entry.kind, 3)
                pos += len
                continue
            }
            // Title chain ending in a title head, followed by a name.
            if isTitle(t) {
                var k = pos
                var lastHead = -1
                while k < hi && isTitle(tokens[k]) {
                    if tokens[k].traits.contains(.personTitleHead) { lastHead = k }
                    k += 1
                }
                if lastHead >= 0 && lastHead + 1 < hi && k == lastHead + 1 {
                    // Name runs to the end of the run, but stops before an organisation phrase.
                    var nameEnd = hi
                    for q in (lastHead + 1)..<hi where q > lastHead + 1 {
                        if let (_, e) = phraseMatch(tokens, q, hi), e.kind == .organization { nameEnd = q; break }
                    }
                    let nameLo = lastHead + 1
                    if nameEnd - nameLo == 1, let (_, e) = phraseMatch(tokens, nameLo, nameEnd), e.kind != .person,
                       tokens[lastHead].traits.contains(.personTitleHead) == false {
                        add(p, nameLo, nameEnd, e.kind, 3)
                    } else {
                        add(p, nameLo, nameEnd, .person, 3, roleLo: pos)
                    }
                    pos = nameEnd
                    continue
                }
                if k == hi || k > pos {
                    // Titles without a name ("the Prime Minister"): an organisation suffix may still follow.
                    if let (e, kind) = suffixEnd(tokens, pos, hi) {
                        add(p, pos, e + 1, kind, 2)
                        pos = e + 1
                        continue
                    }
                    pos = k
                    continue
                }
            }
            // "Radio Moscow": a broadcaster or bank named by its first word and a name the lexicon knows as
            // something else (Moscow a place). Unknown words after it are read as a run, below.
            if t.traits.contains(.organizationLead), pos + 1 < hi, !isTitle(tokens[pos + 1]), let (length, _) = phraseMatch(tokens, pos + 1, hi) {
                let end = pos + 1 + length
                add(p, pos, end, .organization, 2)
                pos = end
                continue
            }
            // Organisation by its last word ("Defense Ministry", "Labour Party").
            if let (e, kind) = suffixEnd(tokens, pos, hi) {
                // "Iraqi News Agency", "British Labour Party": the demonym belongs to the name.
                add(p, pos, e + 1, kind, 2)
                pos = e + 1
                continue
            }
            // Single lexicon word.
            if let (len, entry) = match, len == 1 {
                // A given name that is also a place ("Jordan Smith") reads as a person.
                if entry.source == .generated, pos + 1 < hi, t.traits.contains(.firstName),
                   tokens[pos + 1].isCapitalized, phraseMatch(tokens, pos + 1, hi) == nil {
                    add(p, pos, hi, .person, 2)
                    pos = hi
                    continue
                }
                // "Houston Astros": a city before a team's nickname is part of the club's name.
                if entry.kind == .location, pos + 1 < hi, let (l2, e2) = phraseMatch(tokens, pos + 1, hi), l2 == 1,
                   e2.kind == .organization, key(p, pos + 1).utf8.last == 0x73 {
                    add(p, pos, pos + 2, .organization, 3)
                    pos += 2
                    continue
                }
                // "Iraqi Kurds", "Bosnian Serb": one name of a people.
                if entry.kind == .miscellaneous, pos + 1 < hi, let (l2, e2) = phraseMatch(tokens, pos + 1, hi), l2 == 1,
                   e2.kind == .miscellaneous {
                    add(p, pos, pos + 2, .miscellaneous, 3)
                    pos += 2
                    continue
                }
                // "Caspian oil", "the five Caspian states": a place's name as an adjective before a common noun
                // describes the noun; it is a name (as "Russian" in "Russian oil" is), not the place.
                if entry.kind == .location, pos + 1 == hi, t.traits.contains(.placeAdjective), hi < tokens.count,
                   tokens[hi].shape == .word, !tokens[hi].isCapitalized, tokens[hi].traits.contains(.commonWord),
                   tokens[hi].traits.isDisjoint(with: [.nonEntity, .reportingVerb, .placePreposition, .linkingVerb]) {
                    add(p, pos, pos + 1, .miscellaneous, 2)
                    pos += 1
                    continue
                }
                // "Fergana Valley", "Moscow Region": a place and the kind of place it is make one name.
                if entry.kind == .location, pos + 1 < hi, tokens[pos + 1].traits.contains(.placeSuffix),
                   tokens[pos + 1].isCapitalized, phraseMatch(tokens, pos + 1, hi) == nil {
                    add(p, pos, pos + 2, .location, 3)
                    pos += 2
                    continue
                }
                add(p, pos, pos + 1, entry.kind, 3)
                pos += 1
                continue
            }
            // Given name or initial followed by more capitalised words: a person.
            let isInitial = t.byteCount == 2 && paragraphs[p].bytes[t.byteEnd - 1] == 0x2E
            if pos + 1 < hi && (t.traits.contains(.firstName) || isInitial) {
                var e = pos + 1
                while e < hi && phraseMatch(tokens, e, hi)?.1.kind != .organization { e += 1 }
                if e > pos + 1 || e == hi {
                    add(p, pos, e, .person, isInitial || !t.traits.contains(.commonWord) ? 3 : 2)
                    pos = e
                    continue
                }
            }
            // Unknown run up to the next lexicon word.
            var e = pos + 1
            while e < hi && !isTitle(tokens[e]) {
                if let (l, entry) = phraseMatch(tokens, e, hi) {
                    // "MaliVai Washington": a surname that also names a place ends a person's name.
                    guard l == 1, !tokens[e].traits.contains(.country),
                          tokens[e].traits.contains(.surname) || entry.source == .generated
                    else { break }
                }
                e += 1
            }
            classifyUnknown(p, tokens, pos, e)
            pos = e
        }
    }

    /// Index of the last organisation- or event-suffix word in (pos, hi), if any, with the kind it implies.
    private func suffixEnd(_ tokens: [EntityToken], _ pos: Int, _ hi: Int) -> (Int, EntityKind)? {
        var k = hi - 1
        while k > pos {
            if tokens[k].traits.contains(.organizationSuffix) { return (k, .organization) }
            if tokens[k].traits.contains(.miscellaneousSuffix) { return (k, .miscellaneous) }
            k -= 1
        }
        return nil
    }

    /// Types a capitalised run the lexicons do not know, from its shape and neighbours.
    private mutating func classifyUnknown(_ p: Int, _ tokens: [EntityToken], _ lo: Int, _ hi: Int) {
        let first = tokens[lo]
        let last = tokens[hi - 1]
        let len = hi - lo
        let prev = lo > 0 ? tokens[lo - 1].word : EntityLexicon.unknownWord
        let keywords = lexicon.keywords
        let prevTraits = lo > 0 ? tokens[lo - 1].traits : []
        let prev2Traits = lo > 1 ? tokens[lo - 2].traits : []
        let nextTraits = hi < tokens.count ? tokens[hi].traits : []
        if len == 1 && first.isSentenceStart && first.traits.contains(.commonWord) { return }
        // The first word's key, made once for the rules below that ask for it.
        let firstKey = key(p, lo)
        if len == 1 && isCommonCompound(firstKey) { return }
        if len >= 2 && first.traits.contains(.organizationLead) {
            add(p, lo, hi, .organization, 2)
            return
        }
        // "Sovetskaya Rossiya", "Nezavisimaya", "Moskovsky Komsomolets": a name opening with a Russian adjective
        // is a newspaper's or a body's, not a person's, even before "wrote".
        if firstKey.utf8.count >= 7, Self.key(firstKey, endsWithAnyOf: EntityLexicon.russianAdjectiveEndings)
            || (len >= 2 && Self.key(firstKey, endsWithAnyOf: EntityLexicon.russianMasculineAdjectiveEndings)) {
            add(p, lo, hi, .organization, 1)
            return
        }
        if len == 1 && hasInnerCapital(first, in: paragraphs[p].bytes) {
            // "NationsBank", "BankAmerica": a brand, not a person ("McDonald", "MacLeod" excepted).
            add(p, lo, hi, .organization, 1)
            return
        }
        if len == 1 && isDerivedDemonym(firstKey) {
            add(p, lo, hi, .miscellaneous, 2)
            return
        }
        if len == 1 && prev == keywords.the && first.traits.contains(.organizationSuffix) {
            // "the Monitor", "the Times": a publication or body named by its head word.
            add(p, lo, hi, .organization, 1)
            return
        }
        if prev == keywords.of && prev2Traits.contains(.placeNoun) {
            add(p, lo, hi, .location, 2)
            return
        }
        if last.traits.contains(.placeSuffix) && len >= 2 {
            add(p, lo, hi, .location, 2)
            return
        }
        if len == 1 && first.isAllCaps && first.byteCount >= 2 && first.byteCount <= 6 {
            add(p, lo, hi, .organization, 1)
            return
        }
        // "Magna shareholders", "Cofinec 's chairman", "a stake in Ruch": a company.
        let next2Traits = hi + 1 < tokens.count ? tokens[hi + 1].traits : []
        if nextTraits.contains(.organizationContextAfter)
            || (tokens.indices.contains(hi) && tokens[hi].isPossessive && next2Traits.contains(.organizationContextAfter))
            || ((prev == keywords.of || prev == keywords.in || prev == keywords.for) && prev2Traits.contains(.organizationContextBefore)) {
            add(p, lo, hi, .organization, 2)
            return
        }
        // "Rosvooruzhenie, the state arms exporter,": an apposition whose head, the word before its closing
        // comma, names what kind of body it is ("Ivanov, the chairman of the company," names a person).
        if hi + 3 < tokens.count, tokens[hi].word == keywords.comma, [keywords.the, keywords.a, keywords.an].contains(tokens[hi + 1].word),
           let close = tokens[(hi + 3)..<min(tokens.count, hi + 7)].firstIndex(where: { $0.word == keywords.comma }),
           tokens[close - 1].traits.contains(.organizationAppositive), !tokens[close - 1].isCapitalized,
           !tokens[(hi + 2)..<close].contains(where: { $0.word == keywords.of }) {
            add(p, lo, hi, .organization, 2)
            return
        }
        // "Kommersant-Daily", "Interfax-Ukraine"… a hyphenated name ending in a body's word: a publication or firm.
        if len == 1, let hyphen = paragraphs[p].bytes[first.byteStart..<first.byteEnd].lastIndex(of: UInt8(ascii: "-")),
           hyphen > first.byteStart,
           EntityLexicon.organizationSuffixes.contains(String(decoding: paragraphs[p].bytes[(hyphen + 1)..<first.byteEnd], as: UTF8.self).lowercased()) {
            add(p, lo, hi, .organization, 2)
            return
        }
        if nextTraits.contains(.reportingVerb) || prevTraits.contains(.reportingVerb)
            || (prev == keywords.comma && prev2Traits.contains(.reportingVerb)) {
            add(p, lo, hi, .person, len >= 2 ? 2 : 1)
            return
        }
        if len == 1 && first.traits.contains(.commonWord) && !first.traits.contains(.surname) {
            // A capitalised common word mid-sentence: only a name if the document says so.
            add(p, lo, hi, nil, 0)
            return
        }
        if prevTraits.contains(.placePreposition) && len <= 2 {
            add(p, lo, hi, .location, 1)
            return
        }
        if len >= 2 {
            // "Air Bag Safety", "PRESS DIGEST": capitalised common words are a heading, not a person.
            if tokens[lo..<hi].allSatisfy({ $0.traits.contains(.commonWord) && !$0.traits.contains(.surname) }) {
                add(p, lo, hi, nil, 0)
                return
            }
            add(p, lo, hi, .person, 1)
            return
        }
        add(p, lo, hi, nil, 0)
        candidates[candidates.count - 1].isFallback = true
    }

    private func hasInnerCapital(_ t: EntityToken, in bytes: [UInt8]) -> Bool {
        let u = bytes[t.byteStart..<t.byteEnd]
        guard u.count >= 4, !t.isAllCaps else { return false }
        if u.starts(with: "Mc".utf8) || u.starts(with: "Mac".utf8) || u.starts(with: "De".utf8) || u.starts(with: "La".utf8) {
            return false
        }
        for i in (u.startIndex + 2)..<u.endIndex where u[i] >= 0x41 && u[i] <= 0x5A && u[i - 1] >= 0x61 && u[i - 1] <= 0x7A { return true }
        return false
    }

    /// Whether `key` ends with one of `endings`, which are ASCII. An ASCII key, nearly every one, is compared
    /// as bytes: `hasSuffix` compares characters, and searched the endings' lists for some 250 instructions
    /// an ending.
    static func key(_ key: String, endsWithAnyOf endings: [String]) -> Bool {
        var key = key
        let ascii: Bool? = key.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return endings.contains { ending in
                ending.utf8.count <= bytes.count && bytes.suffix(ending.utf8.count).elementsEqual(ending.utf8)
            }
        }
        return ascii ?? endings.contains { key.hasSuffix($0) }
    }

    /// "Quarter-final", "Vice-chairman": a hyphenated compound of common words is not a name.
    private func isCommonCompound(_ key: String) -> Bool {
        guard key.utf8.contains(0x2D) else { return false }
        for part in key.split(separator: "-") where !lexicon.word(String(part)).traits.contains(.commonWord) { return false }
        return true
    }

    /// "Zairean", "Rwandan", "Panamanian": an adjective formed from a known country or region.
    private func isDerivedDemonym(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { u in
            guard u.count >= 5 else { return false }
            // Each stem and ending is spelt in this one buffer and looked up as bytes: made as strings, they
            // were up to 28 strings a word, and the lists of endings two arrays a call.
            var candidate: [UInt8] = []
            for suffix in Self.demonymSuffixes {
                guard u.count - suffix.count >= 3, u.suffix(suffix.count).elementsEqual(suffix) else { continue }
                for ending in Self.placeEndings {
                    candidate.removeAll(keepingCapacity: true)
                    candidate.append(contentsOf: u.prefix(u.count - suffix.count))
                    candidate.append(contentsOf: ending)
                    let word = candidate.withUnsafeBufferPointer { lexicon.word(spelt: $0) }
                    if word.traits.contains(.country) { return true }
                    if let entry = word.phrase, entry.kind == .location, entry.source == .curated { return true }
                }
            }
            return false
        }
    }

    /// What a demonym adds to the name of its place ("Zaire" + "an", "Panama" + "nian"), in the order tried.
    private static let demonymSuffixes: [[UInt8]] = ["n", "an", "ian", "nian", "ean", "ese", "i"].map { Array($0.utf8) }
    /// What a place's name may end in that its demonym drops ("Rwanda", "Zaire", "Albania"), in the order tried.
    private static let placeEndings: [[UInt8]] = ["", "a", "e", "ia"].map { Array($0.utf8) }

    // MARK: - Headlines

    /// All-caps paragraphs: only lexicon phrases and names the body already typed.
    mutating func findHeadlineCandidates(inParagraph p: Int, memory: EntityMemory) {
        let tokens = paragraphs[p].tokens
        let n = tokens.count
        var i = 0
        while i < n {
            let t = tokens[i]
            guard t.shape == .word else { i += 1; continue }
            var j = i + 1
            while j < n && tokens[j].shape == .word { j += 1 }
            var pos = i
            while pos < j {
                // Longest known phrase or remembered name.
                var best = 0
                var bestKind: EntityKind?
                var key = ""
                var node = EntityLexicon.noNode
                for k in pos..<min(j, pos + 5) {
                    key += (k == pos ? "" : " ") + self.key(p, k)
                    // The lexicon phrase of these words, if any, walking the trie one word further each time.
                    let phrase: EntityLexicon.PhraseEntry?
                    if k == pos {
                        let word = lexicon.words[Int(tokens[k].word)]
                        phrase = word.phrase
                        node = word.phraseNode
                    } else {
                        if node != EntityLexicon.noNode { node = lexicon.node(after: node, word: tokens[k].word) }
                        phrase = node == EntityLexicon.noNode ? nil : lexicon.entry(at: node)
                    }
                    let id = keys.id(of: key) ?? -1
                    if let m = memory.entry(id) { best = k - pos + 1; bestKind = m.kind }
                    else if k == pos, memory.fullName(id) != nil, phrase == nil { best = 1; bestKind = .person }
                    else if let e = phrase { best = k - pos + 1; bestKind = e.kind }
                }
                if best > 0, let kind = bestKind {
                    add(p, pos, pos + best, kind, 3)
                    pos += best
                } else {
                    pos += 1
                }
            }
            i = j
        }
    }
}
