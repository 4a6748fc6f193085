import Reports

extension RevisionsAnswer {
    /// The report that shows this answer.
    public var report: RevisionsReport {
        RevisionsReport(revisions, metric: metric, unit: unit, columnTitles: columnTitles, swv: swv)
    }
}
