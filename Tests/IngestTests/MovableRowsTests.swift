@testable import Ingest
import Ledger
import Testing

@Suite("Moving rows out of a stretch's storage")
struct MovableRowsTests {
    /// A row told apart by its pupil, with a TLV number long enough to live on the heap.
    private func row(_ number: UInt32) throws -> Registration {
        var row = RowValues.blank(pgn: try #require(PGN(value: number)))
        row.tlvNumber = "VO2508-2021-\(100_000 + number)"
        return row
    }

    @Test("rows appended past the first capacity come out in order, the dropped ones left out")
    func movesInOrder() throws {
        let rows = MovableRows(capacity: 2)
        for number in 0..<10 as Range<UInt32> { rows.append(try row(number)) }
        #expect(rows.count == 10)
        #expect(rows[7].pgn.value == 7)
        let moved = [Registration](unsafeUninitializedCapacity: 10) { buffer, count in
            guard let target = buffer.baseAddress else { return }
            count = rows.moveRows(before: 8, dropping: [0, 3, 4], to: target)
        }
        #expect(moved.map(\.pgn.value) == [1, 2, 5, 6, 7])
        #expect(moved.map(\.tlvNumber) == [1, 2, 5, 6, 7].map { "VO2508-2021-\(100_000 + $0)" })
        #expect(rows.count == 0)
    }

    @Test("moving none leaves no rows behind")
    func movesNone() throws {
        let rows = MovableRows(capacity: 4)
        for number in 0..<3 as Range<UInt32> { rows.append(try row(number)) }
        let moved = [Registration](unsafeUninitializedCapacity: 3) { buffer, count in
            guard let target = buffer.baseAddress else { return }
            count = rows.moveRows(before: 0, dropping: [], to: target)
        }
        #expect(moved.isEmpty)
        #expect(rows.count == 0)
    }
}
