/// Word ids by their lowercase UTF-8 bytes, for ``EntityLexicon``.
///
/// Open addressing over one flat byte store: a token's id is found from the paragraph's bytes, lowercasing
/// ASCII letters on the fly, and the lexicon's lists are read into it, without making a String or running
/// the standard library's seeded hasher. Ids count up from 0 in the order words are added.
struct EntityWordTable: Sendable {
    /// Word id plus one in each used slot, 0 in empty ones; the count is a power of two.
    private var slots: [Int32]
    /// The bytes of word `id` are `store[starts[id]..<starts[id + 1]]`.
    private var starts: [Int32] = [0]
    private var store: [UInt8] = []

    /// An empty table with room for `expectedCount` words before it grows.
    init(expectedCount: Int) {
        var capacity = 1
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = [Int32](repeating: 0, count: capacity)
    }

    /// The number of words.
    var count: Int { starts.count - 1 }

    /// The id of the word spelt by `bytes`, added with the next id if it is new.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        if let id = id(of: bytes, lowercasing: false) { return (id, false) }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        store.append(contentsOf: bytes)
        starts.append(Int32(store.count))
        place(id)
        return (id, true)
    }

    /// The id of `key`, added with the next id if it is new.
    mutating func insert(_ key: String) -> (id: Int32, isNew: Bool) {
        var key = key
        return key.withUTF8 { insert($0) }
    }

    /// The id of the word spelt by `bytes` (ASCII capitals read as lower case when `lowercasing`), or nil.
    func id(of bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(EntityWordTable.hash(bytes, lowercasing: lowercasing)) & mask
        return slots.withUnsafeBufferPointer { slots in
            store.withUnsafeBufferPointer { store in
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return nil }
                    let start = Int(starts[Int(entry) - 1])
                    let end = Int(starts[Int(entry)])
                    if end - start == bytes.count {
                        var same = true
                        for k in 0..<bytes.count where EntityWordTable.folded(bytes[k], lowercasing) != store[start + k] {
                            same = false
                            break
                        }
                        if same { return entry - 1 }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The id of `key`, or nil.
    func id(of key: String) -> Int32? {
        var key = key
        return key.withUTF8 { id(of: $0, lowercasing: false) }
    }

    // MARK: - Building

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for id in 0..<Int32(count) { place(id) }
    }

    private mutating func place(_ id: Int32) {
        let mask = slots.count - 1
        let start = Int(starts[Int(id)]), end = Int(starts[Int(id) + 1])
        var slot = store.withUnsafeBufferPointer { store in
            Int(EntityWordTable.hash(UnsafeBufferPointer(rebasing: store[start..<end]), lowercasing: false)) & mask
        }
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = id + 1
    }

    // MARK: - Hashing

    @inline(__always)
    private static func folded(_ byte: UInt8, _ lowercasing: Bool) -> UInt8 {
        lowercasing && byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
    }

    /// FNV-1a over the (folded) bytes, finished with a multiply so the low bits index well.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(folded(byte, lowercasing))) &* 0x100_0000_01b3 }
        return ((h ^ (h >> 29)) &* 0xbf58_476d_1ce4_e5b9) >> 32
    }
}
