import LMDB

extension LedgerStore {
    /// Walks the whole ledger in one read snapshot: every log record (gap-free sequence, format
    /// version, CRC32C, hash chain, decodable event), the head, the stored release lifecycles
    /// against a rebuild from the log, every release's rows (stored, matching their content
    /// address) and that folding each release's active batch onto its base's rows gives
    /// exactly its rows.
    public func verify() throws(LedgerError) -> VerifyReport {
        try read { transaction in
            var report = VerifyReport()
            var rebuilt: [ReleaseID: ReleaseLifecycle] = [:]
            let batches = try verifyLog(in: transaction, into: &report, lifecycles: &rebuilt)
            try verifyReleases(batches, lifecycles: rebuilt, in: transaction, into: &report)
            return report
        }
    }

    /// A batch: the events of one release against one base.
    private struct BatchKey: Hashable {
        var release: ReleaseID
        var base: ReleaseID?
    }

    private func verifyLog(
        in transaction: Transaction, into report: inout VerifyReport, lifecycles: inout [ReleaseID: ReleaseLifecycle]
    ) throws -> [BatchKey: [RegistrationEvent]] {
        var batches: [BatchKey: [RegistrationEvent]] = [:]
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
                    if case .registration(let registration) = event {
                        batches[BatchKey(release: registration.release, base: registration.base), default: []].append(registration)
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
        _ batches: [BatchKey: [RegistrationEvent]], lifecycles rebuilt: [ReleaseID: ReleaseLifecycle],
        in transaction: Transaction, into report: inout VerifyReport
    ) throws {
        let all: [Release]
        do {
            all = try releases(in: transaction)
        } catch {
            report.problems.append(.init(message: "release records do not decode: \(error)"))
            return
        }
        var rowsByRelease: [ReleaseID: [Registration]] = [:]
        for release in all {
            do {
                let rows = try rows(of: release.id, in: transaction, verifyingAddresses: true)
                report.rowsChecked += rows.count
                rowsByRelease[release.id] = rows
            } catch {
                report.problems.append(.init(release: release.id, message: "rows unreadable: \(error)"))
            }
        }
        for release in all {
            report.releasesChecked += 1
            let lifecycle = rebuilt[release.id]
            if lifecycle == nil || (try? self.lifecycle(of: release.id, in: transaction)) != lifecycle {
                report.problems.append(.init(release: release.id, message: "its stored lifecycle differs from the log's"))
            }
            guard let stored = rowsByRelease[release.id] else { continue }
            let base = lifecycle?.currentBase
            var state = RowState(rows: base.flatMap { rowsByRelease[$0] } ?? [])
            do throws(FoldError) {
                for event in batches[BatchKey(release: release.id, base: base)] ?? [] { try state.apply(event) }
                if state != RowState(rows: stored) {
                    report.problems.append(
                        .init(release: release.id, message: "folding its events onto its base does not give its rows"))
                }
            } catch {
                report.problems.append(.init(release: release.id, message: "its events do not fold: \(error)"))
            }
        }
    }
}
