import Ledger
import Foundation

/// The records of an NDJSON log export, read and checked line by line before anything is
/// written: sequence numbers gap-free from 1, each record's CRC32C and hash chain intact.
struct ExportedLog {
    /// The records in sequence order.
    let records: [LogRecord]

    /// Reads and checks the export at `path`.
    /// - Throws: `LedgerError.rejected` naming the first line that does not check out.
    init(path: String) throws(LedgerError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .rejected("cannot read \(path)") }
        var records: [LogRecord] = []
        var chain = LogRecord.genesis
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            func fail(_ why: String) -> LedgerError { .rejected("\(path):\(index + 1): \(why)") }
            struct Line: Decodable {
                var sequence: UInt64
                var record: String
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
    }
}
