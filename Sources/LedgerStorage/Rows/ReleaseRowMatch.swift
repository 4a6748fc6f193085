import Ledger
import Foundation

/// A new release's rows (in identity order) matched against its base release's stored rows by
/// identity and content hash, without decoding the base's rows: the base's identities come
/// from its packed counting rows, in the order of its row list. A row equal to the base's is the
/// base's stored row and keeps its `RowAddress`; only the others are diffed, stored and packed
/// anew, so recording a release costs what changed in it.
struct ReleaseRowMatch {
    /// The stored side of the match: a release's counting rows and its row list.
    struct Base {
        /// The base release.
        var release: ReleaseID
        /// Edits between its stored row list and a whole one (`RowListRecord.depth`).
        var depth: Int
        /// The base release's packed counting rows, in identity order.
        var countingRows: PackedCountingRows
        /// The base release's row list: its rows' addresses in the same order.
        var addresses: [UInt8]
    }

    /// The release's row list: every new row's address in row order; a row equal to the base's
    /// has the base row's address, the others are addresses of the new release.
    let addresses: [UInt8]
    /// For every new row, the index of the base row it equals, or -1.
    let baseIndex: [Int32]
    /// The indices of the base rows that no new row equals (changed, closed, gone), ascending.
    let unmatchedBase: [Int]
    /// The indices of the new rows that equal no base row, ascending (in address order:
    /// `unmatchedNewInAddressOrder`).
    let unmatchedNew: [Int]

    /// Matches `rows` (identities unique) of release `id`, in the identity order `order` gives,
    /// against `base` (none for a first release). The match's indices of new rows are ranks in
    /// that order.
    init(rows: [Registration], order: IdentityOrder = .asTheyAre, of id: ReleaseID, base: Base?) {
        var addresses = ReleaseRowMatch.addresses(of: rows, order: order, origin: id)
        var baseIndex = [Int32](repeating: -1, count: rows.count)
        var unmatchedBase: [Int] = []
        var unmatchedNew: [Int] = []
        let baseCount = base?.countingRows.count ?? 0
        var next = 0
        if let base {
            rows.withUnsafeBufferPointer { news in
                base.countingRows.withRecords { records in
                    for index in news.indices {
                        let position = order[index]
                        var comparison = 1
                        while next < baseCount {
                            comparison = ReleaseRowMatch.compareIdentity(records[next], (news.baseAddress.unsafelyUnwrapped + position).pointee)
                            guard comparison < 0 else { break }
                            unmatchedBase.append(next)
                            next += 1
                        }
                        guard next < baseCount, comparison == 0 else {
                            unmatchedNew.append(index)
                            continue
                        }
                        let stored = RowAddress(base.addresses, at: next)
                        if stored.holdsSameRow(as: RowAddress(addresses, at: index)) {
                            baseIndex[index] = Int32(next)
                            let width = RowAddress.width
                            addresses.replaceSubrange(index * width..<(index + 1) * width, with: base.addresses[next * width..<(next + 1) * width])
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

    /// The address of new row `index`, as stored.
    func address(of index: Int) -> [UInt8] {
        Array(addresses[index * RowAddress.width..<(index + 1) * RowAddress.width])
    }

    /// `unmatchedNew` in the order of their addresses (as LMDB orders the keys): all of the new
    /// release, so they go to the right edge of the rows' B-tree in order.
    var unmatchedNewInAddressOrder: [Int] {
        addresses.withUnsafeBytes { addresses in
            unmatchedNew.map { (address: RowAddress(addresses, at: $0), index: $0) }.sorted { $0.address < $1.address }.map(\.index)
        }
    }

    /// The addresses `rows` get when release `origin` stores them, in the identity order `order`
    /// gives: encoded and hashed on every core.
    private static func addresses(of rows: [Registration], order: IdentityOrder, origin: ReleaseID) -> [UInt8] {
        let chunks = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, rows.count / 4_096))
        let width = RowAddress.width
        return [UInt8](unsafeUninitializedCapacity: rows.count * width) { buffer, initialized in
            nonisolated(unsafe) let output = UnsafeMutableRawBufferPointer(buffer)
            rows.withUnsafeBufferPointer { rows in
                nonisolated(unsafe) let rows = rows
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    var writer = ByteWriter()
                    for index in rows.count * chunk / chunks..<rows.count * (chunk + 1) / chunks {
                        writer.removeAll()
                        (rows.baseAddress.unsafelyUnwrapped + order[index]).pointee.encode(into: &writer)
                        RowAddress.write(
                            origin: origin, of: writer.bytes,
                            into: UnsafeMutableRawBufferPointer(rebasing: output[index * width..<(index + 1) * width]))
                    }
                }
            }
            initialized = rows.count * width
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
