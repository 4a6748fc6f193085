/// The growth of counted (v)so pupils between a reference day (1 October) and a peildatum
/// (1 February), per category, and the pupils that explain it.
///
/// Instroom: counted on the peildatum, not on the reference day; uitstroom: the reverse;
/// doorstroom: counted on both days at another vestiging, which does not change the count. A
/// pupil counted on both days in another category moves between categories.
public struct Growth: Sendable {
    /// Counts on both days for one category (nil: rows without a category).
    public struct Line: Sendable, Equatable {
        /// The category.
        public let category: FundingCategory?
        /// Pupils on the reference day.
        public let reference: Int
        /// Pupils on the peildatum.
        public let peildatum: Int
        /// Peildatum minus reference day.
        public var growth: Int { peildatum - reference }
    }

    /// What happened to one pupil between the two days.
    public enum Movement: String, Sendable, CaseIterable {
        /// Counted on the peildatum only.
        case instroom
        /// Counted on the reference day only.
        case uitstroom
        /// Counted on both days, at another vestiging.
        case doorstroom
        /// Counted on both days at the same vestiging, in another category.
        case category
    }

    /// One pupil who came, left, moved school or changed category.
    public struct PupilMovement: Sendable, Equatable {
        /// What happened.
        public let movement: Movement
        /// The pupil.
        public let pgn: PGN
        /// How the pupil counted on the reference day.
        public let before: CountedPupils.Pupil?
        /// How the pupil counted on the peildatum.
        public let after: CountedPupils.Pupil?
    }

    /// The reference day's count.
    public let before: CountedPupils
    /// The peildatum's count.
    public let after: CountedPupils
    /// One line per category present on either day, L, M, H then none.
    public let lines: [Line]
    /// The pupils that moved, by pupil.
    public let movements: [PupilMovement]

    /// The growth from `before` (reference day) to `after` (peildatum).
    public init(from before: CountedPupils, to after: CountedPupils) {
        self.before = before
        self.after = after
        func tally(_ counted: CountedPupils) -> [FundingCategory?: Int] {
            counted.tally { $0.row.category }
        }
        let (was, now) = (tally(before), tally(after))
        let categories: [FundingCategory?] = FundingCategory.allCases + [nil]
        lines = categories.compactMap { category in
            let line = Line(category: category, reference: was[category] ?? 0, peildatum: now[category] ?? 0)
            return category == nil && line.reference == 0 && line.peildatum == 0 ? nil : line
        }
        var movements: [PupilMovement] = []
        for (pgn, here, there) in before.paired(with: after) {
            let (old, new) = (here.map { before.pupils[$0] }, there.map { after.pupils[$0] })
            let movement: Movement?
            switch (old, new) {
            case (nil, _?): movement = .instroom
            case (_?, nil): movement = .uitstroom
            case (let old?, let new?):
                movement =
                    (old.row.institution, old.row.branch) != (new.row.institution, new.row.branch)
                    ? .doorstroom : old.row.category != new.row.category ? .category : nil
            case (nil, nil): movement = nil
            }
            if let movement { movements.append(PupilMovement(movement: movement, pgn: pgn, before: old, after: new)) }
        }
        self.movements = movements
    }

    /// The totals over all categories.
    public var total: Line {
        Line(category: nil, reference: before.count, peildatum: after.count)
    }

    /// The reference day.
    public var referenceDay: Day { before.day }

    /// The peildatum.
    public var peildatum: Day { after.day }
}
