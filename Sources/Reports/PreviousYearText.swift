import Ledger

/// How reports show a `PreviousYearRewrite`: a new school year's first file that speaks
/// differently of the previous year's days, PGNs masked.
public enum PreviousYearText {
    /// `reaches into 2020-2021: 3 registrations differ from R10 before 2021-08-01`.
    public static func summary(_ rewrite: PreviousYearRewrite) -> String {
        "reaches into \(SchoolYear(containing: rewrite.yearStart).previous): \(rewrite.registrations.count) registration(s) "
            + "differ from \(rewrite.previous) before \(rewrite.yearStart.iso)"
    }

    /// A heading line, then one line per registration.
    public static func lines(_ rewrite: PreviousYearRewrite) -> [String] {
        let heading =
            "\(rewrite.release) \(summary(rewrite)) (\(rewrite.previous) still answers those days; a correction of the past "
            + "reaching into the previous school year):"
        return [heading] + rewrite.registrations.map { registration in
            let key = registration.key
            let place = "  \(key.pgn.masked) \(key.institution)/\(key.branch) from \(key.periodStart.iso): "
            switch registration.difference {
            case .notHeld: return place + "not in \(rewrite.previous)"
            case .changed(let fields): return place + fields.map(\.description).joined(separator: "; ")
            }
        }
    }

    /// The JSON form.
    public struct JSON: Encodable {
        struct Field: Encodable {
            var field: String
            var old: String?
            var new: String?
        }
        struct Rewritten: Encodable {
            var pupil: String
            var institution: String
            var branch: String
            var periodStart: String
            var notHeld: Bool
            var fields: [Field]
        }

        var release: String
        var previous: String
        var yearStart: String
        var registrations: [Rewritten]

        /// `rewrite` as JSON, PGNs masked.
        public init(_ rewrite: PreviousYearRewrite) {
            release = rewrite.release.description
            previous = rewrite.previous.description
            yearStart = rewrite.yearStart.iso
            registrations = rewrite.registrations.map { registration in
                let fields: [FieldChange]
                if case .changed(let changed) = registration.difference { fields = changed } else { fields = [] }
                return Rewritten(
                    pupil: registration.key.pgn.masked, institution: registration.key.institution, branch: registration.key.branch,
                    periodStart: registration.key.periodStart.iso, notHeld: registration.difference == .notHeld,
                    fields: fields.map {
                        Field(field: $0.field.rawValue, old: Registration.display($0.old, of: $0.field), new: Registration.display($0.new, of: $0.field))
                    })
            }
        }
    }
}
