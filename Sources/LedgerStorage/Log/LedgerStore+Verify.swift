import Ledger
import LMDB

extension LedgerStore {
    /// Walks the whole ledger in one read snapshot: every log record (gap-free sequence, format
    /// version, CRC32C, hash chain, decodable event), the head, the stored release lifecycles
    /// against a rebuild from the log, every release's rows (stored, matching their content
    /// address), its packed counting rows against packing its rows (when the projections are
    /// this build's; reads use them only then), that folding each release's active batch onto
    /// its base's rows gives exactly its rows, and that a figures release's stored figures are
    /// those its log states.
    public func verify() throws(LedgerError) -> VerifyReport {
        try read { transaction in
            var report = VerifyReport()
            var rebuilt: [ReleaseID: ReleaseLifecycle] = [:]
            var stated: [ReleaseID: [StatedFigure]] = [:]
            let batches = try verifyLog(in: transaction, into: &report, lifecycles: &rebuilt, figures: &stated)
            try verifyReleases(batches, lifecycles: rebuilt, figures: stated, in: transaction, into: &report)
            report.compactionDue = try transaction.get(LedgerStore.compactionDueKey, in: meta) != nil
            return report
        }
    }

    /// A batch: the events of one release against one base.
    private struct BatchKey: Hashable {
        var release: ReleaseID
        var base: ReleaseID?
    }

    /// Where a batch lies in the log: each is written in one transaction, so its events are
    /// one run of sequence numbers. Only the range is kept, so memory stays bounded.
    private typealias BatchRanges = [BatchKey: ClosedRange<UInt64>]

    private func verifyLog(
        in transaction: Transaction, into report: inout VerifyReport, lifecycles: inout [ReleaseID: ReleaseLifecycle],
        figures: inout [ReleaseID: [StatedFigure]]
    ) throws -> BatchRanges {
        var batches: BatchRanges = [:]
        var expected: UInt64 = 1
        var chain = LogRecord.genesis
        var logIntact = true
        try transaction.withCursor(in: log) { cursor in
            var entry = try cursor.first()
            while let (key, value) = entry, logIntact {
                defer { expected += 1 }
                report.recordsChecked += 1
                func fail(_ message: String) {
                    report.problems.append(.init(sequence: expected, message: message))
                    logIntact = false
                }
                var keyReader = ByteReader(key)
                guard key.count == 8, let sequence = try? keyReader.readBigEndianUInt64(), sequence == expected else {
                    fail("missing: the next key is not sequence \(expected)")
                    break
                }
                guard let record = try? LogRecord(stored: value) else { fail("shorter than a record header"); break }
                guard record.version == LogRecord.currentVersion else { fail("unknown format version \(record.version)"); break }
                guard CRC32C.checksum(record.payload) == record.checksum else { fail("checksum mismatch (CRC32C)"); break }
                let expectedChain = LogRecord.chain(
                    previous: chain, sequence: sequence, version: record.version, payload: record.payload)
                guard expectedChain == record.chain else { fail("hash chain broken (SHA-256)"); break }
                chain = record.chain
                do throws(RecordDecodingError) {
                    let event = try Event(encoded: record.payload)
                    switch event {
                    case .registration(let registration):
                        let batch = BatchKey(release: registration.release, base: registration.base)
                        batches[batch] = (batches[batch]?.lowerBound ?? sequence)...sequence
                    case .figuresStated(let release, let stated):
                        figures[release] = stated
                    case .pupilErased(let pupil, _, _):
                        if let pupilRecords, let number = pupil.pupilNumber {
                            var storageKey = ByteWriter()
                            storageKey.write(bigEndian: number)
                            if (try? transaction.get(storageKey.bytes, in: pupilRecords)).flatMap({ $0 }) != nil {
                                report.problems.append(
                                    .init(sequence: sequence, message: "pupil \(pupil.masked) was erased, but the vault still holds its identity"))
                            }
                        }
                    default:
                        break
                    }
                    ReleaseLifecycle.apply(event, to: &lifecycles)
                } catch {
                    fail(error.description)
                    break
                }
                entry = try cursor.next()
            }
        }
        if logIntact {
            let head = try head(in: transaction)
            if head.sequence != expected - 1 || head.chain != chain {
                report.problems.append(.init(sequence: expected - 1, message: "head does not match the last record"))
            }
        }
        return batches
    }

    private func verifyReleases(
        _ batches: BatchRanges, lifecycles rebuilt: [ReleaseID: ReleaseLifecycle], figures stated: [ReleaseID: [StatedFigure]],
        in transaction: Transaction, into report: inout VerifyReport
    ) throws {
        let all: [Release]
        do {
            all = try releases(in: transaction)
        } catch {
            report.problems.append(.init(message: "release records do not decode: \(error)"))
            return
        }
        let packed = try hasCurrentProjections(in: transaction)
        // New rows are appended after the last key, so none may name a release after the last.
        let lastKey = try transaction.withCursor(in: rows) { try $0.last() }?.key
        let lastOrigin = lastKey.flatMap { $0.count == RowAddress.width ? RowAddress($0, at: 0).origin : nil }
        if let lastOrigin, lastOrigin > (all.map(\.id.value).max() ?? 0) {
            report.problems.append(.init(message: "a stored row names release R\(lastOrigin), which does not exist: later recordings would fail"))
        }
        if packed, let scopeIndex {
            if try transaction.keys(in: scopeIndex) != all.map(Self.scopeIndexKey(of:)).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                report.problems.append(.init(message: "the scope index differs from the release records; rebuild the projections (reindex)"))
            }
        }
        for release in all {
            report.releasesChecked += 1
            let lifecycle = rebuilt[release.id]
            if lifecycle == nil || (try? self.lifecycle(of: release.id, in: transaction)) != lifecycle {
                report.problems.append(.init(release: release.id, message: "its stored lifecycle differs from the log's"))
            }
            if release.content == .figures || stated[release.id] != nil {
                let stored = try? figures(of: release.id, in: transaction)
                if stored == nil || stored != (stated[release.id] ?? []) {
                    report.problems.append(.init(release: release.id, message: "its stored figures differ from the figures its log states"))
                }
            }
            let stored: [Registration]
            do {
                stored = try rows(of: release.id, in: transaction, verifyingAddresses: true)
                report.rowsChecked += stored.count
            } catch {
                report.problems.append(.init(release: release.id, message: "rows unreadable: \(error)"))
                continue
            }
            if case .edit(let editBase, let depth, _, _)? = try? storedRowList(of: release.id, in: transaction),
                (try? storedRowList(of: editBase, in: transaction).depth + 1) != depth
            {
                report.problems.append(
                    .init(release: release.id, message: "its row list says it is \(depth) edits deep, one more than its base \(editBase)'s, which it is not"))
            }
            if packed,
                (try? countingRows(of: release.id, packed: true, in: transaction).bytes) != PackedCountingRows(stored.map(CountingRow.init)).bytes
            {
                report.problems.append(.init(release: release.id, message: "its stored counting rows differ from its rows"))
            }
            let base = lifecycle?.currentBase
            guard var state = try? RowState(rows: base.map { try rows(of: $0, in: transaction) } ?? []) else {
                report.problems.append(.init(release: release.id, message: "the rows of its base are unreadable"))
                continue
            }
            do {
                if let range = batches[BatchKey(release: release.id, base: base)] {
                    try fold(range, of: BatchKey(release: release.id, base: base), into: &state, in: transaction)
                }
                if state != RowState(rows: stored) {
                    report.problems.append(
                        .init(release: release.id, message: "folding its events onto its base does not give its rows"))
                }
            } catch {
                report.problems.append(.init(release: release.id, message: "its events do not fold: \(error)"))
            }
        }
    }

    /// Applies the events of `batch` found in the log range `range` to `state`.
    private func fold(_ range: ClosedRange<UInt64>, of batch: BatchKey, into state: inout RowState, in transaction: Transaction) throws {
        try transaction.withCursor(in: log) { cursor in
            var entry = try cursor.seek(atOrAfter: LogRecord.key(range.lowerBound))
            var sequence = range.lowerBound
            while let (_, value) = entry, sequence <= range.upperBound {
                if case .registration(let event) = try Event(encoded: try LogRecord(stored: value).payload),
                    event.release == batch.release, event.base == batch.base
                {
                    try state.apply(event)
                }
                sequence += 1
                entry = try cursor.next()
            }
        }
    }
}
