/// A release's rows, in identity order, as runs taken from numbered sources: source 0 is the
/// release with a whole row list at the bottom of an edit chain, source `k` the own rows of the
/// `k`th edit above it. Composing a chain of edits this way and copying once is cheaper than
/// materialising every release between.
package struct RowSources {
    /// `count` rows of `source` from `start`.
    package struct Run: Equatable {
        package var source: Int
        package var start: Int
        package var count: Int
    }

    /// The runs, in row order.
    private(set) var runs: [Run]
    /// The row index after each run.
    private var ends: [Int]

    /// The `count` rows of the whole release at the bottom of a chain.
    package init(wholeCount count: Int) {
        runs = count > 0 ? [Run(source: 0, start: 0, count: count)] : []
        ends = count > 0 ? [count] : []
    }

    /// The rows of the release at the top of a chain: the whole release's `wholeCount` rows
    /// with `edits` applied bottom first, the `k`th bringing `ownCount` rows as source `k`.
    /// - Throws: when an edit takes rows the release below it does not have.
    package init(wholeCount: Int, composing edits: [(edit: RowListEdit, ownCount: Int)]) throws(RecordDecodingError) {
        self.init(wholeCount: wholeCount)
        for (index, link) in edits.enumerated() {
            self = try applying(link.edit, ownSource: index + 1, ownCount: link.ownCount)
        }
    }

    private init(runs: [Run]) {
        self.runs = runs
        var total = 0
        ends = runs.map { run in
            total += run.count
            return total
        }
    }

    /// Rows in all.
    package var count: Int { ends.last ?? 0 }

    /// The rows `edit` makes of these, its own rows being source `ownSource`.
    /// - Throws: when the edit takes rows these do not have.
    package func applying(_ edit: RowListEdit, ownSource: Int, ownCount: Int) throws(RecordDecodingError) -> RowSources {
        guard edit.fits(baseCount: count, ownCount: ownCount) else {
            throw RecordDecodingError(offset: 0, expected: "an edit that fits its base's \(count) and its own \(ownCount) rows")
        }
        var result: [Run] = []
        var next = 0
        func add(_ run: Run) {
            if let last = result.last, last.source == run.source, last.start + last.count == run.start {
                result[result.count - 1].count += run.count
            } else {
                result.append(run)
            }
        }
        for run in edit.runs {
            switch run {
            case .own(let count):
                add(Run(source: ownSource, start: next, count: count))
                next += count
            case .base(let start, let count):
                // The runs holding rows start..<start + count, cut to them.
                var index = firstRun(endingAfter: start)
                var position = start
                while position < start + count {
                    let runStart = ends[index] - runs[index].count
                    let take = Swift.min(ends[index], start + count) - position
                    add(Run(source: runs[index].source, start: runs[index].start + position - runStart, count: take))
                    position += take
                    index += 1
                }
            }
        }
        return RowSources(runs: result)
    }

    /// The index of the first run that ends after row `row`.
    private func firstRun(endingAfter row: Int) -> Int {
        var (low, high) = (0, ends.count)
        while low < high {
            let middle = (low + high) / 2
            if ends[middle] <= row { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The release's fixed-width entries (`width` bytes each), from each source's entries.
    package func entries(from sources: [[UInt8]], width: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count * width)
        for run in runs {
            result += sources[run.source][run.start * width..<(run.start + run.count) * width]
        }
        return result
    }
}
