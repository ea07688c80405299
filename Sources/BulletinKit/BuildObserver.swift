import BulletinModel

/// Hears what a build is doing. The library never prints; the CLI renders these.
public protocol BuildObserver: Sendable {
    /// A named step started, e.g. step 3 of 6, "Tag entities".
    func stepStarted(_ number: Int, of count: Int, name: String)
    /// Work inside the current step advanced.
    func progress(completed: Int, total: Int)
    /// A step finished after `seconds` of wall time.
    func stepFinished(_ name: String, seconds: Double)
}

extension BuildObserver {
    public func stepFinished(_ name: String, seconds: Double) {}
}

/// Ignores everything.
public struct SilentObserver: BuildObserver {
    /// Creates the observer.
    public init() {}
    public func stepStarted(_ number: Int, of count: Int, name: String) {}
    public func progress(completed: Int, total: Int) {}
}
