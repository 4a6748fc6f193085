import Reports

extension ReconcileAnswer {
    /// The report that shows this answer, with full PGNs when `showPGN`.
    public func report(showPGN: Bool) -> ReconcileReport {
        ReconcileReport(release: release, outcome: outcome, context: context, showPGN: showPGN)
    }
}
