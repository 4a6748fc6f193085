import Reports

extension GrowthAnswer {
    /// The report that shows this answer, listing the pupils when `perPupil` (full PGNs when
    /// `showPGN`).
    public func report(perPupil: Bool, showPGN: Bool) -> GrowthReport {
        GrowthReport(growth, context: context, perPupil: perPupil, showPGN: showPGN)
    }
}
