import Foundation
import LMDB
import Ledger
import LedgerStorage
import Testing
import SampleData
import TestSupport

@Suite("Ledger store on a real LMDB environment")
struct LedgerStoreTests {
    private let scope = Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022")

    private func incoming(_ rows: [Registration], published: Day, name: String) -> IncomingRelease {
        IncomingRelease(
            scope: scope, publishedOn: published, fileName: name,
            fileSHA256: Array(name.utf8) + Array(repeating: 0, count: max(0, 32 - name.utf8.count)), rows: rows)
    }

    /// Records one release in a new ledger in `directory` and closes it.
    private func recordOneRelease(in directory: TemporaryDirectory) throws {
        let store = try LedgerStore(directory: directory.path)
        _ = try store.record(history(seed: 9, releases: 1)[0])
    }

    private func history(seed: UInt64, releases: Int) -> [IncomingRelease] {
        var generator = RegistrationGenerator(seed: seed)
        var rows = generator.rows(count: 60)
        var result: [IncomingRelease] = []
        for index in 0..<releases {
            let published = Day(year: 2021, month: 9, day: 15)!.adding(days: 30 * index)
            result.append(incoming(rows, published: published, name: "release-\(index).csv"))
            rows = generator.evolve(rows)
        }
        return result
    }

    @Test("a file that says it is definitive is marked so on its publication, in the same transaction; a second one is refused whole")
    func definitiveFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LedgerStore(directory: directory.path)
        var releases = history(seed: 12, releases: 3)
        releases[1].isDefinitive = true
        releases[2].isDefinitive = true
        _ = try store.record(releases[0])
        guard case .recorded(let definitive, _) = try store.record(releases[1]) else { throw LedgerError.rejected("not recorded") }
        #expect(try store.lifecycles()[definitive.id]?.definitiveOn == releases[1].publishedOn)
        let events = try store.eventCount()
        #expect(throws: LedgerError.self) { try store.record(releases[2]) }
        #expect(try store.eventCount() == events)
        #expect(try store.releases().count == 2)
        #expect(try store.verify().isValid)
    }

    @Test("recorded releases verify, keep their rows, and diff each against its predecessor")
    func recordAndVerify() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let seed = SplitMix64.seedFromEnvironment()
        let releases = history(seed: seed, releases: 5)
        let store = try LedgerStore(directory: directory.path)
        for (index, release) in releases.enumerated() {
            guard case .recorded(let recorded, _) = try store.record(release) else {
                Issue.record("release \(index) was not recorded")
                continue
            }
            #expect(recorded.base == (index == 0 ? nil : ReleaseID(UInt32(index))))
            #expect(try store.rows(of: recorded.id) == store.asStored(release.rows), "seed \(seed)")
        }
        let report = try store.verify()
        #expect(report.isValid, "\(report.problems) seed \(seed)")
        #expect(report.releasesChecked == 5)
        #expect(report.recordsChecked == (try store.eventCount()))
    }

    @Test("each batch is the whole diff against the predecessor's rows, though only rows that differ from it are diffed and stored anew",
          arguments: [3, 4, 5] as [UInt64])
    func batchesAreWholeDiffs(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var generator = RegistrationGenerator(seed: seed)
        var random = SplitMix64(seed: seed)
        let first = generator.rows(count: 300)
        var rows = first
        var previous: (rows: [Registration], published: Day)?
        var expected: [RegistrationEvent] = []
        var expectedNewRows: [UInt32: Int] = [:]
        do {
            let store = try LedgerStore(directory: directory.path)
            for index in 0..<6 {
                let published = Day.literal(2021, 9, 15).adding(days: 30 * index)
                // Rows come in any order within a file; release 4 goes back to release 0's rows.
                let file = incoming(rows.shuffled(using: &random), published: published, name: "release-\(index).csv")
                guard case .recorded(let recorded, _) = try store.record(file) else { throw LedgerError.rejected("not recorded") }
                // As the ledger stores them: pupil numbers, coarse birth dates.
                let stored = try store.asStored(rows)
                let storedBefore = try store.asStored(previous?.rows ?? [])
                expected += RegistrationDiff.changes(
                    from: storedBefore, to: stored, basePublished: previous?.published, published: published
                ).map {
                    RegistrationEvent(release: recorded.id, base: recorded.base, classification: $0.classification, key: $0.key, change: $0.change)
                }
                let unchanged = Set(storedBefore)
                expectedNewRows[recorded.id.value] = stored.filter { !unchanged.contains($0) }.count
                #expect(try store.rows(of: recorded.id) == stored, "seed \(seed)")
                previous = (rows, published)
                rows = index == 3 ? first : generator.evolve(rows)
            }
            var recorded: [RegistrationEvent] = []
            try store.forEachEvent { _, event in
                if case .registration(let registrationEvent) = event { recorded.append(registrationEvent) }
                return true
            }
            #expect(recorded == expected, "seed \(seed)")
            // Verify also compares each release's stored counting rows with packing its rows anew.
            let report = try store.verify()
            #expect(report.isValid, "\(report.problems) seed \(seed)")
        }
        // Each release stored exactly its rows that its predecessor did not hold, keyed by its id.
        let environment = try Environment(directory: directory.path)
        let rowsDatabase = try environment.database("rows")
        let stored = try environment.read { transaction in
            try transaction.withCursor(in: rowsDatabase) { cursor in
                var byOrigin: [UInt32: Int] = [:]
                var entry = try cursor.first()
                while let (key, _) = entry {
                    byOrigin[key.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }, default: 0] += 1
                    entry = try cursor.next()
                }
                return byOrigin
            }
        }
        #expect(stored == expectedNewRows.filter { $0.value > 0 }, "seed \(seed)")
    }

    @Test("a ledger in an older storage format is refused, naming the way on: export and import")
    func olderStorageFormat() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try recordOneRelease(in: directory)
        do {
            let environment = try Environment(directory: directory.path)
            let meta = try environment.database("meta")
            try environment.write { try $0.put([1], for: Array("format".utf8), in: meta) }
        }
        #expect {
            try LedgerStore(directory: directory.path)
        } throws: { error in
            "\(error)".contains("storage format 1") && "\(error)".contains("export its log") && "\(error)".contains("import that export")
        }
    }

    @Test("the same file twice is a no-op that names the first release")
    func idempotent() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LedgerStore(directory: directory.path)
        let release = history(seed: 1, releases: 1)[0]
        _ = try store.record(release)
        let events = try store.eventCount()
        guard case .alreadyRecorded(let existing) = try store.record(release) else {
            Issue.record("second ingest was recorded again")
            return
        }
        #expect(existing.id == ReleaseID(1))
        #expect(try store.eventCount() == events)
        #expect(try store.releases().count == 1)
    }

    @Test("a release loaded late is diffed against the release published before it")
    func baseByPublication() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LedgerStore(directory: directory.path)
        let releases = history(seed: 2, releases: 3)
        _ = try store.record(releases[0])
        _ = try store.record(releases[2])
        guard case .recorded(let late, _) = try store.record(releases[1]) else {
            Issue.record("late release not recorded")
            return
        }
        #expect(late.base == ReleaseID(1))
        #expect(try store.verify().isValid)
    }

    @Test("two rows with one identity are rejected and nothing is written")
    func duplicateIdentity() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LedgerStore(directory: directory.path)
        var generator = RegistrationGenerator(seed: 4)
        let row = generator.row()
        var twin = row
        twin.category = row.category == .high ? .low : .high
        #expect(throws: LedgerError.self) {
            try store.record(incoming([row, twin], published: Day(year: 2021, month: 9, day: 15)!, name: "dup.csv"))
        }
        #expect(try store.releases().isEmpty)
        #expect(try store.eventCount() == 0)
    }

    @Test("one flipped byte in any stored event makes verify name that record", arguments: [1, 2, 7, 40])
    func flippedByte(sequence: UInt64) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let store = try LedgerStore(directory: directory.path)
            for release in history(seed: 8, releases: 2) { _ = try store.record(release) }
            #expect(try store.verify().isValid)
        }
        do {
            let environment = try Environment(directory: directory.path)
            let log = try environment.database("log")
            let key = withUnsafeBytes(of: sequence.bigEndian) { Array($0) }
            try environment.write { transaction in
                var bytes = try #require(try transaction.get(key, in: log))
                bytes[bytes.count - 1] ^= 0x01
                try transaction.put(bytes, for: key, in: log)
            }
        }
        let report = try LedgerStore(directory: directory.path, readOnly: true).verify()
        #expect(!report.isValid)
        #expect(report.firstBadSequence == sequence)
    }

    @Test("a head that does not match the log makes a writable open refuse")
    func quickCheck() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try recordOneRelease(in: directory)
        do {
            let environment = try Environment(directory: directory.path)
            let log = try environment.database("log")
            try environment.write { transaction in
                let last = try #require(try transaction.withCursor(in: log) { try $0.last() })
                try transaction.delete(last.key, in: log)
            }
        }
        #expect(throws: LedgerError.self) { try LedgerStore(directory: directory.path) }
        let report = try LedgerStore(directory: directory.path, readOnly: true).verify()
        #expect(!report.isValid)
    }

    @Test("ledger files are owner-only")
    func ownerOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("ledger")
        _ = try LedgerStore(directory: path)
        for (file, mode) in [("", 0o700), ("/data.mdb", 0o600), ("/lock.mdb", 0o600)] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path + file)
            #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o777 } == mode, "\(file)")
        }
    }
}
