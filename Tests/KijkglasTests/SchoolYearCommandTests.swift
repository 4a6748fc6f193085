import Foundation
import Testing
import TestSupport

/// A ledger of two school years of VO9901 and one of VO2508, written as DUO's CSV files.
///
/// Pupil 100000016 leaves VO9901 at the end of 2020-2021, but the school registered the
/// uitschrijving only after DUO's last file of that year: that file still has the row open, and
/// the files of 2021-2022 do not list the pupil at all. Pupil 100000028 stays. VO2508's file
/// lists 100000028 with a TLV of its own (so two SWVs' files name different paying SWVs) and
/// 100000031 with a TLV of VO9901.
private struct TwoYearLedger {
    let directory: TemporaryDirectory
    let ledger: String

    static let header =
        "Samenwerkingsverband;BSN/Onderwijsnummer;Geboortedatum;Instellingscode;Vestiging;Schoolsoort;Cluster;Soort verblijf;Datum inschrijving;Datum uitschrijving;Begindatum;Einddatum;TLV beschikkingsnummer;SWV TLV;Bekostigingscategorie;Datum ingang TLV;Datum einde TLV;Bekostigd;Reden niet bekostigd;Instroom;Uitstroom;Doorstroom"

    static func row(_ swv: String, _ pgn: String, payer: String, from: String = "01-08-2019", category: String = "L") -> String {
        "\(swv);\(pgn);01-12-2008;01KI;00;VSO;4;0;\(from);;\(from);;\(payer)-2020-00001;\(payer);\(category);01-08-2020;31-07-2022;J;;N;N;N"
    }

    static func file(_ swv: String, year: String, published: String, rows: [String]) -> String {
        (["Algemene gegevens", "Product;Kijkglas 2", "Samenwerkingsverband;\(swv)", "Schooljaar;\(year)", "Datum aanmaak;\(published)", "",
            "Individuele (v)so inschrijvingen", header] + rows).joined(separator: "\r\n") + "\r\n"
    }

    /// With `rewritingYearOne`, year 2's file says 100000028 was category M from the start, where
    /// year 1's file said L: DUO corrected the past in the new year's file only.
    init(withOtherSWV: Bool, rewritingYearOne: Bool = false) throws {
        directory = try TemporaryDirectory()
        ledger = directory.appending("ledger")
        var files = [
            ("y1.csv", Self.file("VO9901", year: "2020-2021", published: "15-07-2021", rows: [
                Self.row("VO9901", "100000016", payer: "VO9901"), Self.row("VO9901", "100000028", payer: "VO9901"),
            ])),
            ("y2.csv", Self.file("VO9901", year: "2021-2022", published: "15-10-2021", rows: [
                Self.row("VO9901", "100000028", payer: "VO9901", category: rewritingYearOne ? "M" : "L"),
            ])),
        ]
        if withOtherSWV {
            files.append(("other.csv", Self.file("VO2508", year: "2021-2022", published: "20-10-2021", rows: [
                Self.row("VO2508", "100000028", payer: "VO2508"), Self.row("VO2508", "100000031", payer: "VO9901"),
            ])))
        }
        var paths: [String] = []
        for (name, text) in files {
            let path = directory.appending(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let ingest = try KijkglasBinary.run(["ingest"] + paths + ["--ledger", ledger])
        #expect(ingest.status == 0, "\(ingest.standardError)")
    }

    func run(_ arguments: [String]) throws -> KijkglasBinary.Result {
        try KijkglasBinary.run(arguments + ["--ledger", ledger])
    }
}

@Suite("A day is answered by its own school year's and its own SWV's releases", .serialized)
struct SchoolYearCommandTests {
    @Test("a pupil open in the last file of year 1 but absent from year 2's files does not count on days of year 2")
    func leaverIsGoneInYearTwo() throws {
        let setting = try TwoYearLedger(withOtherSWV: false)
        defer { setting.directory.remove() }
        let yearTwo = try setting.run(["count", "--on", "01-10-2021", "--format", "json"])
        #expect(yearTwo.status == 0, "\(yearTwo.standardError)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(yearTwo.standardOutput.utf8)) as? [String: Any])
        #expect(document["pupils"] as? Int == 1)
        #expect(document["fallbacks"] == nil)
        #expect((document["releases"] as? [String])?.map { $0.prefix(3) } == ["R2 "])
        let yearOne = try setting.run(["count", "--on", "01-03-2021"])
        #expect(yearOne.standardOutput.hasPrefix("On 2021-03-01: 2 pupils (As known today (R1);"), "\(yearOne.standardOutput)")
        let growth = try setting.run(["growth", "--peildatum", "01-02-2022", "--per-pupil"])
        #expect(growth.status == 0, "\(growth.standardError)")
        #expect(growth.standardOutput.contains("Growth from 2021-10-01 to 2022-02-01: 0 pupils"), "\(growth.standardOutput)")
    }

    @Test("before year 2's first file a day of year 2 is answered from year 1's last file and says so; --own-school-year-only refuses")
    func fallbackSaysSo() throws {
        let setting = try TwoYearLedger(withOtherSWV: false)
        defer { setting.directory.remove() }
        let early = try setting.run(["count", "--on", "01-09-2021", "--known-at", "01-09-2021"])
        #expect(early.status == 0, "\(early.standardError)")
        #expect(early.standardOutput.contains("On 2021-09-01: 2 pupils"))
        #expect(early.standardOutput.contains(
            "Note: no kijkglas-2 of VO9901 for 2021-2022 known on 2021-09-01; answered from the registrations of 2020-2021 (R1)"),
            "\(early.standardOutput)")
        let refused = try setting.run(["count", "--on", "01-09-2021", "--known-at", "01-09-2021", "--own-school-year-only"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("answered from the registrations of 2020-2021 (R1)"))
        let later = try setting.run(["count", "--on", "01-09-2021", "--known-at", "16-10-2021", "--own-school-year-only"])
        #expect(later.status == 0 && later.standardOutput.contains("On 2021-09-01: 1 pupils"), "\(later.standardOutput)")
        let trend = try setting.run(["trend", "--from", "01-09-2021", "--to", "01-09-2021", "--known-at", "01-09-2021", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(trend.standardOutput.utf8)) as? [String: Any])
        #expect((document["fallbacks"] as? [[String: Any]])?.first?["answeredFrom"] as? String == "2020-2021")
    }

    @Test("a new year's file that rewrites the previous year's days leaves that year's answers and says so in releases, diff and notify")
    func previousYearRewritten() throws {
        let setting = try TwoYearLedger(withOtherSWV: false, rewritingYearOne: true)
        defer { setting.directory.remove() }
        let yearOne = try setting.run(["count", "--on", "01-03-2021", "--by", "category"])
        #expect(yearOne.standardOutput.contains("L              2"), "\(yearOne.standardOutput)")
        let yearTwo = try setting.run(["count", "--on", "01-03-2022", "--by", "category"])
        #expect(yearTwo.standardOutput.contains("M              1"), "\(yearTwo.standardOutput)")
        let releases = try setting.run(["releases"])
        #expect(releases.standardOutput.contains("reaches into 2020-2021: 1 registration(s) differ from R1 before 2021-08-01"), "\(releases.standardOutput)")
        let diff = try setting.run(["diff", "R1", "R2"])
        #expect(diff.standardOutput.contains("*******28 01KI/00 from 2019-08-01: category: L → M"), "\(diff.standardOutput)")
        let json = try setting.run(["diff", "R1", "R2", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect((document["previousYear"] as? [String: Any])?["previous"] as? String == "R1")
        let notify = try setting.run(["notify", "--subscriber", "controller", "--create"])
        #expect(notify.standardOutput.contains("PREVIOUS SCHOOL YEAR REWRITTEN: R2 reaches into 2020-2021"), "\(notify.standardOutput)")
        let plain = try TwoYearLedger(withOtherSWV: false)
        defer { plain.directory.remove() }
        #expect(!(try plain.run(["releases"])).standardOutput.contains("reaches into"))
    }

    @Test("another SWV's files add no pupil to an SWV's answer; several SWVs need --swv, and --swv all sums each one's own answer")
    func otherSWVs() throws {
        let alone = try TwoYearLedger(withOtherSWV: false)
        defer { alone.directory.remove() }
        let shared = try TwoYearLedger(withOtherSWV: true)
        defer { shared.directory.remove() }
        for day in ["01-10-2021", "01-02-2022", "01-03-2021"] {
            let one = try alone.run(["count", "--on", day, "--by", "school"])
            let many = try shared.run(["count", "--on", day, "--by", "school", "--swv", "VO9901"])
            #expect(one.standardOutput == many.standardOutput, "\(day)")
        }
        let ambiguous = try shared.run(["count", "--on", "01-10-2021"])
        #expect(ambiguous.status == 64)
        #expect(ambiguous.standardError.contains("several SWVs (VO2508, VO9901); say whose answer with --swv"))
        let every = try shared.run(["count", "--on", "01-10-2021", "--swv", "all", "--format", "json"])
        #expect(every.status == 0, "\(every.standardError)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(every.standardOutput.utf8)) as? [String: Any])
        #expect(document["pupils"] as? Int == 2)
        let perSwv = try #require(document["perSwv"] as? [[String: Any]])
        #expect(perSwv.map { $0["swv"] as? String } == ["VO2508", "VO9901"] && perSwv.map { $0["pupils"] as? Int } == [1, 1])
        let sharedPupils = try #require(document["sharedPupils"] as? [[String: Any]])
        #expect(sharedPupils.count == 1 && sharedPupils[0]["pupil"] as? String == "*******28")
        #expect(sharedPupils[0]["counts"] as? [String: String] == ["VO2508": "VO2508", "VO9901": "VO9901"])
        let text = try shared.run(["count", "--on", "01-10-2021", "--swv", "all"])
        #expect(text.standardOutput.contains("1 pupil(s) counted by more than one SWV"))
        #expect(text.standardOutput.range(of: #"\d{9}"#, options: .regularExpression) == nil)
        let unknown = try shared.run(["count", "--on", "01-10-2021", "--swv", "PO2707"])
        #expect(unknown.status == 64 && unknown.standardError.contains("has no releases in this ledger"))
    }
}
