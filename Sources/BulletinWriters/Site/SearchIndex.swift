import BulletinModel
import Foundation

/// The offline search index, split so that a query loads only what it needs: a word index cut into
/// shards by the words' first two letters, and the articles' records in blocks.
///
/// Files, under `site/search/`:
/// - `index.json`, and `index.js` assigning the same object to `window.BULLETIN_SEARCH` (browsers refuse
///   `fetch()` of a local file while a script tag loads from `file://` fine):
///   `{"articles": 3, "block": 16, "shards": ["du", "мо", …], "stop": ["a", "an", …], "optional": []}`: `stop`
///   the words no article indexes, which a query leaves out, and `optional` those some articles index and
///   others leave out as stop words of their language, which a query asks for without requiring them.
/// - `terms/<shard>.js`: `BULLETIN_SEARCH_TERMS("du", {"duma": [postings], "dubois": [postings]})`, every
///   indexed word whose first two letters are the shard's. A posting is an article's number times 8 plus
///   where the word is in it (1 the title, 2 the dek or an entity's name, 4 the text); the list is in
///   article order, each number given as its difference from the one before.
/// - `records/<n>.js`: `BULLETIN_SEARCH_RECORDS(n, [{"u": path, "t": title, "m": "Monitor 6/23 · 2 February
///   2000", "d": dek}, …])`, the articles numbered `n × 16 ..< (n + 1) × 16`. Articles are numbered newest
///   first (``newestFirst(_:)``), so that the script lists the newest of equally good matches first. A
///   record of an article in another language than the search page's also has `"l"`, its language tag, and
///   `"w"`, its direction ("rtl" or "ltr"), when that is not the page's: the script marks its title and dek
///   with them.
///
/// Words are folded as the search script folds a query: lower case, in canonical decomposition without
/// the combining diacritics (so "Zürich" is "zurich"), and with final sigma as σ ("ΠΟΡΤΟΣ" and "Πόρτος"
/// are "πορτοσ"); letters, marks and digits make words and every other character parts them. A word of
/// one letter is not indexed, nor, in an English article, one of the commonest English words
/// (``stopWordList``); other languages keep every word, so that German "was" or Dutch "will" is found. The
/// script leaves a query's words of one letter out, and its stop words where every article left them out. A shard's name in a file name keeps ASCII letters and digits, and writes any other
/// character as `_<hex>_` (``shardFileName(_:)``).
struct SearchIndex {
    /// Articles in a file of records.
    static let blockSize = 16

    /// Where a word is in an article: the bits of a posting below the article's number.
    struct Fields: OptionSet {
        let rawValue: UInt8
        static let title = Fields(rawValue: 1)
        static let dekOrEntity = Fields(rawValue: 2)
        static let text = Fields(rawValue: 4)
    }

    /// Words that are not indexed in English articles.
    static let stopWordList = [
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he",
        "her", "his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "them", "they",
        "this", "to", "was", "were", "which", "who", "will", "with",
    ]

    private static let stopWords = WordHashes(stopWordList.map { fnv1a(Array($0.utf8)[...]) })

    /// The number given to the next article.
    private(set) var articleCount = 0
    /// Whether an English article was added, whose stop words were left out, and whether another one was,
    /// whose were not.
    private var hasEnglish = false, hasOther = false
    /// Whether the article being added leaves out the English stop words.
    private var dropsStopWords = false
    /// Term numbers by the hash of their folded bytes.
    private var numbers = TermNumbers()
    /// The folded bytes of each term.
    private var terms: [[UInt8]] = []
    private var postings: [[UInt32]] = []
    /// The fields of the article being added that each term was found in, valid where `lastArticle` is it.
    private var fields: [UInt8] = []
    private var lastArticle: [Int32] = []
    /// The terms found in the article being added, in the order found.
    private var found: [Int32] = []

    /// Adds the words of `article`, numbered ``articleCount``.
    mutating func add(_ article: Article) {
        let number = Int32(articleCount)
        articleCount += 1
        let metadata = article.metadata
        dropsStopWords = metadata.isEnglish
        if dropsStopWords { hasEnglish = true } else { hasOther = true }
        var scanner = WordScanner()
        func scan(_ text: String, as field: Fields) {
            scanner.scan(text) { hash, bytes, folding in note(hash, bytes, folding, field, number) }
            scanner.flush { hash, bytes, folding in note(hash, bytes, folding, field, number) }
        }
        scan(metadata.title, as: .title)
        if let dek = metadata.summary?.dek { scan(dek, as: .dekOrEntity) }
        for entity in metadata.entities { scan(entity.name, as: .dekOrEntity) }
        for block in article.blocks {
            block.forEachTextPiece { piece in
                scanner.scan(piece) { hash, bytes, folding in note(hash, bytes, folding, .text, number) }
            }
            scanner.flush { hash, bytes, folding in note(hash, bytes, folding, .text, number) }
        }
        for term in found {
            postings[Int(term)].append(UInt32(number) << 3 | UInt32(fields[Int(term)]))
        }
        found.removeAll(keepingCapacity: true)
    }

    /// Counts one word of an article: `bytes` spell it, with ASCII capitals still to be lowered when `folding`.
    private mutating func note(_ hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ folding: Bool, _ field: Fields, _ article: Int32) {
        guard !dropsStopWords || !Self.stopWords.contains(hash) else { return }
        let (number, isNew) = numbers.number(of: hash, next: Int32(terms.count))
        if isNew {
            terms.append(folding ? bytes.map(WordScanner.lowercased) : Array(bytes))
            postings.append([])
            fields.append(0)
            lastArticle.append(-1)
        }
        let index = Int(number)
        if lastArticle[index] != article {
            lastArticle[index] = article
            fields[index] = 0
            found.append(number)
        }
        fields[index] |= field.rawValue
    }

    // MARK: - Writing

    /// Writes the index of `archive`'s articles, calling `write` with each file's path under `site/` and its bytes;
    /// the records give dates in the words of `strings`, and the languages of articles that are not in `page`'s.
    static func write(_ archive: Archive, strings: UIStrings, page: PageLanguage, _ write: (String, [UInt8]) throws -> Void) throws {
        var index = SearchIndex()
        var block: [UInt8] = []
        var blockNumber = 0
        func finishBlock() throws {
            block.append(contentsOf: "\n]);\n".utf8)
            try write("search/records/\(blockNumber).js", block)
            block.removeAll(keepingCapacity: true)
            blockNumber += 1
        }
        let issues = archive.issues
        for (issueIndex, articleIndex) in newestFirst(issues) {
            let issue = issues[issueIndex], article = issue.articles[articleIndex]
            if index.articleCount % blockSize == 0 {
                if index.articleCount > 0 { try finishBlock() }
                block.append(contentsOf: "BULLETIN_SEARCH_RECORDS(\(blockNumber), [\n".utf8)
            } else {
                block.append(contentsOf: ",\n".utf8)
            }
            appendRecord(article, in: issue, strings: strings, page: page, to: &block)
            index.add(article)
        }
        if index.articleCount > 0 { try finishBlock() }
        let shards = index.shards()
        for (key, terms) in shards {
            var out = Array("BULLETIN_SEARCH_TERMS(".utf8)
            JSONString.append(key, to: &out)
            out.append(contentsOf: ", {".utf8)
            for (position, term) in terms.enumerated() {
                out.append(contentsOf: (position == 0 ? "\n" : ",\n").utf8)
                JSONString.append(String(decoding: index.terms[Int(term)], as: UTF8.self), to: &out)
                out.append(contentsOf: ":[".utf8)
                var previous: UInt32 = 0
                for (k, posting) in index.postings[Int(term)].enumerated() {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    appendDecimal(posting - previous, to: &out)
                    previous = posting
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(contentsOf: "\n});\n".utf8)
            try write("search/terms/\(shardFileName(key)).js", out)
        }
        var summary = Array("{\"articles\":\(index.articleCount),\"block\":\(blockSize),\"shards\":[".utf8)
        for (position, shard) in shards.enumerated() {
            if position > 0 { summary.append(UInt8(ascii: ",")) }
            JSONString.append(shard.key, to: &summary)
        }
        let (stop, optional) = index.queryStopWords
        for (name, words) in [("stop", stop), ("optional", optional)] {
            summary.append(contentsOf: "],\"\(name)\":[".utf8)
            for (position, word) in words.enumerated() {
                if position > 0 { summary.append(UInt8(ascii: ",")) }
                JSONString.append(word, to: &summary)
            }
        }
        summary.append(contentsOf: "]}".utf8)
        try write("search/index.json", summary + [0x0A])
        try write("search/index.js", Array("window.BULLETIN_SEARCH = ".utf8) + summary + Array(";\n".utf8))
    }

    /// Appends `value` in decimal digits: a large archive's word index holds hundreds of thousands of
    /// postings, and a string made for each cost more than the rest of writing them.
    static func appendDecimal(_ value: UInt32, to out: inout [UInt8]) {
        var divisor: UInt32 = 1
        while value / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// What a query does with stop words: it leaves out those no article indexes (`stop`: the English ones
    /// when every article is English), and asks for those some articles index and others do not (`optional`:
    /// the English ones in an archive of English and other articles) without requiring them, so that "the
    /// duma" finds the English articles naming the Duma, and "was" German articles.
    var queryStopWords: (stop: [String], optional: [String]) {
        if !hasEnglish { return ([], []) }
        return hasOther ? ([], Self.stopWordList) : (Self.stopWordList, [])
    }

    /// The articles of `issues` in the order the index numbers them, as positions (an issue's, an article's
    /// in it): newest first by date (the article's, else its issue's), undated ones last, and in archive
    /// order among equals. The script orders equal scores by number, so the newest of them are listed
    /// first, and it costs the index nothing: no date is stored.
    static func newestFirst(_ issues: [Issue]) -> [(issue: Int, article: Int)] {
        var entries: [(date: String?, issue: Int, article: Int)] = []
        for (issueIndex, issue) in issues.enumerated() {
            for (articleIndex, article) in issue.articles.enumerated() {
                entries.append((article.metadata.date ?? issue.date, issueIndex, articleIndex))
            }
        }
        // Dates are ISO 8601 calendar dates, which order as text; the positions make the order total.
        entries.sort { first, second in
            switch (first.date, second.date) {
            case let (one?, other?) where one != other: return one > other
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (first.issue, first.article) < (second.issue, second.article)
            }
        }
        return entries.map { ($0.issue, $0.article) }
    }

    /// An article's record: where it is, its title, its issue and date, its dek, and its language when it is
    /// not `page`'s.
    private static func appendRecord(_ article: Article, in issue: Issue, strings: UIStrings, page: PageLanguage, to out: inout [UInt8]) {
        let metadata = article.metadata
        out.append(contentsOf: "{\"u\":".utf8)
        JSONString.append(SiteLayout.articlePath(metadata, in: issue), to: &out)
        out.append(contentsOf: ",\"t\":".utf8)
        JSONString.append(metadata.title, to: &out)
        out.append(contentsOf: ",\"m\":".utf8)
        JSONString.append("\(issue.publication) \(issue.volume)/\(issue.number)" + (metadata.date.map { " · " + strings.date($0) } ?? ""), to: &out)
        // A result shows its title: the dek goes on from it when the title was derived from the same words.
        if let dek = metadata.summary.flatMap({ metadata.continuingTitle($0.dek) }), !dek.isEmpty {
            out.append(contentsOf: ",\"d\":".utf8)
            JSONString.append(dek, to: &out)
        }
        if let marks = page.marks(for: metadata.language) {
            out.append(contentsOf: ",\"l\":".utf8)
            JSONString.append(marks.tag, to: &out)
            if let direction = marks.direction {
                out.append(contentsOf: ",\"w\":".utf8)
                JSONString.append(direction, to: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// The terms by shard, both in order of their UTF-8 bytes; terms of one letter are left out.
    func shards() -> [(key: String, terms: [Int32])] {
        var byKey: [[UInt8]: [Int32]] = [:]
        for (number, term) in terms.enumerated() where Self.scalarLength(term, at: 0) < term.count {
            byKey[Self.shardKey(term), default: []].append(Int32(number))
        }
        return byKey.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { key, numbers in
            (String(decoding: key, as: UTF8.self), numbers.sorted { terms[Int($0)].lexicographicallyPrecedes(terms[Int($1)]) })
        }
    }

    /// The UTF-8 bytes of the first two characters (Unicode scalars) of `term`.
    static func shardKey(_ term: [UInt8]) -> [UInt8] {
        guard !term.isEmpty else { return [] }
        let first = scalarLength(term, at: 0)
        return Array(term[..<min(first + (first < term.count ? scalarLength(term, at: first) : 0), term.count)])
    }

    /// The length in bytes of the scalar whose UTF-8 starts at `index`.
    private static func scalarLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    }

    /// A shard's name in a file name: ASCII letters and digits as they are, any other character as
    /// `_<hex>_`, its code point in lowercase hexadecimal ("мо" is `_43c__43e_`).
    static func shardFileName(_ key: String) -> String {
        var name = ""
        for scalar in key.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                name.unicodeScalars.append(scalar)
            } else {
                name += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return name
    }

    // MARK: - Words

    /// 64-bit FNV-1a: words are told apart by their hash, which spares hashing and storing arrays.
    /// Two words of an archive with one hash (odds about 1 in 10¹⁰ for 50,000 words) would share postings.
    static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = fnvOffset
        for byte in bytes { hash = fnvStep(hash, byte) }
        return hash
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func fnvStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// The folded words of text given in `pieces`, in order, repeats and stop words included: what the
    /// index is made of.
    static func words(_ pieces: [String]) -> [String] {
        var words: [String] = []
        var scanner = WordScanner()
        func collect(_: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ folding: Bool) {
            words.append(String(decoding: folding ? bytes.map(WordScanner.lowercased) : Array(bytes), as: UTF8.self))
        }
        for piece in pieces { scanner.scan(piece, collect) }
        scanner.flush(collect)
        return words
    }

    /// Words from text given in pieces, in order, so that a word may continue from one piece into the next
    /// as it does in the joined text.
    struct WordScanner {
        /// A word being gathered: one that met a piece's end or holds a character outside ASCII.
        private var word: [UInt8] = []
        private var asciiOnly = true

        init() {
            word.reserveCapacity(64)
        }

        /// Calls `emit` with each word of `text` that ends in it: its hash, its bytes, and whether ASCII
        /// capitals in them are still to be lowered (the hash is of the folded word).
        mutating func scan(_ text: String, _ emit: (UInt64, UnsafeBufferPointer<UInt8>, Bool) -> Void) {
            var text = text
            text.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    // Most words are ASCII and lie inside one piece: hashed as they are read, and handed on
                    // in place. A word that meets the piece's end or a character outside ASCII is gathered.
                    if word.isEmpty, Self.isASCIIWordByte(byte) {
                        let start = index
                        var hash = SearchIndex.fnvOffset
                        while index < bytes.count, Self.isASCIIWordByte(bytes[index]) {
                            hash = SearchIndex.fnvStep(hash, Self.lowercased(bytes[index]))
                            index += 1
                        }
                        if index < bytes.count, bytes[index] < 0x80 {
                            emit(hash, UnsafeBufferPointer(rebasing: bytes[start..<index]), true)
                            index += 1
                        } else {
                            for position in start..<index { word.append(Self.lowercased(bytes[position])) }
                        }
                        continue
                    }
                    if byte < 0x80 {
                        if Self.isASCIIWordByte(byte) { word.append(Self.lowercased(byte)) } else { flush(emit) }
                        index += 1
                        continue
                    }
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    let end = min(index + length, bytes.count)
                    if Self.isWordCharacter(UnsafeBufferPointer(rebasing: bytes[index..<end])) {
                        word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                        asciiOnly = false
                    } else {
                        flush(emit)
                    }
                    index = end
                }
            }
        }

        /// Hands on the word being gathered, if any, folded.
        mutating func flush(_ emit: (UInt64, UnsafeBufferPointer<UInt8>, Bool) -> Void) {
            guard !word.isEmpty else { return }
            if !asciiOnly { word = Self.folded(word) }
            // A word of combining marks alone folds to nothing.
            if !word.isEmpty { word.withUnsafeBufferPointer { emit(SearchIndex.fnv1a($0), $0, false) } }
            word.removeAll(keepingCapacity: true)
            asciiOnly = true
        }

        /// A word with characters outside ASCII, folded as the script folds a query: lower case, canonical
        /// decomposition, the combining diacritics (U+0300 to U+036F) left out, and Greek final sigma (ς)
        /// as σ.
        static func folded(_ word: [UInt8]) -> [UInt8] {
            let decomposed = String(decoding: word, as: UTF8.self).lowercased().decomposedStringWithCanonicalMapping
            var out = String.UnicodeScalarView()
            // Lower case has two sigmas where capitals have one: Swift's lowercased() makes "ΠΟΡΤΟΣ" "πορτοσ"
            // and a browser's toLowerCase() "πορτος" (Final_Sigma), so both sides fold ς to σ.
            for scalar in decomposed.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
                out.append(scalar.value == 0x3C2 ? "\u{3C3}" : scalar)
            }
            return Array(String(out).utf8)
        }

        /// Whether the character spelt by `bytes` (one scalar, outside ASCII) is a letter, a mark or a
        /// digit, as the script's `[\p{L}\p{M}\p{N}]` reads it.
        static func isWordCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var value = UInt32(bytes[0] & (bytes.count == 2 ? 0x1F : bytes.count == 3 ? 0x0F : 0x07))
            for byte in bytes.dropFirst() { value = value << 6 | UInt32(byte & 0x3F) }
            // General Punctuation (spaces, dashes, quotes) is the commonest non-ASCII in news copy.
            if (0x2000...0x206F).contains(value) { return false }
            guard let scalar = Unicode.Scalar(value) else { return false }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return false
            }
        }

        static func isASCIIWordByte(_ byte: UInt8) -> Bool {
            ASCIIBytes.isLetter(byte) || ASCIIBytes.isDigit(byte)
        }

        static func lowercased(_ byte: UInt8) -> UInt8 {
            ASCIIBytes.isUppercase(byte) ? byte | 0x20 : byte
        }
    }
}

/// Term numbers by 64-bit word hash, open addressing with linear probing: the values are already hashes.
struct TermNumbers {
    /// A hash and its number plus one; number 0 marks an empty slot.
    private var slots: [(hash: UInt64, number: Int32)]
    private var count = 0
    private var shift: UInt64

    init() {
        slots = Array(repeating: (0, 0), count: 1 << 12)
        shift = 64 - 12
    }

    /// The number of `hash`, given `next` (and reported new) if it has none.
    mutating func number(of hash: UInt64, next: Int32) -> (number: Int32, isNew: Bool) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let slot = slots[index]
            if slot.number == 0 {
                slots[index] = (hash, next + 1)
                count += 1
                return (next, true)
            }
            if slot.hash == hash { return (slot.number - 1, false) }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: (0, 0), count: old.count * 2)
        shift -= 1
        count = 0
        for slot in old where slot.number != 0 { _ = number(of: slot.hash, next: slot.number - 1) }
    }
}

/// A set of 64-bit word hashes, open addressing with linear probing. The values are already hashes, so
/// they are not hashed again as `Set` would (with a seeded SipHash for every lookup).
struct WordHashes: Sendable {
    /// Zero marks an empty slot; the value zero itself is kept by ``containsZero``.
    private var slots: [UInt64]
    private var containsZero = false
    private var count = 0
    private var shift: UInt64

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    init(_ values: [UInt64]) {
        self.init(capacity: values.count)
        for value in values { insert(value) }
    }

    func contains(_ value: UInt64) -> Bool {
        if value == 0 { return containsZero }
        let mask = slots.count - 1
        var index = slot(value)
        while true {
            let current = slots[index]
            if current == value { return true }
            if current == 0 { return false }
            index = (index + 1) & mask
        }
    }

    /// Adds `value`; false when it was there already.
    @discardableResult
    mutating func insert(_ value: UInt64) -> Bool {
        if value == 0 {
            defer { containsZero = true }
            return !containsZero
        }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = slot(value)
        while true {
            let current = slots[index]
            if current == value { return false }
            if current == 0 {
                slots[index] = value
                count += 1
                return true
            }
            index = (index + 1) & mask
        }
    }

    /// The first slot to look in: the high bits of a Fibonacci multiple, which mixes all of the value's bits.
    private func slot(_ value: UInt64) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        shift -= 1
        count = 0
        for value in old where value != 0 { insert(value) }
    }
}

/// JSON string literals, safe to put in a script file: also `<`, U+2028 and U+2029 escaped.
enum JSONString {
    static func append(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "\\u003c".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x00...0x1F:
                let digits = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            case 0xA8...0xA9 where previous == 0x80 && beforePrevious == 0xE2:
                // U+2028 and U+2029: replace the two bytes already written with the escape.
                out.removeLast(2)
                out.append(contentsOf: (byte == 0xA8 ? "\\u2028" : "\\u2029").utf8)
            default:
                out.append(byte)
            }
            beforePrevious = previous
            previous = byte
        }
        out.append(UInt8(ascii: "\""))
    }
}
