import BulletinModel

/// The navigation documents: `nav.xhtml` (table of contents and landmarks) and `toc.ncx` for EPUB 2
/// reading systems. Both list the same entries.
struct EPUBNavigation: Sendable {
    /// One entry of the table of contents.
    struct Entry: Sendable, Hashable {
        /// What the reader sees.
        var label: String
        /// The target, relative to the package document.
        var href: String
        /// The entry's language, when it differs from the book's.
        var language: String?
        /// Entries below this one.
        var children: [Entry] = []
    }

    /// The book.
    let book: EPUBBook
    /// The entries (``entries(of:)``), made once for both documents.
    let entries: [Entry]

    /// The navigation of `book`.
    init(book: EPUBBook) {
        self.book = book
        entries = Self.entries(of: book)
    }

    /// The entries: with one issue, its title page then its articles; with several, each issue's title
    /// page holding its articles.
    static func entries(of book: EPUBBook) -> [Entry] {
        func articles(of part: EPUBBook.Part) -> [Entry] {
            part.articles.map { article, path in
                let language = article.metadata.language
                return Entry(label: Self.label(article.metadata.title, book.words), href: path, language: language == book.language ? nil : language)
            }
        }
        // An issue's entry is worded by the theme, in the words' language.
        let wordsLanguage = book.words.markedLanguage(in: book.language)
        if book.parts.count == 1, let part = book.parts.first {
            return [Entry(label: book.words.title(of: part.issue), href: part.titlePagePath, language: wordsLanguage)] + articles(of: part)
        }
        return book.parts.map { part in
            Entry(label: book.words.title(of: part.issue), href: part.titlePagePath, language: wordsLanguage, children: articles(of: part))
        }
    }

    /// A label that is never empty: an empty link or navigation label is an accessibility failure.
    static func label(_ title: String, _ words: UIStrings) -> String {
        title.isBlank ? words.text("untitled") : title
    }

    // MARK: - nav.xhtml

    /// The attributes that mark the theme's words in the navigation document where they are not in the
    /// book's language: `lang`, `xml:lang`, and `dir` where the direction changes; none otherwise.
    private var wordsAttributes: [(String, String?)] {
        guard let marked = book.words.markedLanguage(in: book.language), let marks = PageLanguage(tag: book.language).marks(for: marked) else {
            return []
        }
        return [("lang", marks.tag), ("xml:lang", marks.tag), ("dir", marks.direction)]
    }

    /// The EPUB 3 navigation document, as UTF-8 (the container's bytes, with no string in between).
    func navigationDocument() -> [UInt8] {
        var xml = MarkupBuilder(xmlStyle: true)
        xml.append(trusted: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
        xml.open("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("xmlns:epub", "http://www.idpf.org/2007/ops"),
                          ("lang", book.language), ("xml:lang", book.language), ("dir", TextDirection.of(book.language))])
        xml.newline()
        xml.open("head")
        xml.void("meta", [("charset", "UTF-8")])
        xml.element("title", text: book.title)
        xml.void("link", [("rel", "stylesheet"), ("type", "text/css"), ("href", EPUBDocumentRenderer.stylesheetPath)])
        xml.close("head")
        xml.newline()
        xml.open("body")
        xml.newline()
        xml.element("nav", [("epub:type", "toc"), ("id", "toc"), ("role", "doc-toc"), ("aria-labelledby", "toc-title")]) { nav in
            nav.newline()
            nav.element("h1", [("id", "toc-title")] + wordsAttributes, text: book.words.text("contents"))
            nav.newline()
            list(entries, into: &nav)
        }
        xml.newline()
        xml.element("nav", [("epub:type", "landmarks"), ("id", "landmarks"), ("hidden", "hidden"), ("aria-labelledby", "landmarks-title")]) { nav in
            nav.newline()
            nav.element("h2", [("id", "landmarks-title")] + wordsAttributes, text: book.words.text("landmarks"))
            nav.newline()
            nav.element("ol") { ol in
                ol.newline()
                var landmarks = [("cover", EPUBDocumentRenderer.coverPagePath, book.words.text("cover"))]
                if let part = book.parts.first {
                    landmarks.append(("titlepage", part.titlePagePath, book.words.text("titlePage")))
                    if let first = part.articles.first { landmarks.append(("bodymatter", first.path, book.words.text("startOfContent"))) }
                }
                for (type, href, label) in landmarks {
                    ol.element("li") { $0.element("a", [("epub:type", type), ("href", href)] + wordsAttributes, text: label) }
                    ol.newline()
                }
            }
            nav.newline()
        }
        xml.newline()
        xml.close("body")
        xml.newline()
        xml.close("html")
        xml.newline()
        return xml.utf8
    }

    private func list(_ entries: [Entry], into xml: inout MarkupBuilder) {
        xml.element("ol") { ol in
            ol.newline()
            for entry in entries {
                ol.element("li") { li in
                    li.element("a", [("href", entry.href), ("lang", entry.language), ("xml:lang", entry.language), ("dir", "auto")], text: entry.label)
                    if !entry.children.isEmpty {
                        li.newline()
                        list(entry.children, into: &li)
                    }
                }
                ol.newline()
            }
        }
        xml.newline()
    }

    // MARK: - toc.ncx

    /// The EPUB 2 navigation control file, as UTF-8.
    func ncx() -> [UInt8] {
        var xml = MarkupBuilder(xmlStyle: true)
        xml.append(trusted: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.open("ncx", [("xmlns", "http://www.daisy.org/z3986/2005/ncx/"), ("version", "2005-1"), ("xml:lang", book.language)])
        xml.newline()
        let depth = entries.contains { !$0.children.isEmpty } ? 2 : 1
        xml.element("head") { head in
            head.newline()
            for (name, content) in [("dtb:uid", book.identifier), ("dtb:depth", String(depth)),
                                    ("dtb:totalPageCount", "0"), ("dtb:maxPageNumber", "0")] {
                head.void("meta", [("name", name), ("content", content)])
                head.newline()
            }
        }
        xml.newline()
        xml.element("docTitle") { $0.element("text", text: book.title) }
        xml.newline()
        xml.element("navMap") { map in
            map.newline()
            var order = 0
            func point(_ entry: Entry, into xml: inout MarkupBuilder) {
                order += 1
                xml.element("navPoint", [("id", "point-\(order)"), ("playOrder", String(order))]) { nav in
                    nav.element("navLabel") { $0.element("text", text: entry.label) }
                    nav.void("content", [("src", entry.href)])
                    for child in entry.children {
                        nav.newline()
                        point(child, into: &nav)
                    }
                }
                xml.newline()
            }
            for entry in entries { point(entry, into: &map) }
        }
        xml.newline()
        xml.close("ncx")
        xml.newline()
        return xml.utf8
    }
}
