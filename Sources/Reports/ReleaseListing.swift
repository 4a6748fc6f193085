import Ledger

/// The table `releases` prints.
public enum ReleaseListing {
    /// One line per release: id, scope, publication date, base, rows, events, corrections, file hash.
    public static func table(_ releases: [Release], tallies: [ReleaseID: EventTally]) -> String {
        guard !releases.isEmpty else { return "no releases recorded yet" }
        let rows = releases.map { release in
            let tally = tallies[release.id] ?? EventTally()
            return [
                release.id.description, release.scope.product, release.scope.swv, release.scope.period,
                release.publishedOn.iso, release.base?.description ?? "-", String(release.rowCount),
                String(tally.total), String(tally.corrections),
                release.fileSHA256.prefix(6).map { hex($0) }.joined(),
            ]
        }
        return TextTable(
            header: ["id", "product", "swv", "period", "published", "base", "rows", "events", "corrections", "sha256"],
            rows: rows, rightAligned: [6, 7, 8]
        ).render()
    }

    /// `3 opened, 1 closed, 2 changed` in a fixed kind order, zero counts left out.
    public static func kindSummary(_ tally: EventTally) -> String {
        let order = [
            ("RegistrationOpened", "opened"), ("RegistrationClosed", "closed"), ("RegistrationChanged", "changed"),
            ("RegistrationFlaggedUnfunded", "flagged niet-bekostigd"), ("RegistrationFlaggedFunded", "flagged bekostigd"),
            ("RegistrationRetracted", "retracted"),
        ]
        let parts = order.compactMap { kind, label in tally.byKind[kind].map { "\($0) \(label)" } }
        return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
