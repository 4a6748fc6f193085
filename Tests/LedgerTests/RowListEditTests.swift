import Foundation
import LMDB
@testable import Ledger
@testable import LedgerStorage
import SampleData
import Testing
import TestSupport

/// Row lists and counting rows stored as edits of the base release's: the edit of any match
/// gives back the release's entries, survives storing, and stacks at most `maxDepth` deep.
@Suite("Row list edits")
struct RowListEditTests {
    @Test("an edit built from any base-index map applies to exactly the release's entries and decodes to itself")
    func applies() throws {
        let seed = SplitMix64.seedFromEnvironment()
        var random = SplitMix64(seed: seed)
        for _ in 0..<200 {
            let baseCount = Int.random(in: 0..<60, using: &random)
            let base = (0..<baseCount).map { UInt8(truncatingIfNeeded: $0 * 7 + 1) }
            // Ascending picks of the base's rows interleaved with rows of its own, as a match gives.
            var baseIndex: [Int32] = []
            var own: [UInt8] = []
            var expected: [UInt8] = []
            for index in 0..<baseCount where Bool.random(using: &random) {
                while Int.random(in: 0..<4, using: &random) == 0 {
                    let byte = UInt8.random(in: 200...255, using: &random)
                    baseIndex.append(-1)
                    own.append(byte)
                    expected.append(byte)
                }
                baseIndex.append(Int32(index))
                expected.append(base[index])
            }
            let edit = RowListEdit(baseIndex: baseIndex)
            #expect(edit.ownCount == own.count, "seed \(seed)")
            let sources = try RowSources(wholeCount: base.count).applying(edit, ownSource: 1, ownCount: own.count)
            #expect(sources.count == baseIndex.count, "seed \(seed)")
            #expect(sources.entries(from: [base, own], width: 1) == expected, "seed \(seed)")
            var writer = ByteWriter()
            edit.encode(into: &writer)
            var reader = ByteReader(writer.bytes)
            #expect(try RowListEdit(from: &reader) == edit && reader.isAtEnd, "seed \(seed)")
        }
    }

    @Test("a chain of up to six edits composed and copied once gives what applying them one by one gives")
    func composes() throws {
        let seed = SplitMix64.seedFromEnvironment()
        var random = SplitMix64(seed: seed)
        for _ in 0..<100 {
            // Entries are (source, index) pairs, two bytes, so every row says where it came from.
            let whole = (0..<Int.random(in: 0..<50, using: &random)).flatMap { [UInt8(0), UInt8($0)] }
            var current = whole
            var sources = RowSources(wholeCount: whole.count / 2)
            var owns = [whole]
            for level in 1...Int.random(in: 1...6, using: &random) {
                var baseIndex: [Int32] = []
                var own: [UInt8] = []
                var next: [UInt8] = []
                for index in 0..<current.count / 2 {
                    while Int.random(in: 0..<5, using: &random) == 0 {
                        baseIndex.append(-1)
                        own += [UInt8(level), UInt8(own.count / 2)]
                        next += own.suffix(2)
                    }
                    if Bool.random(using: &random) {
                        baseIndex.append(Int32(index))
                        next += current[index * 2..<index * 2 + 2]
                    }
                }
                sources = try sources.applying(RowListEdit(baseIndex: baseIndex), ownSource: level, ownCount: own.count / 2)
                owns.append(own)
                current = next
            }
            #expect(sources.entries(from: owns, width: 2) == current, "seed \(seed)")
        }
    }

    @Test("a release changing a few rows stores an edit of its base's list, at most four deep; one with mostly new rows stores its list whole")
    func depth() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LedgerStore(directory: directory.path)
        var generator = RegistrationGenerator(seed: 11)
        var rows = generator.rows(count: 200)
        var depths: [Int] = []
        for index in 0..<12 {
            if index == 8 { rows = generator.rows(count: 200) }
            let file = IncomingRelease(
                scope: Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"),
                publishedOn: Day.literal(2021, 9, 15).adding(days: 30 * index), fileName: "r\(index).csv",
                fileSHA256: [UInt8](repeating: UInt8(index), count: 32), rows: rows)
            guard case .recorded(let release, _) = try store.record(file) else { throw LedgerError.rejected("not recorded") }
            depths.append(try store.read { try store.storedRowList(of: release.id, in: $0).depth })
            #expect(try store.rows(of: release.id) == store.asStored(rows))
            rows[index].category = rows[index].category == .high ? .low : .high
        }
        #expect(depths == [0, 1, 2, 3, 4, 0, 1, 2, 0, 1, 2, 3])
        #expect(try store.verify().isValid)
    }

    private static func file(_ rows: [Registration], _ index: Int) -> IncomingRelease {
        IncomingRelease(
            scope: Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"),
            publishedOn: Day.literal(2021, 9, 15).adding(days: 30 * index), fileName: "r\(index).csv",
            fileSHA256: [UInt8](repeating: UInt8(index + 1), count: 32), rows: rows)
    }

    /// A ledger of two releases, the second an edit of the first (one category changed), closed.
    private func twoReleases(in directory: TemporaryDirectory) throws {
        let store = try LedgerStore(directory: directory.path)
        var rows = RegistrationGenerator(seed: 11).rowsSorted(200)
        _ = try store.record(Self.file(rows, 0))
        rows[0].category = rows[0].category == .high ? .low : .high
        _ = try store.record(Self.file(rows, 1))
    }

    /// Writes `bytes` as release `id`'s stored row list in the ledger in `directory`.
    private func storeRowList(_ bytes: [UInt8], of id: ReleaseID, in directory: TemporaryDirectory) throws {
        let environment = try Environment(directory: directory.path)
        let releaseRows = try environment.database("release-rows")
        try environment.write { try $0.put(bytes, for: id.storageKey, in: releaseRows) }
    }

    @Test("damaged edits are decoding errors, never traps: runs past UInt32, past the base, a base not earlier")
    func damagedEdits() throws {
        for (start, count) in [(UInt64(Int.max), UInt64(1)), (0, UInt64(Int.max)), (0, 1 << 40)] {
            var writer = ByteWriter()
            writer.write(varint: 1)
            writer.write(byte: 0)
            writer.write(varint: start)
            writer.write(varint: count)
            var reader = ByteReader(writer.bytes)
            #expect(throws: RecordDecodingError.self) { try RowListEdit(from: &reader) }
        }
        let beyondBase = RowListEdit(baseIndex: [0, 1, 2])
        #expect(throws: RecordDecodingError.self) { try RowSources(wholeCount: 2).applying(beyondBase, ownSource: 1, ownCount: 0) }
        let list = RowListRecord.edit(base: ReleaseID(3), depth: 1, edit: RowListEdit(baseIndex: [-1]), own: [UInt8](repeating: 7, count: 20))
        #expect(throws: RecordDecodingError.self) { try RowListRecord(stored: list.encoded, of: ReleaseID(3)) }
        #expect(try RowListRecord(stored: list.encoded, of: ReleaseID(4)) == list)
    }

    @Test("verify names a release whose stored edit claims 2^40 base rows or the wrong depth, instead of crashing",
          arguments: ["huge run", "wrong depth"])
    func verifyNamesDamagedEdits(damage: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try twoReleases(in: directory)
        let bytes: [UInt8]
        if damage == "huge run" {
            var writer = ByteWriter()
            writer.write(byte: 1)  // an edit
            writer.write(bigEndian: UInt32(1))  // of R1
            writer.write(byte: 1)  // one deep
            writer.write(varint: 1)  // one run:
            writer.write(byte: 0)  // of the base's rows
            writer.write(varint: 0)  // from the first
            writer.write(varint: 1 << 40)  // 2^40 of them
            bytes = writer.bytes
        } else {
            let store = try LedgerStore(directory: directory.path, readOnly: true)
            guard case .edit(let base, _, let edit, let own) = try store.read({ try store.storedRowList(of: ReleaseID(2), in: $0) }) else {
                Issue.record("release 2 is not an edit")
                return
            }
            bytes = RowListRecord.edit(base: base, depth: 3, edit: edit, own: own).encoded
        }
        try storeRowList(bytes, of: ReleaseID(2), in: directory)
        let report = try LedgerStore(directory: directory.path, readOnly: true).verify()
        #expect(report.problems.contains { $0.description.hasPrefix("release R2:") }, "\(report.problems)")
    }

    @Test("addresses computed on every core (above 8,192 rows) equal those computed one by one")
    func concurrentAddresses() {
        let rows = RegistrationGenerator(seed: 5).rowsSorted(40_000)
        let match = ReleaseRowMatch(rows: rows, of: ReleaseID(7), base: nil)
        let expected = rows.flatMap { withUnsafeBytes(of: UInt32(7).bigEndian) { Array($0) } + LedgerStore.rowHash($0.encoded) }
        #expect(match.addresses == expected)
    }

    @Test("recording against a base whose counting rows do not match its row list is refused as corrupt, nothing written")
    func misalignedBase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rows = RegistrationGenerator(seed: 12).rowsSorted(200)
        do {
            let store = try LedgerStore(directory: directory.path)
            _ = try store.record(Self.file(Array(rows.prefix(100)), 0))
        }
        do {
            let environment = try Environment(directory: directory.path)
            let countingRows = try environment.database("counting-rows")
            try environment.write { try $0.put(PackedCountingRows(rows.map(CountingRow.init)).bytes, for: ReleaseID(1).storageKey, in: countingRows) }
        }
        let store = try LedgerStore(directory: directory.path)
        let events = try store.eventCount()
        #expect {
            try store.record(Self.file(rows, 1))
        } throws: { error in
            "\(error)".contains("200 counting rows for a list of 100 rows")
        }
        #expect(try store.eventCount() == events)
    }

    @Test("a late release stored as an edit verifies, and import rebuilds the same stored row lists")
    func lateEditImport() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var versions = [RegistrationGenerator(seed: 21).rowsSorted(300)]
        for index in 1..<5 {
            var rows = versions[index - 1]
            rows[index * 7].category = rows[index * 7].category == .high ? .low : .high
            versions.append(rows)
        }
        let store = try LedgerStore(directory: directory.path + "/a")
        for index in [0, 1, 3, 4, 2] { _ = try store.record(Self.file(versions[index], index)) }
        #expect(try store.read { try store.storedRowList(of: ReleaseID(5), in: $0) }.depth > 0, "the late release is an edit")
        #expect(try store.verify().isValid)
        _ = try store.exportLog(to: directory.path + "/log.ndjson")
        let report = try LedgerStore.importLog(from: directory.path + "/log.ndjson", into: directory.path + "/b")
        #expect(report.isValid, "\(report.problems)")
        let imported = try LedgerStore(directory: directory.path + "/b")
        for release in (1...5).map({ ReleaseID(UInt32($0)) }) {
            #expect(try imported.rows(of: release) == store.rows(of: release))
            #expect(try imported.read { try imported.storedRowList(of: release, in: $0) } == store.read { try store.storedRowList(of: release, in: $0) })
        }
    }
}

extension RegistrationGenerator {
    /// `count` fresh rows from a new generator state, in identity order.
    fileprivate func rowsSorted(_ count: Int) -> [Registration] {
        var generator = self
        return RegistrationDiff.sortedByIdentity(generator.rows(count: count))
    }
}
