/// The rows of one scope as a fold of registration events: what `verify` rebuilds and
/// compares with each release's stored rows.
public struct RowState: Sendable, Equatable {
    /// Rows by identity.
    public private(set) var rows: [RegistrationKey: Registration]

    /// A state holding `rows`.
    public init(rows: [Registration] = []) {
        self.rows = Dictionary(rows.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Applies one event.
    /// - Throws: `FoldError` when the event does not fit the state (a row opened twice, a change
    ///   to a missing row, an old value that differs from the state's).
    public mutating func apply(_ event: RegistrationEvent) throws(FoldError) {
        func fail(_ why: String) -> FoldError { FoldError(key: event.key, reason: why) }
        if case .opened(let row) = event.change {
            guard rows[row.key] == nil else { throw fail("opened twice") }
            rows[row.key] = row
            return
        }
        guard var row = rows[event.key] else { throw fail("\(event.change.kind.name) of a missing row") }
        switch event.change {
        case .opened: return
        case .retracted:
            rows[event.key] = nil
            return
        case .closed(let day):
            row.periodEnd = day
        case .flaggedUnfunded(let reason):
            row.funded = false
            row.unfundedReason = reason
        case .flaggedFunded:
            row.funded = true
        case .changed(let changes):
            for change in changes {
                guard row.text(of: change.field) == change.old else {
                    throw fail("\(change.field.rawValue) was not the changed value's old value")
                }
                do throws(FieldValueError) {
                    try row.set(change.field, text: change.new)
                } catch {
                    throw fail(error.description)
                }
            }
        }
        if row.key != event.key {
            guard rows[row.key] == nil else { throw fail("moved onto an existing row") }
            rows[event.key] = nil
        }
        rows[row.key] = row
    }
}
