import Foundation
import Testing
import TestSupport

@Suite("Ingesting files that went through a spreadsheet, run as a user runs them", .serialized)
struct ExcelInputCommandTests {
    /// A Kijkglas 2 file of `rows` pupils published on `published` (`dd-mm-jjjj`), every row in
    /// `category`, the last row's reason `reason`.
    private func release(rows: Int, published: String, category: String, reason: String = "") -> String {
        var text = """
            Samenwerkingsverband;VO9901
            Schooljaar;2021-2022
            Datum aanmaak;\(published)

            BSN/Onderwijsnummer;Instellingscode;Vestiging;Schoolsoort;Datum inschrijving;Begindatum;Bekostigingscategorie;Bekostigd;Reden niet bekostigd

            """
        for index in 0..<rows {
            text += "\(100_000_000 + index * 7);01KI;00;VSO;01-08-2019;01-08-2021;\(category);J;\(index == rows - 1 ? reason : "")\n"
        }
        return text
    }

    @Test("a release changing most rows' category stops with its summary and exit 65, and goes in with --accept-mass-change")
    func massChange() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = directory.appending("ledger")
        let base = directory.appending("base.csv")
        let damaged = directory.appending("damaged.csv")
        try Data(release(rows: 30, published: "15-09-2021", category: "L").utf8).write(to: URL(fileURLWithPath: base))
        try Data(release(rows: 30, published: "20-10-2021", category: "H").utf8).write(to: URL(fileURLWithPath: damaged))
        #expect(try KijkglasBinary.run(["ingest", "--ledger", ledger, base]).status == 0)
        let stopped = try KijkglasBinary.run(["ingest", "--ledger", ledger, damaged])
        #expect(stopped.status == 65)
        #expect(stopped.standardError.contains("damaged.csv: stopped before writing: against R1 (30 rows)"))
        #expect(stopped.standardError.contains("category changed in 30 rows (100%; the limit is 20%)"))
        #expect(stopped.standardError.contains("--accept-mass-change"))
        let releases = try KijkglasBinary.run(["releases", "--ledger", ledger])
        #expect(!releases.standardOutput.contains("R2"))
        let accepted = try KijkglasBinary.run(["ingest", "--ledger", ledger, damaged, "--accept-mass-change"])
        #expect(accepted.status == 0, "\(accepted.standardError)")
        #expect(accepted.standardOutput.contains("R2 kijkglas-2 VO9901 2021-2022 published 2021-10-20: 30 rows"))
    }
}
