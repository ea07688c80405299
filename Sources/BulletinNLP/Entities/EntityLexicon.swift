/// The entity tagger's word lists, built once per process from the embedded string tables.
///
/// Every word of every list gets an integer id, looked up once per token: the lists a word is on are
/// bits of its ``EntityWordTraits``, and multi-word phrases are a trie over word ids, so matching a
/// phrase walks the tokens without building or hashing any string. Keys are lowercase. A class, so the
/// documents and tokenizer contexts that hold it share one reference rather than copying its tables.
final class EntityLexicon: Sendable {
    /// Where a phrase entry came from; curated entries outrank generated ones.
    enum Source: UInt8, Sendable {
        case generated, curated
    }

    struct PhraseEntry: Sendable {
        var kind: EntityKind
        var source: Source
    }

    /// What the lexicon knows about one word.
    struct Word: Sendable {
        var traits: EntityWordTraits = []
        /// The entry of the word as a phrase of its own.
        var phrase: PhraseEntry?
        /// The trie node of phrases of two or more words starting with this word, or ``noNode``.
        var phraseNode = EntityLexicon.noNode
    }

    /// One node of the phrase trie: a sequence of two or more words (or, at the top, one first word).
    struct PhraseNode: Sendable {
        /// The phrase ending here, if these words are one.
        var entry: PhraseEntry?
        /// The node's children: `edgeWords[edges]` are the next words, `edgeNodes[edges]` their nodes.
        var edges: Range<Int32>
    }

    /// The ids of the words and marks that rules name one by one.
    struct Keywords: Sendable {
        let of, the, a, an, `in`, `for`, at, ampersand, comma, hyphen, colon: Int32
    }

    /// The process-wide lexicon, built on first use (Swift globals are lazily initialised, thread-safe).
    static let shared = EntityLexicon()

    /// The id of a token whose key is on no list.
    static let unknownWord: Int32 = 0
    /// Where a trie walk ends: no phrase goes on with these words.
    static let noNode: Int32 = -1

    /// Indexed by word id; id 0 is the unknown word.
    let words: [Word]
    private let wordIDs: EntityWordTable
    private let phraseNodes: [PhraseNode]
    /// Sorted within each node's range, for binary search.
    private let edgeWords: [Int32]
    private let edgeNodes: [Int32]
    /// Country names and their common short forms: national teams stay places in sports copy.
    let countries: Set<String>
    let keywords: Keywords
    /// The id of each byte (ASCII capitals read in lower case) as a word of one byte: punctuation and one-letter words,
    /// one token in six or so, are looked up here rather than hashed.
    private let singleByteWords: [Int32]

    init() {
        var vocabulary = Vocabulary()
        func mark(_ keys: some Sequence<String>, _ trait: EntityWordTraits) {
            for key in keys { vocabulary.words[Int(vocabulary.id(key))].traits.insert(trait) }
        }
        func mark(lines table: String, _ trait: EntityWordTraits) {
            EntityLexicon.forEachLine(table) { vocabulary.words[Int(vocabulary.id($0))].traits.insert(trait) }
        }
        mark(lines: EntityLexicon.commonWordList, .commonWord)
        mark(lines: EntityLexicon.firstNameList, .firstName)
        mark(EntityLexicon.extraFirstNames, .firstName)
        mark(lines: EntityLexicon.surnameList, .surname)
        var countries = EntityLexicon.countryAliases
        EntityLexicon.forEachLine(EntityLexicon.countryList) { countries.insert(String(decoding: $0, as: UTF8.self)) }
        self.countries = countries
        mark(countries, .country)
        mark(EntityLexicon.personTitles, .personTitle)
        mark(EntityLexicon.personTitleHeads, .personTitleHead)
        mark(EntityLexicon.organizationSuffixes, .organizationSuffix)
        mark(EntityLexicon.miscellaneousSuffixes, .miscellaneousSuffix)
        mark(EntityLexicon.placeNouns, .placeNoun)
        mark(EntityLexicon.sportWords, .sportWord)
        mark(EntityLexicon.organizationHeadsBeforeOf, .organizationHeadBeforeOf)
        mark(EntityLexicon.companyAbbreviations, .companyAbbreviation)
        mark(EntityLexicon.placeHeadsBeforeOf, .placeHeadBeforeOf)
        mark(EntityLexicon.placeSuffixes, .placeSuffix)
        mark(EntityLexicon.nameParticles, .nameParticle)
        mark(EntityLexicon.nonEntityWords, .nonEntity)
        mark(EntityLexicon.reportingVerbs, .reportingVerb)
        mark(EntityLexicon.organizationContextAfter, .organizationContextAfter)
        mark(EntityLexicon.organizationContextBefore, .organizationContextBefore)
        mark(EntityLexicon.placePrepositions, .placePreposition)
        mark(EntityLexicon.organizationAppositives, .organizationAppositive)
        mark(EntityLexicon.organizationLeads, .organizationLead)
        mark(EntityLexicon.placeAdjectives, .placeAdjective)
        mark(EntityLexicon.linkingVerbs, .linkingVerb)

        keywords = Keywords(
            of: vocabulary.id("of"), the: vocabulary.id("the"), a: vocabulary.id("a"), an: vocabulary.id("an"), in: vocabulary.id("in"), for: vocabulary.id("for"),
            at: vocabulary.id("at"), ampersand: vocabulary.id("&"), comma: vocabulary.id(","), hyphen: vocabulary.id("-"),
            colon: vocabulary.id(":"))

        (phraseNodes, edgeWords, edgeNodes) = EntityLexicon.phraseTrie([
            (EntityLexicon.placeList, PhraseEntry(kind: .location, source: .generated)),
            (EntityLexicon.curatedPlaces, PhraseEntry(kind: .location, source: .curated)),
            (EntityLexicon.curatedMiscellaneous, PhraseEntry(kind: .miscellaneous, source: .curated)),
            (EntityLexicon.curatedOrganizations, PhraseEntry(kind: .organization, source: .curated)),
        ], &vocabulary)
        words = vocabulary.words
        wordIDs = vocabulary.table
        singleByteWords = (0...UInt8.max).map { byte in
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
            return withUnsafePointer(to: lower) { vocabulary.table.id(of: UnsafeBufferPointer(start: $0, count: 1), lowercasing: false) }
                ?? EntityLexicon.unknownWord
        }
    }

    // MARK: - Look-ups

    /// The id of a lowercase key, or ``unknownWord``.
    func id(of key: String) -> Int32 {
        wordIDs.id(of: key) ?? EntityLexicon.unknownWord
    }

    /// The id of an ASCII word read in lower case, or ``unknownWord``; `packed` is its first 12 bytes
    /// lowercased, as ``EntityWordTable/packed(_:lowercasing:)`` packs them. Inlined into the tokenizer,
    /// whose every ASCII token asks it: the call and its moves of the packed key were a quarter of its cost.
    @inline(__always)
    func id(lowercasing ascii: UnsafeBufferPointer<UInt8>, packed: EntityWordTable.Packed) -> Int32 {
        if ascii.count == 1 { return singleByteWords[Int(ascii[0])] }
        return wordIDs.id(of: ascii, packed: packed, lowercasing: true) ?? EntityLexicon.unknownWord
    }

    /// What the lexicon knows about a lowercase key (nothing for a word on no list).
    func word(_ key: String) -> Word {
        words[Int(id(of: key))]
    }

    /// What the lexicon knows about the lowercase key spelt by `bytes`.
    func word(spelt bytes: UnsafeBufferPointer<UInt8>) -> Word {
        words[Int(wordIDs.id(of: bytes, lowercasing: false) ?? EntityLexicon.unknownWord)]
    }

    /// The phrase entry at a trie node.
    func entry(at node: Int32) -> PhraseEntry? {
        phraseNodes[Int(node)].entry
    }

    /// The node reached from `node` by one more word, or ``noNode``.
    func node(after node: Int32, word: Int32) -> Int32 {
        let edges = phraseNodes[Int(node)].edges
        var lo = Int(edges.lowerBound)
        var hi = Int(edges.upperBound)
        while lo < hi {
            let mid = (lo + hi) / 2
            let w = edgeWords[mid]
            if w == word { return edgeNodes[mid] }
            if w < word { lo = mid + 1 } else { hi = mid }
        }
        return EntityLexicon.noNode
    }

    // MARK: - Loading

    /// Word ids handed out while the lists are read.
    private struct Vocabulary {
        /// Holds the unknown word first, with the empty key no token has. The lists hold 87,604 distinct
        /// words: room for 96,000 is a table of 131,072 slots, two thirds full (2 MB); more words would only
        /// make it grow once.
        var table = EntityWordTable(expectedCount: 96_000)
        var words: [Word] = []

        init() {
            // As many as the table has room for: grown by doubling, the list would keep room for 131,072.
            words.reserveCapacity(96_000)
            _ = id("")
        }

        mutating func id(_ key: String) -> Int32 {
            let (id, isNew) = table.insert(key)
            if isNew { words.append(Word()) }
            return id
        }

        mutating func id(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
            let (id, isNew) = table.insert(bytes)
            if isNew { words.append(Word()) }
            return id
        }
    }

    /// The trie of the phrases listed one a line in `tables`, each of its table's entry, as nodes and
    /// sorted edge arrays; a one-word phrase goes on its word. A phrase listed again takes the later
    /// entry, except that a generated entry never replaces a curated one.
    ///
    /// The phrases are sorted by their words' ids, so that the phrases below any node are one run of
    /// them, and its children runs within that run: one breadth-first pass makes the nodes, each node's
    /// edges together and in order. A dictionary of the phrases, then a dictionary of children for every
    /// node, cost half the lexicon's loading, which every `bulletin` process that tags pays before its
    /// first article.
    private static func phraseTrie(
        _ tables: [(String, PhraseEntry)], _ vocabulary: inout Vocabulary
    ) -> (nodes: [PhraseNode], edgeWords: [Int32], edgeNodes: [Int32]) {
        func entry(_ listed: PhraseEntry?, then next: PhraseEntry) -> PhraseEntry {
            next.source == .generated && listed?.source == .curated ? listed! : next
        }
        // Each phrase of two or more words is the run `ids[start..<end]` of its words' ids, numbered
        // in the order listed.
        var ids: [Int32] = []
        var runs: [(start: Int, end: Int, number: Int, entry: PhraseEntry)] = []
        ids.reserveCapacity(40_000)
        runs.reserveCapacity(12_000)
        for (table, listed) in tables {
            forEachLine(table) { line in
                let start = ids.count
                // Split at every space, keeping empty words, as the phrase's tokens are.
                var wordStart = 0
                for index in 0...line.count where index == line.count || line[index] == 0x20 {
                    ids.append(vocabulary.id(UnsafeBufferPointer(rebasing: line[wordStart..<index])))
                    wordStart = index + 1
                }
                if ids.count - start == 1 {
                    let word = Int(ids.removeLast())
                    vocabulary.words[word].phrase = entry(vocabulary.words[word].phrase, then: listed)
                } else {
                    runs.append((start, ids.count, runs.count, listed))
                }
            }
        }
        ids.withUnsafeBufferPointer { ids in
            // A phrase sorts before the longer ones it begins, and the same phrase listed twice in the
            // order listed.
            runs.sort { a, b in
                let shared = min(a.end - a.start, b.end - b.start)
                for offset in 0..<shared where ids[a.start + offset] != ids[b.start + offset] {
                    return ids[a.start + offset] < ids[b.start + offset]
                }
                return (a.end - a.start, a.number) < (b.end - b.start, b.number)
            }
        }
        // Node n is `pending[n]`: the runs `first..<last`, which share their first `depth` words.
        var pending: [(first: Int, last: Int, depth: Int)] = []
        func group(_ first: Int, _ last: Int, at depth: Int, _ each: (Int32, Int32) -> Void) {
            var first = first
            while first < last {
                let word = ids[runs[first].start + depth]
                var end = first + 1
                while end < last && ids[runs[end].start + depth] == word { end += 1 }
                each(word, Int32(pending.count))
                pending.append((first, end, depth + 1))
                first = end
            }
        }
        // A phrase's first word is not an edge: the word itself holds its node.
        group(0, runs.count, at: 0) { word, node in vocabulary.words[Int(word)].phraseNode = node }
        var nodes: [PhraseNode] = []
        var edgeWords: [Int32] = []
        var edgeNodes: [Int32] = []
        nodes.reserveCapacity(runs.count * 2)
        while nodes.count < pending.count {
            var (first, last, depth) = pending[nodes.count]
            var ending: PhraseEntry?
            while first < last && runs[first].end - runs[first].start == depth {
                ending = entry(ending, then: runs[first].entry)
                first += 1
            }
            let firstEdge = Int32(edgeWords.count)
            group(first, last, at: depth) { word, node in
                edgeWords.append(word)
                edgeNodes.append(node)
            }
            nodes.append(PhraseNode(entry: ending, edges: firstEdge..<Int32(edgeWords.count)))
        }
        return (nodes, edgeWords, edgeNodes)
    }

    /// Calls `body` with the bytes of every line of `table`, trimmed of spaces, that is not empty.
    private static func forEachLine(_ table: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var table = table
        // Scan the literal's UTF-8 bytes directly: generic String indexing would dominate load time.
        table.withUTF8 { buf in
            var i = 0
            let n = buf.count
            while i < n {
                var start = i
                while i < n && buf[i] != 0x0A { i += 1 }
                var end = i
                i += 1
                while start < end && buf[start] == 0x20 { start += 1 }
                while end > start && buf[end - 1] == 0x20 { end -= 1 }
                if end > start { body(UnsafeBufferPointer(rebasing: buf[start..<end])) }
            }
        }
    }

    /// Short and older names of countries that GeoNames spells differently.
    static let countryAliases: Set<String> = [
        "u.s.", "us", "usa", "u.s.a.", "america", "united states", "britain", "great britain", "uk", "u.k.",
        "england", "scotland", "wales", "northern ireland", "republic of ireland", "ireland", "russia",
        "soviet union", "ussr", "netherlands", "holland", "czech republic", "south korea", "north korea",
        "taiwan", "yugoslavia", "bosnia", "macedonia", "moldova", "belarus", "ivory coast", "zaire", "burma",
        "vatican", "west germany", "east germany", "germany", "china", "iran", "syria", "laos", "vietnam",
        "tanzania", "bolivia", "venezuela", "hong kong", "west indies", "new zealand", "south africa",
    ]

    /// Given names common in post-Soviet, European and world news that the US census lists miss.
    static let extraFirstNames: Set<String> = [
        "boris", "vladimir", "viktor", "victor", "yevgeny", "evgeny", "yevgeni", "gennady", "gennadi", "sergei",
        "sergey", "aleksandr", "alexander", "aleksei", "alexei", "alexey", "dmitry", "dmitri", "mikhail", "nikolai",
        "nikolay", "ivan", "igor", "oleg", "yuri", "yury", "leonid", "anatoly", "anatoli", "valery", "valeri",
        "vyacheslav", "vitaly", "grigory", "grigori", "yegor", "pavel", "pyotr", "andrei", "andrey", "konstantin",
        "ruslan", "aslan", "akhmad", "akhmed", "ahmed", "ramzan", "shamil", "salman", "movladi", "zelimkhan",
        "dzhokhar", "aslambek", "nursultan", "islam", "askar", "emomali", "saparmurat", "heydar", "ilham",
        "eduard", "levon", "robert", "zurab", "aslan", "mintimer", "murtaza", "aman", "aman-geldy", "imomali",
        "alyaksandr", "stanislav", "leonid", "petro", "viktor", "yulia", "yuliya", "irina", "tatyana", "galina",
        "lyudmila", "natalya", "yelena", "svetlana", "olga", "valentina", "anatoly", "arkady", "boris",
        "vagit", "vagif", "mikheil", "nino", "ilyas", "kassym-jomart", "askar", "akezhan", "vladislav",
        "helmut", "gerhard", "jacques", "francois", "lionel", "jean", "jean-claude", "jean-marie", "jose",
        "javier", "felipe", "silvio", "romano", "massimo", "giulio", "wim", "jozef", "lech", "aleksander", "vaclav",
        "vladimir", "slobodan", "franjo", "alija", "radovan", "ratko", "ibrahim", "yasser", "benjamin", "shimon",
        "yitzhak", "ehud", "ariel", "hafez", "bashar", "saddam", "hosni", "muammar", "mohammad", "mohammed",
        "muhammad", "mahmoud", "ali", "hassan", "hussein", "abdullah", "akbar", "osama", "nelson", "thabo",
        "kofi", "boutros", "javier", "jiang", "zhu", "li", "deng", "kim", "ryutaro", "keizo", "junichiro",
        "atal", "nawaz", "benazir", "pervez", "suharto", "mahathir", "tony", "gordon", "jacques", "helmut",
        "madeleine", "strobe", "sandy", "recep", "bulent", "tansu", "mesut", "nicolae", "emil", "ion", "petar",
        "zhelyu", "arpad", "gyula", "milos", "vojislav", "momir", "biljana", "fatos", "sali", "ibrahim", "kiro",
        "wolfgang", "joschka", "rudolf", "oskar", "jurgen", "klaus", "dieter", "hans", "heinz", "gunter",
        "pierre", "michel", "alain", "philippe", "jacques", "edouard", "nicolas", "dominique", "yves",
        "giuseppe", "giovanni", "luigi", "carlo", "paolo", "marco", "francesco", "alessandro", "antonio",
        "miguel", "juan", "carlos", "luis", "pedro", "manuel", "rafael", "fernando", "diego", "sergio",
        "jan", "jens", "lars", "nils", "sven", "bjorn", "per", "henrik", "anders", "mats", "stefan",
        "shane", "wasim", "waqar", "inzamam", "sachin", "saurav", "rahul", "anil", "sanath", "aravinda",
        "arjuna", "muttiah", "brian", "mark", "steve", "glenn", "ian", "hansie", "allan", "jonty",
    ]
}
