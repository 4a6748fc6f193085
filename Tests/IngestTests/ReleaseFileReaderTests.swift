import Crypto
import Foundation
import Ingest
import Ledger
import Testing

@Suite("Reading good Kijkglas 2 files")
struct ReleaseFileReaderTests {
    /// The three rows every `kijkglas2-*` fixture holds, as they must come out.
    static let expectedRows: [Registration] = {
        func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d) ?? Day(daysSinceEpoch: 0) }
        var first = Registration(
            pgn: PGN(value: 100_000_017)!, institution: "01KI", branch: "00", schoolType: .vso, enrolledFrom: day(2019, 8, 1),
            periodStart: day(2021, 8, 1), funded: true)
        first.swv = "VO9901"
        first.birthDate = day(2008, 3, 14)
        first.cluster = 4
        first.residence = 0
        first.periodEnd = day(2022, 1, 31)
        first.tlvNumber = "VO9901-2021-10001"
        first.payingSwv = "VO9901"
        first.category = .low
        first.tlvFrom = day(2021, 8, 1)
        first.tlvUntil = day(2022, 7, 31)
        first.inflow = false
        first.outflow = false
        first.transfer = false
        var second = first
        second.periodStart = day(2022, 2, 1)
        second.periodEnd = nil
        second.category = .medium
        second.tlvFrom = day(2022, 2, 1)
        var third = Registration(
            pgn: PGN(value: 100_000_025)!, institution: "03ND", branch: "04", schoolType: .so,
            enrolledFrom: day(2021, 9, 15), periodStart: day(2021, 9, 15), funded: false)
        third.swv = "VO9901"
        third.birthDate = day(2014, 5, 2)
        third.cluster = 3
        third.residence = 3
        third.payingSwv = "VO2508"
        third.category = .high
        third.unfundedReason = "Geen geldige TLV"
        third.inflow = true
        return [first, second, third]
    }()

    static let published = Day(year: 2022, month: 4, day: 29)

    @Test("a file with an Algemene gegevens block gives its rows and the block's metadata")
    func withBlock() throws {
        let path = try Fixture.path("kijkglas2-block.csv")
        let release = try ReleaseFileReader.builtIn().read(file: path)
        #expect(release.rows == Self.expectedRows)
        #expect(release.scope == Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"))
        #expect(release.publishedOn == Self.published)
        #expect(release.fileName == "kijkglas2-block.csv")
        #expect(release.fileSHA256 == Array(SHA256.hash(data: try Fixture.bytes("kijkglas2-block.csv"))))
    }

    @Test("a file without a block takes its metadata from the overrides")
    func withoutBlock() throws {
        let path = try Fixture.path("kijkglas2-noblock.csv")
        let overrides = ReleaseMetadata(swv: "vo-99-01", schoolYear: "2021/2022", published: Self.published)
        let release = try ReleaseFileReader.builtIn().read(file: path, overrides: overrides)
        #expect(release.rows == Self.expectedRows)
        #expect(release.scope == Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"))
        #expect(release.publishedOn == Self.published)
    }

    @Test("overrides win over the block")
    func overridesWin() throws {
        let path = try Fixture.path("kijkglas2-block.csv")
        let overrides = ReleaseMetadata(
            product: "Kijkglas 2", swv: "VO2508", schoolYear: "2022-2023", published: Day(year: 2022, month: 5, day: 1))
        let release = try ReleaseFileReader.builtIn().read(file: path, overrides: overrides)
        #expect(release.scope == Scope(product: "kijkglas-2", swv: "VO2508", period: "2022-2023"))
        #expect(release.publishedOn == Day(year: 2022, month: 5, day: 1))
        #expect(release.rows[1].swv == "VO2508", "an empty swv cell takes the release's SWV")
    }

    @Test("the file name gives the SWV and publication date when nothing else does")
    func fileName() throws {
        let path = try Fixture.path("Kijkglas2_VO9901_2022-04-29.csv")
        let release = try ReleaseFileReader.builtIn().read(file: path, overrides: ReleaseMetadata(schoolYear: "2021-2022"))
        #expect(release.scope == Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"))
        #expect(release.publishedOn == Self.published)
        #expect(release.rows == Self.expectedRows)
    }

    /// Byte-level rewrites of the block fixture that must read the same.
    enum Variant: String, CaseIterable, CustomStringConvertible {
        case crlf, byteOrderMark, byteOrderMarkAndCRLF, comma, tab, carriageReturnOnly
        var description: String { rawValue }

        func apply(_ bytes: [UInt8]) -> [UInt8] {
            switch self {
            case .crlf: bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
            case .byteOrderMark: [0xEF, 0xBB, 0xBF] + bytes
            case .byteOrderMarkAndCRLF: Variant.byteOrderMark.apply(Variant.crlf.apply(bytes))
            case .comma: bytes.map { $0 == 0x3B ? 0x2C : $0 }
            case .tab: bytes.map { $0 == 0x3B ? 0x09 : $0 }
            case .carriageReturnOnly: bytes.map { $0 == 0x0A ? 0x0D : $0 }
            }
        }
    }

    @Test("line ends, byte order marks and separators do not change what is read", arguments: Variant.allCases)
    func variants(variant: Variant) throws {
        let bytes = variant.apply(try Fixture.bytes("kijkglas2-block.csv"))
        let path = try Fixture.write(bytes, as: "kijkglas2-block.csv")
        defer { Fixture.remove(path) }
        let release = try ReleaseFileReader.builtIn().read(file: path)
        #expect(release.rows == Self.expectedRows)
        #expect(release.scope == Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"))
        #expect(release.publishedOn == Self.published)
        #expect(release.fileSHA256 == Array(SHA256.hash(data: bytes)))
    }

    @Test("quoted fields hold separators, doubled quotes and line breaks")
    func quoted() throws {
        let release = try ReleaseFileReader.builtIn().read(file: try Fixture.path("quoted.csv"))
        #expect(release.rows.map(\.unfundedReason) == ["Reden; met \"aanhalingstekens\" en\neen tweede regel", nil, "spaties"])
        #expect(release.rows.map(\.pgn.value) == [100_000_017, 100_000_025, 100_000_033])
        #expect(release.rows.map(\.branch) == ["00", "04", "04"])
        #expect(release.publishedOn == Self.published)
    }

    @Test("a 6-character vestigingscode fills instellingscode and vestiging")
    func vestigingscode() throws {
        let text = """
            Samenwerkingsverband;VO9901
            Schooljaar;2021-2022
            Datum aanmaak;29-04-2022

            BSN;VESTIGINGSCODE;Schoolsoort;Datum inschrijving;Begindatum;Bekostigd
            100000017;01ki00;VSO;01-08-2019;01-08-2021;ja

            """
        let path = try Fixture.write(text, as: "vestigingscode.csv")
        defer { Fixture.remove(path) }
        let release = try ReleaseFileReader.builtIn().read(file: path)
        #expect(release.rows.map(\.institution) == ["01KI"])
        #expect(release.rows.map(\.branch) == ["00"])
        #expect(release.rows.map(\.funded) == [true])
    }

    @Test("block lines may use another separator than the table, a colon, or a time after the date")
    func blockDialects() throws {
        let text = """
            Samenwerkingsverband;VO 99-01
            Schooljaar: 2021/2022
            Datum aanmaak;29-04-2022 14:03
            Individuele (v)so inschrijvingen
            BSN,Instellingscode,Vestiging,Schoolsoort,Datum inschrijving,Begindatum,Bekostigd
            100000017,01KI,0,2,01-08-2019,01-08-2021,J
            """
        let path = try Fixture.write(text, as: "export.csv")
        defer { Fixture.remove(path) }
        let release = try ReleaseFileReader.builtIn().read(file: path)
        #expect(release.scope == Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"))
        #expect(release.publishedOn == Self.published)
        #expect(release.rows.count == 1)
    }

    @Test("a user's layout file maps headers the built-in layouts do not know")
    func userLayout() throws {
        let layout = """
            {
              "product": "kijkglas-2", "displayName": "Kijkglas 2", "layoutVersion": 1, "scope": "schoolYear",
              "fields": [
                { "name": "pgn", "headers": ["Leerling BSN"], "type": "pgn", "required": true },
                { "name": "institution", "headers": ["School"], "type": "institution", "required": true },
                { "name": "branch", "headers": ["Locatie"], "type": "branch", "required": true },
                { "name": "schoolType", "headers": ["Soort"], "type": "schoolType", "required": true },
                { "name": "enrolledFrom", "headers": ["Ingeschreven"], "type": "date", "required": true },
                { "name": "periodStart", "headers": ["Vanaf"], "type": "date", "required": true },
                { "name": "funded", "headers": ["Bekostigd"], "type": "yesNo", "required": true }
              ]
            }
            """
        let layoutPath = try Fixture.write(layout, as: "mijn-layout.json")
        defer { Fixture.remove(layoutPath) }
        let data = """
            Leerling BSN;School;Locatie;Soort;Ingeschreven;Vanaf;Bekostigd
            100000017;01KI;1;2;1-8-2019;1-8-2021;1
            """
        let path = try Fixture.write(data, as: "eigen-export-VO9901-29-04-2022.csv")
        defer { Fixture.remove(path) }
        let reader = ReleaseFileReader(layouts: [try Layout(contentsOf: URL(fileURLWithPath: layoutPath))])
        let release = try reader.read(file: path, overrides: ReleaseMetadata(schoolYear: "2021-2022"))
        #expect(release.rows.map(\.branch) == ["01"])
        #expect(release.rows.map(\.schoolType) == [.vso])
        #expect(release.scope == Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"))
        #expect(release.publishedOn == Self.published)
    }
}
