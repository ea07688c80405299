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
        Rule(language: language).category(of: count)
    }

    /// The rule a language counts by, found from its tag once: a page counts its articles, issues and
    /// mentions in one language, and reading the tag again for each count cost more than the rule.
    public enum Rule: Sendable, Hashable {
        /// `one` for 1, else `other`: English, European Portuguese, and every language not listed.
        case oneElseOther
        /// `other` always: Japanese, Chinese, Korean, Vietnamese, Thai, Indonesian, Malay, Lao, Burmese, Khmer.
        case otherAlways
        /// `one` for 0 and 1 (CLDR: i = 0,1): French, Brazilian Portuguese, Armenian, Kabyle.
        case zeroAndOneAsOne
        /// Russian, Ukrainian, Belarusian.
        case eastSlavic
        case polish
        /// Czech, Slovak.
        case czechSlovak
        /// Croatian, Serbian, Bosnian.
        case serboCroatian
        case lithuanian
        case latvian
        case romanian
        case arabic
        /// Hebrew (`he`, and the older `iw`).
        case hebrew
        case irish
        case welsh
        case slovenian

        /// The rule of `language` (a BCP 47 tag; its first subtag decides).
        public init(language: String) {
            // European Portuguese counts as English does; Brazilian, as French.
            if language.lowercased() == "pt-pt" {
                self = .oneElseOther
                return
            }
            switch String(language.prefix { $0 != "-" }).lowercased() {
            case "ja", "zh", "ko", "vi", "th", "id", "ms", "lo", "my", "km": self = .otherAlways
            case "fr", "pt", "hy", "kab": self = .zeroAndOneAsOne
            case "ru", "uk", "be": self = .eastSlavic
            case "pl": self = .polish
            case "cs", "sk": self = .czechSlovak
            case "hr", "sr", "bs": self = .serboCroatian
            case "lt": self = .lithuanian
            case "lv": self = .latvian
            case "ro": self = .romanian
            case "ar": self = .arabic
            case "he", "iw": self = .hebrew
            case "ga": self = .irish
            case "cy": self = .welsh
            case "sl": self = .slovenian
            default: self = .oneElseOther
            }
        }

        /// The category of `count` under this rule.
        public func category(of count: Int) -> PluralCategory {
            let n = abs(count)
            let mod10 = n % 10, mod100 = n % 100
            switch self {
            case .otherAlways:
                return .other
            case .zeroAndOneAsOne:
                return n <= 1 ? .one : .other
            case .eastSlavic:
                if mod10 == 1 && mod100 != 11 { return .one }
                if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
                return .many
            case .polish:
                if n == 1 { return .one }
                if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
                return .many
            case .czechSlovak:
                if n == 1 { return .one }
                return (2...4).contains(n) ? .few : .other
            case .serboCroatian:
                if mod10 == 1 && mod100 != 11 { return .one }
                if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
                return .other
            case .lithuanian:
                if mod10 == 1 && !(11...19).contains(mod100) { return .one }
                if (2...9).contains(mod10) && !(11...19).contains(mod100) { return .few }
                return .other
            case .latvian:
                if mod10 == 0 || (11...19).contains(mod100) { return .zero }
                if mod10 == 1 && mod100 != 11 { return .one }
                return .other
            case .romanian:
                if n == 1 { return .one }
                if n == 0 || (1...19).contains(mod100) { return .few }
                return .other
            case .arabic:
                switch n {
                case 0: return .zero
                case 1: return .one
                case 2: return .two
                default:
                    if (3...10).contains(mod100) { return .few }
                    if (11...99).contains(mod100) { return .many }
                    return .other
                }
            case .hebrew:
                if n == 1 { return .one }
                if n == 2 { return .two }
                return .other
            case .irish:
                switch n {
                case 1: return .one
                case 2: return .two
                case 3...6: return .few
                case 7...10: return .many
                default: return .other
                }
            case .welsh:
                switch n {
                case 0: return .zero
                case 1: return .one
                case 2: return .two
                case 3: return .few
                case 6: return .many
                default: return .other
                }
            case .slovenian:
                if mod100 == 1 { return .one }
                if mod100 == 2 { return .two }
                if mod100 == 3 || mod100 == 4 { return .few }
                return .other
            case .oneElseOther:
                return n == 1 ? .one : .other
            }
        }
    }
}
