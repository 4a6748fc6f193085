import Ledger
import LedgerStorage
import SampleData
import Testing
import TestSupport

@Suite("Release lifecycle: late releases, withdrawals, definitive")
struct ReleaseLifecycleTests {
    private let scope = Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022")

    /// A series of releases of one scope, published a month apart, with unique file hashes.
    private func series(seed: UInt64, count: Int) -> [IncomingRelease] {
        var generator = RegistrationGenerator(seed: seed)
        var rows = generator.rows(count: 40)
        return (0..<count).map { index in
            defer { rows = generator.evolve(rows) }
            var sha = [UInt8](repeating: 0, count: 32)
            sha[0] = UInt8(index)
            sha[31] = UInt8(truncatingIfNeeded: seed)
            return IncomingRelease(
                scope: scope, publishedOn: Day(year: 2021, month: 9, day: 15)!.adding(days: 31 * index),
                fileName: "r\(index).csv", fileSHA256: sha, rows: rows)
        }
    }

    private func withStore<T>(_ body: (LedgerStore) throws -> T) throws -> T {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        return try body(try LedgerStore(directory: directory.path))
    }

    private func recordedID(_ outcome: RecordOutcome) throws -> ReleaseID {
        guard case .recorded(let release, _) = outcome else { throw LedgerError.rejected("not recorded") }
        return release.id
    }

    @Test("a release loaded late is slotted in by publication date: its successor gets a new batch and the old one is superseded")
    func lateRelease() throws {
        let releases = series(seed: 17, count: 3)
        try withStore { store in
            let first = try recordedID(try store.record(releases[0]))
            let third = try recordedID(try store.record(releases[2]))
            let second = try recordedID(try store.record(releases[1]))
            let lifecycles = try store.lifecycles()
            #expect(lifecycles[third]?.currentBase == second)
            #expect(lifecycles[second]?.currentBase == first)
            #expect(lifecycles[first]?.supersededBy?.release == second)
            #expect(lifecycles[second]?.supersededBy?.release == third)
            var sawBatchSuperseded = false
            try store.forEachEvent { _, event in
                if case .batchSuperseded(let release, let base, let newBase) = event {
                    sawBatchSuperseded = release == third && base == first && newBase == second
                }
                return true
            }
            #expect(sawBatchSuperseded)
            #expect(try store.verify().isValid)
        }
    }

    @Test("every order of loading gives the same releases, batches, diffs and answers", arguments: [101, 202, 303] as [UInt64])
    func permutations(seed: UInt64) throws {
        let releases = series(seed: seed, count: 4)
        var reference: LoadedLedger?
        for order in permutationsOf(Array(releases.indices)) {
            let loaded = try withStore { store in
                for index in order { _ = try store.record(releases[index]) }
                return try LoadedLedger(store: store, releases: releases)
            }
            if let reference {
                #expect(loaded == reference, "seed \(seed), load order \(order)")
            } else {
                reference = loaded
            }
        }
    }

    @Test("a withdrawn release still answers before its withdrawal day and no longer after it")
    func withdrawal() throws {
        let releases = series(seed: 5, count: 2)
        try withStore { store in
            _ = try store.record(releases[0])
            let second = try recordedID(try store.record(releases[1]))
            let withdrawnOn = releases[1].publishedOn.adding(days: 10)
            try store.withdraw(second, on: withdrawnOn, reason: "fouten in TLV-koppeling")
            #expect(try store.answeringReleases(knownAt: withdrawnOn.adding(days: -1)).map(\.id) == [second])
            #expect(try store.answeringReleases(knownAt: withdrawnOn).map(\.id) == [ReleaseID(1)])
            #expect(try store.answeringReleases().map(\.id) == [ReleaseID(1)])
            #expect(try store.lifecycles()[second]?.status == .withdrawn)
            #expect(try store.verify().isValid)
        }
    }

    @Test("bad lifecycle commands are refused and write nothing")
    func refusals() throws {
        let releases = series(seed: 6, count: 2)
        try withStore { store in
            let first = try recordedID(try store.record(releases[0]))
            let second = try recordedID(try store.record(releases[1]))
            let events = try store.eventCount()
            #expect(throws: LedgerError.self) { try store.withdraw(ReleaseID(99), on: releases[1].publishedOn, reason: "x") }
            #expect(throws: LedgerError.self) {
                try store.withdraw(second, on: releases[1].publishedOn.adding(days: -1), reason: "x")
            }
            try store.markDefinitive(second, on: releases[1].publishedOn.adding(days: 30))
            #expect(throws: LedgerError.self) { try store.markDefinitive(first, on: releases[1].publishedOn.adding(days: 40)) }
            try store.withdraw(first, on: releases[1].publishedOn, reason: "ingetrokken")
            #expect(throws: LedgerError.self) { try store.withdraw(first, on: releases[1].publishedOn, reason: "again") }
            #expect(try store.eventCount() == events + 2)
            #expect(try store.verify().isValid)
        }
    }
}

/// What a ledger says about a release series, with release numbers replaced by the releases'
/// file names so that ledgers loaded in different orders compare.
private struct LoadedLedger: Equatable {
    var releases: [String: String]
    var batches: [String: [String]]
    var diffs: [String: [String]]
    var answers: [String: [String]]

    init(store: LedgerStore, releases incoming: [IncomingRelease]) throws {
        let all = try store.releases()
        let name = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.fileName) })
        func named(_ id: ReleaseID?) -> String { id.flatMap { name[$0] } ?? "-" }
        let lifecycles = try store.lifecycles()
        releases = Dictionary(uniqueKeysWithValues: all.map { release in
            let lifecycle = lifecycles[release.id]
            return (release.fileName, "\(release.publishedOn) \(release.rowCount) base \(named(lifecycle?.currentBase)) "
                + "\(lifecycle?.status.rawValue ?? "?") by \(named(lifecycle?.supersededBy?.release)) tally \(lifecycle?.tally.total ?? -1)")
        })
        // Pupils by PGN, batches in PGN order: the pupil numbers depend on the order of loading.
        var events: [String: [RegistrationEvent]] = [:]
        try store.forEachEvent { _, event in
            if case .registration(let registration) = event, lifecycles[registration.release]?.currentBase == registration.base {
                events[named(registration.release), default: []].append(registration)
            }
            return true
        }
        let pgn = try store.revealing(events.values.joined().map(\.key.pgn))
        func described(_ event: RegistrationEvent) -> String {
            "\(event.change.kind.name) \(event.key.pgn.digits) \(event.key) \(event.classification) \(event.change)"
        }
        batches = events.mapValues { RegistrationEvent.naming($0, pgn).map(described) }
        var diffs: [String: [String]] = [:]
        for a in all {
            for b in all where a.id != b.id {
                let diff = try store.diff(a.id, b.id)
                diffs["\(a.fileName)→\(b.fileName)"] = diff.naming(try store.revealing(diff.pupils)).events.map(described)
            }
        }
        self.diffs = diffs
        var answers: [String: [String]] = [:]
        for release in incoming {
            for offset in [-1, 0, 15] {
                let day = release.publishedOn.adding(days: offset)
                answers[day.iso] = try store.answeringReleases(knownAt: day).map(\.fileName)
            }
        }
        self.answers = answers
        #expect(try store.verify().isValid)
    }
}

private func permutationsOf(_ items: [Int]) -> [[Int]] {
    guard items.count > 1 else { return [items] }
    return items.indices.flatMap { index -> [[Int]] in
        var rest = items
        let head = rest.remove(at: index)
        return permutationsOf(rest).map { [head] + $0 }
    }
}
