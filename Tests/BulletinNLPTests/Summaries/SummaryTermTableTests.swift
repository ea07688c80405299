import Testing
@testable import BulletinNLP

@Suite("Summary term table")
struct SummaryTermTableTests {
    @Test("counts and numbers terms as a dictionary does, through its growth")
    func matchesDictionary() {
        var table = SummaryTermTable(minimumCapacity: 4)
        var numbers = SummaryTermTable(minimumCapacity: 4)
        var counts: [UInt64: Int32] = [:]
        var order: [UInt64] = []
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // Few distinct terms, so most are seen again; 0 and 1 share a slot by design and are left out.
            let term = (state >> 54) + 2
            table.add(term, 2)
            counts[term, default: 0] += 2
            let number = numbers.value(for: term, insertingIfAbsent: {
                order.append(term)
                return Int32(order.count)
            })
            #expect(order[Int(number) - 1] == term)
        }
        #expect(table.count == counts.count && numbers.count == order.count && order.count == counts.count)
        #expect(counts.allSatisfy { table.value(for: $0.key) == $0.value })
        #expect(table.value(for: 1) == 0)
    }
}
