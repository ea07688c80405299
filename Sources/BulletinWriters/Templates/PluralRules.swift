/// The plural categories of Unicode CLDR: which form of a counted phrase a number takes.
public enum PluralCategory: String, Sendable, CaseIterable {
    case zero, one, two, few, many, other
}

/// CLDR's cardinal plural rules for whole numbers, for the languages whose forms differ from "one, else other".
///
/// The rules follow the Unicode CLDR plural rules (cldr.unicode.org, "Language Plural Rules"), taken for
/// integers only: a page counts articles, issues and mentions, never fractions. A language not listed
/// here has `one` for 1 and `other` for every other number, as English does.
public enum PluralRules {
    /// The category of `count` in `language` (a BCP 47 tag; its first subtag decides).
    public static func category(of count: Int, language: String) -> PluralCategory {
        let n = abs(count)
        let mod10 = n % 10, mod100 = n % 100
        // European Portuguese counts as English does; Brazilian, as French.
        if language.lowercased() == "pt-pt" { return n == 1 ? .one : .other }
        switch String(language.prefix { $0 != "-" }).lowercased() {
        case "ja", "zh", "ko", "vi", "th", "id", "ms", "lo", "my", "km":
            return .other
        case "fr", "pt", "hy", "kab":
            // French and Portuguese count 0 and 1 as one (CLDR: i = 0,1).
            return n <= 1 ? .one : .other
        case "ru", "uk", "be":
            if mod10 == 1 && mod100 != 11 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        case "pl":
            if n == 1 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        case "cs", "sk":
            if n == 1 { return .one }
            return (2...4).contains(n) ? .few : .other
        case "hr", "sr", "bs":
            if mod10 == 1 && mod100 != 11 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .other
        case "lt":
            if mod10 == 1 && !(11...19).contains(mod100) { return .one }
            if (2...9).contains(mod10) && !(11...19).contains(mod100) { return .few }
            return .other
        case "lv":
            if mod10 == 0 || (11...19).contains(mod100) { return .zero }
            if mod10 == 1 && mod100 != 11 { return .one }
            return .other
        case "ro":
            if n == 1 { return .one }
            if n == 0 || (1...19).contains(mod100) { return .few }
            return .other
        case "ar":
            switch n {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            default:
                if (3...10).contains(mod100) { return .few }
                if (11...99).contains(mod100) { return .many }
                return .other
            }
        case "he", "iw":
            if n == 1 { return .one }
            if n == 2 { return .two }
            return .other
        case "ga":
            switch n {
            case 1: return .one
            case 2: return .two
            case 3...6: return .few
            case 7...10: return .many
            default: return .other
            }
        case "cy":
            switch n {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            case 3: return .few
            case 6: return .many
            default: return .other
            }
        case "sl":
            if mod100 == 1 { return .one }
            if mod100 == 2 { return .two }
            if mod100 == 3 || mod100 == 4 { return .few }
            return .other
        default:
            return n == 1 ? .one : .other
        }
    }
}
