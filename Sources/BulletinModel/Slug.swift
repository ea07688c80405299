/// Makes URL- and path-safe slugs: lowercase ASCII letters, digits and single hyphens.
public enum Slug {
    /// Folds `text` to a slug of at most `maxLength` characters, cut at a hyphen when it can be.
    /// Returns `fallback` when nothing safe is left (for example a title of only punctuation or `../..`).
    public static func make(_ text: String, maxLength: Int = 60, fallback: String = "untitled") -> String {
        // Built as ASCII bytes: it runs for every title and every entity mention of a build.
        var result: [UInt8] = []
        result.reserveCapacity(min(text.utf8.count, maxLength + 8))
        var pendingHyphen = false
        func append(_ byte: UInt8) {
            if pendingHyphen && !result.isEmpty { result.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            result.append(byte)
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A: append(UInt8(scalar.value))
            case 0x41...0x5A: append(UInt8(scalar.value + 32))
            case 0x27, 0x2019: continue // apostrophes join: "Moscow’s" → "moscows"
            // Combining marks belong to the letter before them, which folds without them: decomposed
            // "Zu\u{308}rich" gives "zurich", as the precomposed "Zürich" does, not "zu-rich".
            case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: continue
            default:
                if let folded = fold(scalar) {
                    for byte in folded.utf8 { append(byte) }
                } else {
                    pendingHyphen = true
                }
            }
        }
        if result.count > maxLength {
            let cut = result[..<maxLength]
            if let hyphen = cut.lastIndex(of: UInt8(ascii: "-")), hyphen > maxLength / 2 {
                result = Array(cut[..<hyphen])
            } else {
                result = Array(cut)
            }
        }
        return result.isEmpty ? fallback : String(decoding: result, as: UTF8.self)
    }

    /// ASCII letters and digits, lowercased; common Latin letters with diacritics lose them; Cyrillic
    /// and Greek letters are transliterated (a hard or soft sign gives nothing).
    private static func fold(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return String(scalar)
        case 0x41...0x5A: return String(Unicode.Scalar(scalar.value + 32)!)
        case 0x0370...0x03FF, 0x0400...0x04FF: return transliterated(scalar)
        default: break
        }
        guard scalar.value >= 0xC0 else { return nil }
        let decomposed = String(scalar).decomposedStringWithCanonicalMappingIfAvailable
        let base = decomposed.unicodeScalars.first!
        if base.value < 0x80, base.properties.isAlphabetic { return String(base).lowercased() }
        switch scalar {
        case "ß": return "ss"
        case "æ", "Æ": return "ae"
        case "ø", "Ø": return "o"
        case "ł", "Ł": return "l"
        case "đ", "Đ", "ð", "Ð": return "d"
        case "œ", "Œ": return "oe"
        case "þ", "Þ": return "th"
        case "ĳ", "Ĳ": return "ij"
        case "ħ", "Ħ": return "h"
        case "ŀ", "Ŀ": return "l"
        case "ı": return "i"
        case "ŋ", "Ŋ": return "ng"
        default: return nil
        }
    }
}

extension Slug {
    /// A Cyrillic or Greek letter in Latin letters (BGN/PCGN-like, simplified to ASCII), or nil for a
    /// character of those blocks that is not a letter of the table.
    fileprivate static func transliterated(_ scalar: Unicode.Scalar) -> String? {
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let letter = lower.first else { return nil }
        return latin[letter]
    }

    private static let latin: [Unicode.Scalar: String] = [
        // Russian
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        // Ukrainian, Belarusian, Serbian, Macedonian, Kazakh
        "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz",
        "ѓ": "gj", "ѕ": "dz", "ќ": "kj", "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
        // Greek
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k", "λ": "l",
        "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f",
        "χ": "ch", "ψ": "ps", "ω": "o", "ά": "a", "έ": "e", "ή": "i", "ί": "i", "ό": "o", "ύ": "y", "ώ": "o", "ϊ": "i",
        "ϋ": "y", "ΐ": "i", "ΰ": "y",
    ]
}

extension String {
    /// Canonical decomposition without Foundation: decomposes precomposed Latin letters.
    fileprivate var decomposedStringWithCanonicalMappingIfAvailable: String {
        var result = ""
        for scalar in unicodeScalars {
            if let mapping = scalar.properties.canonicalDecomposition {
                result.unicodeScalars.append(contentsOf: mapping)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension Unicode.Scalar.Properties {
    /// The first step of the scalar's canonical decomposition, when it has one.
    fileprivate var canonicalDecomposition: [Unicode.Scalar]? {
        // Unicode's name data is the only decomposition table the standard library exposes;
        // "LATIN SMALL LETTER E WITH ACUTE" tells us the base letter.
        guard let name = name, name.hasPrefix("LATIN "), let with = name.firstRange(of: " WITH ") else { return nil }
        let head = name[name.startIndex..<with.lowerBound]
        guard let letter = head.split(separator: " ").last, letter.count == 1, let base = letter.unicodeScalars.first else { return nil }
        let isSmall = head.contains("SMALL")
        let value = isSmall ? base.value + 32 : base.value
        return Unicode.Scalar(value).map { [$0] }
    }
}
