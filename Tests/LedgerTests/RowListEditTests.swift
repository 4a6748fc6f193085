import Foundation
import LMDB
@testable import Ledger
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
            #expect(edit.count == baseIndex.count && edit.ownCount == own.count, "seed \(seed)")
            #expect(try edit.apply(base: base, own: own, width: 1) == expected, "seed \(seed)")
            var writer = ByteWriter()
            edit.encode(into: &writer)
            var reader = ByteReader(writer.bytes)
            #expect(try RowListEdit(from: &reader) == edit && reader.isAtEnd, "seed \(seed)")
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
            #expect(try store.rows(of: release.id) == rows)
            rows[index].category = rows[index].category == .high ? .low : .high
        }
        #expect(depths == [0, 1, 2, 3, 4, 0, 1, 2, 0, 1, 2, 3])
        #expect(try store.verify().isValid)
    }
}
