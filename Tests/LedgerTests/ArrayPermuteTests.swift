@testable import LedgerStorage
import SampleData
import Testing

@Suite("Permuting an array in place")
struct ArrayPermuteTests {
    @Test("permute(takingFrom:) gives what taking each source in turn gives, for random permutations of reference-counted elements")
    func permuteMatchesGather() {
        let seed = SplitMix64.seedFromEnvironment()
        var random = SplitMix64(seed: seed)
        for count in [0, 1, 2, 3, 17, 1_000] {
            for _ in 0..<20 {
                let elements = (0..<count).map { "element \($0) " + String(repeating: "x", count: Int.random(in: 0..<40, using: &random)) }
                var sources = Array(0..<count)
                // A few shapes: identity, one long cycle, many short ones, random.
                switch Int.random(in: 0..<4, using: &random) {
                case 0: break
                case 1: sources = count > 0 ? Array(1..<count) + [0] : []
                case 2: for start in stride(from: 0, to: count - 1, by: 2) { sources.swapAt(start, start + 1) }
                default: sources.shuffle(using: &random)
                }
                var permuted = elements
                permuted.permute(takingFrom: sources)
                #expect(permuted == sources.map { elements[$0] }, "seed \(seed), \(count) elements")
            }
        }
    }
}
