/// One figure DUO states in an aggregate file (Kijkglas 1 part 1, Kijkglas 3, Dashboard 1a):
/// what it measures, the cell it belongs to and its value, kept exactly as stated so the
/// ledger's own figures can be reconciled against it.
public struct StatedFigure: Hashable, Sendable {
    /// What a figure measures; the raw value is the name layouts use for its column.
    public enum Measure: String, CaseIterable, Hashable, Sendable {
        /// A number of pupils on the figure's day (`Aantal`).
        case count
        /// Pupils counted on 1 October (`Aantal 1 oktober`).
        case countOctober
        /// Pupils counted on 1 February (`Aantal 1 februari`).
        case countFebruary
        /// 1 February minus 1 October (`Groei`).
        case growth
        /// The amount per extra pupil (`Bedrag per leerling`).
        case amountPerPupil
        /// The SWV's transfer duty (`Overdrachtsverplichting`).
        case transferDuty
    }

    /// What it measures.
    public var measure: Measure
    /// The teldatum or peildatum it is for, when the row states one.
    public var day: Day?
    /// The schoolsoort it is for, nil for all.
    public var schoolType: SchoolType?
    /// The category it is for, nil for all.
    public var category: FundingCategory?
    /// DUO's description of the row (`Omschrijving`), when it has one.
    public var label: String?
    /// The value as stated.
    public var value: StatedValue

    /// What a figure is about besides its measure: its day, schoolsoort, category and description.
    public struct Cell: Hashable, Sendable {
        public var day: Day?
        public var schoolType: SchoolType?
        public var category: FundingCategory?
        public var label: String?
    }

    /// The cell the figure belongs to.
    public var cell: Cell { Cell(day: day, schoolType: schoolType, category: category, label: label) }

    /// A figure from its parts.
    public init(
        measure: Measure, day: Day? = nil, schoolType: SchoolType? = nil, category: FundingCategory? = nil,
        label: String? = nil, value: StatedValue
    ) {
        self.measure = measure
        self.day = day
        self.schoolType = schoolType
        self.category = category
        self.label = label
        self.value = value
    }
}
