extension UIStrings {
    /// Names as the language lists them: "Ann Smith", "Ann Smith and Bo Li", "Ann Smith, Bo Li and Cy Young";
    /// empty for none. The theme's `listSeparator` parts the names before the last (", ", Arabic's "، "), and
    /// its `listEnd` places the last ("{list} and {last}").
    ///
    /// Every writer that joins names in prose asks this, so that an article's authors read the same on
    /// its page, in its book and in its text: a bare comma cannot tell "O'Brien, Smith & Wesson" from three names.
    public func list(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        guard names.count > 1 else { return last }
        return text("listEnd", ["list": names.dropLast().joined(separator: text("listSeparator")), "last": last])
    }

    /// An article's byline, "By Ann Smith and Bo Li": the theme's `byline` around ``list(_:)``, `bylineSeveral`
    /// for more than one author (Russian's "Автор:" becomes "Авторы:"); empty when it has no authors.
    public func byline(_ authors: [String]) -> String {
        authors.isEmpty ? "" : text("byline", variant: authors.count > 1 ? "bylineSeveral" : nil, ["authors": list(authors)])
    }
}
