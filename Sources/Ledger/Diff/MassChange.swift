/// A batch of registration events that goes past `MassChangeRules`: what it would record,
/// summarised, so the user can look before confirming.
public struct MassChange: Sendable, Equatable, CustomStringConvertible {
    /// The file of the release held back.
    public var fileName: String
    /// Its base release.
    public var base: ReleaseID
    /// How many rows the base has.
    public var baseRows: Int
    /// The registration events of the batch.
    public var events: Int
    /// The corrections of the past among them.
    public var corrections: Int
    /// The fields changed, with the number of rows each changes in, most first.
    public var fieldChanges: [FieldCount]
    /// What went past the rules, one sentence each.
    public var reasons: [String]

    /// A field and the number of rows it changes in.
    public struct FieldCount: Sendable, Equatable {
        /// The field.
        public var field: Registration.Field
        /// The rows it changes in.
        public var rows: Int
    }

    /// The mass change in `batch` (the registration events diffing a release of `fileName`
    /// against `base`, of `baseRows` rows), or nil when it stays within `rules`. A field counts
    /// once per event that changes it; being flagged (un)funded changes `funded`.
    public static func assess(
        _ batch: [RegistrationEvent], fileName: String, base: ReleaseID, baseRows: Int, rules: MassChangeRules
    ) -> MassChange? {
        guard baseRows >= rules.minimumBaseRows.value else { return nil }
        var corrections = 0
        var byField: [Registration.Field: Int] = [:]
        for event in batch {
            if event.classification == .correction { corrections += 1 }
            switch event.change {
            case .changed(let changes):
                for field in Set(changes.map(\.field)) { byField[field, default: 0] += 1 }
            case .flaggedUnfunded, .flaggedFunded:
                byField[.funded, default: 0] += 1
            case .opened, .closed, .retracted:
                continue
            }
        }
        let fields = byField.map { FieldCount(field: $0.key, rows: $0.value) }.sorted { ($1.rows, $0.field) < ($0.rows, $1.field) }
        func percent(_ count: Int) -> Int { count * 100 / max(1, baseRows) }
        var reasons: [String] = []
        if percent(corrections) > rules.maxCorrectionPercent.value {
            reasons.append(
                "\(corrections) corrections of the past (\(percent(corrections))% of the base's rows; the limit is "
                    + "\(rules.maxCorrectionPercent.value)%)")
        }
        for count in fields where percent(count.rows) > rules.maxOneFieldPercent.value {
            reasons.append(
                "\(count.field.rawValue) changed in \(count.rows) rows (\(percent(count.rows))%; the limit is "
                    + "\(rules.maxOneFieldPercent.value)%)")
        }
        guard !reasons.isEmpty else { return nil }
        return MassChange(
            fileName: fileName, base: base, baseRows: baseRows, events: batch.count, corrections: corrections,
            fieldChanges: fields, reasons: reasons)
    }

    /// The summary: the file, its base, one clause per reason, then the fields changed.
    public var summary: String {
        let changed = fieldChanges.prefix(6).map { "\($0.field.rawValue) \($0.rows)" }.joined(separator: ", ")
        return "\(fileName.escapingControlCharacters): stopped before writing: against \(base) (\(baseRows) rows) it would record \(events) events with "
            + reasons.joined(separator: " and ")
            + (changed.isEmpty ? "" : "; rows changed per field: \(changed)")
    }

    /// The summary and what to do.
    public var description: String {
        summary
            + ". A file damaged on its way through a spreadsheet looks like this; inspect the file and diff it against its base. "
            + "If DUO really changed this much, record it accepting the mass change. Nothing was written."
    }
}
