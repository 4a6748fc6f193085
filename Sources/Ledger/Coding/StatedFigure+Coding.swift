extension StatedFigure {
    /// Writes the figure: measure, optional cell, label and value, each behind a presence byte.
    public func encode(into writer: inout ByteWriter) {
        writer.write(string: measure.rawValue)
        writer.write(byte: day == nil ? 0 : 1)
        if let day { writer.write(day: day) }
        writer.write(optional: schoolType?.rawValue)
        writer.write(optional: category?.rawValue)
        writer.write(optional: label)
        switch value {
        case .number(let number):
            writer.write(byte: 0)
            writer.write(signed: Int64(number))
        case .amount(let money):
            writer.write(byte: 1)
            writer.write(signed: Int64(money.cents))
        case .fewerThan(let bound):
            writer.write(byte: 2)
            writer.write(signed: Int64(bound))
        }
    }

    /// Reads a figure written by `encode(into:)`.
    public init(from reader: inout ByteReader) throws(RecordDecodingError) {
        guard let measure = Measure(rawValue: try reader.readString()) else {
            throw RecordDecodingError(offset: reader.offset, expected: "a figure measure")
        }
        let day = try reader.readByte() == 0 ? nil : try reader.readDay()
        let schoolType = try reader.readOptional().map { text throws(RecordDecodingError) in
            guard let type = SchoolType(rawValue: text) else { throw RecordDecodingError(offset: reader.offset, expected: "SO or VSO") }
            return type
        }
        let category = try reader.readOptional().map { text throws(RecordDecodingError) in
            guard let category = FundingCategory(rawValue: text) else {
                throw RecordDecodingError(offset: reader.offset, expected: "a category L, M or H")
            }
            return category
        }
        let label = try reader.readOptional()
        let tag = try reader.readByte()
        let number = Int(try reader.readSigned())
        let value: StatedValue
        switch tag {
        case 0: value = .number(number)
        case 1: value = .amount(Money(cents: number))
        case 2: value = .fewerThan(number)
        default: throw RecordDecodingError(offset: reader.offset, expected: "a stated value tag")
        }
        self.init(measure: measure, day: day, schoolType: schoolType, category: category, label: label, value: value)
    }

    /// Writes a release's figures, count first.
    package static func encode(_ figures: [StatedFigure], into writer: inout ByteWriter) {
        writer.write(varint: UInt64(figures.count))
        for figure in figures { figure.encode(into: &writer) }
    }

    /// Reads a release's figures written by `encode(_:into:)`.
    package static func decodeList(from reader: inout ByteReader) throws(RecordDecodingError) -> [StatedFigure] {
        var figures: [StatedFigure] = []
        for _ in 0..<(try reader.readCount(limit: 1 << 20)) { figures.append(try StatedFigure(from: &reader)) }
        return figures
    }
}
