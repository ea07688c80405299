import BulletinModel
import BulletinNLP
import BulletinTransforms
import BulletinWriters
import Foundation

/// What `bulletin tag` and `bulletin summarize` report, and their JSON Lines modes for evaluation.
public enum Analysis {
    /// One entity mention with offsets in Unicode scalars of the article's plain text, or of its title.
    public struct EntityEntry: Codable, Sendable, Hashable {
        public var text: String
        public var type: EntityType
        public var start: Int
        public var end: Int
        public var id: String
        public var provenance: Provenance
        /// True for a mention in the article's given title, whose offsets are into the title; nil in the body.
        public var inTitle: Bool?
    }

    /// Every entity mention of `article`: its title's first, offsets into the title, then its body's, offsets
    /// into ``Article/plainText`` (blocks separated by blank lines).
    public static func entities(in article: Article) -> [EntityEntry] {
        var entries: [EntityEntry] = []
        for (mention, range) in (article.metadata.titleContent ?? []).entityMentions {
            entries.append(EntityEntry(text: mention.text, type: mention.type, start: range.lowerBound, end: range.upperBound,
                                       id: mention.entityID, provenance: mention.provenance, inTitle: true))
        }
        var offset = 0
        func walk(_ inlines: [Inline]) {
            for (mention, range) in inlines.entityMentions {
                entries.append(EntityEntry(text: mention.text, type: mention.type, start: offset + range.lowerBound,
                                           end: offset + range.upperBound, id: mention.entityID, provenance: mention.provenance))
            }
            offset += inlines.plainText.unicodeScalars.count
        }
        func walk(_ block: Block) {
            switch block {
            case .paragraph(let content, _), .heading(_, let content): walk(content)
            case .blockQuote(let blocks): walk(blocks)
            case .list(_, let items):
                for (index, item) in items.enumerated() {
                    if index > 0 { offset += 2 }
                    walk(item)
                }
            case .rule: break
            }
        }
        func walk(_ blocks: [Block]) {
            for (index, block) in blocks.enumerated() {
                if index > 0 { offset += 2 }
                walk(block)
            }
        }
        let visible = article.blocks.filter { !$0.plainText.isEmpty }
        walk(visible)
        return entries
    }

    // MARK: - JSON documents

    /// What `bulletin tag --json` prints: `{"entities": [{"end", "id", "inTitle", "provenance", "start", "text", "type"}]}`
    /// (`inTitle` only for a mention in the title, true), keys sorted and indented as `convert --to json` indents the document tree, with a final newline.
    public static func json(_ entries: [EntityEntry]) -> [UInt8] {
        var json = JSONTreeSerializer(pretty: true)
        json.object { json in
            json.key("entities"); json.array(entries) { json, entry in
                json.object { json in
                    json.member("end", entry.end)
                    json.member("id", entry.id)
                    if entry.inTitle == true { json.member("inTitle", true) }
                    json.member("provenance", entry.provenance.rawValue)
                    json.member("start", entry.start)
                    json.member("text", entry.text)
                    json.member("type", entry.type.rawValue)
                }
            }
        }
        json.newline()
        return json.takeBytes()
    }

    /// What `bulletin summarize --json` prints: `{"dek", "origin", "text"}`, as the document tree holds the
    /// summary, indented as `convert --to json` indents, with a final newline.
    public static func json(_ summary: ArticleSummary) -> [UInt8] {
        var json = JSONTreeSerializer(pretty: true)
        json.write(summary)
        json.newline()
        return json.takeBytes()
    }

    // MARK: - JSON Lines for the evaluation scripts

    private struct SentenceInput: Decodable {
        var sentence: Int
        var text: String
    }

    /// `{"sentence", "text"}` lines in, `{"sentence", "entities": [{"start_char", "end_char", "type"}]}` lines out.
    ///
    /// Consecutive sentences are tagged together as one document, so a name typed once keeps its type; a new
    /// document starts at the headline before each wire dateline (`LONDON 1996-08-30`).
    public static func tagJSONLines(_ input: Data) throws -> Data {
        var output: [UInt8] = []
        var input: [UInt8]? = Array(input)
        try tagJSONLines(reading: { input.take() ?? [] }, writing: { output += $0 })
        return Data(output)
    }

    /// ``tagJSONLines(_:)`` as a stream: `read` hands over the next bytes of input (empty at its end) and
    /// `write` takes each document's lines as soon as they are tagged. One document is held at a time,
    /// so memory does not grow with the input.
    /// A line longer than `lineLimit` bytes (an article's ``SourceFile/sizeLimit``) is an error.
    public static func tagJSONLines(reading read: () throws -> [UInt8], lineLimit: Int = SourceFile.sizeLimit,
                                    writing write: ([UInt8]) throws -> Void) throws {
        let tagger = EntityTagger()
        let decoder = JSONDecoder()
        var document: [SentenceInput] = []
        // The last sentence read: whether it opens the next document is known only from the one after it.
        var pending: (sentence: SentenceInput, isDateline: Bool)?

        func flush() throws {
            guard !document.isEmpty else { return }
            let spans = tagger.tag(paragraphs: document.map(\.text))
            // Compact, as every JSON Lines output of Bulletin is; members in the order the format names them.
            var json = JSONTreeSerializer(pretty: false)
            for (sentence, list) in zip(document, spans) {
                json.object { json in
                    json.member("sentence", sentence.sentence)
                    json.key("entities"); json.array(list) { json, span in
                        json.object { json in
                            json.member("start_char", span.start)
                            json.member("end_char", span.end)
                            json.member("type", span.kind.rawValue)
                        }
                    }
                }
                json.newline()
            }
            try write(json.takeBytes())
            document.removeAll(keepingCapacity: true)
        }
        func accept(_ line: ArraySlice<UInt8>, number: Int) throws {
            guard !isBlank(line) else { return }
            let sentence: SentenceInput
            do {
                sentence = try decoder.decode(SentenceInput.self, from: Data(line))
            } catch {
                throw BulletinError(code: .invalidSources, message: "<stdin>:\(number): expected {\"sentence\": n, \"text\": \"…\"}")
            }
            let isDateline = Self.isDateline(sentence.text)
            if let previous = pending {
                // The headline before a dateline (a sentence that is not one itself) opens a new document.
                if isDateline, !previous.isDateline { try flush() }
                document.append(previous.sentence)
            }
            pending = (sentence, isDateline)
        }

        try forEachLine(reading: read, lineLimit: lineLimit, accept)
        if let last = pending { document.append(last.sentence) }
        try flush()
    }

    /// Hands `accept` each line of the input `read` hands over in chunks (empty at its end), without its line
    /// feed, with its 1-based number. A line longer than `lineLimit` bytes is an error at its number, found
    /// once that much of it is read, so that input without a line feed (`/dev/zero`) ends rather than
    /// filling memory.
    static func forEachLine(reading read: () throws -> [UInt8], lineLimit: Int,
                            _ accept: (ArraySlice<UInt8>, Int) throws -> Void) throws {
        var buffer: [UInt8] = []
        var lineNumber = 0
        while true {
            let chunk = try read()
            if chunk.isEmpty { break }
            // Only the new bytes are searched for a line feed: a long line is not searched again and again.
            var searchFrom = buffer.count
            buffer += chunk
            var start = buffer.startIndex
            while let end = buffer[max(start, searchFrom)...].firstIndex(of: 0x0A) {
                lineNumber += 1
                try accept(buffer[start..<end], lineNumber)
                start = end + 1
                searchFrom = start
            }
            buffer.removeFirst(start)
            if buffer.count > lineLimit {
                throw BulletinError(code: .invalidSources,
                                    message: "<stdin>:\(lineNumber + 1): the line holds more than \(SourceReadFailure.size(lineLimit)), the most one line may hold")
            }
        }
        if !buffer.isEmpty { try accept(buffer[...], lineNumber + 1) }
    }

    /// Whether a line of JSON Lines input holds nothing but spaces (and the CR of a CR LF line end): it is skipped.
    static func isBlank(_ line: some Collection<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x0D }
    }

    /// "LONDON 1996-08-30".
    static func isDateline(_ text: String) -> Bool {
        // It runs on every input sentence, and most are long: count words by scalars and give up at the ninth
        // before splitting into Characters. A space is a Character of its own, as the split needs, beside a
        // scalar that stands alone; the count stops short of any other scalar beside a space.
        var words = 0
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar == " " {
                if !previous.standsAlone { break }
            } else if previous == " " {
                if !scalar.standsAlone { break }
                words += 1
                if words > 8 { return false }
            }
            previous = scalar
        }
        let parts = text.split(separator: " ")
        guard parts.count >= 2, parts.count <= 8, let last = parts.last, last.utf8.count == 10 else { return false }
        let bytes = Array(last.utf8)
        return bytes[4] == 0x2D && bytes[7] == 0x2D && bytes[0] >= 0x30 && bytes[0] <= 0x39
    }

    /// An article's `id` as the input gave it: a string or a whole number, echoed back as the same JSON type
    /// so that the scorer, which matches ids by value, finds it.
    enum ArticleID: Decodable, Hashable, Sendable {
        case string(String)
        case number(Int)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                self = .string(string)
            } else {
                self = .number(try container.decode(Int.self))
            }
        }
    }

    private struct ArticleInput: Decodable {
        var id: ArticleID
        var text: String
    }

    /// `{"id", "text"}` lines in, `{"id", "summary"}` lines out (the dek instead when `dek` is true).
    /// Term statistics are gathered from all the input first, as a build gathers them from the archive.
    public static func summarizeJSONLines(_ input: Data, dek: Bool, options: SummaryOptions) throws -> Data {
        var input: [UInt8]? = Array(input)
        return Data(try summarizeJSONLines(reading: { input.take() ?? [] }, dek: dek, options: options))
    }

    /// ``summarizeJSONLines(_:dek:options:)`` reading its input in chunks from `read` (empty at its end): the
    /// articles are held, as their term statistics need all of them, but a line longer than `lineLimit` bytes
    /// is an error, so that input without a line feed ends.
    public static func summarizeJSONLines(reading read: () throws -> [UInt8], lineLimit: Int = SourceFile.sizeLimit,
                                          dek: Bool, options: SummaryOptions) throws -> [UInt8] {
        var articles: [ArticleInput] = []
        let decoder = JSONDecoder()
        try forEachLine(reading: read, lineLimit: lineLimit) { line, number in
            guard !isBlank(line) else { return }
            do {
                articles.append(try decoder.decode(ArticleInput.self, from: Data(line)))
            } catch {
                throw BulletinError(code: .invalidSources, message: "<stdin>:\(number): expected {\"id\": …, \"text\": \"…\"}")
            }
        }
        var statistics = TermStatistics()
        for article in articles { statistics.addDocument(article.text) }
        let summarizer = Summarizer(options: options, statistics: statistics)
        var json = JSONTreeSerializer(pretty: false)
        for article in articles {
            let summary = summarizer.summarize(text: article.text)
            json.object { json in
                switch article.id {
                case .string(let id): json.member("id", id)
                case .number(let id): json.member("id", id)
                }
                json.member("summary", dek ? summary.dek : summary.text)
            }
            json.newline()
        }
        return json.takeBytes()
    }
}
