import Ledger

/// The text of what `erase`, `retention` and `compact` did, pupils by pupil number or masked PGN.
public enum ErasureText {
    /// `erased #17 on 2026-12-04`, then the backups that still hold the pupils.
    public static func erased(_ pupils: [PGN], on day: Day, backups: [(directory: String, on: Day)]) -> String {
        var lines = ["erased \(pupils.count == 1 ? pupils[0].masked : "\(pupils.count) pupils") on \(day.iso): identity and index entry destroyed, registrations kept as an anonymous pupil"]
        if backups.isEmpty {
            lines.append("no backup of this ledger is known to hold them (copies made otherwise still do)")
        } else {
            lines.append("these backups were made before and still hold them; erase them there or destroy them:")
            lines += backups.sorted { $0.on < $1.on }.map { "  \($0.directory) (\($0.on.iso))" }
        }
        return lines.joined(separator: "\n")
    }

    /// `compacted: 1.2 MB → 0.9 MB; no freed page keeps an erased pupil`.
    public static func compacted(bytesBefore: Int, bytesAfter: Int) -> String {
        "compacted: data file \(size(bytesBefore)) → \(size(bytesAfter)); no freed page keeps an erased pupil"
    }

    /// The pupils past the retention period: how many, the rule and its source, and each pupil
    /// with its last end and releases.
    public static func retention(
        years: Int, source: String, on day: Day, endedBefore: Day, pupils: [(pupil: PGN, lastEnded: Day, releases: [ReleaseID])],
        stillRegistered: Int, applied: Bool
    ) -> String {
        var lines = [
            "retention on \(day.iso): \(years) years after the last registration ended; pupils whose last registration ended before \(endedBefore.iso)",
            "rule: Schemas/rules/retention.json — \(source)",
            "\(pupils.count) pupil\(pupils.count == 1 ? "" : "s") past the period\(applied ? ", erased" : ""); \(stillRegistered) still registered",
        ]
        lines += pupils.map { pupil in
            "  \(pupil.pupil.masked)  ended \(pupil.lastEnded.iso)  in \(pupil.releases.map(\.description).joined(separator: ", "))"
        }
        if !applied, !pupils.isEmpty { lines.append("nothing erased: this was a dry run") }
        return lines.joined(separator: "\n")
    }

    private static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\((Double(bytes) / Double(1 << 20) * 10).rounded() / 10) MiB" : "\(bytes / 1024) KiB"
    }
}
