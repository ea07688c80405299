/// The entity tagger's word lists, built once per process from the embedded string tables.
///
/// Look-ups use lowercase keys; multi-word phrases are joined by single spaces.
struct EntityLexicon: Sendable {
    /// Where a phrase entry came from; curated entries outrank generated ones.
    enum Source: UInt8, Sendable {
        case generated, curated
    }

    struct PhraseEntry: Sendable {
        var kind: EntityKind
        var source: Source
    }

    /// The process-wide lexicon, built on first use (Swift globals are lazily initialised, thread-safe).
    static let shared = EntityLexicon()

    let commonWords: Set<String>
    let firstNames: Set<String>
    let surnames: Set<String>
    /// Country names and their common short forms: national teams stay places in sports copy.
    let countries: Set<String>
    let phrases: [String: PhraseEntry]
    /// First words of phrases of two or more words, with the longest length in words.
    let phraseStarts: [String: Int]

    init() {
        commonWords = EntityLexicon.lines(EntityLexicon.commonWordList)
        firstNames = EntityLexicon.lines(EntityLexicon.firstNameList).union(EntityLexicon.extraFirstNames)
        surnames = EntityLexicon.lines(EntityLexicon.surnameList)
        countries = EntityLexicon.lines(EntityLexicon.countryList).union(EntityLexicon.countryAliases)
        var phrases: [String: PhraseEntry] = [:]
        phrases.reserveCapacity(12_000)
        func add(_ table: String, _ kind: EntityKind, _ source: Source) {
            EntityLexicon.forEachLine(table) { line in
                if source == .generated, let existing = phrases[line], existing.source == .curated { return }
                phrases[line] = PhraseEntry(kind: kind, source: source)
            }
        }
        add(EntityLexicon.placeList, .location, .generated)
        add(EntityLexicon.curatedPlaces, .location, .curated)
        add(EntityLexicon.curatedMiscellaneous, .miscellaneous, .curated)
        add(EntityLexicon.curatedOrganizations, .organization, .curated)
        var starts: [String: Int] = [:]
        for key in phrases.keys {
            var words = 1
            var first = Substring(key)
            if let space = key.firstIndex(of: " ") {
                first = key[..<space]
                for ch in key.utf8 where ch == 0x20 { words += 1 }
                let f = String(first)
                starts[f] = max(starts[f] ?? 0, words)
            }
        }
        self.phrases = phrases
        phraseStarts = starts
    }

    // MARK: - Loading

    private static func forEachLine(_ table: String, _ body: (String) -> Void) {
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
                if end > start { body(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self)) }
            }
        }
    }

    private static func lines(_ table: String) -> Set<String> {
        var set = Set<String>()
        set.reserveCapacity(table.utf8.count / 8)
        forEachLine(table) { set.insert($0) }
        return set
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
