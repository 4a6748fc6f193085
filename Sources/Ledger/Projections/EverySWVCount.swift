/// The all-SWVs view of a count: every SWV answered from its own releases, side by side and
/// summed, and the pupils that more than one SWV's files count (files of two SWVs that attribute
/// one pupil to different paying SWVs).
public struct EverySWVCount: Sendable {
    /// One SWV's own answer.
    public struct Answer: Sendable {
        /// What the ledger knew of the SWV's school year.
        public let state: KnownState
        /// The pupils its releases count.
        public let counted: CountedPupils
        /// Their count, broken down.
        public let count: PupilCount
    }

    /// A pupil whom several SWVs' answers count.
    public struct SharedPupil: Sendable, Equatable {
        /// The pupil.
        public let pgn: PGN
        /// The SWVs whose answers count the pupil, each with the paying SWV its files name.
        public let counts: [(swv: String, payingSwv: String?)]

        public static func == (lhs: SharedPupil, rhs: SharedPupil) -> Bool {
            lhs.pgn == rhs.pgn && lhs.counts.map(\.swv) == rhs.counts.map(\.swv) && lhs.counts.map(\.payingSwv) == rhs.counts.map(\.payingSwv)
        }
    }

    /// The day counted.
    public let day: Day
    /// Each answered SWV's answer, by SWV code.
    public let answers: [Answer]
    /// The SWVs whose releases do not answer the day (as known then).
    public let unanswered: [String]
    /// The answers summed, broken down like each.
    public let total: PupilCount
    /// Pupils counted in more than one SWV's answer, in PGN order.
    public let sharedPupils: [SharedPupil]

    /// The count on `day` of each of `swvs`, each from what was known of its own releases
    /// (`state`, of one SWV) and for the pupils whose TLV it issued (every paying SWV when
    /// `everyPayer`), broken down by `breakdown`.
    public init(
        swvs: [String], on day: Day, selection: CountedPupils.Selection, everyPayer: Bool, by breakdown: PupilCount.Breakdown?,
        state: (String) throws -> KnownState
    ) rethrows {
        var answers: [Answer] = []
        var unanswered: [String] = []
        for swv in swvs.sorted() {
            let known = try state(swv)
            guard let counted = known.counted(on: day, selection: selection, payingSwv: everyPayer ? nil : swv) else {
                unanswered.append(swv)
                continue
            }
            answers.append(Answer(state: known, counted: counted, count: PupilCount(counted, by: breakdown)))
        }
        var groups: [String: Int] = [:]
        for answer in answers {
            for group in answer.count.groups { groups[group.label, default: 0] += group.count }
        }
        var counts: [PGN: [(swv: String, payingSwv: String?)]] = [:]
        for answer in answers {
            for pupil in answer.counted.pupils { counts[pupil.pgn, default: []].append((answer.state.swv, pupil.payingSwv)) }
        }
        self.day = day
        self.answers = answers
        self.unanswered = unanswered
        total = PupilCount(
            day: day, breakdown: breakdown, total: answers.map(\.count.total).reduce(0, +),
            groups: groups.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        sharedPupils = counts.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }.map { SharedPupil(pgn: $0.key, counts: $0.value) }
    }
}
