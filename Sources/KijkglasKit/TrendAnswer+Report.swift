import Reports

extension TrendAnswer {
    /// The report that shows this answer, as a table, CSV, JSON or HTML page.
    public var report: TrendReport {
        TrendReport(trend, context: context, revisions: revisions, releases: releases, lifecycles: lifecycles)
    }
}
