import Ledger

/// How one line's cells map onto a layout's fields, taken as the table's header.
struct HeaderMatch {
    /// A header the layout does not know, with the closest alias it might have meant.
    struct Unrecognised {
        /// Its column, from 1.
        var column: Int
        /// The header as written.
        var header: String
        /// The closest alias and what it feeds, nil when none is close.
        var suggestion: (alias: String, target: ColumnTarget)?
    }

    /// The layout matched against.
    let layout: Layout
    /// The line of the header.
    let line: Int
    /// What each column (index from 0) feeds; nil for columns the layout does not know.
    let targets: [ColumnTarget?]
    /// The cells of the line.
    let headers: [String]
    /// Required fields no column fills, as the target their own column would feed.
    let missing: [ColumnTarget]
    /// Columns (from 1) that feed a target an earlier column already feeds, with that column.
    let repeated: [(column: Int, first: Int, target: ColumnTarget)]

    /// How many columns the layout knows.
    var matchedCount: Int { targets.count { $0 != nil } }
    /// Whether the line has every column the layout requires.
    var isComplete: Bool { missing.isEmpty }
    /// Whether a column gives the teldatum of a snapshot's rows.
    var hasReferenceDayColumn: Bool {
        targets.contains { target in
            guard case .combined(let index)? = target else { return false }
            return layout.combined[index].kind == .referenceDay
        }
    }

    /// Non-empty headers the layout does not know, each with the closest alias of a field no
    /// column feeds: worked out only when asked, as the header search tries many lines.
    var unrecognised: [Unrecognised] {
        let mapped = Set(targets.compactMap { $0 })
        let open = layout.aliases.filter { !mapped.contains($0.target) }
        return headers.enumerated().compactMap { index, header in
            guard targets[index] == nil, !HeaderName.normalised(header).isEmpty else { return nil }
            return Unrecognised(column: index + 1, header: header, suggestion: HeaderMatch.closest(to: header, among: open))
        }
    }

    /// Matches `headers` (the cells of line `line`) against `layout`.
    init(layout: Layout, headers: [String], line: Int) {
        self.layout = layout
        self.line = line
        self.headers = headers
        var targets: [ColumnTarget?] = []
        var firstColumn: [ColumnTarget: Int] = [:]
        var repeated: [(column: Int, first: Int, target: ColumnTarget)] = []
        for (index, header) in headers.enumerated() {
            let target = layout.target(ofHeader: header)
            if let target {
                if let first = firstColumn[target] {
                    repeated.append((index + 1, first, target))
                } else {
                    firstColumn[target] = index + 1
                }
            }
            targets.append(target)
        }
        self.targets = targets
        self.repeated = repeated
        let mapped = Set(firstColumn.keys)
        missing = layout.missingFields(mapped: mapped)
    }

    /// The alias among `aliases` closest to `header`, nil when none is close.
    static func closest(to header: String, among aliases: [(header: String, target: ColumnTarget)])
        -> (alias: String, target: ColumnTarget)?
    {
        let normalised = HeaderName.normalised(header)
        var best: (alias: String, target: ColumnTarget, closeness: (Int, Int))?
        for alias in aliases {
            guard let closeness = HeaderName.closeness(of: HeaderName.normalised(alias.header), to: normalised) else { continue }
            if best.map({ closeness < $0.closeness }) ?? true { best = (alias.header, alias.target, closeness) }
        }
        return best.map { ($0.alias, $0.target) }
    }
}
