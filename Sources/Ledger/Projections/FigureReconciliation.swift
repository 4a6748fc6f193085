/// DUO's stated figures of one release (Kijkglas 3, Kijkglas 1 part 1) against the ledger's
/// own figures for the same days as known at the same release: for each figure, agreement, or
/// the difference and the pupils that may explain it.
///
/// A count figure is the pupils counted on its day whose TLV the release's SWV issued, within
/// its schoolsoort and category where it names them; growth is 1 February minus the preceding
/// 1 October. Candidates that explain a difference: pupils whose count for that cell changed
/// in releases published after the figures (a correction DUO's figure predates), pupils who
/// count, or do not, only because of a counting rule that is an assumption, and pupils whose
/// days the next school year's file rewrote.
public struct FigureReconciliation: Sendable {
    /// How a stated figure compares.
    public enum Verdict: Sendable, Equatable {
        /// The ledger's value is the stated one (or below a suppressed bound).
        case agrees
        /// The ledger's value differs.
        case differs
        /// The ledger cannot compute this figure; why.
        case notComparable(String)
    }

    /// Why a pupil may explain a difference.
    public enum Reason: Sendable, Equatable {
        /// Counted in the cell as known at the release, not as known today (or the reverse:
        /// `countedThen` false).
        case changedSince(countedThen: Bool)
        /// Counted in the cell only because of the named assumption rule (or not counted only
        /// because of it: `countedUnderRules` false).
        case assumption(rule: String, countedUnderRules: Bool)
        /// The next school year's first file (`release`) speaks differently of the pupil's days
        /// of this year; this year's answers stay as this year's files say.
        case rewrittenByNextSchoolYear(release: ReleaseID)
    }

    /// One pupil that may explain a difference.
    public struct Candidate: Sendable, Equatable {
        /// The pupil.
        public let pgn: PGN
        /// The day the pupil's count differs.
        public let day: Day
        /// Why.
        public let reason: Reason
    }

    /// One stated figure and the ledger's answer.
    public struct Line: Sendable {
        /// The figure as stated.
        public let figure: StatedFigure
        /// The days the ledger counted for it (1 October and the peildatum for growth).
        public var days: [Day] = []
        /// The ledger's value: a count, or cents for an amount; nil when not comparable.
        public let ledgerValue: Int?
        /// The comparison.
        public let verdict: Verdict
        /// Pupils that may explain a difference (empty unless it differs).
        public let candidates: [Candidate]
    }

    /// One line per stated figure, in the release's order.
    public let lines: [Line]

    /// Whether every comparable figure agrees.
    public var agrees: Bool { !lines.contains { $0.verdict == .differs } }

    /// Reconciles `figures` with `peildatum` as the release's own day. `then` and `now` count
    /// the ledger's pupils (of the release's SWV) on a day as known at the release and today
    /// (nil when no registrations release answered for the day, and the figure is not comparable);
    /// `assumptions` count them with one assumption rule reversed, by the rule's name.
    /// `octoberBefore` gives a peildatum's 1 October; `isTotal` tells a description that
    /// names all counted pupils (a figure with a description and no cell is compared only then).
    /// `rewrites` are the next school year's rewrites of this year's days.
    public init(
        figures: [StatedFigure], peildatum: Day, octoberBefore: (Day) -> Day?, isTotal: (String) -> Bool,
        then: (Day) -> CountedPupils?, now: (Day) -> CountedPupils?, assumptions: [(rule: String, count: (Day) -> CountedPupils?)],
        rewrites: [PreviousYearRewrite] = []
    ) {
        func cell(_ counted: CountedPupils, _ figure: StatedFigure) -> Set<PGN> {
            Set(counted.pupils.filter { pupil in
                (figure.schoolType.map { $0 == pupil.row.schoolType } ?? true)
                    && (figure.category.map { $0 == pupil.row.category } ?? true)
            }.map(\.pgn))
        }
        /// Whether a rewrite's new category or schoolsoort is the figure's cell.
        func names(_ figure: StatedFigure, _ difference: PreviousYearRewrite.Difference) -> Bool {
            guard case .changed(let fields) = difference else { return false }
            return fields.contains { change in
                (change.field == .category && figure.category?.rawValue == change.new)
                    || (change.field == .schoolType && figure.schoolType?.rawValue == change.new)
            }
        }
        func candidates(on day: Day, for figure: StatedFigure) -> [Candidate] {
            guard let known = then(day) else { return [] }
            let counted = cell(known, figure)
            let today = now(day).map { cell($0, figure) } ?? counted
            var found = counted.subtracting(today).map { Candidate(pgn: $0, day: day, reason: .changedSince(countedThen: true)) }
                + today.subtracting(counted).map { Candidate(pgn: $0, day: day, reason: .changedSince(countedThen: false)) }
            for (rule, count) in assumptions {
                guard let reversedCount = count(day) else { continue }
                let reversed = cell(reversedCount, figure)
                found += counted.subtracting(reversed).map {
                    Candidate(pgn: $0, day: day, reason: .assumption(rule: rule, countedUnderRules: true))
                }
                found += reversed.subtracting(counted).map {
                    Candidate(pgn: $0, day: day, reason: .assumption(rule: rule, countedUnderRules: false))
                }
            }
            for rewrite in rewrites where day < rewrite.yearStart {
                for rewritten in rewrite.registrations where counted.contains(rewritten.key.pgn) || names(figure, rewritten.difference) {
                    found.append(Candidate(pgn: rewritten.key.pgn, day: day, reason: .rewrittenByNextSchoolYear(release: rewrite.release)))
                }
            }
            return found.sorted { ($0.day, $0.pgn) < ($1.day, $1.pgn) }
        }
        lines = figures.map { figure in
            let day = figure.day ?? peildatum
            if let label = figure.label, figure.schoolType == nil, figure.category == nil, !isTotal(label) {
                return Line(
                    figure: figure, ledgerValue: nil,
                    verdict: .notComparable(
                        "the ledger cannot tell which pupils '\(label)' counts; add the label to the total labels of "
                            + "Schemas/rules/reconciliation.json if it is the total, or a Schoolsoort and Categorie column to the file"),
                    candidates: [])
            }
            /// The ledger's growth of the figure's cell to `day` from the 1 October before it, with both days.
            func growth() -> (days: [Day], value: Int)? {
                guard let october = octoberBefore(day), let after = then(day), let before = then(october) else { return nil }
                return ([october, day], cell(after, figure).count - cell(before, figure).count)
            }
            var days: [Day] = []
            var value: Int?
            switch figure.measure {
            case .count, .countFebruary:
                days = [day]
                value = then(day).map { cell($0, figure).count }
            case .countOctober:
                if let october = octoberBefore(day) {
                    days = [october]
                    value = then(october).map { cell($0, figure).count }
                }
            case .growth:
                if let found = growth() { (days, value) = found }
            case .amountPerPupil:
                return Line(
                    figure: figure, ledgerValue: nil,
                    verdict: .notComparable("an amount per pupil is a rate, not computed from registrations"), candidates: [])
            case .transferDuty:
                return FigureReconciliation.transferDuty(figure, figures: figures, ledgerGrowth: growth()?.value)
            }
            guard let value else {
                let reason = octoberBefore(day) == nil && figure.measure != .count && figure.measure != .countFebruary
                    ? "\(day.iso) has no 1 October before it in the rules"
                    : "no registrations release of the SWV known at the publication answers \(([octoberBefore(day)].compactMap { $0 } + [day]).map(\.iso).joined(separator: " or "))"
                return Line(figure: figure, ledgerValue: nil, verdict: .notComparable(reason), candidates: [])
            }
            let agrees = figure.value.admits(value)
            return Line(
                figure: figure, days: days, ledgerValue: value, verdict: agrees ? .agrees : .differs,
                candidates: agrees ? [] : days.flatMap { candidates(on: $0, for: figure) })
        }
    }

    /// A transfer duty compared with the ledger's growth (when positive) times the amount per
    /// pupil stated for the same cell.
    private static func transferDuty(_ figure: StatedFigure, figures: [StatedFigure], ledgerGrowth: Int?) -> Line {
        let rate = figures.first { $0.measure == .amountPerPupil && $0.cell == figure.cell }
        guard case .amount(let perPupil)? = rate?.value, case .amount(let duty) = figure.value, let growth = ledgerGrowth else {
            return Line(
                figure: figure, ledgerValue: nil,
                verdict: .notComparable("needs an amount per pupil on the same line and a growth the ledger can compute"), candidates: [])
        }
        let expected = perPupil * max(0, growth)
        return Line(figure: figure, ledgerValue: expected.cents, verdict: expected == duty ? .agrees : .differs, candidates: [])
    }
}
