import ArgumentParser
import BulletinKit
import BulletinModel
import BulletinWriters
import Foundation
import Synchronization

/// Renders diagnostics and progress on standard error.
struct Console: Sendable {
    var quiet: Bool

    /// True when standard error is a terminal: only then is a progress line drawn.
    static var isTerminal: Bool { isatty(2) == 1 }

    func progressObserver(timings: Bool = false) -> any BuildObserver {
        ProgressLine(drawsProgress: !quiet && Self.isTerminal, printsTimings: timings)
    }

    func finishProgress() {
        if !quiet && Self.isTerminal { StandardStreams.writeError("\r\u{1B}[K") }
    }

    /// Prints `message`, a line, unless quiet; as every line here, with its control characters and line
    /// breaks replaced (``ControlCharacter/printableLine(_:)``), since it may name a file.
    func info(_ message: String) {
        if !quiet { StandardStreams.writeError(ControlCharacter.printableLine(message) + "\n") }
    }

    /// Prints diagnostics as `path:line:column: severity: message`, the source line and a caret. Text
    /// from a file (a path, a line, a value quoted in a message) is printed with its control characters and
    /// line breaks replaced, so that a file cannot drive the terminal, nor split a diagnostic's line in two.
    func show(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            var text = ControlCharacter.printableLine(diagnostic.summary) + "\n"
            if let (line, caret) = diagnostic.lineExcerpt() {
                let printable = String(ControlCharacter.printableLine(line).map { $0 == "\t" ? " " : $0 })
                text += "    " + printable + "\n"
                text += "    " + String(repeating: " ", count: caret) + "^\n"
            }
            if let fix = diagnostic.fix { text += "    fix: \(ControlCharacter.printableLine(fix))\n" }
            StandardStreams.writeError(text)
        }
    }

    /// Reports `error` and returns the exit code it maps to.
    func fail(_ error: any Error) -> any Error {
        if let exit = error as? ExitCode { return exit }
        if error is StandardStreams.ReaderGone { return ExitCode(StandardStreams.readerGoneStatus) }
        if let failure = error as? WriterError, !failure.diagnostics.isEmpty {
            // A problem in a file the user gave (a theme's template), not in the writer.
            show(failure.diagnostics)
            StandardStreams.writeError("error: \(ControlCharacter.printableLine(String(describing: failure)))\n")
            return ExitCode(1)
        }
        guard let failure = error as? BulletinError else {
            if error is CleanExit || error is ValidationError { return error }
            StandardStreams.writeError("error: \(ControlCharacter.printableLine(String(describing: error)))\n")
            return ExitCode(70)
        }
        show(failure.diagnostics)
        StandardStreams.writeError("error: \(ControlCharacter.printableLine(failure.message))\n")
        switch failure.code {
        case .invalidSources, .invalidConfiguration: return ExitCode(1)
        case .invalidUsage: return ExitCode(64)
        case .fileSystem: return ExitCode(74)
        case .writer: return ExitCode(70)
        }
    }
}

/// A one-line progress display: `[3/5] Transform articles 120/2000`.
final class ProgressLine: BuildObserver {
    private let step = Mutex<String>("")
    /// The parts of the writing step, printed under its line once it is finished.
    private let writingParts = Mutex<[(part: String, seconds: Double)]>([])
    let drawsProgress: Bool
    let printsTimings: Bool

    init(drawsProgress: Bool, printsTimings: Bool) {
        self.drawsProgress = drawsProgress
        self.printsTimings = printsTimings
    }

    func stepStarted(_ number: Int, of count: Int, name: String) {
        let label = "[\(number)/\(count)] \(name)"
        step.withLock { $0 = label }
        if drawsProgress { StandardStreams.writeError("\r\u{1B}[K" + label) }
    }

    func progress(completed: Int, total: Int) {
        guard drawsProgress else { return }
        let label = step.withLock { $0 }
        StandardStreams.writeError("\r\u{1B}[K\(label) \(completed)/\(total)")
    }

    func stepFinished(_ name: String, seconds: Double) {
        guard printsTimings else { return }
        var lines = "timing: \(name): \(Int((seconds * 1000).rounded())) ms\n"
        let parts = writingParts.withLock { parts -> [(part: String, seconds: Double)] in
            let taken = parts
            parts = []
            return taken
        }
        for (part, seconds) in parts { lines += "timing:   \(part): \(Int((seconds * 1000).rounded())) ms of work\n" }
        StandardStreams.writeError((drawsProgress ? "\r\u{1B}[K" : "") + lines)
    }

    func writingTook(_ parts: [(part: String, seconds: Double)]) {
        guard printsTimings else { return }
        writingParts.withLock { $0 = parts }
    }
}
