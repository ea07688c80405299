// Document-level consistency: names typed with confidence somewhere in the document
// decide the type and canonical form of their shorter or unsure mentions elsewhere.

/// What a document has established about its names, by the id of their key in the document's ``EntityDocument/keys``.
///
/// Held in arrays indexed by key id: keyed by the keys' strings, the memory made and hashed a string for
/// every candidate and every part of a person's name.
struct EntityMemory {
    struct Entry {
        var kind: EntityKind
        var canonical: String
        var strength: Int
    }

    private var kinds: [Entry?]
    /// Person name parts ("ivashov") to the longest full name ("Leonid Ivashov").
    private var personParts: [String?]

    /// A memory with room for keys `0..<keyCount`, the keys numbered so far; later keys make it grow.
    init(keyCount: Int) {
        kinds = [Entry?](repeating: nil, count: keyCount)
        personParts = [String?](repeating: nil, count: keyCount)
    }

    /// What the document says of key `id`: nil for a key it says nothing of, one numbered since, or -1 (no key).
    func entry(_ id: Int32) -> Entry? {
        kinds.indices.contains(Int(id)) ? kinds[Int(id)] : nil
    }

    /// Records what the document says of key `id`.
    mutating func remember(_ entry: Entry, for id: Int32) {
        if Int(id) >= kinds.count { kinds += repeatElement(nil, count: Int(id) + 1 - kinds.count) }
        kinds[Int(id)] = entry
    }

    /// The full name of the person one of whose words is key `id`, if the document names one.
    func fullName(_ id: Int32) -> String? {
        personParts.indices.contains(Int(id)) ? personParts[Int(id)] : nil
    }

    /// Records the full name of the person one of whose words is key `id`.
    mutating func remember(fullName: String, for id: Int32) {
        if Int(id) >= personParts.count { personParts += repeatElement(nil, count: Int(id) + 1 - personParts.count) }
        personParts[Int(id)] = fullName
    }
}

extension EntityDocument {
    func surface(_ c: Candidate) -> String {
        let para = paragraphs[c.paragraph]
        return String(decoding: para.bytes[para.tokens[c.lo].byteStart..<para.tokens[c.hi - 1].byteEnd], as: UTF8.self)
    }

    /// The lowercase key of token `i` of paragraph `p`.
    func key(_ p: Int, _ i: Int) -> String {
        let token = paragraphs[p].tokens[i]
        return EntityTokenizer.key(of: paragraphs[p].bytes[token.byteStart..<token.byteEnd])
    }

    /// The keys of the words `range` of paragraph `p` joined by spaces, as phrases are keyed.
    func key(_ p: Int, tokens range: Range<Int>) -> String {
        var k = key(p, range.lowerBound)
        for i in (range.lowerBound + 1)..<range.upperBound {
            k += " "
            k += key(p, i)
        }
        return k
    }

    /// The id in ``keys`` of the key of the words `range` of paragraph `p`, numbered now if it is new.
    ///
    /// A key of ASCII words, most, is spelt into a buffer on the stack and never made a string.
    mutating func keyID(_ p: Int, tokens range: Range<Int>) -> Int32 {
        let tokens = paragraphs[p].tokens[range]
        let length = tokens.reduce(max(tokens.count - 1, 0)) { $0 + $1.byteCount }
        let ascii: Int32? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(length, 1)) { out in
            let spelt: Int? = paragraphs[p].bytes.withUnsafeBufferPointer { bytes in
                var k = 0
                for token in tokens {
                    if k > 0 { out[k] = 0x20; k += 1 }
                    for c in bytes[token.byteStart..<token.byteEnd] {
                        guard c < 0x80 else { return nil }
                        out[k] = c &- 0x41 < 26 ? c + 32 : c
                        k += 1
                    }
                }
                return k
            }
            return spelt.map { keys.insert(UnsafeBufferPointer(rebasing: out[..<$0])).id }
        }
        return ascii ?? keys.insert(key(p, tokens: range)).id
    }

    mutating func buildMemory() -> EntityMemory {
        for i in candidates.indices {
            candidates[i].key = keyID(candidates[i].paragraph, tokens: candidates[i].lo..<candidates[i].hi)
        }
        var memory = EntityMemory(keyCount: keys.count)
        // The candidates are read in place, by index: a `for c in candidates` loop copied each candidate,
        // its string retained and released, once a pass.
        for i in candidates.indices where candidates[i].strength >= 2 {
            guard let kind = candidates[i].kind else { continue }
            let strength = candidates[i].strength
            if let old = memory.entry(candidates[i].key), old.strength >= strength { continue }
            memory.remember(EntityMemory.Entry(kind: kind, canonical: surface(candidates[i]), strength: strength), for: candidates[i].key)
        }
        // Person names of two words or more, typed on some evidence: their words name the person alone.
        let personNames = candidates.indices.filter {
            candidates[$0].kind == .person && candidates[$0].strength >= 1 && candidates[$0].hi - candidates[$0].lo >= 2
        }
        // Each part of a full name points to the longest form.
        for i in personNames {
            let last = keyID(candidates[i].paragraph, tokens: (candidates[i].hi - 1)..<candidates[i].hi)
            // The surface is made only when it is kept: its length in bytes is the length of its span.
            if let old = memory.fullName(last), old.utf8.count >= surfaceByteCount(candidates[i]) { continue }
            memory.remember(fullName: surface(candidates[i]), for: last)
        }
        // A first name alone ("Jansher" after "Jansher Khan") is a weaker link than a surname.
        var firstNameLinks: [Int32: String] = [:]
        for i in personNames {
            let first = keyID(candidates[i].paragraph, tokens: candidates[i].lo..<(candidates[i].lo + 1))
            if memory.fullName(first) == nil, firstNameLinks[first] == nil { firstNameLinks[first] = surface(candidates[i]) }
        }
        for (k, v) in firstNameLinks { memory.remember(fullName: v, for: k) }
        return memory
    }

    /// The length in UTF-8 bytes of `surface(c)`: tokens begin and end on scalar boundaries, so the
    /// decoded text has the bytes of its span.
    private func surfaceByteCount(_ c: Candidate) -> Int {
        let tokens = paragraphs[c.paragraph].tokens
        return tokens[c.hi - 1].byteEnd - tokens[c.lo].byteStart
    }

    /// True when every word of `key` (lowercase, single spaces) is a word of `name`.
    static func holdsEveryWord(of key: String, _ name: String) -> Bool {
        // ASCII, most names: the words are compared as bytes, the name's capitals read as lower case, without
        // making a lowercase copy and a set of its words for every look.
        var key = key, name = name
        let ascii: Bool? = key.withUTF8 { key in
            name.withUTF8 { name in
                guard !key.contains(where: { $0 >= 0x80 }), !name.contains(where: { $0 >= 0x80 }) else { return nil }
                // Words are found in place: split into arrays of words first, a look took some 5,400 instructions.
                return SpaceSeparatedWords(bytes: key).allSatisfy { word in
                    SpaceSeparatedWords(bytes: name).contains { candidate in
                        candidate.elementsEqual(word) { ($0 &- 0x41 < 26 ? $0 + 32 : $0) == $1 }
                    }
                }
            }
        }
        if let ascii { return ascii }
        let words = Set(name.lowercased().split(separator: " "))
        return key.split(separator: " ").allSatisfy(words.contains)
    }

    mutating func resolve(memory: EntityMemory) {
        for i in candidates.indices {
            var c = candidates[i]
            let single = c.hi - c.lo == 1
            // A single word's key is its last word's: its full name is looked up once for every rule below.
            let fullName = single ? memory.fullName(c.key) : nil
            if single, c.kind != .person, let full = fullName, full.utf8.count > keys.byteCount(of: c.key),
               c.kind != .location || !paragraphs[c.paragraph].tokens[c.lo].traits.contains(.country) {
                // "Jordan" after "Michael Jordan": the person, even if the word also names a place.
                c.kind = .person
                c.canonical = full
            } else if c.strength < 2, let m = memory.entry(c.key) {
                c.kind = m.kind
                c.canonical = m.canonical
            } else if c.strength < 3 || c.kind == .person, single, let full = fullName,
                      c.kind == nil || c.kind == .person || c.strength < 3 {
                c.kind = .person
                c.canonical = full
            } else if c.kind == nil {
                c.kind = nil
            }
            if c.kind == .person && c.canonical == nil {
                // A name of several words joins a longer one only when it holds every word of it: "Jan
                // Zolotov" is not "Eduard Zolotov", though both end in Zolotov.
                if single {
                    if let full = fullName { c.canonical = full }
                } else if let full = memory.fullName(keyID(c.paragraph, tokens: (c.hi - 1)..<c.hi)),
                          Self.holdsEveryWord(of: keys.spelling(of: c.key), full) {
                    c.canonical = full
                }
            }
            candidates[i] = c
        }
    }
}

/// The words of some bytes between spaces, found as they are read (runs of spaces make no empty words).
private struct SpaceSeparatedWords: Sequence, IteratorProtocol {
    let bytes: UnsafeBufferPointer<UInt8>
    private var end = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func next() -> Slice<UnsafeBufferPointer<UInt8>>? {
        var start = end
        while start < bytes.count && bytes[start] == 0x20 { start += 1 }
        guard start < bytes.count else { return nil }
        end = start
        while end < bytes.count && bytes[end] != 0x20 { end += 1 }
        return bytes[start..<end]
    }
}
