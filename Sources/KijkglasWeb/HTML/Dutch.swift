import Ledger
import Reports

/// The Dutch words of the pages for the ledger's values.
enum Dutch {
    /// `gepubliceerd`, `vervangen door R4 op 22 juni 2022`, `ingetrokken op …`, `definitief sinds …`.
    static func status(_ lifecycle: ReleaseLifecycle) -> String {
        switch lifecycle.status {
        case .published: "gepubliceerd"
        case .superseded:
            "vervangen" + (lifecycle.supersededBy.map { " door \($0.release) op \($0.on.dutch)" } ?? "")
        case .withdrawn: "ingetrokken" + (lifecycle.withdrawn.map { " op \($0.on.dutch) (\($0.reason))" } ?? "")
        case .definitive: "definitief" + (lifecycle.definitiveOn.map { " sinds \($0.dutch)" } ?? "")
        }
    }

    /// The name of a kind of change.
    static func kind(_ kind: RegistrationChange.Kind) -> String {
        switch kind {
        case .opened: "nieuwe inschrijving"
        case .closed: "beëindigd"
        case .changed: "gewijzigd"
        case .flaggedUnfunded: "niet-bekostigd"
        case .flaggedFunded: "weer bekostigd"
        case .retracted: "teruggetrokken"
        }
    }

    /// The name of a classification.
    static func classification(_ classification: Classification) -> String {
        switch classification {
        case .initial: "eerste release"
        case .change: "wijziging"
        case .correction: "correctie van het verleden"
        case .futureDated: "toekomstig"
        }
    }

    /// `3 gewijzigd, 2 nieuwe inschrijving`: the counts by kind of `classification`'s events.
    static func tally(_ tally: EventTally, _ classification: Classification) -> String {
        tally.byKind(classification).map { "\($0.count) \(kind($0.kind))" }.joined(separator: ", ")
    }

    /// A pupil's PGN, masked unless `show`.
    static func pupil(_ pgn: PGN, show: Bool) -> String { show ? pgn.digits : pgn.masked }

    /// The name of a breakdown.
    static func breakdown(_ breakdown: PupilCount.Breakdown) -> String {
        switch breakdown {
        case .category: "categorie"
        case .school: "school"
        case .schooltype: "schoolsoort"
        case .funded: "bekostiging"
        case .payingswv: "SWV van de TLV"
        }
    }

    /// The breakdowns offered in a form: none first.
    static var breakdownOptions: [(value: String, label: String)] {
        [("", "geen")] + PupilCount.Breakdown.allCases.map { ($0.rawValue, breakdown($0)) }
    }
}
