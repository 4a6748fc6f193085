import Ledger

/// One-line human descriptions of log events, with personal data masked.
public enum EventText {
    /// `RegistrationChanged *******89 25GP/04 from 2021-08-01 [correction]: category: L → M`;
    /// one line, control characters in values escaped (`\n`, `\u0000`).
    public static func describe(_ event: Event) -> String {
        line(event).escapingControlCharacters
    }

    private static func line(_ event: Event) -> String {
        switch event {
        case .releaseRecorded(let release):
            let base = release.base.map { " (base \($0))" } ?? " (first of its scope)"
            return "ReleaseRecorded \(release.id) \(release.scope) published \(release.publishedOn.iso), \(release.rowCount) rows\(base)"
        case .releaseSuperseded(let id, let successor, let day):
            return "ReleaseSuperseded \(id) by \(successor) on \(day.iso)"
        case .releaseWithdrawn(let id, let day, let reason):
            return "ReleaseWithdrawn \(id) on \(day.iso): \(PGN.mask(reason))"
        case .releaseMarkedDefinitive(let id, let day):
            return "ReleaseMarkedDefinitive \(id) on \(day.iso)"
        case .batchSuperseded(let release, let base, let newBase):
            return "BatchSuperseded \(release): its batch against \(base?.description ?? "nothing") is replaced by one against \(newBase), a release loaded late"
        case .figuresStated(let id, let figures):
            let measures = Set(figures.map(\.measure))
            let names = StatedFigure.Measure.allCases.filter(measures.contains).map(\.rawValue).joined(separator: ", ")
            return "FiguresStated \(id): \(figures.count) figures (\(names))"
        case .pupilErased(let pupil, let day, let reason):
            return "PupilErased \(pupil.masked) on \(day.iso): \(PGN.mask(reason))"
        case .registration(let registration):
            let head = "\(registration.change.kind.name) \(registration.key) [\(registration.classification.rawValue)]"
            switch registration.change {
            case .opened(let row):
                let category = row.category.map { " category \($0.rawValue)" } ?? ""
                let end = row.periodEnd.map { " until \($0.iso)" } ?? ""
                return "\(head): \(row.schoolType.rawValue)\(category)\(end)\(row.funded ? "" : " niet-bekostigd")"
            case .closed(let day):
                return "\(head): ends \(day.iso)"
            case .changed(let changes):
                return "\(head): " + changes.map(\.description).joined(separator: "; ")
            case .flaggedUnfunded(let reason):
                return "\(head)" + (reason.map { ": \(PGN.mask($0))" } ?? "")
            case .flaggedFunded, .retracted:
                return head
            }
        }
    }
}
