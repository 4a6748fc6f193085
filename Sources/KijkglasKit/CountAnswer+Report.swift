import Reports

extension CountAnswer {
    /// The report that shows this answer: counted by the rules or `everyValidRow`, for the SWV's
    /// own TLVs or `everyPayer`'s, the pupils several SWVs count with full PGNs when `showPGN`.
    public func report(everyValidRow: Bool, everyPayer: Bool, showPGN: Bool) -> CountReport {
        switch self {
        case .oneSWV(let count, let context):
            .oneSWV(count, context)
        case .everySWV(let every):
            .everySWV(EverySWVCountReport(every, selection: everyValidRow ? "all" : "rules", everyPayer: everyPayer, showPGN: showPGN))
        }
    }
}
