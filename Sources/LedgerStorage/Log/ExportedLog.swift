import Ledger
import Foundation

/// The records of an NDJSON log export, read and checked line by line before anything is
/// written: sequence numbers gap-free from 1, each record's CRC32C and hash chain intact; then
/// the pupil vault, when the export is of a ledger that has one (storage format 3).
struct ExportedLog {
    /// The records in sequence order.
    let records: [LogRecord]
    /// The vault after the log; nil in an export of storage format 2, whose records name PGNs.
    let vault: ExportedVault?

    /// Reads and checks the export at `path`.
    /// - Throws: `LedgerError.rejected` naming the first line that does not check out.
    init(path: String) throws(LedgerError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .rejected("cannot read \(path)") }
        var records: [LogRecord] = []
        var vault: ExportedVault?
        var chain = LogRecord.genesis
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            func fail(_ why: String) -> LedgerError { .rejected("\(path):\(index + 1): \(why)") }
            struct Line: Decodable {
                var sequence: UInt64
                var record: String
            }
            struct VaultLine: Decodable {
                var keyCheck: String?
                var nextPupil: UInt32?
                var pupil: UInt32?
                var sealed: String?
            }
            if vault != nil || line.starts(with: Array("{\"keyCheck\"".utf8)) {
                guard let parsed = try? JSONDecoder().decode(VaultLine.self, from: Data(line)) else {
                    throw fail("expected a line of the pupil vault")
                }
                if let keyCheck = parsed.keyCheck, let nextPupil = parsed.nextPupil, vault == nil,
                    let check = Data(base64Encoded: keyCheck)
                {
                    vault = ExportedVault(keyCheck: [UInt8](check), nextPupil: nextPupil, pupils: [])
                } else if let pupil = parsed.pupil, let sealed = parsed.sealed.flatMap({ Data(base64Encoded: $0) }),
                    pupil > (vault?.pupils.last?.number ?? 0)
                {
                    vault?.pupils.append((pupil, [UInt8](sealed)))
                } else {
                    throw fail("expected {\"pupil\":N,\"sealed\":\"base64\"} in ascending order after the key check")
                }
                continue
            }
            guard let parsed = try? JSONDecoder().decode(Line.self, from: Data(line)) else {
                throw fail("expected {\"sequence\":N,\"record\":\"base64\"}")
            }
            guard parsed.sequence == UInt64(index + 1) else {
                throw fail("expected sequence \(index + 1), found \(parsed.sequence)")
            }
            guard let bytes = Data(base64Encoded: parsed.record), let record = try? LogRecord(stored: [UInt8](bytes)) else {
                throw fail("the record is not base64 of a stored record")
            }
            guard record.version == LogRecord.currentVersion, CRC32C.checksum(record.payload) == record.checksum else {
                throw fail("record \(parsed.sequence) fails its CRC32C")
            }
            let expected = LogRecord.chain(previous: chain, sequence: parsed.sequence, version: record.version, payload: record.payload)
            guard expected == record.chain else { throw fail("record \(parsed.sequence) breaks the hash chain") }
            chain = record.chain
            records.append(record)
        }
        self.records = records
        self.vault = vault
    }
}
