import BulletinModel
import Testing

@Suite("Content digests")
struct ContentDigestTests {
    struct Pair: Codable {
        var name: String
        var numbers: [Int]
        var note: String?
    }

    @Test("values that encode differently digest differently, and equal values alike")
    func distinct() {
        let values: [[UInt8]] = [
            ContentDigest.of(["a", "b"]), ContentDigest.of(["ab"]), ContentDigest.of(["a", "b", ""]),
            ContentDigest.of([["a"], ["b"]]), ContentDigest.of([["a", "b"]]), ContentDigest.of([[String]]()),
            ContentDigest.of(Pair(name: "x", numbers: [1, 2], note: nil)), ContentDigest.of(Pair(name: "x", numbers: [1, 2], note: "")),
            ContentDigest.of(Pair(name: "x", numbers: [12], note: nil)), ContentDigest.of(Pair(name: "x1", numbers: [2], note: nil)),
            ContentDigest.of(1), ContentDigest.of(UInt(1)), ContentDigest.of(1.0), ContentDigest.of(true), ContentDigest.of("1"),
        ]
        #expect(Set(values.map(\.hexString)).count == values.count)
        #expect(values.allSatisfy { $0.count == 32 })
        #expect(ContentDigest.of(Pair(name: "x", numbers: [1, 2], note: nil)) == ContentDigest.of(Pair(name: "x", numbers: [1, 2], note: nil)))
    }

    @Test("a digest is the same in every run and on every machine (no random seed)")
    func stable() {
        // Worked out by hand (in Python) from the stream the digest describes: keyed container 0x01; each
        // key 0x04, its UTF-8 length as 8 bytes little-endian and its bytes; a string 0x0A, length, bytes;
        // the array 0x02, each Int through its own single-value container 0x03, then 0x07 and 8 bytes.
        #expect(ContentDigest.of(Pair(name: "Monitor", numbers: [6, 23], note: "é")).hexString
            == "935788e372d46357166d573238260efdbca2b2124b4746de82c409821302292b")
    }

    @Test("a builder's strings, bytes and values are told apart")
    func builder() {
        var a = ContentDigest.Builder(), b = ContentDigest.Builder(), c = ContentDigest.Builder()
        a.add("ab")
        b.add(bytes: Array("ab".utf8))
        c.add("a")
        c.add("b")
        #expect(Set([a.finalize(), b.finalize(), c.finalize()].map(\.hexString)).count == 3)
    }
}
