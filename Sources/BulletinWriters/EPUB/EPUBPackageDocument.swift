import BulletinModel

/// The package document (`EPUB/package.opf`): metadata, manifest and spine.
struct EPUBPackageDocument: Sendable {
    /// One file of the manifest.
    struct Item: Sendable, Hashable {
        /// The manifest id (an XML name).
        var id: String
        /// The path relative to the package document.
        var href: String
        /// The media type.
        var mediaType: String
        /// Manifest properties such as `nav` or `cover-image`.
        var properties: String?
        /// True when the item is read in order (listed in the spine).
        var inSpine: Bool
    }

    /// The book.
    var book: EPUBBook
    /// Settings (publisher, rights).
    var settings: WriterSettings
    /// Every file of the book but the package document, `mimetype` and `META-INF/container.xml`, in spine order.
    var items: [Item]
    /// Whether the book claims conformance to EPUB Accessibility 1.1 at WCAG 2.1 AA: only when it is made
    /// with the bundled templates and stylesheet, the ones `Scripts/test` checks with axe-core. A theme's own
    /// may be as good, but nobody here has checked them, and the claim says someone did.
    var claimsConformance: Bool

    /// The package document as UTF-8: its builder's bytes go into the container as they are, with no
    /// string (and no check of its UTF-8) in between.
    func render() -> [UInt8] {
        var xml = MarkupBuilder(xmlStyle: true)
        xml.append(trusted: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.open("package", [("xmlns", "http://www.idpf.org/2007/opf"), ("version", "3.0"),
                             ("unique-identifier", "pub-id"), ("xml:lang", book.language)])
        xml.newline()
        metadata(into: &xml)
        manifest(into: &xml)
        spine(into: &xml)
        xml.close("package")
        xml.newline()
        return xml.utf8
    }

    private func metadata(into xml: inout MarkupBuilder) {
        xml.open("metadata", [("xmlns:dc", "http://purl.org/dc/elements/1.1/")])
        xml.newline()
        func line(_ name: String, _ attributes: [(String, String?)], _ text: String) {
            xml.append(trusted: "  ")
            xml.element(name, attributes, text: text)
            xml.newline()
        }
        line("dc:identifier", [("id", "pub-id")], book.identifier)
        // An issue's or volume's title is made of the theme's words ("Monitor — Volume 6, Issue 23"), marked
        // with their language where the theme has none in the book's.
        line("dc:title", [("id", "title"), ("xml:lang", book.titleIsWords ? book.words.markedLanguage(in: book.language) : nil)], book.title)
        line("dc:language", [], book.language)
        for creator in book.creators { line("dc:creator", [], creator) }
        for contributor in book.contributors { line("dc:contributor", [], contributor) }
        if let date = book.date { line("dc:date", [], date) }
        if let publisher = settings.publisher, !publisher.isBlank { line("dc:publisher", [], publisher) }
        if let rights = settings.rights, !rights.isBlank { line("dc:rights", [], rights) }
        for subject in book.subjects { line("dc:subject", [], subject) }
        line("meta", [("property", "dcterms:modified")], book.modified)
        line("meta", [("property", "belongs-to-collection"), ("id", "series")], book.seriesName)
        line("meta", [("refines", "#series"), ("property", "collection-type")], "series")
        line("meta", [("refines", "#series"), ("property", "group-position")], String(book.seriesPosition))
        line("meta", [("property", "schema:accessMode")], "textual")
        line("meta", [("property", "schema:accessMode")], "visual")
        line("meta", [("property", "schema:accessModeSufficient")], "textual")
        for feature in ["alternativeText", "readingOrder", "structuralNavigation", "tableOfContents"] {
            line("meta", [("property", "schema:accessibilityFeature")], feature)
        }
        line("meta", [("property", "schema:accessibilityHazard")], "none")
        // What the book offers and needs, stated only where true: text throughout, one image (the cover)
        // with alternative text, navigation by contents, landmarks and headings, no hazards. In the theme's
        // words for the book's language, marked as English where the theme has none in it.
        let words = book.words
        line("meta", [("property", "schema:accessibilitySummary"), ("xml:lang", words.markedLanguage(in: book.language))],
             words.text("accessibilitySummary"))
        if claimsConformance { line("meta", [("property", "dcterms:conformsTo")], "EPUB Accessibility 1.1 - WCAG 2.1 Level AA") }
        // EPUB 2 reading systems find the cover through this.
        xml.append(trusted: "  ")
        xml.void("meta", [("name", "cover"), ("content", "cover-image")])
        xml.newline()
        xml.close("metadata")
        xml.newline()
    }

    private func manifest(into xml: inout MarkupBuilder) {
        xml.open("manifest")
        xml.newline()
        for item in items {
            xml.append(trusted: "  ")
            xml.void("item", [("id", item.id), ("href", item.href), ("media-type", item.mediaType), ("properties", item.properties)])
            xml.newline()
        }
        xml.close("manifest")
        xml.newline()
    }

    /// The spine: every document read in order, the pages turned right to left when the book's language
    /// is written so (reading systems otherwise turn an Arabic or Hebrew book's pages the wrong way).
    private func spine(into xml: inout MarkupBuilder) {
        let rightToLeft = TextDirection.of(book.language) == "rtl"
        xml.open("spine", [("toc", "ncx"), ("page-progression-direction", rightToLeft ? "rtl" : nil)])
        xml.newline()
        for item in items where item.inSpine {
            xml.append(trusted: "  ")
            xml.void("itemref", [("idref", item.id)])
            xml.newline()
        }
        xml.close("spine")
        xml.newline()
    }
}
