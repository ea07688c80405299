import ArgumentParser
import BulletinKit

/// The `bulletin` command: parses arguments, calls BulletinKit, renders what it reports.
@main
struct BulletinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "Turns news-bulletin sources into EPUBs, a static site, feeds, plain text and JSON.",
        discussion: """
        Exit status: 0 success; 1 invalid sources or configuration; 64 invalid usage; \
        70 a writer failed; 74 a file could not be read or written.
        """,
        version: "\(BulletinInfo.name) \(BulletinInfo.version)",
        subcommands: [Build.self, Convert.self, Check.self, Tag.self, Summarize.self, Schema.self],
        defaultSubcommand: nil
    )
}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing but errors and warnings.")
    var quiet = false
}
