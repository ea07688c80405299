import BulletinModel

/// An unrecoverable failure, with the stage it happened in and the diagnostics behind it.
public struct BulletinError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure; the CLI maps it to an exit status.
    public enum Code: String, Sendable {
        /// The sources have errors.
        case invalidSources
        /// The configuration file cannot be read.
        case invalidConfiguration
        /// A command-line value is wrong.
        case invalidUsage
        /// Reading or writing files failed.
        case fileSystem
        /// A writer failed.
        case writer
    }

    /// The kind.
    public var code: Code
    /// One sentence saying what happened and what to do.
    public var message: String
    /// The diagnostics that made the sources invalid.
    public var diagnostics: [Diagnostic]

    /// Creates an error.
    public init(code: Code, message: String, diagnostics: [Diagnostic] = []) {
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
    }

    public var description: String { message }
}
