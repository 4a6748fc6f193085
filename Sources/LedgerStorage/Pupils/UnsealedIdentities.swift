import Dispatch
import Ledger

/// What sealing a release's rows replaced, row by row: the PGN and
/// the exact birth date. The write transaction that seals the rows in place runs again from the
/// start after `MDB_MAP_FULL`; `restore` gives it the rows as they came.
struct UnsealedIdentities {
    private var pgns: [PGN]
    private var birthDates: [Day?]

    /// Seals `rows` in place, on every core: the rows of pupil `p` (from `firsts[p]` to the next
    /// pupil's first row) get pupil number `pupilNumbers[p]` for their PGN and their birth dates
    /// coarsened to `ageThresholds`. Returns what it replaced.
    static func seal(
        _ rows: inout [Registration], firsts: [Int], pupilNumbers: [UInt32], ageThresholds: AgeThresholds
    ) -> UnsealedIdentities {
        let count = rows.count
        let chunks = Swift.max(1, Swift.min(4, firsts.count / 16_384))
        var birthDates = [Day?](repeating: nil, count: count)
        let pgns = [PGN](unsafeUninitializedCapacity: count) { pgns, initialized in
            nonisolated(unsafe) let pgns = pgns
            birthDates.withUnsafeMutableBufferPointer { birthDates in
                nonisolated(unsafe) let birthDates = birthDates
                rows.withUnsafeMutableBufferPointer { rows in
                    nonisolated(unsafe) let rows = rows
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        for pupil in firsts.count * chunk / chunks..<firsts.count * (chunk + 1) / chunks {
                            let sealed = PGN(storedValue: PGN.pupilNumberBase + pupilNumbers[pupil])
                            for index in firsts[pupil]..<(pupil + 1 < firsts.count ? firsts[pupil + 1] : count) {
                                (pgns.baseAddress! + index).initialize(to: rows[index].pgn)
                                birthDates[index] = rows[index].birthDate
                                rows[index].pgn = sealed
                                rows[index].birthDate = ageThresholds.coarsened(rows[index].birthDate)
                            }
                        }
                    }
                }
            }
            initialized = count
        }
        return UnsealedIdentities(pgns: pgns, birthDates: birthDates)
    }

    /// Puts the PGNs and birth dates back into `rows`, the rows that were sealed.
    func restore(_ rows: inout [Registration]) {
        precondition(rows.count == pgns.count, "rows to restore are the rows that were sealed")
        for index in rows.indices {
            rows[index].pgn = pgns[index]
            rows[index].birthDate = birthDates[index]
        }
    }
}
