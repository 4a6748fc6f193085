import Foundation
import KijkglasKit
import Ledger
import LedgerStorage
import Testing
import TestSupport

/// The library lists, diffs, logs, verifies and changes a real ledger of the demo's releases
/// in-process; a session that reads refuses to change it, and sessions of one directory share
/// its environment.
@Suite("LedgerSession on the ledger itself", .serialized)
struct LedgerSessionLedgerTests {
    @Test("releases lists every release with its lifecycle")
    func releases() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let answer = try demo.session().releases()
        #expect(answer.releases.count == 10)
        #expect(Set(answer.lifecycles.keys) == Set(answer.releases.map(\.id)))
    }

    @Test("a diff of any two releases; an unknown release is a usage failure")
    func diff() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let session = try demo.session()
        let answer = try session.diff(DiffRequest(from: ReleaseID(1), to: ReleaseID(2)))
        #expect(answer.diff.from.id == ReleaseID(1))
        #expect(answer.diff.to.id == ReleaseID(2))
        #expect(!answer.diff.events.isEmpty)
        #expect(try session.diff(DiffRequest(from: ReleaseID(2), to: ReleaseID(2))).diff.events.isEmpty)
        #expect(kijkglasFailure { _ = try session.diff(DiffRequest(from: ReleaseID(1), to: ReleaseID(99))) }?.kind == .usage)
    }

    @Test("the log is filtered by release, kind, pupil and corrections, from a sequence, up to a limit")
    func log() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let session = try demo.session()
        func events(_ request: LogRequest) throws -> [(UInt64, Event)] {
            var events: [(UInt64, Event)] = []
            try session.log(request) { events.append(($0, $1)) }
            return events
        }
        let all = try events(LogRequest())
        #expect(all.map(\.0) == Array(1...UInt64(all.count)))
        #expect(try events(LogRequest(since: 50, limit: 5)).map(\.0) == Array(50...54))
        let ofR5 = try events(LogRequest(release: ReleaseID(5)))
        #expect(!ofR5.isEmpty && ofR5.allSatisfy { $0.1.release == ReleaseID(5) })
        let recorded = try events(LogRequest(kind: .releaseRecorded))
        #expect(recorded.count == 10)
        let corrections = try events(LogRequest(correctionsOnly: true))
        #expect(!corrections.isEmpty)
        for (_, event) in corrections {
            guard case .registration(let registration) = event else {
                Issue.record("a correction that is no registration event")
                continue
            }
            #expect(registration.classification == .correction)
        }
        guard case .registration(let first) = try #require(corrections.first).1 else { return }
        let ofPupil = try events(LogRequest(pupil: first.key.pgn))
        #expect(!ofPupil.isEmpty && ofPupil.allSatisfy { if case .registration(let event) = $0.1 { event.key.pgn == first.key.pgn } else { false } })
    }

    @Test("a session that writes withdraws and marks definitive; one that reads is refused")
    func lifecycle() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let day = try #require(Day(year: 2022, month: 1, day: 1))
        let reading = try demo.session()
        let refused = kijkglasFailure { try reading.withdraw(WithdrawRequest(release: ReleaseID(2), on: day, reason: "x")) }
        #expect(refused?.kind == .usage)
        #expect(refused?.description.contains("opened to read") == true)
        #expect(kijkglasFailure { _ = try reading.reindex() }?.kind == .usage)
        #expect(kijkglasFailure { _ = try LedgerSession(directory: demo.path, access: .write) }?.kind == .usage)
    }

    @Test("withdrawing twice, or before publication, is bad data; an unknown release is usage")
    func withdrawals() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let day = try #require(Day(year: 2022, month: 1, day: 1))
        let early = try #require(Day(year: 2000, month: 1, day: 1))
        let session = try LedgerSession(directory: demo.path, access: .write)
        try session.withdraw(WithdrawRequest(release: ReleaseID(2), on: day, reason: "x"))
        #expect(try session.releases().lifecycles[ReleaseID(2)]?.withdrawn != nil)
        #expect(kijkglasFailure { try session.withdraw(WithdrawRequest(release: ReleaseID(2), on: day, reason: "x")) }?.kind == .badData)
        #expect(kijkglasFailure { try session.withdraw(WithdrawRequest(release: ReleaseID(3), on: early, reason: "x")) }?.kind == .badData)
        #expect(kijkglasFailure { try session.withdraw(WithdrawRequest(release: ReleaseID(99), on: day, reason: "x")) }?.kind == .usage)
        #expect(kijkglasFailure { try session.markDefinitive(DefinitiveRequest(release: ReleaseID(99), on: day)) }?.kind == .usage)
        let reading = try demo.session()
        #expect(try reading.releases().lifecycles[ReleaseID(2)]?.withdrawn != nil)
    }

    @Test("verify passes a sound ledger; reindex rebuilds every release's projections")
    func verifyAndReindex() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let session = try LedgerSession(directory: demo.path, access: .write)
        #expect(try session.verify().isValid)
        #expect(try session.reindex().releases == 10)
        #expect(try session.verify().isValid)
    }

    @Test("a ledger opened to write is created when asked and its key file is there; a session that writes needs one otherwise")
    func creating() throws {
        let demo = try DemoLedger(including: { _ in false })
        defer { demo.directory.remove() }
        let fresh = demo.directory.appending("fresh")
        #expect(kijkglasFailure { _ = try LedgerSession(directory: fresh, access: .write) }?.kind == .storage)
        let keyless = kijkglasFailure { _ = try LedgerSession(directory: fresh, access: .create) }
        #expect(keyless?.kind == .usage)
        #expect(keyless?.message.terms.contains(.keyFile) == true && keyless?.message.terms.contains(.createKey) == true)
        #expect(!FileManager.default.fileExists(atPath: fresh), "no ledger is made without its key")
        try TestKey.write(to: KeyFile.beside(fresh))
        let created = try LedgerSession(directory: fresh, access: .create)
        #expect(try created.releases().releases.isEmpty)
        #expect(LedgerStore.holdsLedger(fresh))
    }
}
