import Foundation
import Testing
import TestSupport

@Suite("Ingesting files that went through a spreadsheet, run as a user runs them", .serialized)
struct ExcelInputCommandTests {
    /// A Kijkglas 2 file of `rows` pupils published on `published` (`dd-mm-jjjj`), every row in
    /// `category`, the last row's reason `reason`.
    private func release(rows: Int, published: String, category: String, reason: String = "", lastFunded: String = "J") -> String {
        var text = """
            Samenwerkingsverband;VO9901
            Schooljaar;2021-2022
            Datum aanmaak;\(published)

            BSN/Onderwijsnummer;Instellingscode;Vestiging;Schoolsoort;Datum inschrijving;Begindatum;Bekostigingscategorie;Bekostigd;Reden niet bekostigd

            """
        for index in 0..<rows {
            let last = index == rows - 1
            text += "\(100_000_000 + index * 7);01KI;00;VSO;01-08-2019;01-08-2021;\(category);\(last ? lastFunded : "J");\(last ? reason : "")\n"
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

    @Test("log keeps one event a line and inspect echoes no raw control byte: a newline and a NUL in a value are escaped")
    func controlCharacters() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = directory.appending("ledger")
        let first = directory.appending("first.csv")
        let second = directory.appending("second.csv")
        try Data(release(rows: 3, published: "15-09-2021", category: "L").utf8).write(to: URL(fileURLWithPath: first))
        try Data(release(rows: 3, published: "20-10-2021", category: "L", reason: "\"te laat\nzie\u{0}brief\"", lastFunded: "N").utf8)
            .write(to: URL(fileURLWithPath: second))
        #expect(try KijkglasBinary.run(["ingest", "--ledger", ledger, first, second]).status == 0)
        let log = try KijkglasBinary.run(["log", "--ledger", ledger])
        #expect(log.status == 0, "\(log.standardError)")
        let lines = log.standardOutput.split(separator: "\n")
        #expect(lines.allSatisfy { $0.first?.isNumber == true }, "\(lines)")
        #expect(log.standardOutput.contains(#"te laat\nzie\u0000brief"#))
        #expect(!log.standardOutput.contains("\u{0}"))

        let bad = directory.appending("bad.csv")
        try Data(release(rows: 2, published: "15-09-2021", category: "L").replacingOccurrences(of: "01KI;", with: "0\u{0}KI;").utf8)
            .write(to: URL(fileURLWithPath: bad))
        let inspect = try KijkglasBinary.run(["inspect", bad])
        #expect(inspect.status == 65)
        #expect(inspect.standardOutput.contains(#"found '0\u0000KI'"#), "\(inspect.standardOutput)")
        #expect(!inspect.standardOutput.contains("\u{0}") && !inspect.standardError.contains("\u{0}"))
    }

    @Test("a legacy .xls given to ingest is named as such, exit 65, and nothing is written")
    func legacyWorkbook() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.appending("kijkglas2.xls")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)).write(to: URL(fileURLWithPath: file))
        let result = try KijkglasBinary.run(["ingest", "--ledger", directory.appending("ledger"), file])
        #expect(result.status == 65)
        #expect(result.standardError.contains(
            "kijkglas2.xls: error: expected an XLSX workbook or a CSV file; found an Excel 97–2003 workbook (.xls); open it in Excel"))
        #expect(result.standardError.contains("nothing was written"))
    }
}
