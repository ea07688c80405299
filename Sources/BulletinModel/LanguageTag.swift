/// Language tags as sources and configurations give them, made into the BCP 47 tags that `lang`
/// attributes, EPUB metadata and feeds must carry.
///
/// An editor writes `Language: ru`, but also `Language: Russian` or `Language: en_US`: a page saying
/// `lang="Russian"` is invalid HTML, and a reader's hyphenation and voice go wrong. A tag whose primary
/// subtag is an ISO 639-1 code (or three letters, as ISO 639-2 and -3 codes are) is kept, in its
/// conventional case (`en-US`, `sr-Latn`); an underscore is read as a hyphen; the English name of a
/// common language is read as its code. Anything else is not a language tag.
public enum LanguageTag {
    /// What was made of a given value.
    public enum Reading: Equatable, Sendable {
        /// A tag as given (perhaps recased).
        case tag(String)
        /// A tag made of something else that says the same (a language's name, underscores): the editor is told.
        case corrected(String)
        /// Not a language tag.
        case invalid
    }

    /// Reads `value` as a language tag.
    public static func read(_ value: String) -> Reading {
        let trimmed = value.collapsingWhitespace
        if let code = codesByName[trimmed.lowercased()] { return .corrected(code) }
        let hyphenated = String(trimmed.map { $0 == "_" ? "-" : $0 })
        let subtags = hyphenated.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first?.lowercased(), primary.count == 3 ? primary.allSatisfy(\.isASCIILetter) : iso639_1.contains(primary),
              subtags.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit } })
        else { return .invalid }
        var cased = [primary]
        for subtag in subtags.dropFirst() {
            // Region subtags upper case, script subtags title case, the rest lower case (RFC 5646, 2.1.1).
            if subtag.count == 2, subtag.allSatisfy(\.isASCIILetter) {
                cased.append(subtag.uppercased())
            } else if subtag.count == 4, subtag.allSatisfy(\.isASCIILetter) {
                cased.append(subtag.prefix(1).uppercased() + subtag.dropFirst().lowercased())
            } else {
                cased.append(subtag.lowercased())
            }
        }
        let tag = cased.joined(separator: "-")
        return hyphenated == trimmed ? .tag(tag) : .corrected(tag)
    }

    /// The ISO 639-1 two-letter codes.
    static let iso639_1: Set<String> = Set("""
    aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu
    fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km
    kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
    or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr
    ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
    """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// The codes of languages by their English names, lower case: the languages of bulletins and the
    /// world's most written.
    static let codesByName: [String: String] = [
        "english": "en", "russian": "ru", "ukrainian": "uk", "belarusian": "be", "polish": "pl", "czech": "cs", "slovak": "sk",
        "german": "de", "french": "fr", "spanish": "es", "portuguese": "pt", "italian": "it", "dutch": "nl", "swedish": "sv",
        "norwegian": "no", "danish": "da", "finnish": "fi", "estonian": "et", "latvian": "lv", "lithuanian": "lt",
        "hungarian": "hu", "romanian": "ro", "moldovan": "ro", "bulgarian": "bg", "serbian": "sr", "croatian": "hr",
        "bosnian": "bs", "slovenian": "sl", "macedonian": "mk", "albanian": "sq", "greek": "el", "turkish": "tr",
        "georgian": "ka", "armenian": "hy", "azerbaijani": "az", "azeri": "az", "kazakh": "kk", "kyrgyz": "ky", "uzbek": "uz",
        "tajik": "tg", "turkmen": "tk", "tatar": "tt", "chechen": "ce", "mongolian": "mn", "arabic": "ar", "hebrew": "he",
        "persian": "fa", "farsi": "fa", "urdu": "ur", "hindi": "hi", "bengali": "bn", "chinese": "zh", "japanese": "ja",
        "korean": "ko", "vietnamese": "vi", "thai": "th", "indonesian": "id", "malay": "ms", "swahili": "sw", "yiddish": "yi",
    ]
}

extension Character {
    fileprivate var isASCIILetter: Bool { asciiValue.map(ASCIIBytes.isLetter) ?? false }
    fileprivate var isASCIIDigit: Bool { asciiValue.map(ASCIIBytes.isDigit) ?? false }
}
