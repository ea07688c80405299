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
                    let prev = tokens[j - 1].key
                    if u.key == "of" && (EntityLexicon.organizationHeadsBeforeOf.contains(prev)
                        || EntityLexicon.placeHeadsBeforeOf.contains(prev)) {
                        j += 2; continue
                    }
                    if u.key == "&" || (u.shape == .word && EntityLexicon.nameParticles.contains(u.key) && j > i) {
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
        let first = tokens[i].key
        if let maxWords = lexicon.phraseStarts[first] {
            var len = min(maxWords, hi - i)
            while len >= 2 {
                // Every word after the first is capitalised or a connector ("European championship" is not the event).
                let last = tokens[i + len - 1]
                if last.isCapitalized || last.shape != .word {
                    var key = first
                    for k in (i + 1)..<(i + len) {
                        key += " "
                        key += tokens[k].key
                    }
                    if let e = lexicon.phrases[key] { return (len, e) }
                }
                len -= 1
            }
        }
        if let e = lexicon.phrases[first] { return (1, e) }
        return nil
    }

    private func isTitle(_ key: String) -> Bool { EntityLexicon.personTitles.contains(key) }

    /// A capitalised word that does not start a name at the start of a sentence ("Despite", "The").
    private func isSentenceStarter(_ tokens: [EntityToken], _ i: Int, _ hi: Int) -> Bool {
        let t = tokens[i]
        if let (len, _) = phraseMatch(tokens, i, hi), len > 1 { return false }
        if EntityLexicon.nonEntityWords.contains(t.key) { return !isTitle(t.key) || i + 1 >= hi }
        if let entry = lexicon.phrases[t.key] {
            // "Total", "Unity" opening a sentence are words; "China", "Turkey" are still places.
            return entry.kind != .location && lexicon.commonWords.contains(t.key) && !t.isAllCaps
                && !(i + 1 < hi && tokens[i + 1].isCapitalized)
        }
        if t.isAllCaps && t.byteCount > 1 { return false }
        if lexicon.commonWords.contains(t.key) {
            if isTitle(t.key) && i + 1 < hi { return false }
            if lexicon.firstNames.contains(t.key) && i + 1 < hi { return false }
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
            if pos == end || (pos >= covered && EntityLexicon.nonEntityWords.contains(tokens[pos].key) && !isTitle(tokens[pos].key)
                && tokens[pos].shape == .word) {
                if pos > segStart { segment(p, tokens, segStart, pos) }
                segStart = pos + 1
            }
            pos += 1
        }
    }

    private mutating func add(_ p: Int, _ lo: Int, _ hi: Int, _ kind: EntityKind?, _ strength: Int, roleLo: Int = -1) {
        guard hi > lo else { return }
        candidates.append(Candidate(paragraph: p, lo: lo, hi: hi, kind: kind, strength: strength, roleLo: roleLo))
    }

    /// Splits a capitalised run into mentions and types each from the lexicons and local cues.
    private mutating func segment(_ p: Int, _ tokens: [EntityToken], _ lo: Int, _ hi: Int) {
        var pos = lo
        // "Douglas & Lomason", "Procter & Gamble": a firm.
        if hi - lo >= 3, tokens[(lo + 1)..<(hi - 1)].contains(where: { $0.key == "&" }) {
            add(p, lo, hi, .organization, 2)
            return
        }
        // A lone capital letter ("N", "A") or company abbreviation ("Corp.") is not a name.
        if hi - lo == 1, tokens[lo].byteCount == 1 || EntityLexicon.companyAbbreviations.contains(tokens[lo].key),
           lexicon.phrases[tokens[lo].key] == nil { return }
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
            if isTitle(t.key) {
                var k = pos
                var lastHead = -1
                while k < hi && isTitle(tokens[k].key) {
                    if EntityLexicon.personTitleHeads.contains(tokens[k].key) { lastHead = k }
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
                       EntityLexicon.personTitleHeads.contains(tokens[lastHead].key) == false {
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
                if entry.source == .generated, pos + 1 < hi, lexicon.firstNames.contains(t.key),
                   tokens[pos + 1].isCapitalized, phraseMatch(tokens, pos + 1, hi) == nil {
                    add(p, pos, hi, .person, 2)
                    pos = hi
                    continue
                }
                // "Houston Astros": a city before a team's nickname is part of the club's name.
                if entry.kind == .location, pos + 1 < hi, let (l2, e2) = phraseMatch(tokens, pos + 1, hi), l2 == 1,
                   e2.kind == .organization, tokens[pos + 1].key.utf8.last == 0x73 {
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
                add(p, pos, pos + 1, entry.kind, 3)
                pos += 1
                continue
            }
            // Given name or initial followed by more capitalised words: a person.
            let isInitial = t.byteCount == 2 && paragraphs[p].bytes[t.byteEnd - 1] == 0x2E
            if pos + 1 < hi && (lexicon.firstNames.contains(t.key) || isInitial) {
                var e = pos + 1
                while e < hi && phraseMatch(tokens, e, hi)?.1.kind != .organization { e += 1 }
                if e > pos + 1 || e == hi {
                    add(p, pos, e, .person, isInitial || !lexicon.commonWords.contains(t.key) ? 3 : 2)
                    pos = e
                    continue
                }
            }
            // Unknown run up to the next lexicon word.
            var e = pos + 1
            while e < hi && !isTitle(tokens[e].key) {
                if let (l, _) = phraseMatch(tokens, e, hi) {
                    // "MaliVai Washington": a surname that also names a place ends a person's name.
                    guard l == 1, !lexicon.countries.contains(tokens[e].key),
                          lexicon.surnames.contains(tokens[e].key) || lexicon.phrases[tokens[e].key]?.source == .generated
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
            if EntityLexicon.organizationSuffixes.contains(tokens[k].key) { return (k, .organization) }
            if EntityLexicon.miscellaneousSuffixes.contains(tokens[k].key) { return (k, .miscellaneous) }
            k -= 1
        }
        return nil
    }

    /// Types a capitalised run the lexicons do not know, from its shape and neighbours.
    private mutating func classifyUnknown(_ p: Int, _ tokens: [EntityToken], _ lo: Int, _ hi: Int) {
        let first = tokens[lo]
        let last = tokens[hi - 1]
        let len = hi - lo
        let prev = lo > 0 ? tokens[lo - 1].key : ""
        let prev2 = lo > 1 ? tokens[lo - 2].key : ""
        let next = hi < tokens.count ? tokens[hi].key : ""
        if len == 1 && first.isSentenceStart && lexicon.commonWords.contains(first.key) { return }
        if len == 1 && isCommonCompound(first.key) { return }
        if len == 1 && hasInnerCapital(first, in: paragraphs[p].bytes) {
            // "NationsBank", "BankAmerica": a brand, not a person ("McDonald", "MacLeod" excepted).
            add(p, lo, hi, .organization, 1)
            return
        }
        if len == 1 && isDerivedDemonym(first.key) {
            add(p, lo, hi, .miscellaneous, 2)
            return
        }
        if len == 1 && prev == "the" && EntityLexicon.organizationSuffixes.contains(first.key) {
            // "the Monitor", "the Times": a publication or body named by its head word.
            add(p, lo, hi, .organization, 1)
            return
        }
        if prev == "of" && EntityLexicon.placeNouns.contains(prev2) {
            add(p, lo, hi, .location, 2)
            return
        }
        if EntityLexicon.placeSuffixes.contains(last.key) && len >= 2 {
            add(p, lo, hi, .location, 2)
            return
        }
        if len == 1 && first.isAllCaps && first.byteCount >= 2 && first.byteCount <= 6 {
            add(p, lo, hi, .organization, 1)
            return
        }
        // "Magna shareholders", "Cofinec 's chairman", "a stake in Ruch": a company.
        let next2 = hi + 1 < tokens.count ? tokens[hi + 1].key : ""
        if EntityLexicon.organizationContextAfter.contains(next)
            || (tokens.indices.contains(hi) && tokens[hi].isPossessive && EntityLexicon.organizationContextAfter.contains(next2))
            || ((prev == "of" || prev == "in" || prev == "for") && EntityLexicon.organizationContextBefore.contains(prev2)) {
            add(p, lo, hi, .organization, 2)
            return
        }
        if EntityLexicon.reportingVerbs.contains(next) || EntityLexicon.reportingVerbs.contains(prev)
            || (prev == "," && EntityLexicon.reportingVerbs.contains(prev2)) {
            add(p, lo, hi, .person, len >= 2 ? 2 : 1)
            return
        }
        if len == 1 && lexicon.commonWords.contains(first.key) && !lexicon.surnames.contains(first.key) {
            // A capitalised common word mid-sentence: only a name if the document says so.
            add(p, lo, hi, nil, 0)
            return
        }
        if EntityLexicon.placePrepositions.contains(prev) && len <= 2 {
            add(p, lo, hi, .location, 1)
            return
        }
        if len >= 2 {
            // "Air Bag Safety", "PRESS DIGEST": capitalised common words are a heading, not a person.
            if tokens[lo..<hi].allSatisfy({ lexicon.commonWords.contains($0.key) && !lexicon.surnames.contains($0.key) }) {
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

    /// "Quarter-final", "Vice-chairman": a hyphenated compound of common words is not a name.
    private func isCommonCompound(_ key: String) -> Bool {
        guard key.utf8.contains(0x2D) else { return false }
        for part in key.split(separator: "-") where !lexicon.commonWords.contains(String(part)) { return false }
        return true
    }

    /// "Zairean", "Rwandan", "Panamanian": an adjective formed from a known country or region.
    private func isDerivedDemonym(_ key: String) -> Bool {
        let u = Array(key.utf8)
        guard u.count >= 5 else { return false }
        for suffix in ["n", "an", "ian", "nian", "ean", "ese", "i"] {
            let sl = suffix.utf8.count
            guard u.count - sl >= 3, u.suffix(sl).elementsEqual(suffix.utf8) else { continue }
            let stem = String(decoding: u.prefix(u.count - sl), as: UTF8.self)
            for ending in ["", "a", "e", "ia"] {
                let candidate = stem + ending
                if lexicon.countries.contains(candidate) { return true }
                if let entry = lexicon.phrases[candidate], entry.kind == .location, entry.source == .curated { return true }
            }
        }
        return false
    }

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
                for k in pos..<min(j, pos + 5) {
                    key += (k == pos ? "" : " ") + tokens[k].key
                    if let m = memory.kinds[key] { best = k - pos + 1; bestKind = m.kind }
                    else if k == pos, memory.personParts[key] != nil, lexicon.phrases[key] == nil { best = 1; bestKind = .person }
                    else if let e = lexicon.phrases[key] { best = k - pos + 1; bestKind = e.kind }
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
