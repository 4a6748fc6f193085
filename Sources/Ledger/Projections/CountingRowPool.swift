/// The counting rows a projection reads: those of the answering releases, pooled, with the
/// order in full (`Registration.precedesInFull`) of rows that share an identity. Only rows of
/// different releases can; ranking them once lets a choice between them stay independent of
/// the order they were read in without keeping the rows' other fields.
public struct CountingRowPool: RandomAccessCollection, Sendable {
    /// The pooled releases' rows, read in place.
    private let parts: [PackedCountingRows]
    /// The pooled index of each part's first row.
    private let starts: [Int]
    /// Index → rank in full order among the rows of its identity (equal rows share a rank);
    /// only for rows whose identity another row shares.
    private let ranks: [Int: Int]

    public var startIndex: Int { 0 }
    public let endIndex: Int

    public subscript(position: Int) -> CountingRow {
        let (part, index) = locate(position)
        return parts[part][index]
    }

    /// Calls `body` with the position and the record (read in place, valid only during the
    /// call) of every row whose period contains `day`: a count judges rows without decoding them.
    package func forEachRow(validOn day: Day, _ body: (Int, PackedCountingRows.Record) -> Void) {
        for (part, packed) in parts.enumerated() {
            packed.withRecords { records in
                for index in 0..<packed.count {
                    let record = records[index]
                    if record.isValid(on: day) { body(starts[part] + index, record) }
                }
            }
        }
    }

    /// Whether every row of one pupil lies next to the others: one part, in identity order
    /// (pupil first), as a single release holds its rows.
    package var keepsPupilsTogether: Bool { parts.count <= 1 }

    /// The part holding pooled row `position`, and the row's index in it.
    private func locate(_ position: Int) -> (part: Int, index: Int) {
        if parts.count == 1 { return (0, position) }
        let part = starts.lastIndex { $0 <= position } ?? 0
        return (part, position - starts[part])
    }

    /// The counting rows of `registrations`, in any order.
    public init(_ registrations: some Sequence<Registration>) {
        // Parts whose identities are unique: the first row of each identity, the second, ….
        var parts: [[Registration]] = []
        var seen: [RegistrationKey: Int] = [:]
        for row in registrations.sorted(by: { $0.key < $1.key }) {
            let occurrence = seen[row.key, default: 0]
            seen[row.key] = occurrence + 1
            if occurrence == parts.count { parts.append([]) }
            parts[occurrence].append(row)
        }
        self.init(parts: parts.map { PackedCountingRows($0.map(CountingRow.init)) }) { part, index in parts[part][index] }
    }

    /// `parts` (each in identity order with unique identities, as a release holds its rows)
    /// pooled in order; `registration(part, index)` gives the full row of one whose identity a
    /// row of another part shares.
    package init(parts: [PackedCountingRows], registration: (_ part: Int, _ index: Int) throws -> Registration) rethrows {
        self.parts = parts
        var starts: [Int] = []
        var total = 0
        for part in parts {
            starts.append(total)
            total += part.count
        }
        self.starts = starts
        endIndex = total
        var ranks: [Int: Int] = [:]
        for group in CountingRowPool.sharedIdentities(in: parts) {
            let full = try group.map { try registration($0.part, $0.index) }
            let order = full.indices.sorted { Registration.precedesInFull(full[$0], full[$1]) }
            var rank = 0
            for (position, member) in order.enumerated() {
                if position > 0, Registration.precedesInFull(full[order[position - 1]], full[member]) { rank += 1 }
                ranks[starts[group[member].part] + group[member].index] = rank
            }
        }
        self.ranks = ranks
    }

    /// Whether row `a` precedes row `b` in `Registration.precedesInFull`: by identity, then by
    /// the rank of rows that share it.
    package func precedesInFull(_ a: Int, _ b: Int) -> Bool {
        let (left, right) = (self[a].key, self[b].key)
        if left != right { return left < right }
        return ranks[a, default: 0] < ranks[b, default: 0]
    }

    /// The groups of rows of different parts with one identity: a merge of the parts by pupil,
    /// then the pupil's rows compared. None when there is one part.
    private static func sharedIdentities(in parts: [PackedCountingRows]) -> [[(part: Int, index: Int)]] {
        guard parts.count > 1 else { return [] }
        var groups: [[(part: Int, index: Int)]] = []
        var heads = [Int](repeating: 0, count: parts.count)
        var pupilRows: [(part: Int, index: Int, row: CountingRow)] = []
        while true {
            var pupil: PGN?
            for part in parts.indices where heads[part] < parts[part].count {
                let pgn = parts[part][heads[part]].pgn
                if pupil.map({ pgn < $0 }) ?? true { pupil = pgn }
            }
            guard let pupil else { return groups }
            pupilRows.removeAll(keepingCapacity: true)
            for part in parts.indices {
                while heads[part] < parts[part].count, case let row = parts[part][heads[part]], row.pgn == pupil {
                    pupilRows.append((part, heads[part], row))
                    heads[part] += 1
                }
            }
            var grouped = Set<Int>()
            for first in pupilRows.indices.dropLast() where !grouped.contains(first) {
                let row = pupilRows[first].row
                let same = pupilRows.indices.dropFirst(first + 1).filter { other in
                    let candidate = pupilRows[other].row
                    return candidate.periodStart == row.periodStart && candidate.institution == row.institution
                        && candidate.branch == row.branch
                }
                guard !same.isEmpty else { continue }
                grouped.formUnion(same)
                groups.append(([first] + same).map { (pupilRows[$0].part, pupilRows[$0].index) })
            }
        }
    }
}
