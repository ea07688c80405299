/// Word ids by their lowercase UTF-8 bytes, for ``EntityLexicon``.
///
/// Open addressing over one flat byte store: a token's id is found from the paragraph's bytes, lowercasing
/// ASCII letters on the fly, and the lexicon's lists are read into it, without making a String or running
/// the standard library's seeded hasher. Ids count up from 0 in the order words are added.
///
/// Each slot holds the first 12 bytes of its word and the word's length beside the id, so a look-up of a
/// word of up to 12 bytes, most tokens, reads one slot and nothing else. The table is larger than the
/// cache, and a slot holding only an id cost three dependent misses a look-up (slot, word start, bytes).
struct EntityWordTable: Sendable {
    /// A word's first 12 bytes (zero beyond its end), its length (up to 255) and its id plus one;
    /// `entry` 0 marks an empty slot.
    private struct Slot {
        var head: UInt64 = 0
        var tail: UInt32 = 0
        var entry: UInt32 = 0

        var id: Int32 { Int32(entry >> 8) - 1 }
        var length: Int { Int(entry & 0xFF) }
    }

    /// A word's first 12 bytes packed little-endian, zero beyond its end: the bytes a slot holds.
    struct Packed: Equatable {
        var head: UInt64 = 0
        var tail: UInt32 = 0
    }

    /// The first 12 bytes of a word (folded) and its hash.
    private struct Key {
        var head: UInt64 = 0
        var tail: UInt32 = 0
        var hash: UInt64
    }

    /// A count that is a power of two.
    private var slots: [Slot]
    /// The bytes of word `id` are `store[starts[id]..<starts[id + 1]]`.
    private var starts: [Int32] = [0]
    private var store: [UInt8] = []

    /// An empty table with room for `expectedCount` words before it grows.
    init(expectedCount: Int) {
        var capacity = 1
        while !Self.hasRoom(for: expectedCount, in: capacity) { capacity <<= 1 }
        slots = [Slot](repeating: Slot(), count: capacity)
        // Room for as many words of eight bytes, about the lists' mean: grown by doubling from empty, the
        // store and the starts were copied some twenty times while the lexicon was read.
        starts.reserveCapacity(expectedCount + 1)
        store.reserveCapacity(expectedCount * 8)
    }

    /// Whether `count` words stay within the table's load limit with `capacity` slots: three quarters.
    /// A look-up past its word's slot reads on in the same cache line, most often, so a fuller table
    /// costs little per probe, while one kept at half full was twice the memory the cache must hold.
    private static func hasRoom(for count: Int, in capacity: Int) -> Bool {
        count * 4 <= capacity * 3
    }

    /// The number of words.
    var count: Int { starts.count - 1 }

    /// The id of the word spelt by `bytes`, added with the next id if it is new.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        // Grown first, so that the slot where the search ends is where a new word goes.
        if !Self.hasRoom(for: count + 1, in: slots.count) { grow() }
        let key = Self.key(bytes, lowercasing: false)
        let (slot, found) = find(bytes, key, lowercasing: false)
        if let found { return (found, false) }
        let id = Int32(count)
        precondition(id < 1 << 24 - 1, "the entity lexicon holds more words than a slot can number")
        store.append(contentsOf: bytes)
        starts.append(Int32(store.count))
        slots[slot] = Slot(head: key.head, tail: key.tail, entry: UInt32(id + 1) << 8 | UInt32(min(bytes.count, 0xFF)))
        return (id, true)
    }

    /// The id of `key`, added with the next id if it is new.
    mutating func insert(_ key: String) -> (id: Int32, isNew: Bool) {
        var key = key
        return key.withUTF8 { insert($0) }
    }

    /// The id of the word spelt by `bytes` (ASCII capitals read as lower case when `lowercasing`), or nil.
    func id(of bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Int32? {
        find(bytes, Self.key(bytes, lowercasing: lowercasing), lowercasing: lowercasing).id
    }

    /// ``id(of:lowercasing:)`` for a caller that has packed the word's first bytes already: `packed` must be
    /// `EntityWordTable.packed(bytes, lowercasing: lowercasing)`. The tokenizer packs a token eight bytes
    /// at a time as it reads its letters, where the table would pack it again byte by byte.
    func id(of bytes: UnsafeBufferPointer<UInt8>, packed: Packed, lowercasing: Bool) -> Int32? {
        find(bytes, Self.key(bytes, packed, lowercasing: lowercasing), lowercasing: lowercasing).id
    }

    /// The slot holding the word `bytes` spell, with its id, or the empty slot where the search ended.
    @inline(__always)
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ key: Key, lowercasing: Bool) -> (slot: Int, id: Int32?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        let length = UInt32(min(bytes.count, 0xFF))
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let entry = slots[slot]
                if entry.entry == 0 { return (slot, nil) }
                if entry.entry & 0xFF == length, entry.head == key.head, entry.tail == key.tail,
                   bytes.count <= 12 || restMatches(bytes, lowercasing, entry.id) {
                    return (slot, entry.id)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The id of `key`, or nil.
    func id(of key: String) -> Int32? {
        var key = key
        return key.withUTF8 { id(of: $0, lowercasing: false) }
    }

    /// The length in bytes of word `id`.
    func byteCount(of id: Int32) -> Int {
        Int(starts[Int(id) + 1] - starts[Int(id)])
    }

    /// The word `id` spelt out.
    func spelling(of id: Int32) -> String {
        String(decoding: store[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])], as: UTF8.self)
    }

    /// Whether the bytes of `bytes` after the first 12 are those of word `id`, which is as long.
    private func restMatches(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercasing: Bool, _ id: Int32) -> Bool {
        let start = Int(starts[Int(id)])
        guard Int(starts[Int(id) + 1]) - start == bytes.count else { return false }
        return store.withUnsafeBufferPointer { store in
            for k in 12..<bytes.count where Self.folded(bytes[k], lowercasing) != store[start + k] { return false }
            return true
        }
    }

    // MARK: - Building

    private mutating func grow() {
        slots = [Slot](repeating: Slot(), count: slots.count * 2)
        for id in 0..<Int32(count) { place(id) }
    }

    private mutating func place(_ id: Int32) {
        let mask = slots.count - 1
        let start = Int(starts[Int(id)]), end = Int(starts[Int(id) + 1])
        let key = store.withUnsafeBufferPointer { store in
            Self.key(UnsafeBufferPointer(rebasing: store[start..<end]), lowercasing: false)
        }
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        while slots[slot].entry != 0 { slot = (slot + 1) & mask }
        slots[slot] = Slot(head: key.head, tail: key.tail, entry: UInt32(id + 1) << 8 | UInt32(min(end - start, 0xFF)))
    }

    // MARK: - Keys

    @inline(__always)
    private static func folded(_ byte: UInt8, _ lowercasing: Bool) -> UInt8 {
        lowercasing && byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
    }

    /// The (folded) first 12 bytes of `bytes` packed little-endian, zero beyond its end.
    ///
    /// Copied in at most two moves and folded eight lanes at a time: packed byte by byte, a word of
    /// twelve took some hundred instructions, a good half of an insert's.
    @inline(__always)
    static func packed(_ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Packed {
        var head: UInt64 = 0
        var tail: UInt32 = 0
        guard let base = bytes.baseAddress else { return Packed() }
        let n = bytes.count
        withUnsafeMutableBytes(of: &head) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base, count: min(n, 8))) }
        if n > 8 {
            withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + 8, count: min(n - 8, 4))) }
        }
        head = UInt64(littleEndian: head)
        tail = UInt32(littleEndian: tail)
        guard lowercasing else { return Packed(head: head, tail: tail) }
        return Packed(head: ByteLanes.lowercased(head), tail: UInt32(truncatingIfNeeded: ByteLanes.lowercased(UInt64(tail))))
    }

    @inline(__always)
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Key {
        key(bytes, packed(bytes, lowercasing: lowercasing), lowercasing: lowercasing)
    }

    /// The packed first 12 bytes and a hash of all the bytes: the packed words mixed with a multiply, then
    /// FNV-1a over any bytes past 12, finished with a multiply so the low bits index well.
    @inline(__always)
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ packed: Packed, lowercasing: Bool) -> Key {
        let n = bytes.count
        var h = (packed.head ^ UInt64(n)) &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ (h >> 32) ^ UInt64(packed.tail)) &* 0xBF58_476D_1CE4_E5B9
        if n > 12 {
            for k in 12..<n { h = (h ^ UInt64(folded(bytes[k], lowercasing))) &* 0x100_0000_01B3 }
        }
        return Key(head: packed.head, tail: packed.tail, hash: ((h ^ (h >> 29)) &* 0x94D0_49BB_1331_11EB) >> 32)
    }
}
