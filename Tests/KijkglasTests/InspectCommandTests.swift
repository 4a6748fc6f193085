import Foundation
import Testing
import TestSupport

@Suite("The inspect and layouts commands, run as a user runs them", .serialized)
struct InspectCommandTests {
    /// The fixture of the ingest tests, `kijkglas2-block.csv`, as text.
    private func blockFixture() throws -> String {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("IngestTests/Fixtures/kijkglas2-block.csv")
        return try String(contentsOf: path, encoding: .utf8)
    }

    @Test("inspect tells product, encoding, metadata origins, columns and rows, and writes nothing")
    func inspectWindows1252() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = try blockFixture().replacingOccurrences(of: "Geen geldige TLV", with: "Geen geldige TLV: café €")
        let file = directory.appending("kijkglas2-1252.csv")
        try #require(text.data(using: .windowsCP1252)).write(to: URL(fileURLWithPath: file))
        let result = try KijkglasBinary.run(["inspect", file, "--published", "30-04-2022"])
        #expect(result.status == 0, "\(result.standardError)")
        let output = result.standardOutput
        for line in [
            "file: kijkglas2-1252.csv", "format: CSV, Windows-1252", "product: Kijkglas 2 (kijkglas-2, layout version 1)",
            "header: line 10", "  swv            VO9901", "  published      2022-04-30", "   2  BSN/Onderwijsnummer     -> pgn",
            "  18  Bekostigd               -> funded", "rows: 3", "problems: none",
        ] {
            #expect(output.contains(line), "missing '\(line)' in\n\(output)")
        }
        #expect(output.contains(#/swv +VO9901 +from block/#))
        #expect(output.contains(#/published +2022-04-30 +from flag/#))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["kijkglas2-1252.csv"])
    }

    @Test("inspect takes metadata from the file name when nothing else gives it")
    func inspectFileName() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.appending("Kijkglas2_VO9901_2022-04-29.csv")
        try Data("""
            BSN;Instellingscode;Vestiging;Schoolsoort;Datum inschrijving;Begindatum;Bekostigd;Opmerking
            100000017;01KI;00;VSO;01-08-2019;01-08-2021;J;x

            """.utf8).write(to: URL(fileURLWithPath: file))
        let result = try KijkglasBinary.run(["inspect", file, "--school-year", "2021-2022"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains(#/swv +VO9901 +from file name/#))
        #expect(result.standardOutput.contains(#/schoolYear +2021-2022 +from flag/#))
        #expect(result.standardOutput.contains("8  Opmerking           -> (not read)"))
    }

    @Test("inspect lists every problem, masked, and exits 65")
    func inspectProblems() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.appending("bad.csv")
        let text = try blockFixture().replacingOccurrences(of: "100000025", with: "10000002X")
            .replacingOccurrences(of: "01-08-2021;31-01-2022", with: "01-08-2021;31-02-2022")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let result = try KijkglasBinary.run(["inspect", file])
        #expect(result.status == 65)
        #expect(result.standardOutput.contains("problems: 2\n"))
        #expect(result.standardOutput.contains("  bad.csv:11:12: error: periodEnd: expected a date dd-mm-jjjj (or jjjj-mm-dd), found '31-02-2022'"))
        #expect(result.standardOutput.contains("  bad.csv:13:2: error: pgn: expected 9 digits, found '*******2X'"))
        #expect(result.standardOutput.range(of: #"\d{9}"#, options: .regularExpression) == nil)
    }

    @Test("a problem the command line can fix names its flag, in inspect and in ingest")
    func problemsNameFlags() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.appending("undated.csv")
        let text = try blockFixture().split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("Datum aanmaak") }.joined(separator: "\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let hint = "to the block before the table, or give --published dd-mm-jjjj"
        let inspect = try KijkglasBinary.run(["inspect", file])
        #expect(inspect.status == 65)
        #expect(inspect.standardOutput.contains(hint), "\(inspect.standardOutput)")
        let ingest = try KijkglasBinary.run(["ingest", file, "--ledger", directory.appending("ledger")])
        #expect(ingest.status == 65)
        #expect(ingest.standardError.contains(hint), "\(ingest.standardError)")
    }

    @Test("a file named .xlsx that is no workbook is one problem with exit 65, for inspect and ingest")
    func notAWorkbook() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.appending("export.xlsx")
        try Data(try blockFixture().utf8).write(to: URL(fileURLWithPath: file))
        let message = "export.xlsx: error: expected an XLSX workbook (a ZIP archive); "
            + "found a file that is not a ZIP archive; save it from Excel as .xlsx, or as CSV"
        let inspect = try KijkglasBinary.run(["inspect", file])
        #expect(inspect.status == 65)
        #expect(inspect.standardOutput.contains("format: XLSX\n"))
        #expect(inspect.standardOutput.contains("  " + message))
        let ingest = try KijkglasBinary.run(["ingest", file, "--ledger", directory.appending("ledger")])
        #expect(ingest.status == 65)
        #expect(ingest.standardError == message + "\nkijkglas: nothing was written to the ledger\n")
    }

    @Test("inspect --layout maps headers with the user's layout file")
    func inspectWithLayout() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let layout = directory.appending("mijn-layout.json")
        try Data("""
            {
              "product": "kijkglas-2", "displayName": "Kijkglas 2", "layoutVersion": 7, "scope": "schoolYear",
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
            """.utf8).write(to: URL(fileURLWithPath: layout))
        let file = directory.appending("eigen-export-VO9901-29-04-2022.csv")
        try Data("Leerling BSN;School;Locatie;Soort;Ingeschreven;Vanaf;Bekostigd\n100000017;01KI;1;2;1-8-2019;1-8-2021;1\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        let result = try KijkglasBinary.run(["inspect", file, "--layout", layout, "--school-year", "2021-2022"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("product: Kijkglas 2 (kijkglas-2, layout version 7)"))
        #expect(result.standardOutput.contains("1  Leerling BSN  -> pgn"))
        #expect(result.standardOutput.contains("rows: 1"))
    }

    @Test("layouts lists the built-in layouts with their fields")
    func layouts() throws {
        let result = try KijkglasBinary.run(["layouts"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let heads = lines.filter { !$0.hasPrefix(" ") && !$0.isEmpty }
        #expect(heads == [
            "kijkglas-1-1: Kijkglas 1 deel 1, layout version 1, one release per peildatum, holding DUO's stated figures",
            "kijkglas-1-2: Kijkglas 1 deel 2, layout version 1, one release per peildatum, holding the registrations settled on one teldatum",
            "kijkglas-2: Kijkglas 2, layout version 1, one release per school year, holding registration periods",
            "kijkglas-3: Kijkglas 3, layout version 1, one release per peildatum, holding DUO's stated figures",
        ])
        #expect(lines.contains("  pgn             pgn          required  BSN/Onderwijsnummer | PGN | BSN | Onderwijsnummer | Persoonsgebonden nummer"))
        #expect(lines.contains("  combined column Vestigingscode fills institution + branch"))
        #expect(lines.contains("  combined column Teldatum fills enrolledFrom + periodStart + periodEnd"))
        #expect(lines.contains("  countOctober    statedCount  required  Aantal 1 oktober | Aantal op 1 oktober | Aantal 1-10"))
    }
}
