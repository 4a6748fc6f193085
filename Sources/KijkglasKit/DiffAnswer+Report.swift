import Reports

extension DiffAnswer {
    /// The report that shows this answer, as text, JSON, CSV or Markdown.
    public var report: DiffReport { DiffReport(diff, previousYear: previousYear) }
}
