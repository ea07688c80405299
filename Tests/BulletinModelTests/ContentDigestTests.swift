import BulletinModel
import Testing

@Suite("Content digests")
struct ContentDigestTests {
    func digest(_ build: (inout ContentDigest) -> Void) -> String {
        var digest = ContentDigest()
        build(&digest)
        return digest.finalize().hexString
    }

    @Test("strings, numbers and bytes are told apart, however they are split")
    func distinct() {
        let digests = [
            digest { $0.add("ab") }, digest { $0.add("a"); $0.add("b") }, digest { $0.add(bytes: Array("ab".utf8)) },
            digest { $0.add("a"); $0.add(""); $0.add("b") }, digest { $0.add(1) }, digest { $0.add("1") },
            digest { $0.add(bytes: []) }, digest { _ in },
        ]
        #expect(Set(digests).count == digests.count)
        #expect(digest { $0.add("ab"); $0.add(2) } == digest { $0.add("ab"); $0.add(2) })
    }

    @Test("a digest is the same in every run and on every machine (no random seed)")
    func stable() {
        // Worked out by hand (in Python) from the stream: tag 1, the UTF-8 length as 8 bytes little-endian and
        // the bytes for a string; tag 2 and 8 bytes for a number; tag 3, length and bytes for bytes.
        #expect(digest { $0.add("Monitor é"); $0.add(23); $0.add(bytes: [1, 2]) }
            == "426c32d1b41fb205c1d22243d7c14923b0635ae1b279e77c5135aa9081e67bf0")
    }
}
