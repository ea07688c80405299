import BulletinKit
import Foundation
import Synchronization

/// Standard input, output and error, read and written with the system's own calls: everything the command
/// line prints goes through here.
///
/// Foundation's `FileHandle.write` stops the process with a `try!` trap when a write fails (a full disk, a
/// closed pipe), and `print` buffers its text and loses it without a word when the buffer cannot be written
/// at exit. Here a failed write of standard output is an error the command reports (exit 74), and one of
/// standard error, which cannot be reported anywhere, still shows in the exit status.
enum StandardStreams {
    /// Standard output's reader has gone: the pipe it wrote into was closed (EPIPE, which a process that
    /// ignores SIGPIPE sees instead of being ended by it). Not worth a message: the reader wanted no more.
    struct ReaderGone: Error {}

    /// The status of a process whose reader has gone, as a shell reports one that SIGPIPE ended.
    static let readerGoneStatus: Int32 = 128 + SIGPIPE

    /// Whether a write to standard error failed.
    private static let errorFailed = Atomic<Bool>(false)

    /// Writes `text` to standard output.
    static func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Writes `bytes` to standard output: throws ``ReaderGone`` when its reader has gone, and a file-system
    /// error (exit 74) when it cannot be written otherwise.
    static func write(_ bytes: [UInt8]) throws {
        guard writeWhole(bytes, to: STDOUT_FILENO) else {
            if errno == EPIPE { throw ReaderGone() }
            throw BulletinError(code: .fileSystem, message: "cannot write standard output: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `text` to standard error. A failure is remembered for ``exitStatus(_:)``: there is nowhere
    /// left to report it.
    static func writeError(_ text: String) {
        if !writeWhole(Array(text.utf8), to: STDERR_FILENO) { errorFailed.store(true, ordering: .relaxed) }
    }

    /// The next bytes of standard input, at most `count` of them; empty at its end.
    static func read(upTo count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        while true {
            let got = bytes.withUnsafeMutableBytes { Foundation.read(STDIN_FILENO, $0.baseAddress!, count) }
            if got >= 0 { return Array(bytes.prefix(got)) }
            if errno != EINTR { throw BulletinError(code: .fileSystem, message: "<stdin>: cannot be read: \(String(cString: strerror(errno)))") }
        }
    }

    /// The status to end the process with, given the command's `status`: a success becomes 74 when
    /// anything printed through C's buffered streams cannot be written out, or standard error could not be
    /// written, so that no output is lost without the status saying so.
    static func exitStatus(_ status: Int32) -> Int32 {
        // Nothing of ours prints through C's buffers (standard output's among them); a library might.
        if fflush(nil) != 0 {
            let reason = errno
            guard reason != EPIPE else { return status == 0 ? readerGoneStatus : status }
            writeError("error: cannot write standard output: \(String(cString: strerror(reason)))\n")
            return status == 0 ? 74 : status
        }
        return status == 0 && errorFailed.load(ordering: .relaxed) ? 74 : status
    }

    /// Whether all of `bytes` was written to `descriptor`, after as many short or interrupted writes as it
    /// takes; on false, `errno` says why.
    private static func writeWhole(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return false }
                done += written
            }
            return true
        }
    }
}
