import Foundation
import LMDB
import Ledger
import LedgerStorage
import SampleData
import Testing
import TestSupport

@Suite("Stored projections are stamped and rebuilt")
struct ProjectionRebuildTests {
    @Test("a ledger whose projection stamp differs gets its lifecycles rebuilt from the log on a writable open")
    func rebuildOnStampChange() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let history = ScriptedHistory(seed: 9, count: 3)
        var expected: [ReleaseID: ReleaseLifecycle] = [:]
        let figures = [StatedFigure(measure: .growth, day: .literal(2022, 2, 1), schoolType: .vso, category: .high, value: .number(3))]
        let snapshot = Array(history.releases[1].rows.prefix(5))
        do {
            let store = try record(history, in: directory)
            try store.withdraw(ReleaseID(2), on: history.releases[2].published, reason: "ingetrokken")
            _ = try store.record(IncomingRelease(
                scope: Scope(product: "kijkglas-3", swv: "VO9901", period: "2022-02-01"), publishedOn: .literal(2022, 4, 29),
                fileName: "k3.csv", fileSHA256: [UInt8](repeating: 7, count: 32), content: .figures, rows: [], figures: figures,
                isDefinitive: true))
            _ = try store.record(IncomingRelease(
                scope: Scope(product: "kijkglas-1-2", swv: "VO9901", period: "2021-10-01"), publishedOn: .literal(2021, 11, 15),
                fileName: "k12.csv", fileSHA256: [UInt8](repeating: 8, count: 32), content: .snapshot, rows: snapshot))
            expected = try store.lifecycles()
        }
        do {
            let environment = try Environment(directory: directory.path)
            let meta = try environment.database("meta")
            let lifecycles = try environment.database("lifecycles")
            try environment.write { transaction in
                try transaction.put([0, 0, 0, 0, 0, 0, 0, 0], for: Array("projection-stamp".utf8), in: meta)
                try transaction.delete(ReleaseID(2).storageKey, in: lifecycles)
                try transaction.put([1, 2, 3], for: ReleaseID(3).storageKey, in: lifecycles)
            }
        }
        #expect(!(try LedgerStore(directory: directory.path, readOnly: true).verify().isValid))
        let reopened = try LedgerStore(directory: directory.path)
        #expect(try reopened.lifecycles() == expected)
        #expect(try reopened.verify().isValid)
        #expect(try reopened.figures(of: ReleaseID(4)) == figures)
        #expect(try reopened.lifecycles()[ReleaseID(4)]?.definitiveOn == .literal(2022, 4, 29))
        #expect(try reopened.knownState2021().releases.map(\.id) == [ReleaseID(3)])
    }

    @Test("rebuilding the projections on request repairs damaged ones and answers as before")
    func rebuildOnRequest() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let day = Day.literal(2022, 2, 1)
        let (lifecycles, rows, count) = try {
            let store = try record(ScriptedHistory(seed: 10, count: 3), in: directory)
            let rows = try store.knownRows2021()
            return (try store.lifecycles(), Array(rows), PupilCount(rows: rows, on: day))
        }()
        #expect(count.total > 0)
        do {
            let environment = try Environment(directory: directory.path)
            let lifecycleRecords = try environment.database("lifecycles")
            let countingRows = try environment.database("counting-rows")
            try environment.write { transaction in
                try transaction.delete(ReleaseID(2).storageKey, in: lifecycleRecords)
                try transaction.delete(ReleaseID(3).storageKey, in: countingRows)
            }
        }
        let store = try LedgerStore(directory: directory.path)
        #expect(!(try store.verify().isValid), "the stamp is current, so opening rebuilds nothing")
        #expect(throws: LedgerError.self) { try store.knownState2021() }
        #expect(throws: LedgerError.self) { try LedgerStore(directory: directory.path, readOnly: true).rebuildProjections() }
        try store.rebuildProjections()
        #expect(try store.verify().isValid)
        #expect(try store.lifecycles() == lifecycles)
        let known = try store.knownRows2021()
        #expect(Array(known) == rows)
        #expect(PupilCount(rows: known, on: day) == count)
    }
}

@Suite("The scope index is a checked projection")
struct ScopeIndexTests {
    /// Two SWVs' releases over two school years.
    private func recorded(in directory: TemporaryDirectory) throws -> LedgerStore {
        let store = try LedgerStore(directory: directory.path)
        var generator = RegistrationGenerator(seed: 21)
        for (index, (swv, year, published)) in [
            ("VO9901", "2020-2021", Day.literal(2021, 6, 1)), ("VO2508", "2021-2022", .literal(2021, 10, 1)),
            ("VO9901", "2021-2022", .literal(2021, 10, 15)), ("VO2508", "2021-2022", .literal(2021, 11, 15)),
        ].enumerated() {
            _ = try store.record(IncomingRelease(
                scope: Scope(product: "kijkglas-2", swv: swv, period: year), publishedOn: published, fileName: "r\(index).csv",
                fileSHA256: [UInt8](repeating: UInt8(index + 1), count: 32), rows: generator.rows(count: 10)))
        }
        return store
    }

    @Test("an SWV's releases are read through the index; a ledger without it answers alike and a writable open builds it")
    func index() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try recorded(in: directory)
        #expect(try store.scopeSWVs() == ["VO2508", "VO9901"])
        #expect(try LoadedReleases(store: store, swv: "VO2508").releases.map(\.id) == [ReleaseID(2), ReleaseID(4)])
        let answer = try store.knownState(swv: "VO9901", covering: [.literal(2021, 3, 1), .literal(2022, 3, 1)]).schoolYears.map(\.releases)
        #expect(answer.map { $0.map(\.id) } == [[ReleaseID(1)], [ReleaseID(3)]])
        let environment = try Environment(directory: directory.path)
        let meta = try environment.database("meta")
        let index = try environment.database("scope-index")
        // As a ledger made before the index: an older stamp and no entries.
        try environment.write { transaction in
            try transaction.put([0, 0, 0, 5, 0, 0, 0, 1], for: Array("projection-stamp".utf8), in: meta)
            let keys = try transaction.keys(in: index)
            #expect(keys.count == 4)
            for key in keys { _ = try transaction.delete(key, in: index) }
        }
        let older = try LedgerStore(directory: directory.path, readOnly: true)
        #expect(try older.scopeSWVs() == ["VO2508", "VO9901"])
        #expect(try older.knownState(swv: "VO9901", covering: [.literal(2021, 3, 1), .literal(2022, 3, 1)]).schoolYears.map { $0.releases.map(\.id) }
            == [[ReleaseID(1)], [ReleaseID(3)]])
        let reopened = try LedgerStore(directory: directory.path)
        #expect(try reopened.verify().isValid)
        #expect(try environment.read { try $0.entryCount(in: index) } == 4)
    }

    @Test("verify names a scope index that differs from the release records, and reindex repairs it")
    func damaged() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try recorded(in: directory)
        let environment = try Environment(directory: directory.path)
        let index = try environment.database("scope-index")
        try environment.write { transaction in
            let key = try #require(try transaction.withCursor(in: index) { try $0.first() }?.key)
            _ = try transaction.delete(key, in: index)
        }
        let damaged = try LedgerStore(directory: directory.path)
        #expect(try damaged.verify().problems.map(\.description).contains("the scope index differs from the release records; rebuild the projections (reindex)"))
        try damaged.rebuildProjections()
        #expect(try damaged.verify().isValid)
    }
}

@Suite("Packed counting rows are a checked projection")
struct CountingRowProjectionTests {
    /// A ledger of three releases and the counting rows each must have.
    private func recorded(in directory: TemporaryDirectory) throws -> [[CountingRow]] {
        let history = ScriptedHistory(seed: 12, count: 3)
        let store = try record(history, in: directory)
        return try history.releases.map { try store.asStored($0.rows).map(CountingRow.init) }
    }

    /// Runs `change` on the raw environment of the ledger in `directory`.
    private func tamper(_ directory: TemporaryDirectory, _ change: (Transaction, Database, Database) throws -> Void) throws {
        let environment = try Environment(directory: directory.path)
        let meta = try environment.database("meta")
        let countingRows = try environment.database("counting-rows")
        try environment.write { try change($0, meta, countingRows) }
    }

    @Test("verify names a release whose packed counting rows were damaged, and a rebuild repairs them")
    func damaged() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let expected = try recorded(in: directory)
        try tamper(directory) { transaction, _, countingRows in
            var bytes = try #require(try transaction.get(ReleaseID(2).storageKey, in: countingRows))
            bytes[bytes.count - 2] ^= 0x01  // a letter of the last string of its table (a school code)
            try transaction.put(bytes, for: ReleaseID(2).storageKey, in: countingRows)
        }
        let damaged = try LedgerStore(directory: directory.path, readOnly: true)
        let answering = try #require(try damaged.releases().first { $0.id == ReleaseID(2) })
        #expect(Array(try damaged.knownRows2021(at: answering.publishedOn)) != expected[1], "counts read the stored projection")
        let report = try damaged.verify()
        // R2 is named, and so are later releases whose counting rows are edits of R2's keeping its last row.
        let problems = report.problems.map(\.description)
        #expect(problems.first == "release R2: its stored counting rows differ from its rows")
        #expect(problems.allSatisfy { $0.hasSuffix("its stored counting rows differ from its rows") && !$0.hasPrefix("release R1:") })
        try tamper(directory) { transaction, meta, _ in
            try transaction.put([0, 0, 0, 1, 0, 0, 0, 1], for: Array("projection-stamp".utf8), in: meta)
        }
        let rebuilt = try LedgerStore(directory: directory.path)
        #expect(Array(try rebuilt.knownRows2021(at: answering.publishedOn)) == expected[1])
        #expect(try rebuilt.verify().isValid)
    }

    @Test("a ledger made before packed counting rows answers from its rows until a writable open packs them")
    func olderLedger() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let expected = try recorded(in: directory)
        try tamper(directory) { transaction, meta, countingRows in
            for id in 1...3 { try transaction.delete(ReleaseID(UInt32(id)).storageKey, in: countingRows) }
            try transaction.put([0, 0, 0, 1, 0, 0, 0, 1], for: Array("projection-stamp".utf8), in: meta)
        }
        let older = try LedgerStore(directory: directory.path, readOnly: true)
        #expect(Array(try older.knownRows2021()) == expected[2])
        #expect(try older.verify().isValid)
        let reopened = try LedgerStore(directory: directory.path)
        #expect(Array(try reopened.knownRows2021()) == expected[2])
        let environment = try Environment(directory: directory.path, options: .init(readOnly: true))
        let countingRows = try environment.database("counting-rows")
        #expect(try environment.read { try $0.entryCount(in: countingRows) } == 3)
        #expect(try reopened.verify().isValid)
    }
}

/// A new ledger in `directory` holding the releases of `history`, recorded in order.
private func record(_ history: ScriptedHistory, in directory: TemporaryDirectory) throws -> LedgerStore {
    let store = try LedgerStore(directory: directory.path)
    for (index, release) in history.releases.enumerated() {
        var sha = [UInt8](repeating: 0, count: 32)
        sha[0] = UInt8(index)
        _ = try store.record(IncomingRelease(
            scope: Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"), publishedOn: release.published,
            fileName: "r\(index).csv", fileSHA256: sha, rows: release.rows))
    }
    return store
}
