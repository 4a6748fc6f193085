import Foundation
import KijkglasKit
import Ledger
import Testing
import TestSupport

/// Subscribers' digests and cursors, backups, restores, exports and imports through the library,
/// in-process on a real ledger of the demo's releases.
@Suite("LedgerSession subscribers and copies", .serialized)
struct LedgerSessionSubscriberTests {
    @Test("an unknown subscriber is usage naming the known ones; a created one digests the whole log until acknowledged")
    func digests() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        do {
            let reading = try demo.session()
            let unknown = kijkglasFailure { _ = try reading.digest(DigestRequest(subscriber: "mail")) }
            #expect(unknown?.kind == .usage)
            #expect(unknown?.message.terms == [.createSubscriber])
            #expect(unknown?.description.contains("known: none") == true)
            #expect(kijkglasFailure { _ = try reading.digest(DigestRequest(subscriber: "mail", create: true)) }?.kind == .usage)
        }
        do {
            let session = try LedgerSession(directory: demo.path, access: .write)
            let created = try session.digest(DigestRequest(subscriber: "mail", create: true))
            #expect(created.created)
            #expect(created.digest.after == 0)
            #expect(created.digest.through > 0)
            let again = try session.digest(DigestRequest(subscriber: "mail", create: true))
            #expect(!again.created)
            #expect(again.digest.through == created.digest.through)
            try session.acknowledge("mail", through: created.digest.through)
            #expect(try session.digest(DigestRequest(subscriber: "mail")).digest.isEmpty)
            #expect(kijkglasFailure { try session.acknowledge("nobody", through: 1) }?.kind == .badData)
            let known = kijkglasFailure { _ = try session.digest(DigestRequest(subscriber: "other")) }
            #expect(known?.description.contains("known: mail") == true)
        }
    }

    @Test("a backup and an export rebuild the same releases, verified; a directory that holds a ledger is refused")
    func copies() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let session = try demo.session()
        let releases = try session.releases().releases.map(\.id)
        let backup = demo.directory.appending("backup")
        #expect(try session.backup(to: backup).isValid)
        #expect(kijkglasFailure { _ = try session.backup(to: backup) }?.kind == .badData)
        let restored = demo.directory.appending("restored")
        #expect(try LedgerSession.restore(from: backup, to: restored).isValid)
        #expect(kijkglasFailure { _ = try LedgerSession.restore(from: backup, to: restored) }?.kind == .badData)
        #expect(try LedgerSession(directory: restored).releases().releases.map(\.id) == releases)

        let log = demo.directory.appending("log.ndjson")
        #expect(try session.exportLog(to: log) > 0)
        let imported = demo.directory.appending("imported")
        try TestKey.write(to: imported + ".key")
        #expect(try LedgerSession.importLog(from: log, into: imported).isValid)
        #expect(try LedgerSession(directory: imported).releases().releases.map(\.id) == releases)
        #expect(kijkglasFailure { _ = try LedgerSession.importLog(from: demo.directory.appending("none"), into: imported) }?.kind == .badData)
    }

    @Test("the built-in layouts read")
    func layouts() throws {
        #expect(!(try FileReading.builtInLayouts()).isEmpty)
    }
}
