import Ledger

/// The table `releases` prints.
public enum ReleaseListing {
    /// One line per release: id, scope, publication date, status and its date, current base,
    /// rows, events of its active batch, corrections of the past among them, file hash, and a
    /// note naming a corrected release with its corrections by kind, and a first release of a
    /// school year that rewrites days of the previous one (`previousYear`).
    public static func table(
        _ releases: [Release], lifecycles: [ReleaseID: ReleaseLifecycle], previousYear: [ReleaseID: PreviousYearRewrite] = [:]
    ) -> String {
        guard !releases.isEmpty else { return "no releases recorded yet" }
        let rows = releases.map { release in
            let lifecycle = lifecycles[release.id] ?? ReleaseLifecycle(currentBase: release.base)
            return [
                release.id.description, release.scope.product, release.scope.swv, release.scope.period,
                release.publishedOn.iso, statusText(lifecycle), lifecycle.currentBase?.description ?? "-",
                String(release.rowCount), String(lifecycle.tally.total), String(lifecycle.tally.corrections),
                release.fileSHA256.prefix(6).map { hex($0) }.joined(),
                ([correctionText(lifecycle.tally)] + [previousYear[release.id].map(PreviousYearText.summary)].compactMap { $0 })
                    .filter { !$0.isEmpty }.joined(separator: "; "),
            ]
        }
        return TextTable(
            header: ["id", "product", "swv", "period", "published", "status", "base", "rows", "events", "corrections", "sha256", "note"],
            rows: rows, rightAligned: [7, 8, 9]
        ).render()
    }

    /// `withdrawn 2022-05-12`, `superseded by R4 2022-06-22`, `definitive 2023-04-11`, `published`.
    public static func statusText(_ lifecycle: ReleaseLifecycle) -> String {
        switch lifecycle.status {
        case .withdrawn: "withdrawn \(lifecycle.withdrawn?.on.iso ?? "")"
        case .definitive: "definitive \(lifecycle.definitiveOn?.iso ?? "")"
        case .superseded:
            "superseded by \(lifecycle.supersededBy?.release.description ?? "") \(lifecycle.supersededBy?.on.iso ?? "")"
        case .published: "published"
        }
    }

    /// `corrected release: 3 changed, 2 opened` when most of a batch corrects the past, else empty.
    public static func correctionText(_ tally: EventTally) -> String {
        guard tally.isMostlyCorrections else { return "" }
        return "corrected release: " + correctionsByKind(tally)
    }

    /// `3 changed, 2 opened`: the corrections of the past by kind.
    public static func correctionsByKind(_ tally: EventTally) -> String {
        tally.byKind(.correction).map { "\($0.count) \(label($0.kind))" }.joined(separator: ", ")
    }

    /// `3 opened, 1 closed, 2 changed` in the fixed kind order, zero counts left out.
    public static func kindSummary(_ tally: EventTally) -> String {
        let parts = RegistrationChange.Kind.allCases.compactMap { kind in
            tally.count(of: kind) > 0 ? "\(tally.count(of: kind)) \(label(kind))" : nil
        }
        return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
    }

    /// The short word for a kind in running text.
    public static func label(_ kind: RegistrationChange.Kind) -> String {
        switch kind {
        case .opened: "opened"
        case .closed: "closed"
        case .changed: "changed"
        case .flaggedUnfunded: "flagged niet-bekostigd"
        case .flaggedFunded: "flagged bekostigd"
        case .retracted: "retracted"
        }
    }

    /// Two lowercase hex digits.
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
