import ArgumentParser
import BulletinKit
import BulletinModel
import Foundation

extension BulletinCommand {
    struct Tag: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tag",
            abstract: "List the people, organisations, places and other names of one source.",
            discussion: """
            Offsets count Unicode scalars of the article's plain text (blocks separated by blank lines), \
            as the json format writes it; a mention in the title (title: before its offsets, "inTitle": true \
            in JSON) counts them in the title. --jsonl reads {"sentence", "text"} lines from standard input \
            and writes {"sentence", "entities": [{"start_char", "end_char", "type"}]} lines.
            """
        )

        @Argument(help: "The source file, or - for standard input.")
        var source: String?

        @Flag(help: "Print {\"entities\": [{\"text\", \"type\", \"start\", \"end\", \"id\", \"provenance\", \"inTitle\"}]} (provenance: automatic, or editor for the configuration's entity dictionary; inTitle: true for a mention in the title).")
        var json = false

        @Flag(help: "Tag JSON Lines sentences from standard input (the evaluation format).")
        var jsonl = false

        @Option(help: "The project configuration (its entity dictionary applies).")
        var config: String?

        @OptionGroup var common: CommonOptions

        func validate() throws {
            try validateJSONLines(jsonl: jsonl, source: source, json: json)
        }

        func run() async throws {
            Pipeline.prepareTransforms()
            let console = Console(quiet: common.quiet)
            do {
                if jsonl {
                    try Analysis.tagJSONLines(reading: { try StandardStreams.read(upTo: 1 << 20) }, writing: { try StandardStreams.write($0) })
                    return
                }
                guard let source else { throw ValidationError("give a source file, - for standard input, or --jsonl") }
                let article = try await loadOne(source, config: config, console: console)
                let entries = Analysis.entities(in: article)
                if json {
                    try StandardStreams.write(Analysis.json(entries))
                } else {
                    let names = Dictionary(article.metadata.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
                    var lines = ""
                    for entry in entries {
                        let canonical = names[entry.id].map { $0 == entry.text ? "" : "  → \($0)" } ?? ""
                        // A title's mention is marked so: its offsets are into the title.
                        lines += "\(entry.inTitle == true ? "title:" : "")\(entry.start)-\(entry.end)\t\(entry.type.rawValue)\t\(entry.text)\(canonical)\n"
                    }
                    try StandardStreams.write(lines)
                }
            } catch {
                throw console.fail(error)
            }
        }
    }

    struct Summarize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "summarize",
            abstract: "Print the summary and dek of one source, made of its own sentences.",
            discussion: "--jsonl reads {\"id\", \"text\"} lines from standard input and writes {\"id\", \"summary\"} lines."
        )

        @Argument(help: "The source file, or - for standard input.")
        var source: String?

        @Flag(help: "Print {\"text\", \"dek\", \"origin\"} (origin: generated, or source for a Summary: header).")
        var json = false

        @Flag(help: "Summarize JSON Lines articles from standard input (the evaluation format).")
        var jsonl = false

        @Flag(help: "Print the dek alone; with --jsonl, write the dek as the summary.")
        var dek = false

        @Option(help: "The project configuration (its summary settings apply).")
        var config: String?

        @OptionGroup var common: CommonOptions

        func validate() throws {
            try validateJSONLines(jsonl: jsonl, source: source, json: json)
            if dek && json { throw ValidationError("--json prints the dek beside the summary; give --dek or --json, not both") }
        }

        func run() async throws {
            Pipeline.prepareTransforms()
            let console = Console(quiet: common.quiet)
            do {
                if jsonl {
                    let options = try Project.configuration(at: config).summaryOptions
                    try StandardStreams.write(try Analysis.summarizeJSONLines(reading: { try StandardStreams.read(upTo: 1 << 20) },
                                                                              dek: dek, options: options))
                    return
                }
                guard let source else { throw ValidationError("give a source file, - for standard input, or --jsonl") }
                let article = try await loadOne(source, config: config, console: console)
                guard let summary = article.metadata.summary else { return }
                if json {
                    try StandardStreams.write(Analysis.json(summary))
                } else if dek {
                    try StandardStreams.write("\(summary.dek)\n")
                } else {
                    try StandardStreams.write("\(summary.text)\n\nDek: \(summary.dek)\n")
                }
            } catch {
                throw console.fail(error)
            }
        }
    }
}

/// `--jsonl` reads standard input and writes JSON Lines of its own: a source named beside it, or `--json`,
/// would be left unread or unused without a word.
func validateJSONLines(jsonl: Bool, source: String?, json: Bool) throws {
    guard jsonl else { return }
    if let source { throw ValidationError("--jsonl reads standard input; give '\(ControlCharacter.printableLine(source))' without --jsonl, or --jsonl alone") }
    if json { throw ValidationError("--jsonl writes JSON Lines; give --json or --jsonl, not both") }
}

/// Reads, assembles and transforms one source.
func loadOne(_ source: String, config: String?, console: Console) async throws -> Article {
    let file = try SourceInput.read(source)
    let (configuration, warnings) = try Project.readConfiguration(at: config)
    let pipeline = Pipeline(configuration: configuration, concurrency: 1)
    let (archive, diagnostics) = try await pipeline.load([file])
    console.show(warnings + diagnostics)
    guard let article = archive.articles.first else {
        throw BulletinError(code: .invalidSources, message: "\(file.path): no article was read")
    }
    return article
}
