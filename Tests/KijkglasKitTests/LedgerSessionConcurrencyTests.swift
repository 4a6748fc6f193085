import Foundation
import KijkglasKit
import Ledger
import Testing
import TestSupport

/// One session shared by many concurrent tasks, as a server shares it: reads run side by side and
/// see a whole write or none of it; writes are serialised.
@Suite("LedgerSession shared by concurrent tasks", .serialized)
struct LedgerSessionConcurrencyTests {
    @Test("readers running beside writers get the answers a lone reader gets, and every write lands")
    func readersBesideWriters() async throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let session = try LedgerSession(directory: demo.path, access: .write)
        let on = try #require(Day(year: 2021, month: 10, day: 1))
        let releases = try session.releases().releases
        let last = try #require(releases.max { $0.publishedOn < $1.publishedOn })
        let before = last.publishedOn.adding(days: -1)
        func count() throws -> Int {
            guard case .oneSWV(let count, _) = try session.count(CountRequest(on: on, knownAt: before)) else { return -1 }
            return count.total
        }
        let expected = try count()
        let subscribers = 24

        let counted = try await withThrowingTaskGroup(of: [Int].self) { group in
            for reader in 0..<8 {
                group.addTask {
                    try (0..<25).map { round in
                        if (reader + round).isMultiple(of: 5) { _ = try session.releases() }
                        return try count()
                    }
                }
            }
            for index in 0..<subscribers {
                group.addTask {
                    let name = "web\(index)"
                    let digest = try session.digest(DigestRequest(subscriber: name, create: true)).digest
                    try session.acknowledge(name, through: digest.through)
                    return []
                }
            }
            group.addTask {
                try session.withdraw(WithdrawRequest(release: last.id, on: last.publishedOn, reason: "ingetrokken"))
                return []
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(counted.count == 8 * 25)
        #expect(counted.allSatisfy { $0 == expected })
        let through = try session.digest(DigestRequest(subscriber: "web0")).digest.through
        for index in 0..<subscribers {
            let digest = try session.digest(DigestRequest(subscriber: "web\(index)")).digest
            #expect(digest.after > 0, "web\(index)")
            #expect(digest.through == through, "web\(index)")
        }
        #expect(try session.releases().lifecycles[last.id]?.withdrawn != nil)
    }
}
