/// Words that only lead into the words after them, so that a text cut after one reads as broken off
/// ("…the legal status of the…"): a derived title or a dek cut short drops them before its ellipsis.
public enum LeadWords {
    /// English articles, prepositions, conjunctions, auxiliary verbs, possessives and determiners.
    public static let english: Set<String> = [
        "a", "an", "the",
        "about", "across", "after", "against", "along", "amid", "among", "around", "at", "before", "behind", "below",
        "beneath", "beside", "besides", "between", "beyond", "by", "despite", "during", "for", "from", "in", "inside",
        "into", "near", "of", "off", "on", "onto", "out", "over", "per", "since", "than", "through", "throughout", "to",
        "toward", "towards", "under", "until", "unlike", "upon", "via", "with", "within", "without",
        "and", "as", "because", "but", "if", "nor", "or", "so", "that", "though", "unless", "when", "whereas",
        "where", "whether", "which", "while", "who", "whom", "whose", "yet",
        "am", "are", "be", "been", "being", "can", "could", "did", "do", "does", "had", "has", "have", "is", "may",
        "might", "must", "shall", "should", "was", "were", "will", "would",
        "her", "his", "its", "my", "our", "their", "your", "this", "these", "those", "such", "also", "all", "any",
        "both", "each", "either", "every", "neither", "no", "not", "some", "very", "more", "most", "own",
    ]
}
