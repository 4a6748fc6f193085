/// How a release's rows, in identity order, follow from its base release's: runs of the base's
/// rows taken over in order, and runs of rows of its own. A release whose rows mostly equal its
/// base's stores its row list and counting rows as this edit plus its own rows only.
package struct RowListEdit: Equatable, Sendable {
    /// One run of rows.
    package enum Run: Equatable, Sendable {
        /// The base's rows `start..<start + count`.
        case base(start: Int, count: Int)
        /// The next `count` of the release's own rows.
        case own(count: Int)
    }

    /// The runs, in row order.
    package let runs: [Run]

    /// The edit where row `i` is the base's row `baseIndex[i]`, or one of its own when -1.
    package init(baseIndex: [Int32]) {
        var runs: [Run] = []
        for index in baseIndex {
            switch (runs.last, index) {
            case (.own(let count)?, -1):
                runs[runs.count - 1] = .own(count: count + 1)
            case (_, -1):
                runs.append(.own(count: 1))
            case (.base(let start, let count)?, let at) where Int(at) == start + count:
                runs[runs.count - 1] = .base(start: start, count: count + 1)
            default:
                runs.append(.base(start: Int(index), count: 1))
            }
        }
        self.runs = runs
    }

    /// Rows of the release's own.
    package var ownCount: Int {
        runs.reduce(0) { if case .own(let count) = $1 { $0 + count } else { $0 } }
    }

    /// Whether the runs take only rows `base` has (`baseCount` of them) and exactly the
    /// `ownCount` rows of the release's own.
    package func fits(baseCount: Int, ownCount: Int) -> Bool {
        self.ownCount == ownCount
            && runs.allSatisfy { run in
                if case .base(let start, let count) = run { start + count <= baseCount } else { true }
            }
    }

    /// Writes the runs: their number, then each as a tag (0 base, 1 own) and varints.
    package func encode(into writer: inout ByteWriter) {
        writer.write(varint: UInt64(runs.count))
        for run in runs {
            switch run {
            case .base(let start, let count):
                writer.write(byte: 0)
                writer.write(varint: UInt64(start))
                writer.write(varint: UInt64(count))
            case .own(let count):
                writer.write(byte: 1)
                writer.write(varint: UInt64(count))
            }
        }
    }

    /// Reads runs written by `encode(into:)`. Starts and lengths stay within `UInt32` (row
    /// counts are), and so does the rows' total, so no arithmetic on them can overflow.
    package init(from reader: inout ByteReader) throws(RecordDecodingError) {
        let count = try reader.readVarint()
        var runs: [Run] = []
        var total: UInt64 = 0
        func rows() throws(RecordDecodingError) -> Int {
            let value = try reader.readVarint()
            total += value <= UInt64(UInt32.max) ? value : 0
            guard value > 0, value <= UInt64(UInt32.max), total <= UInt64(UInt32.max) else {
                throw RecordDecodingError(offset: reader.offset, expected: "a run of 1 to \(UInt32.max) rows in all")
            }
            return Int(value)
        }
        for _ in 0..<count {
            switch try reader.readByte() {
            case 0:
                let start = try reader.readVarint()
                guard start <= UInt64(UInt32.max) else { throw RecordDecodingError(offset: reader.offset, expected: "a base row") }
                runs.append(.base(start: Int(start), count: try rows()))
            case 1:
                runs.append(.own(count: try rows()))
            default:
                throw RecordDecodingError(offset: reader.offset, expected: "a run tag")
            }
        }
        self.runs = runs
    }
}
