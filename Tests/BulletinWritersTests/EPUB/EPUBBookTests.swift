@testable import BulletinWriters
import Testing

@Suite("EPUB book metadata")
struct EPUBBookTests {
    @Test("the most mentioned entities are the first of all of them sorted, for any counts, names and ties")
    func mostMentioned() {
        var seed: UInt64 = 11
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        for round in 0..<2_000 {
            // Few names and counts, so equal counts, equal names and equal pairs all come up.
            let totals = (0..<next(40)).map { _ in (name: "entity \(next(12))", count: next(round % 2 == 0 ? 4 : 50)) }
            let limit = next(12)
            let sorted = totals.sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }.prefix(limit)
            let picked = EPUBBook.mostMentioned(totals, limit: limit)
            #expect(picked.map(\.name) == sorted.map(\.name) && picked.map(\.count) == sorted.map(\.count), "round \(round)")
        }
    }
}
