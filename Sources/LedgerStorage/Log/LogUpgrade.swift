import Ledger

/// The log of a storage format 2 export made fit for storage format 3, before it is imported:
/// every PGN replaced by a pupil number (given in the order pupils first appear, each sealed
/// with the key into a vault entry with the birth date of the row that opened it), every birth
/// date in a row or a change coarsened to the age thresholds, a change of nothing but a birth
/// date that the thresholds do not tell apart left out, and the records chained anew (the
/// old chain was checked on reading; the new one is what `verify` checks from now on).
struct LogUpgrade {
    /// The upgraded records, numbered and chained from 1.
    let records: [LogRecord]
    /// The vault of the pupils they name.
    let vault: ExportedVault

    /// Upgrades `old`, sealing pupils with `key`.
    init(_ old: [LogRecord], key: LedgerKey, ageThresholds: AgeThresholds) throws {
        var numbers: [PGN: PGN] = [:]
        var pupils: [(number: UInt32, record: [UInt8])] = []
        func number(of pgn: PGN, bornOn birthDate: Day?) throws -> PGN {
            if let known = numbers[pgn] { return known }
            let next = UInt32(pupils.count + 1)
            guard !pgn.isPupilNumber, let number = PGN(pupilNumber: next) else {
                throw LedgerError.rejected("the export names a pupil number where a storage format 2 log names PGNs")
            }
            pupils.append((next, try PupilRecord.sealing([(pgn, birthDate)], key: key)[0]))
            numbers[pgn] = number
            return number
        }
        func coarsened(_ text: String?) -> String? {
            ageThresholds.coarsened(text.flatMap { Day(iso: $0) })?.iso
        }
        var records: [LogRecord] = []
        var chain = LogRecord.genesis
        for record in old {
            var event = try Event(encoded: record.payload)
            if case .registration(var registration) = event {
                if case .opened(var row) = registration.change {
                    row.pgn = try number(of: row.pgn, bornOn: row.birthDate)
                    row.birthDate = ageThresholds.coarsened(row.birthDate)
                    registration.change = .opened(row)
                }
                registration.key.pgn = try number(of: registration.key.pgn, bornOn: nil)
                if case .changed(let fields) = registration.change {
                    let kept = try fields.compactMap { field -> FieldChange? in
                        switch field.field {
                        case .birthDate:
                            let (old, new) = (coarsened(field.old), coarsened(field.new))
                            return old == new ? nil : FieldChange(field: .birthDate, old: old, new: new)
                        case .pgn:
                            func pupil(_ text: String?) throws -> String? {
                                try text.flatMap { PGN(digits: $0) }.map { try number(of: $0, bornOn: nil).digits }
                            }
                            return FieldChange(field: .pgn, old: try pupil(field.old), new: try pupil(field.new))
                        default:
                            return field
                        }
                    }
                    if kept.isEmpty { continue }
                    registration.change = .changed(kept)
                }
                event = .registration(registration)
            }
            let upgraded = LogRecord(sequence: UInt64(records.count + 1), payload: event.encoded, previousChain: chain)
            chain = upgraded.chain
            records.append(upgraded)
        }
        self.records = records
        vault = ExportedVault(keyCheck: key.check, nextPupil: UInt32(pupils.count + 1), pupils: pupils)
    }
}
