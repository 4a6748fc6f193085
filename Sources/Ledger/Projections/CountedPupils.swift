/// The pupils that count on one day, each with the one row they are counted by.
public struct CountedPupils: Sendable, Equatable {
    /// How rows are selected.
    public enum Selection: Sendable {
        /// The domain's counting rules: only pupils charged to an SWV.
        case rules(CountingRules)
        /// Every row valid on the day, whatever its funding (the `--all` count); a pupil with
        /// several counts by the first row by identity (then by fields).
        case everyValidRow
    }

    /// One counted pupil.
    public struct Pupil: Sendable, Equatable {
        /// The row the pupil is counted by.
        public let row: CountingRow
        /// The SWV that pays: the issuer of the row's TLV, when known.
        public let payingSwv: String?

        /// The pupil.
        public var pgn: PGN { row.pgn }
    }

    /// The day counted.
    public let day: Day
    /// The counted pupils, one each, in PGN order.
    public let pupils: [Pupil]

    /// The pupils of `rows` that count on `day`, restricted to those whose TLV `swv` issued
    /// when given. A pupil counts once; the restriction applies to the row they count by.
    public init(rows: CountingRowPool, on day: Day, selection: Selection, payingSwv swv: String? = nil) {
        // Every selection wants a row valid on the day; rows are judged in place, and only the
        // ones pupils count by are decoded. A row replaces the pupil's row so far when preferred.
        func replaces(_ index: Int, _ seen: Int) -> Bool {
            switch selection {
            case .rules(let rules): rules.prefers(index, over: seen, in: rows)
            case .everyValidRow: rows.precedesInFull(index, seen)
            }
        }
        func counts(_ row: PackedCountingRows.Record) -> Bool {
            if case .rules(let rules) = selection { rules.counts(row, on: day) } else { true }
        }
        var chosen: [(pgn: PGN, index: Int)] = []
        if rows.keepsPupilsTogether {
            // A pupil's rows come one after the other: the last pupil is the only one to compare with.
            rows.forEachRow(validOn: day) { index, row in
                guard counts(row) else { return }
                if let last = chosen.last, last.pgn == row.pgn {
                    if replaces(index, last.index) { chosen[chosen.count - 1].index = index }
                } else {
                    chosen.append((row.pgn, index))
                }
            }
        } else {
            var byPupil: [PGN: Int] = [:]
            rows.forEachRow(validOn: day) { index, row in
                guard counts(row) else { return }
                if let seen = byPupil[row.pgn], !replaces(index, seen) { return }
                byPupil[row.pgn] = index
            }
            chosen = byPupil.map { ($0.key, $0.value) }.sorted { $0.pgn < $1.pgn }
        }
        var pupils: [Pupil] = []
        pupils.reserveCapacity(chosen.count)
        for (_, index) in chosen {
            let row = rows[index]
            let paying: String?
            switch selection {
            case .rules(let rules): paying = rules.payingSwv(of: row)
            case .everyValidRow: paying = row.payingSwv
            }
            if let swv, paying != swv { continue }
            pupils.append(Pupil(row: row, payingSwv: paying))
        }
        self.day = day
        self.pupils = pupils
    }

    /// The number of counted pupils.
    public var count: Int { pupils.count }

    /// Pupil `pgn`, when counted.
    public func pupil(_ pgn: PGN) -> Pupil? {
        var (low, high) = (0, pupils.count)
        while low < high {
            let middle = (low + high) / 2
            if pupils[middle].pgn < pgn { low = middle + 1 } else { high = middle }
        }
        return low < pupils.count && pupils[low].pgn == pgn ? pupils[low] : nil
    }

    /// The number of pupils per `key`.
    public func tally<Key: Hashable>(by key: (Pupil) -> Key) -> [Key: Int] {
        pupils.reduce(into: [:]) { $0[key($1), default: 0] += 1 }
    }

    /// Every pupil counted here or in `other`, in PGN order, with their positions in each's
    /// `pupils` (nil where not counted).
    public func paired(with other: CountedPupils) -> [(pgn: PGN, here: Int?, there: Int?)] {
        var pairs: [(pgn: PGN, here: Int?, there: Int?)] = []
        pairs.reserveCapacity(Swift.max(pupils.count, other.pupils.count))
        var (i, j) = (0, 0)
        while i < pupils.count || j < other.pupils.count {
            let here = i < pupils.count ? pupils[i].pgn : nil
            let there = j < other.pupils.count ? other.pupils[j].pgn : nil
            if let here, let there, here == there {
                pairs.append((here, i, j))
                (i, j) = (i + 1, j + 1)
            } else if let here, there.map({ here < $0 }) ?? true {
                pairs.append((here, i, nil))
                i += 1
            } else if let there {
                pairs.append((there, nil, j))
                j += 1
            }
        }
        return pairs
    }
}
