/// Makes URL- and path-safe slugs: lowercase ASCII letters, digits and single hyphens.
public enum Slug {
    /// Folds `text` to a slug of at most `maxLength` characters, cut at a hyphen when it can be.
    /// Returns `fallback` when nothing safe is left (for example a title of only punctuation or `../..`).
    public static func make(_ text: String, maxLength: Int = 60, fallback: String = "untitled") -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            if let folded = fold(scalar) {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.append(folded)
            } else if scalar == "’" || scalar == "'" {
                continue
            } else {
                pendingHyphen = true
            }
        }
        if result.count > maxLength {
            let cut = result.prefix(maxLength)
            if let hyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: hyphen) > maxLength / 2 {
                result = String(cut[..<hyphen])
            } else {
                result = String(cut)
            }
        }
        return result.isEmpty ? fallback : result
    }

    /// ASCII letters and digits, lowercased; common Latin letters with diacritics lose them.
    private static func fold(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return String(scalar)
        case 0x41...0x5A: return String(Unicode.Scalar(scalar.value + 32)!)
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
        case "đ", "Đ": return "d"
        default: return nil
        }
    }
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
