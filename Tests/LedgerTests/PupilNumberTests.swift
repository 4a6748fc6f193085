import Ledger
import SampleData
import Testing

/// A ledger's pupil numbers in a PGN's place: a range no PGN takes, shown as `#N`.
@Suite("Pupil numbers")
struct PupilNumberTests {
    @Test("a pupil number is no PGN, shows as #N masked and whole, and reads back from that text")
    func pupilNumber() throws {
        let pupil = try #require(PGN(pupilNumber: 42))
        #expect(pupil.isPupilNumber && pupil.pupilNumber == 42)
        #expect(pupil.value == 1_000_000_042)
        #expect(pupil.masked == "#42" && pupil.digits == "#42" && pupil.description == "#42")
        #expect(PGN(digits: "#42") == pupil)
        #expect(PGN(digits: "#") == nil && PGN(digits: "#4a") == nil && PGN(digits: "#+4") == nil)
        #expect(PGN(pupilNumber: PGN.maxPupilNumber)?.value == UInt32.max)
        #expect(PGN(pupilNumber: PGN.maxPupilNumber + 1) == nil)
        let real = try #require(PGN(value: 999_999_999))
        #expect(!real.isPupilNumber && real.pupilNumber == nil && real.masked == "*******99")
        #expect(real < pupil)
    }

    @Test("rows and keys holding pupil numbers decode to themselves")
    func coding() throws {
        for number in [UInt32(1), 123_456, PGN.maxPupilNumber] {
            let pupil = try #require(PGN(pupilNumber: number))
            var row = Registration(
                pgn: pupil, institution: "25GP", branch: "04", schoolType: .vso, enrolledFrom: Day.literal(2021, 8, 1),
                periodStart: Day.literal(2021, 8, 1), funded: true)
            row.birthDate = Day.literal(2009, 10, 1)
            #expect(try Registration(encoded: row.encoded) == row)
            let packed = PackedCountingRows([CountingRow(row)])
            #expect(try PackedCountingRows(stored: packed.bytes)[0].pgn == pupil)
        }
    }
}
