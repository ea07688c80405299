/// A SHA-256 over strings, numbers and bytes fed in turn, each after a tag byte (and strings and bytes
/// after their length), so that no two different sequences of them give the same stream: what a build's
/// output keys are made of. Stable from run to run and machine to machine (no random seed, unlike `Hasher`).
///
/// Values with many fields are digested as their deterministic JSON (or, for an issue, the JSON walk's
/// digest form) and added as bytes, so that no field has to be listed here again.
public struct ContentDigest {
    private var hasher = SHA256()

    /// Starts an empty digest.
    public init() {}

    /// Adds a string.
    public mutating func add(_ text: String) {
        add(tag: 1, count: text.utf8.count)
        hasher.update(text.utf8)
    }

    /// Adds a number.
    public mutating func add(_ number: Int) {
        add(tag: 2, count: number)
    }

    /// Adds bytes.
    public mutating func add(bytes: [UInt8]) {
        add(tag: 3, count: bytes.count)
        hasher.update(bytes)
    }

    private mutating func add(tag: UInt8, count: Int) {
        var header: [UInt8] = [tag]
        withUnsafeBytes(of: UInt64(bitPattern: Int64(count)).littleEndian) { header.append(contentsOf: $0) }
        hasher.update(header)
    }

    /// The digest of everything added.
    public func finalize() -> [UInt8] {
        var copy = hasher
        return copy.finalize()
    }
}
