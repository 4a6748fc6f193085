import Ledger

/// The answer to a `RevisionsRequest`.
public struct RevisionsAnswer: Sendable {
    /// The triangle: one row per day of knowledge.
    public let revisions: Revisions
    /// What was followed: `count`, `growth` or `funding 2015-2016`.
    public let metric: String
    /// The unit of the values: `pupils` or `cents`.
    public let unit: String
    /// The titles of the value columns when not the days.
    public let columnTitles: [String]?
    /// The SWV whose releases answered.
    public let swv: String
}
