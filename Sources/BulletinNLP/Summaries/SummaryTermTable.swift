// MARK: - SummaryTermTable

/// A small open-addressing hash map from term hashes to counts.
///
/// Term keys are already well-mixed 64-bit FNV hashes, so the table indexes with a
/// multiplicative mix instead of the standard library's seeded SipHash; lookups are the
/// summarizer's inner loop (stop words and document frequencies for every word).
struct SummaryTermTable: Sendable, Hashable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// 0 marks an empty slot, so a (vanishingly unlikely) zero hash is stored as 1.
    @inline(__always)
    private static func key(_ term: UInt64) -> UInt64 { term == 0 ? 1 : term }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The value stored for `term`, or 0.
    @inline(__always)
    func value(for term: UInt64) -> Int32 {
        let k = Self.key(term)
        var i = slot(k)
        while true {
            let stored = keys[i]
            if stored == k { return values[i] }
            if stored == 0 { return 0 }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    func contains(_ term: UInt64) -> Bool { value(for: term) != 0 }

    /// Adds every count of `other` to this table.
    mutating func merge(_ other: SummaryTermTable) {
        for index in other.keys.indices where other.keys[index] != 0 {
            add(other.keys[index], other.values[index])
        }
    }

    /// Adds `amount` to the value stored for `term`.
    mutating func add(_ term: UInt64, _ amount: Int32 = 1) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.key(term)
        let i = probe(k)
        if keys[i] == 0 {
            keys[i] = k
            count += 1
        }
        values[i] += amount // an empty slot's value is 0
    }

    /// The value stored for `term`, after storing `make()` for it when there was none: one search where
    /// a look-up and an ``add(_:_:)`` make two for every new term.
    mutating func value(for term: UInt64, insertingIfAbsent make: () -> Int32) -> Int32 {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.key(term)
        let i = probe(k)
        if keys[i] == 0 {
            keys[i] = k
            values[i] = make()
            count += 1
        }
        return values[i]
    }

    /// The slot holding key `k`, or the empty slot where it goes.
    @inline(__always)
    private func probe(_ k: UInt64) -> Int {
        var i = slot(k)
        while keys[i] != k, keys[i] != 0 { i = (i + 1) & mask }
        return i
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 { add(k, v) }
    }
}
