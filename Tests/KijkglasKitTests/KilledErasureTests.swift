import Foundation
import Ledger
import LedgerStorage
import Testing
import TestSupport

/// `kijkglas erase` killed with SIGKILL at random moments (in the erasure's transaction or in the
/// compaction that follows): the ledger verifies after each kill and the pupil is erased wholly
/// (no vault entry, one `PupilErased`) or not at all (its vault entry, no event).
@Suite("Killed erasures", .serialized)
struct KilledErasureTests {
    @Test("an erase killed at random moments leaves the pupil wholly erased or not at all, and the ledger valid")
    func killedErase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pair = directory.appending("pair")
        #expect(try KijkglasBinary.runTool("kijkglas-bench", ["write-pair", pair, "20000"]).status == 0)
        let ledger = directory.appending("ledger")
        let keyFile = ledger + ".key"
        try TestKey.write(to: keyFile)
        #expect(try KijkglasBinary.run(["ingest", pair + "/old.csv", "--ledger", ledger, "--key", keyFile]).status == 0)
        var random = SystemRandomNumberGenerator()
        var outcomes = (erased: 0, untouched: 0, killed: 0)
        for attempt in 1...6 {
            let pupil = try #require(PGN(pupilNumber: UInt32(attempt)))
            let process = try KijkglasBinary.start([
                "erase", "--pupil", pupil.masked, "--reason", "verzoek", "--even-if-registered", "--ledger", ledger, "--key", keyFile,
            ])
            // An erase of this ledger takes about 50 ms in a debug build, its compaction most of it.
            usleep(UInt32.random(in: 1_000...60_000, using: &random))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                outcomes.killed += 1
            }
            process.waitUntilExit()
            let store = try LedgerStore(directory: ledger)
            #expect(try store.verify().isValid, "attempt \(attempt)")
            let sealed = try store.sealedPupils().contains(pupil)
            var events = 0
            try store.forEachEvent { _, event in
                if case .pupilErased(pupil, _, _) = event { events += 1 }
                return true
            }
            #expect(sealed ? events == 0 : events == 1, "attempt \(attempt): vault entry \(sealed), \(events) PupilErased events")
            if sealed { outcomes.untouched += 1 } else { outcomes.erased += 1 }
        }
        #expect(outcomes.killed > 0, "no erase was still running when killed")
        #expect(try KijkglasBinary.run(["compact", "--ledger", ledger]).status == 0)
        #expect(try KijkglasBinary.run(["verify", "--ledger", ledger, "--key", keyFile]).status == 0)
    }
}
