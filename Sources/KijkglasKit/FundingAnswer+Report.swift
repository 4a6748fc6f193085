import Reports

extension FundingAnswer {
    /// The report that shows this answer.
    public var report: FundingReport { FundingReport(funding, context: context) }
}
