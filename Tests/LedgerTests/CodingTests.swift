import Ledger
import Testing
import SampleData
import TestSupport

@Suite("Binary encoding")
struct CodingTests {
    @Test("random rows decode to themselves")
    func rowsRoundTrip() throws {
        let seed = SplitMix64.seedFromEnvironment()
        var generator = RegistrationGenerator(seed: seed)
        for row in generator.rows(count: 500) {
            let decoded = try Registration(encoded: row.encoded)
            #expect(decoded == row, "seed \(seed)")
        }
    }

    @Test("a stored row's presence mask has bit n set exactly when the nth field has a text")
    func presenceMask() throws {
        let seed = SplitMix64.seedFromEnvironment()
        var generator = RegistrationGenerator(seed: seed)
        for row in generator.rows(count: 500) {
            var expected: UInt64 = 0
            for (bit, field) in Registration.Field.allCases.enumerated() where row.text(of: field) != nil {
                expected |= 1 << UInt64(bit)
            }
            var reader = ByteReader(row.encoded)
            _ = try reader.readByte()
            #expect(try reader.readVarint() == expected, "seed \(seed)")
        }
    }

    @Test("every event kind decodes to itself")
    func eventsRoundTrip() throws {
        let seed = SplitMix64.seedFromEnvironment()
        var generator = RegistrationGenerator(seed: seed)
        let row = generator.row()
        let release = Release(
            id: ReleaseID(3), scope: Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"),
            publishedOn: generator.day(), fileName: "a.csv", fileSHA256: Array(repeating: 7, count: 32), rowCount: 12,
            base: ReleaseID(2))
        let changes: [RegistrationChange] = [
            .opened(row), .closed(on: generator.day()), .flaggedFunded, .retracted, .flaggedUnfunded(reason: nil),
            .flaggedUnfunded(reason: "Geen geldige TLV"),
            .changed([FieldChange(field: .category, old: "L", new: nil), FieldChange(field: .periodStart, old: "2021-08-01", new: "2021-09-01")]),
        ]
        var events: [Event] = [.releaseRecorded(release)]
        for (index, change) in changes.enumerated() {
            events.append(
                .registration(
                    RegistrationEvent(
                        release: ReleaseID(3), base: index % 2 == 0 ? nil : ReleaseID(2),
                        classification: Classification.allCases[index % 4], key: row.key, change: change)))
        }
        for event in events {
            #expect(try Event(encoded: event.encoded) == event, "seed \(seed)")
        }
    }

    @Test("truncated and padded payloads are rejected, not misread")
    func truncated() throws {
        var generator = RegistrationGenerator(seed: 42)
        let bytes = Event.registration(
            RegistrationEvent(release: ReleaseID(1), base: nil, classification: .initial, key: generator.row().key, change: .opened(generator.row()))
        ).encoded
        for length in 0..<bytes.count {
            #expect(throws: RecordDecodingError.self) { try Event(encoded: Array(bytes.prefix(length))) }
        }
        #expect(throws: RecordDecodingError.self) { try Event(encoded: bytes + [0]) }
    }
}
