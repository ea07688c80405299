@testable import BulletinNLP
import Testing

@Suite("Entity lexicon")
struct EntityLexiconTests {
    /// Every phrase of the lexicon's lists, with the kind it is looked up as: a curated list's entry
    /// replaces a generated one of the same words, and of two curated ones the later list's stands.
    static let phrases: [(phrase: String, kind: EntityKind)] = {
        var kinds: [String: (kind: EntityKind, curated: Bool)] = [:]
        var order: [String] = []
        let lists: [(String, EntityKind, Bool)] = [
            (EntityLexicon.placeList, .location, false),
            (EntityLexicon.curatedPlaces, .location, true),
            (EntityLexicon.curatedMiscellaneous, .miscellaneous, true),
            (EntityLexicon.curatedOrganizations, .organization, true),
        ]
        for (list, kind, curated) in lists {
            for line in list.split(separator: "\n", omittingEmptySubsequences: false) {
                let phrase = String(line.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
                guard !phrase.isEmpty else { continue }
                if kinds[phrase] == nil { order.append(phrase) }
                if !curated, kinds[phrase]?.curated == true { continue }
                kinds[phrase] = (kind, curated)
            }
        }
        return order.map { ($0, kinds[$0]!.kind) }
    }()

    /// The entry the lexicon holds for `words`, walked as the tagger walks a sentence's tokens.
    static func entry(_ lexicon: EntityLexicon, _ words: [Substring]) -> EntityLexicon.PhraseEntry? {
        let ids = words.map { lexicon.id(of: String($0)) }
        guard ids.count > 1 else { return lexicon.words[Int(ids[0])].phrase }
        var node = lexicon.words[Int(ids[0])].phraseNode
        for id in ids.dropFirst() where node != EntityLexicon.noNode {
            node = lexicon.node(after: node, word: id)
        }
        return node == EntityLexicon.noNode ? nil : lexicon.entry(at: node)
    }

    @Test("finds every phrase of its lists, of the kind its list gives")
    func findsEveryPhrase() {
        let lexicon = EntityLexicon.shared
        #expect(Self.phrases.count > 8_000)
        var missing: [String] = []
        for (phrase, kind) in Self.phrases {
            let words = phrase.split(separator: " ", omittingEmptySubsequences: false)
            if Self.entry(lexicon, words)?.kind != kind { missing.append(phrase) }
        }
        #expect(missing.isEmpty, "\(missing.count) phrases not found as listed, such as \(missing.prefix(5))")
    }

    @Test("finds nothing for the words a phrase begins with, unless they are a phrase themselves")
    func findsNoPartialPhrase() {
        let lexicon = EntityLexicon.shared
        let listed = Set(Self.phrases.map(\.phrase))
        var found: [String] = []
        for (phrase, _) in Self.phrases {
            let words = phrase.split(separator: " ", omittingEmptySubsequences: false)
            for length in 1..<words.count {
                let start = words[..<length]
                guard !listed.contains(start.joined(separator: " ")) else { continue }
                if Self.entry(lexicon, Array(start)) != nil { found.append(start.joined(separator: " ")) }
            }
        }
        #expect(found.isEmpty, "\(found.count) partial phrases found, such as \(found.prefix(5))")
    }

    @Test("finds nothing for a phrase's words in another order or with a word added")
    func findsNoOtherPhrase() {
        let lexicon = EntityLexicon.shared
        let listed = Set(Self.phrases.map(\.phrase))
        var found: [String] = []
        for (phrase, _) in Self.phrases {
            let words = phrase.split(separator: " ", omittingEmptySubsequences: false)
            for other in [Array(words.reversed()), words + ["zzyzx"]] {
                let joined = other.joined(separator: " ")
                guard !listed.contains(joined) else { continue }
                if Self.entry(lexicon, other) != nil { found.append(joined) }
            }
        }
        #expect(found.isEmpty, "\(found.count) phrases found that are not listed, such as \(found.prefix(5))")
    }

    @Test("a key ends with an ending when hasSuffix says so, ASCII keys compared as bytes", arguments: [
        "nezavisimaya", "sovetskaya", "moskovsky", "ivashov", "ivashova", "sky", "ky", "", "shvili", "dze",
        "zürichskaya", "rossiyskaya\u{301}", "kovalenko", "n\u{0600}aya", "ру́сская",
    ])
    func keyEndings(key: String) {
        for endings in [EntityLexicon.russianAdjectiveEndings, EntityLexicon.russianMasculineAdjectiveEndings, EntityLexicon.surnameEndings] {
            #expect(EntityDocument.key(key, endsWithAnyOf: endings) == endings.contains { key.hasSuffix($0) }, "\(key)")
        }
    }

    @Test("a word of one byte has the id the word table gives it, capitals read in lower case")
    func singleByteWords() {
        let lexicon = EntityLexicon.shared
        for byte in UInt8(0)..<0x80 {
            withUnsafePointer(to: byte) { pointer in
                let word = UnsafeBufferPointer(start: pointer, count: 1)
                let packed = EntityWordTable.packed(word, lowercasing: true)
                let lower = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                let expected = lexicon.id(of: String(decoding: [lower], as: UTF8.self))
                #expect(lexicon.id(lowercasing: word, packed: packed) == expected, "\(byte)")
            }
        }
        #expect(lexicon.id(of: ",") != EntityLexicon.unknownWord && lexicon.id(of: "a") != EntityLexicon.unknownWord)
    }
}
