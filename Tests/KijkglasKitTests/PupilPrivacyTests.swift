import Foundation
import Ingest
import KijkglasKit
import Ledger
import LedgerStorage
import Testing
import TestSupport

/// Pupil identities at rest: what a copy of the ledger directory without its key file holds, and
/// what a session without the key, or with another, can do.
@Suite("Pupil identities sealed at rest", .serialized)
struct PupilPrivacyTests {
    /// Every way the code would store `pgn` if it stored it: nine ASCII digits, the UInt32
    /// little- and big-endian (packed counting rows, keys) and the varint of rows and events.
    static func forms(of pgn: PGN) -> [[UInt8]] {
        var varint: [UInt8] = []
        var value = pgn.value
        repeat {
            varint.append(UInt8(value & 0x7F) | (value >= 0x80 ? 0x80 : 0))
            value >>= 7
        } while value > 0
        return [
            Array(pgn.digits.utf8), withUnsafeBytes(of: pgn.value.littleEndian, Array.init),
            withUnsafeBytes(of: pgn.value.bigEndian, Array.init), varint,
        ]
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var index = haystack.startIndex
        while let found = haystack[index...].firstIndex(of: first), found + needle.count <= haystack.count {
            if haystack[found..<found + needle.count].elementsEqual(needle) { return true }
            index = found + 1
        }
        return false
    }

    @Test("without the key file, no byte of any file in the ledger directory holds a PGN of the files ingested, in any form the code stores")
    func noPGNAtRest() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let reader = try ReleaseFileReader.builtIn()
        let files = try DemoLedger.files()
        let pgns = Set(try files.flatMap { try reader.read(file: $0).rows.map(\.pgn) })
        #expect(pgns.count > 100)
        // The scan finds them where they are: in the files read.
        let sources = try files.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))) }
        #expect(pgns.allSatisfy { pgn in sources.contains { Self.contains($0, Array(pgn.digits.utf8)) } })

        let names = try FileManager.default.contentsOfDirectory(atPath: demo.path)
        #expect(names.contains("data.mdb"))
        var scanned = 0
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: demo.path + "/" + name)))
            scanned += bytes.count
            for pgn in pgns {
                for form in Self.forms(of: pgn) {
                    #expect(!Self.contains(bytes, form), "\(name) holds \(pgn) as \(form)")
                }
            }
        }
        #expect(scanned > 100_000)
    }

    @Test("rows and events hold coarse birth dates only: each is its own coarse form, so no exact birth date is stored outside the vault")
    func coarseBirthDatesOnly() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let store = try LedgerStore(directory: demo.path, readOnly: true)
        let thresholds = try TestKey.ageThresholds()
        var birthDates: [Day] = []
        for release in try store.releases() {
            birthDates += try store.rows(of: release.id).compactMap(\.birthDate)
        }
        try store.forEachEvent { _, event in
            if case .registration(let registration) = event {
                switch registration.change {
                case .opened(let row): birthDates += [row.birthDate].compactMap { $0 }
                case .changed(let fields):
                    birthDates += fields.filter { $0.field == .birthDate }.flatMap { [$0.old, $0.new] }.compactMap { $0.flatMap(Day.init(iso:)) }
                default: break
                }
            }
            return true
        }
        #expect(birthDates.count > 100)
        #expect(birthDates.allSatisfy { thresholds.coarsened($0) == $0 })
        let exact = Set(try DemoLedger.files().flatMap { try ReleaseFileReader.builtIn().read(file: $0).rows.compactMap(\.birthDate) })
        #expect(Set(birthDates).count < exact.count / 4, "a few thresholds stand for many birth dates")
    }

    @Test("with the key answers name pupils by PGN, without it by pupil number; finding a pupil or whole PGNs needs the key")
    func revealing() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let named = try demo.session().diff(DiffRequest(from: ReleaseID(4), to: ReleaseID(5)))
        #expect(named.diff.events.allSatisfy { !$0.key.pgn.isPupilNumber })
        try FileManager.default.moveItem(atPath: demo.path + ".key", toPath: demo.directory.appending("elsewhere.key"))
        let keyless = try LedgerSession(directory: demo.path)
        let numbered = try keyless.diff(DiffRequest(from: ReleaseID(4), to: ReleaseID(5)))
        #expect(numbered.diff.events.count == named.diff.events.count)
        #expect(numbered.diff.events.allSatisfy { $0.key.pgn.isPupilNumber })
        let pupil = try #require(named.diff.events.first?.key.pgn)
        let missing = kijkglasFailure { try keyless.log(LogRequest(pupil: pupil)) { _, _ in } }
        #expect(missing?.kind == .usage && missing?.message.terms.contains(.keyFile) == true)
        #expect(!(missing?.description.contains(pupil.digits) ?? true))
        #expect(kijkglasFailure { try keyless.requireKey() }?.kind == .usage)
        let number = try #require(numbered.diff.events.first?.key.pgn)
        var byNumber = 0
        try keyless.log(LogRequest(pupil: number)) { _, _ in byNumber += 1 }
        #expect(byNumber > 0, "a pupil number finds its events without the key")
        let keyed = try LedgerSession(directory: demo.path, keyFile: KeyFile(demo.directory.appending("elsewhere.key"), ledger: demo.path))
        var found = 0
        try keyed.log(LogRequest(pupil: pupil)) { _, event in
            if case .registration(let registration) = event, registration.key.pgn == pupil { found += 1 }
        }
        #expect(found > 0)
    }

    @Test("another key file is refused: to answer with PGNs, to ingest (nothing written) and to import")
    func wrongKey() throws {
        let demo = try DemoLedger(including: { $0.hasPrefix("kijkglas2-") && $0 < "kijkglas2-VO9901-2021-2022-2022" })
        defer { demo.directory.remove() }
        let other = demo.directory.appending("other.key")
        try KeyFile(other, ledger: demo.path).create()
        let otherFile = KeyFile(other, ledger: demo.path)
        let session = try LedgerSession(directory: demo.path, access: .write, keyFile: otherFile)
        let refused = kijkglasFailure { _ = try session.diff(DiffRequest(from: ReleaseID(1), to: ReleaseID(2))) }
        #expect(refused?.kind == .usage && refused?.description.contains("is not the key of this ledger") == true)
        let events = try LedgerStore(directory: demo.path, readOnly: true).eventCount()
        let later = try DemoLedger.files().filter { $0.contains("kijkglas2-VO9901-2021-2022-2022-02") }
        let batch = try IngestBatch(IngestRequest(files: later), reading: FileReading())
        #expect(kijkglasFailure { try session.ingest(batch) { _, _ in } }?.kind == .usage)
        #expect(try LedgerStore(directory: demo.path, readOnly: true).eventCount() == events)

        let export = demo.directory.appending("log.ndjson")
        _ = try session.exportLog(to: export)
        let wrongImport = kijkglasFailure {
            _ = try LedgerSession.importLog(from: export, into: demo.directory.appending("imported"), keyFile: otherFile)
        }
        #expect(wrongImport?.kind == .usage)
        #expect(!LedgerSession.holdsLedger(demo.directory.appending("imported")))
    }

    @Test("an export holds the vault sealed; imported with the key it answers as the ledger did")
    func exportImport() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let export = demo.directory.appending("log.ndjson")
        _ = try demo.session().exportLog(to: export)
        let text = try String(contentsOfFile: export, encoding: .utf8)
        #expect(text.contains("{\"keyCheck\":") && text.contains("{\"pupil\":1,\"sealed\":"))
        let imported = demo.directory.appending("imported")
        let keyFile = KeyFile(demo.path + ".key", ledger: imported)
        #expect(try LedgerSession.importLog(from: export, into: imported, keyFile: keyFile).isValid)
        let original = try demo.session()
        let copy = try LedgerSession(directory: imported, keyFile: keyFile)
        for (from, to) in [(1, 7), (4, 5)] {
            let request = DiffRequest(from: ReleaseID(UInt32(from)), to: ReleaseID(UInt32(to)))
            #expect(try copy.diff(request).diff.events == original.diff(request).diff.events)
        }
        let growth = GrowthRequest(peildatum: Day(year: 2022, month: 2, day: 1) ?? Day(daysSinceEpoch: 0))
        #expect(try copy.growth(growth).growth.movements == original.growth(growth).growth.movements)
        var logs: [[String]] = [[], []]
        try original.log(LogRequest()) { _, event in logs[0].append("\(event)") }
        try copy.log(LogRequest()) { _, event in logs[1].append("\(event)") }
        #expect(logs[0] == logs[1] && !logs[0].isEmpty)
    }
}
