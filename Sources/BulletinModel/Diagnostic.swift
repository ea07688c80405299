/// A position in a source file (1-based line and column, columns counted in characters).
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    /// The file's path as given.
    public var path: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// Creates a location.
    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

/// A problem found in the input, recoverable or not.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Stable dotted id, e.g. `reader.text.missing-volume`.
    public var id: String
    /// Warning or error.
    public var severity: Severity
    /// What is wrong, in one sentence.
    public var message: String
    /// Where, when it can be pinned down.
    public var location: SourceLocation?
    /// The source line the location points into, for the caret display.
    public var sourceLine: String?
    /// How to fix it.
    public var fix: String?

    /// Creates a diagnostic.
    public init(
        id: String, severity: Severity, message: String,
        location: SourceLocation?, sourceLine: String? = nil, fix: String? = nil
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.fix = fix
    }

    /// The part of ``sourceLine`` to show under the summary, at most `width` characters around the
    /// location's column, with "…" where it was cut, and where the caret goes in it (characters before it).
    /// A line of a minified or run-together file can hold megabytes: the caret's neighbourhood is what helps.
    public func lineExcerpt(width: Int = 100) -> (text: String, caret: Int)? {
        guard let line = sourceLine, let location = location else { return nil }
        let characters = Array(line)
        let caret = max(0, location.column - 1)
        guard characters.count > width else { return (line, caret) }
        // The caret in the middle, unless the line's start or end is nearer.
        let start = min(max(0, caret - width / 2), characters.count - width)
        let end = start + width
        let head = start > 0 ? "…" : ""
        let tail = end < characters.count ? "…" : ""
        return (head + String(characters[start..<end]) + tail, caret - start + head.count)
    }

    /// `path:line:column: severity: message`, the form compilers and editors understand.
    public var summary: String {
        let place = location.map { "\($0.path):\($0.line):\($0.column): " } ?? ""
        return "\(place)\(severity.rawValue): \(message)"
    }
}

extension Diagnostic: Comparable {
    /// Orders by location, then id, so reports are stable across thread counts.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let left = lhs.location ?? SourceLocation(path: "", line: 0, column: 0)
        let right = rhs.location ?? SourceLocation(path: "", line: 0, column: 0)
        if left != right { return left < right }
        return (lhs.id, lhs.message) < (rhs.id, rhs.message)
    }
}
