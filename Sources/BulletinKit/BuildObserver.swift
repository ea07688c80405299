import BulletinModel
import Synchronization

/// Hears what a build is doing. The library never prints; the CLI renders these.
public protocol BuildObserver: Sendable {
    /// A named step started, e.g. step 3 of 6, "Tag entities".
    func stepStarted(_ number: Int, of count: Int, name: String)
    /// Work inside the current step advanced.
    func progress(completed: Int, total: Int)
    /// A step finished after `seconds` of wall time.
    func stepFinished(_ name: String, seconds: Double)
    /// The step that wrote the outputs took `parts`: each writer's time (by format) and, in a streamed build,
    /// the time spent making issues again from their sources, each summed over the tasks that ran in parallel,
    /// most first. Told before that step's ``stepFinished(_:seconds:)``.
    func writingTook(_ parts: [(part: String, seconds: Double)])
}

extension BuildObserver {
    public func stepFinished(_ name: String, seconds: Double) {}
    public func writingTook(_ parts: [(part: String, seconds: Double)]) {}
}

/// The time each part of the writing step took, summed over its tasks (for ``BuildObserver/writingTook(_:)``).
final class WritingTimes: Sendable {
    private let seconds: Mutex<[String: Double]>
    private let clock = ContinuousClock()

    init() {
        seconds = Mutex([:])
    }

    /// Runs `body`, counting its time to `part`.
    func measure<Result>(_ part: String, _ body: () throws -> Result) rethrows -> Result {
        let start = clock.now
        defer {
            let elapsed = clock.now - start
            let taken = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            seconds.withLock { $0[part, default: 0] += taken }
        }
        return try body()
    }

    /// The parts and their times, most first (ties by name).
    var parts: [(part: String, seconds: Double)] {
        seconds.withLock { $0 }.map { (part: $0.key, seconds: $0.value) }.sorted { ($1.seconds, $0.part) < ($0.seconds, $1.part) }
    }
}

/// Ignores everything.
public struct SilentObserver: BuildObserver {
    /// Creates the observer.
    public init() {}
    public func stepStarted(_ number: Int, of count: Int, name: String) {}
    public func progress(completed: Int, total: Int) {}
}
