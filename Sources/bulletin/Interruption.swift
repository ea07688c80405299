import BulletinKit
import Foundation

/// Ends a build or a conversion interrupted by SIGINT (Ctrl-C), SIGTERM or SIGHUP without leaving its staging
/// folder or temporary file beside the output: they are deleted (``InProgressOutputs/clear()``), and then the
/// process ends by the same signal, so a shell sees the status it expects (130 for Ctrl-C).
///
/// The handler only writes the signal's number to a pipe, which is safe in a signal handler; a thread of
/// its own reads the pipe and does the rest, whichever thread the signal interrupted. A signal the process
/// was started ignoring (as `nohup` ignores SIGHUP, and a shell's background jobs SIGINT) stays ignored.
enum Interruption {
    /// The pipe's ends; made once, before any handler is installed.
    nonisolated(unsafe) private static var pipeEnds: (read: Int32, write: Int32) = (-1, -1)

    static func install() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        pipeEnds = (ends[0], ends[1])
        let readEnd = ends[0]
        let reader = Thread {
            var number: UInt8 = 0
            while true {
                let got = read(readEnd, &number, 1)
                if got == 1 { end(by: Int32(number)) }
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { return }
            }
        }
        reader.start()
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0 else { continue }
            if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                // `write` may set errno, which the interrupted code may be about to read.
                let saved = errno
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(Interruption.pipeEnds.write, &byte, 1)
                errno = saved
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            _ = sigaction(signal, &action, nil)
        }
    }

    /// Clears the build in progress and ends the process by `signal`, as if it had not been handled.
    private static func end(by signal: Int32) {
        InProgressOutputs.clear()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        _ = sigaction(signal, &action, nil)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, signal)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        raise(signal)
        // Not reached: the signal's default action ends the process.
        exit(128 + signal)
    }
}
