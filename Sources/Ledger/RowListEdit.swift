/// How a release's rows, in identity order, follow from its base release's: runs of the base's
/// rows taken over in order, and runs of rows of its own. A release whose rows mostly equal its
/// base's stores its row list and counting rows as this edit plus its own rows only.
struct RowListEdit: Equatable, Sendable {
    /// One run of rows.
    enum Run: Equatable, Sendable {
        /// The base's rows `start..<start + count`.
        case base(start: Int, count: Int)
        /// The next `count` of the release's own rows.
        case own(count: Int)
    }

    /// The runs, in row order.
    let runs: [Run]

    /// The edit where row `i` is the base's row `baseIndex[i]`, or one of its own when -1.
    init(baseIndex: [Int32]) {
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
    var ownCount: Int {
        runs.reduce(0) { if case .own(let count) = $1 { $0 + count } else { $0 } }
    }

    /// Rows in all.
    var count: Int {
        runs.reduce(0) {
            switch $1 {
            case .base(_, let count), .own(let count): $0 + count
            }
        }
    }

    /// The release's fixed-width entries (`width` bytes each): the base's, and its own in order.
    func apply(base: [UInt8], own: [UInt8], width: Int) throws(RecordDecodingError) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count * width)
        var next = 0
        for run in runs {
            switch run {
            case .base(let start, let count):
                guard (start + count) * width <= base.count else { throw RecordDecodingError(offset: 0, expected: "base rows of an edit") }
                result += base[start * width..<(start + count) * width]
            case .own(let count):
                guard (next + count) * width <= own.count else { throw RecordDecodingError(offset: 0, expected: "own rows of an edit") }
                result += own[next * width..<(next + count) * width]
                next += count
            }
        }
        return result
    }

    /// Writes the runs: their number, then each as a tag (0 base, 1 own) and varints.
    func encode(into writer: inout ByteWriter) {
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

    /// Reads runs written by `encode(into:)`.
    init(from reader: inout ByteReader) throws(RecordDecodingError) {
        let count = try reader.readVarint()
        var runs: [Run] = []
        for _ in 0..<count {
            switch try reader.readByte() {
            case 0:
                let start = Int(truncatingIfNeeded: try reader.readVarint())
                let count = Int(truncatingIfNeeded: try reader.readVarint())
                guard start >= 0, count > 0 else { throw RecordDecodingError(offset: reader.offset, expected: "a run of base rows") }
                runs.append(.base(start: start, count: count))
            case 1:
                let count = Int(truncatingIfNeeded: try reader.readVarint())
                guard count > 0 else { throw RecordDecodingError(offset: reader.offset, expected: "a run of own rows") }
                runs.append(.own(count: count))
            default:
                throw RecordDecodingError(offset: reader.offset, expected: "a run tag")
            }
        }
        self.runs = runs
    }
}
