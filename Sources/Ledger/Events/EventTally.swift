/// Counts of a batch's registration events by kind and classification.
public struct EventTally: Sendable, Equatable {
    /// Events per kind and classification.
    public private(set) var counts: [RegistrationChange.Kind: [Classification: Int]] = [:]

    /// An empty tally.
    public init() {}

    /// Adds one event.
    public mutating func add(_ event: RegistrationEvent) {
        add(event.change.kind, event.classification)
    }

    /// Adds one event of `kind` and `classification`.
    package mutating func add(_ kind: RegistrationChange.Kind, _ classification: Classification) {
        counts[kind, default: [:]][classification, default: 0] += 1
    }

    /// Events of one kind.
    public func count(of kind: RegistrationChange.Kind) -> Int {
        counts[kind]?.values.reduce(0, +) ?? 0
    }

    /// Events of one classification, per kind.
    public func byKind(_ classification: Classification) -> [(kind: RegistrationChange.Kind, count: Int)] {
        RegistrationChange.Kind.allCases.compactMap { kind in
            counts[kind]?[classification].map { (kind, $0) }
        }
    }

    /// Registration events counted.
    public var total: Int { counts.values.flatMap(\.values).reduce(0, +) }

    /// Corrections of the past among them.
    public var corrections: Int { counts.values.compactMap { $0[.correction] }.reduce(0, +) }

    /// Whether most of the events correct the past: the batch belongs to a *corrected release*.
    public var isMostlyCorrections: Bool { corrections * 2 > total }

    /// Writes the tally.
    package func encode(into writer: inout ByteWriter) {
        let cells = counts.flatMap { kind, byClass in byClass.map { (kind, $0.key, $0.value) } }
            .sorted { ($0.0, $0.1.code) < ($1.0, $1.1.code) }
        writer.write(varint: UInt64(cells.count))
        for (kind, classification, count) in cells {
            writer.write(byte: kind.rawValue)
            writer.write(byte: classification.code)
            writer.write(varint: UInt64(count))
        }
    }

    /// Reads a tally written by `encode(into:)`.
    package init(from reader: inout ByteReader) throws(RecordDecodingError) {
        for _ in 0..<(try reader.readCount(limit: 64)) {
            guard let kind = RegistrationChange.Kind(rawValue: try reader.readByte()),
                let classification = Classification(code: try reader.readByte())
            else { throw RecordDecodingError(offset: reader.offset, expected: "a tally cell") }
            counts[kind, default: [:]][classification] = try reader.readCount()
        }
    }
}
