/// Word ids by their lowercase UTF-8 bytes, for ``EntityLexicon``.
///
/// Open addressing over one flat byte store: a token's id is found from the paragraph's bytes, lowercasing
/// ASCII letters on the fly, without making a String or running the standard library's seeded hasher.
struct EntityWordTable: Sendable {
    /// Word id plus one in each used slot, 0 in empty ones; the count is a power of two.
    private let slots: [Int32]
    /// The bytes of word `id` are `store[starts[id]..<starts[id + 1]]`.
    private let starts: [Int32]
    private let store: [UInt8]

    /// A table of `words`, each found by its index.
    init(_ words: [String]) {
        var starts: [Int32] = [0]
        var store: [UInt8] = []
        for word in words {
            store.append(contentsOf: word.utf8)
            starts.append(Int32(store.count))
        }
        var capacity = 1
        while capacity < words.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: 0, count: capacity)
        store.withUnsafeBufferPointer { bytes in
            for id in words.indices {
                let word = UnsafeBufferPointer(rebasing: bytes[Int(starts[id])..<Int(starts[id + 1])])
                var slot = Int(EntityWordTable.hash(word, lowercasing: false)) & (capacity - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = Int32(id + 1)
            }
        }
        self.slots = slots
        self.starts = starts
        self.store = store
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
