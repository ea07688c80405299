import ArgumentParser
import BulletinKit

extension BulletinCommand {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print the JSON Schema (draft 2020-12) of the document tree the json format writes."
        )

        func run() throws {
            do {
                try StandardStreams.write(Resources.schema)
            } catch {
                throw Console(quiet: false).fail(error)
            }
        }
    }
}
