import BulletinModel
import BulletinTestSupport
@testable import BulletinWriters
import Testing

@Suite("XML well-formedness check")
struct XMLCheckTests {
    static func problem(_ text: String) -> XMLCheck.Problem? {
        XMLCheck.problem(in: Array(text.utf8))
    }

    static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"

    @Test("well-formed documents pass", arguments: [
        "<a/>",
        "\u{FEFF}<a/>",
        "<?xml version=\"1.0\"?><a/>",
        "<?xml version='1.0' standalone='yes' ?>\n<a/>\n<!-- after -->\n<?pi data?>\n",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" \"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\"><html/>",
        "<!DOCTYPE a [<!ENTITY nbsp \"&#160;\"> <!-- ] -->]><a>&nbsp;</a>",
        "<a b='\"' c=\"'\" d = \"&amp;&#x41;&#65;\">x &lt; y &gt; z ] ]] > <![CDATA[<&]]></a>",
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\"><body epub:type=\"x\" xml:lang=\"en\"/></html>",
        "<e:a xmlns:e=\"urn:e\"><e:b/></e:a>",
        "<a>東京 \u{1D54F} e\u{301}</a>",
        "<ü-ß.1 ö=\"1\"></ü-ß.1   >",
        "<a xmlns:xml=\"http://www.w3.org/XML/1998/namespace\" xmlns=\"\" xmlns:e=\"urn:x?a=b&amp;c\"/>",
        "<a xmlns:e=\"//host:80/p/a:b\" xmlns:f=\"http://[::1]/%20\" xmlns:g=\"mailto:a@b\"/>",
        // What theme authors write that Bulletin's own templates do not.
        "<?xml-stylesheet href=\"a.css\" type=\"text/css\"?>\n<!DOCTYPE html SYSTEM 'about:legacy-compat'>\n<html/>",
        "<html><style><![CDATA[ a > b { content: \"]]]]><![CDATA[>\" } ]]></style><p title=\"a\n\tb &#x1F600; &#128512;\">x</p></html>",
        "<a xml:space=\"preserve\" xml:lang=\"en\"><svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"><svg:g/></svg:svg><!----><!-- - --></a>",
        "<a>\r\n<b\r\n c = 'd'\r\n/>\r\n</a>",
        "<e:a xmlns:e=\"urn:e\"><b xmlns:e=\"urn:other\"><e:c/></b><e:d/></e:a>",
    ])
    func wellFormed(_ document: String) {
        #expect(Self.problem(document) == nil)
        #expect(XMLWellFormedness.errors(in: Array(document.utf8), includingWarnings: false) == [])
    }

    @Test("each problem is found where it is, and said in words a template's author can act on", arguments: [
        ("<p>\n  <div>\n  </p>", 3, 3, "</p> closes <div>, opened on line 2: close <div> first"),
        ("<p>a&nbsp;b</p>", 1, 5, "&nbsp; is not an entity XML knows"),
        ("<body epub:type=\"x\"/>", 1, 7, "the prefix of the attribute epub:type is not declared"),
        ("<epub:a/>", 1, 2, "the prefix of the element <epub:a> is not declared"),
        ("<a b=\"1\" b=\"2\"/>", 1, 10, "<a> has the attribute b twice"),
        ("<a b=\"1\"c=\"2\"/>", 1, 9, "a space should come before each attribute of <a>"),
        ("<a b=\"x<y\"/>", 1, 8, "'<' in the value of b should be written '&lt;'"),
        ("<a b=1/>", 1, 6, "the value of b should be in quotes"),
        ("<a>x & y</a>", 1, 6, "'&' should start a reference"),
        ("<a>&#0;</a>", 1, 4, "the reference names a character XML does not allow"),
        ("<a>x ]]> y</a>", 1, 6, "']]>' may not appear in text"),
        ("<a><!-- a -- b --></a>", 1, 11, "'--' may appear in a comment only in its closing '-->'"),
        ("<a>\n<b>\n</a>", 3, 1, "</a> closes <b>, opened on line 2"),
        ("<a>\n<b>", 2, 4, "the document ends inside <b>, opened on line 2"),
        ("<a/><b/>", 1, 5, "only comments and processing instructions may follow"),
        ("text", 1, 1, "the document's root element should start here"),
        ("", 1, 1, "the document has no root element"),
        ("<a>\u{1}</a>", 1, 4, "U+0001 is a character XML does not allow"),
        ("<a>\n<?xml version=\"1.0\"?></a>", 2, 1, "the XML declaration may only start the document"),
        ("<?xml version=\"2\"?><a/>", 1, 16, "'2' is not a value version may have"),
        ("<!doctype html><a/>", 1, 1, "'<!DOCTYPE' (in capitals)"),
        ("<!DOCTYPE html<a/>", 1, 15, "the document type declaration should end with '>' here"),
        ("<a:b:c xmlns:a=\"urn:a\"/>", 1, 2, "is not a name namespaces allow"),
        ("<a xml:-lang=\"en\"/>", 1, 4, "xml:-lang is not a name namespaces allow"),
        ("<a xmlns:e=\"\"/>", 1, 13, "xmlns:e declares a prefix with no namespace"),
        ("<a xmlns:e=\"http://a b\"/>", 1, 13, "the namespace name of xmlns:e is not a URI"),
        ("<a xmlns=\"http://a/b#c#d\"/>", 1, 11, "the namespace name of xmlns is not a URI"),
        // libxml2 keeps '&' as '&#38;' in a namespace name, and then finds a second '#'.
        ("<a xmlns=\"http://a/b?c&amp;d#e\"/>", 1, 11, "the namespace name of xmlns is not a URI"),
        ("<a xmlns=\"urn:a&#60;b\"/>", 1, 11, "the namespace name of xmlns is not a URI"),
        ("<a xmlns:xml=\"urn:x\"/>", 1, 15, "the prefix xml is bound to"),
        ("<a xmlns:e:f=\"urn:x\"/>", 1, 4, "xmlns:e:f is not a name namespaces allow"),
        ("<a xmlns:xmlns=\"urn:x\"/>", 1, 4, "the prefix xmlns may not be declared"),
        ("<?e:x data?><a/>", 1, 3, "a processing instruction's target may not hold ':'"),
    ])
    func problems(_ document: String, line: Int, column: Int, message: String) throws {
        let problem = try #require(Self.problem(document))
        #expect(problem.line == line && problem.column == column, "\(problem)")
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(!XMLWellFormedness.errors(in: Array(document.utf8), includingWarnings: false).isEmpty, "libxml2 accepts it")
    }

    @Test("bytes that are not UTF-8 are a problem at their place")
    func notUTF8() throws {
        for bytes: [UInt8] in [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x80]] {
            let problem = try #require(XMLCheck.problem(in: Array("<a>\né".utf8) + bytes + Array("</a>".utf8)))
            #expect(problem.line == 2 && problem.column == 2 && problem.message == "the bytes here are not UTF-8", "\(bytes): \(problem)")
        }
    }

    /// The documents of the fixture books: every kind a book holds (package, navigation, NCX, cover image,
    /// cover, title pages, articles).
    static func bookDocuments() throws -> [(path: String, bytes: [UInt8])] {
        let books = try EPUBWriterTests.books(of: EPUBFixtures.archive)
        var documents: [(String, [UInt8])] = []
        for (name, book) in books.sorted(by: { $0.key < $1.key }) {
            for entry in try EPUBFixtures.entries(of: book) where [".xhtml", ".opf", ".ncx", ".svg", ".xml"].contains(where: entry.path.hasSuffix) {
                documents.append(("\(name)/\(entry.path)", entry.bytes))
            }
        }
        return documents
    }

    /// What damage to a document is made of: the characters markup is made of, names, references and
    /// the openings of its constructs.
    static let pieces: [[UInt8]] = [
        "<", ">", "/", "&", ";", "\"", "'", "=", " ", "\n", ":", "!", "?", "-", "]]>", "--", "<!--", "-->", "<![CDATA[", "<?", "?>",
        "&nbsp;", "&amp;", "&#0;", "&#x41;", "&#xD800;", "</p>", "<p>", "<br/>", "epub:", "xmlns:", "xml", "é", "\u{1}", "\u{FFFE}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3]]

    @Test("agrees with libxml2 on which documents are well-formed (but for the encoding's name): the books' documents and 4,000 damaged copies")
    func agreesWithLibxml2() throws {
        let documents = try Self.bookDocuments()
        try #require(documents.count >= 10)
        var generator = SourceDamage.Generator(state: 20261130)
        var disagreements: [String] = []
        var wellFormed = 0
        for round in 0..<4_000 {
            let (path, original) = documents[round % documents.count]
            var bytes = original
            if round >= documents.count {
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let at = Int.random(in: 0...bytes.count, using: &generator)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: bytes.insert(contentsOf: Self.pieces.randomElement(using: &generator)!, at: at)
                    case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...6, using: &generator)))
                    default:
                        // Damage that falls on markup: a byte next to a '<', '>', '&' or quote.
                        let marks = bytes.indices.filter { [0x3C, 0x3E, 0x26, 0x22].contains(bytes[$0]) }
                        if let mark = marks.randomElement(using: &generator) {
                            bytes.remove(at: max(0, min(bytes.count - 1, mark + Int.random(in: -1...1, using: &generator))))
                        }
                    }
                }
            }
            let ours = XMLCheck.problem(in: bytes)
            let theirs = XMLWellFormedness.errors(in: bytes, name: path, includingWarnings: false)
            if ours == nil { wellFormed += 1 }
            // One difference is meant: libxml2 takes any encoding its converters know by some spelling of the
            // name ("UTF-8--" among them), where the check asks for UTF-8, which the documents are.
            let strictOnEncoding = ours?.message.contains("may have in the XML declaration: the document is UTF-8") == true
            if (ours == nil) != theirs.isEmpty, !(strictOnEncoding && theirs.isEmpty) {
                disagreements.append("round \(round), \(path): ours \(ours.map { "\($0.line):\($0.column) \($0.message)" } ?? "well-formed"); "
                                     + "libxml2 \(theirs.first ?? "well-formed")")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, the first: \(disagreements.prefix(40).joined(separator: "\n"))")
        // The damage must leave some documents well-formed and break the others, or the comparison says little.
        #expect(wellFormed > 200 && wellFormed < 3_000, "\(wellFormed) of 4,000 well-formed")
    }
}
