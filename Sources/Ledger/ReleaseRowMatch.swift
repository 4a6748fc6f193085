import Foundation

/// A new release's rows (in identity order) matched against its base release's stored rows by
/// identity and content address, without decoding the base's rows: the base's identities come
/// from its packed counting rows, in the order of its row list. A row equal to the base's is the
/// base's stored row; only the others are diffed, stored and packed anew, so recording a release
/// costs what changed in it.
struct ReleaseRowMatch {
    /// The stored side of the match: a release's counting rows and its row list.
    struct Base {
        /// The base release's packed counting rows, in identity order.
        var countingRows: PackedCountingRows
        /// The base release's content addresses, 16 bytes a row, in the same order.
        var addresses: [UInt8]
    }

    /// Every new row's content address, 16 bytes a row in row order: the release's row list.
    let addresses: [UInt8]
    /// For every new row, the index of the base row it equals, or -1.
    let baseIndex: [Int32]
    /// The indices of the base rows that no new row equals (changed, closed, gone), ascending.
    let unmatchedBase: [Int]
    /// The indices of the new rows that equal no base row, ascending.
    let unmatchedNew: [Int]

    /// Matches `rows` (identity order, identities unique) against `base` (none for a first release).
    init(rows: [Registration], base: Base?) {
        let addresses = ReleaseRowMatch.addresses(of: rows)
        var baseIndex = [Int32](repeating: -1, count: rows.count)
        var unmatchedBase: [Int] = []
        var unmatchedNew: [Int] = []
        let baseCount = base?.countingRows.count ?? 0
        var next = 0
        if let base {
            rows.withUnsafeBufferPointer { news in
                base.countingRows.withRecords { records in
                    for index in news.indices {
                        var order = 1
                        while next < baseCount {
                            order = ReleaseRowMatch.compareIdentity(records[next], news[index])
                            guard order < 0 else { break }
                            unmatchedBase.append(next)
                            next += 1
                        }
                        guard next < baseCount, order == 0 else {
                            unmatchedNew.append(index)
                            continue
                        }
                        if ReleaseRowMatch.sameAddress(addresses, index, base.addresses, next) {
                            baseIndex[index] = Int32(next)
                        } else {
                            unmatchedBase.append(next)
                            unmatchedNew.append(index)
                        }
                        next += 1
                    }
                }
            }
        } else {
            unmatchedNew = Array(rows.indices)
        }
        unmatchedBase += next..<baseCount
        self.addresses = addresses
        self.baseIndex = baseIndex
        self.unmatchedBase = unmatchedBase
        self.unmatchedNew = unmatchedNew
    }

    /// The content address of new row `index`.
    func address(of index: Int) -> [UInt8] {
        Array(addresses[index * 16..<index * 16 + 16])
    }

    /// `unmatchedNew` in the order of their content addresses (as LMDB orders the keys).
    var unmatchedNewInAddressOrder: [Int] {
        addresses.withUnsafeBytes { addresses in
            func key(_ index: Int) -> (UInt64, UInt64) {
                (UInt64(bigEndian: addresses.loadUnaligned(fromByteOffset: index * 16, as: UInt64.self)),
                 UInt64(bigEndian: addresses.loadUnaligned(fromByteOffset: index * 16 + 8, as: UInt64.self)))
            }
            return unmatchedNew.sorted { key($0) < key($1) }
        }
    }

    /// The content addresses of `rows`, 16 bytes a row: encoded and hashed on every core.
    private static func addresses(of rows: [Registration]) -> [UInt8] {
        let chunks = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, rows.count / 4_096))
        return [UInt8](unsafeUninitializedCapacity: rows.count * 16) { buffer, initialized in
            nonisolated(unsafe) let output = UnsafeMutableRawBufferPointer(buffer)
            rows.withUnsafeBufferPointer { rows in
                nonisolated(unsafe) let rows = rows
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    var writer = ByteWriter()
                    for index in rows.count * chunk / chunks..<rows.count * (chunk + 1) / chunks {
                        writer.removeAll()
                        rows[index].encode(into: &writer)
                        LedgerStore.rowHash(writer.bytes, into: UnsafeMutableRawBufferPointer(rebasing: output[index * 16..<index * 16 + 16]))
                    }
                }
            }
            initialized = rows.count * 16
        }
    }

    /// Whether address `index` of `a` and address `other` of `b` are equal.
    private static func sameAddress(_ a: [UInt8], _ index: Int, _ b: [UInt8], _ other: Int) -> Bool {
        a.withUnsafeBytes { a in
            b.withUnsafeBytes { b in
                a.loadUnaligned(fromByteOffset: index * 16, as: UInt64.self) == b.loadUnaligned(fromByteOffset: other * 16, as: UInt64.self)
                    && a.loadUnaligned(fromByteOffset: index * 16 + 8, as: UInt64.self)
                        == b.loadUnaligned(fromByteOffset: other * 16 + 8, as: UInt64.self)
            }
        }
    }

    /// Orders a stored record and a row by identity (pgn, institution, branch, periodStart), as
    /// `RegistrationDiff.compareIdentity` orders rows: negative, zero or positive.
    private static func compareIdentity(_ record: PackedCountingRows.Record, _ row: borrowing Registration) -> Int {
        if record.pgn != row.pgn { return record.pgn < row.pgn ? -1 : 1 }
        let institution = record.institution
        if institution != row.institution { return institution < row.institution ? -1 : 1 }
        let branch = record.branch
        if branch != row.branch { return branch < row.branch ? -1 : 1 }
        if record.periodStart != row.periodStart { return record.periodStart < row.periodStart ? -1 : 1 }
        return 0
    }
}
