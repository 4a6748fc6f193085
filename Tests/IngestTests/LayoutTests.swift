import Foundation
import Ingest
import Ledger
import Testing

@Suite("Layouts")
struct LayoutTests {
    @Test("the built-in Kijkglas 2 layout has every canonical field, reference header first")
    func builtIn() throws {
        let layouts = try Layout.builtIn()
        let layout = try #require(layouts.first { $0.product == "kijkglas-2" })
        #expect(layout.displayName == "Kijkglas 2")
        #expect(layout.layoutVersion == 1)
        #expect(layout.scope == .schoolYear)
        #expect(layout.blockTitles.contains("Individuele (v)so inschrijvingen"))
        #expect(layout.fields.map(\.field) == Registration.Field.allCases)
        #expect(layout.entry(for: .pgn)?.headers.first == "BSN/Onderwijsnummer")
        #expect(layout.entry(for: .branch)?.headers.first == "Vestiging")
        for field in Registration.Field.allCases where field.isRequired {
            #expect(layout.entry(for: field)?.required == true, "\(field)")
        }
    }

    /// A layout text with `field` in place of the pgn entry.
    static func layoutText(pgn field: String) -> String {
        """
        {
          "product": "eigen", "displayName": "Eigen", "layoutVersion": 1, "scope": "schoolYear",
          "fields": [
            \(field),
            { "name": "institution", "headers": ["School"], "type": "institution", "required": true },
            { "name": "branch", "headers": ["Locatie"], "type": "branch", "required": true },
            { "name": "schoolType", "headers": ["Soort"], "type": "schoolType", "required": true },
            { "name": "enrolledFrom", "headers": ["Ingeschreven"], "type": "date", "required": true },
            { "name": "periodStart", "headers": ["Vanaf"], "type": "date", "required": true },
            { "name": "funded", "headers": ["Bekostigd"], "type": "yesNo", "required": true }
          ]
        }
        """
    }

    @Test("a user's layout with a mistake names the file and what is wrong", arguments: [
        (#"{ "name": "bsn", "headers": ["BSN"], "type": "pgn", "required": true }"#,
         "error: unknown field name 'bsn'; the fields are swv, pgn, birthDate, institution, branch, schoolType, cluster, "
            + "residence, enrolledFrom, enrolledUntil, periodStart, periodEnd, tlvNumber, payingSwv, category, tlvFrom, "
            + "tlvUntil, funded, unfundedReason, inflow, outflow, transfer (at fields[0].name)"),
        (#"{ "name": "pgn", "headers": ["BSN"], "type": "date", "required": true }"#,
         "error: field 'pgn' holds pgn, which type 'date' does not give; use 'pgn' (at fields[0].type)"),
        (#"{ "name": "pgn", "headers": ["BSN"], "type": "pgn", "required": false }"#,
         "error: field 'pgn' must be required: no row exists without it (at fields[0].required)"),
        (#"{ "name": "pgn", "headers": ["School"], "type": "pgn", "required": true }"#,
         "error: header 'School' is given for two different fields (at fields)"),
        (#"{ "name": "pgn", "type": "pgn", "required": true }"#, "error: missing key 'headers' (at fields[0])"),
    ])
    func mistakes(field: String, message: String) throws {
        let path = try Fixture.write(Self.layoutText(pgn: field), as: "mijn-layout.json")
        defer { Fixture.remove(path) }
        #expect(throws: LayoutError.self) { try Layout(contentsOf: URL(fileURLWithPath: path)) }
        do {
            _ = try Layout(contentsOf: URL(fileURLWithPath: path))
        } catch {
            #expect(error.description == "\(path): \(message)")
        }
    }

    @Test("a layout file that is not there or not JSON is a clear error")
    func unreadable() throws {
        #expect(throws: LayoutError.self) { try Layout(contentsOf: URL(fileURLWithPath: "/nonexistent/layout.json")) }
        let path = try Fixture.write("{ not json", as: "kapot.json")
        defer { Fixture.remove(path) }
        do {
            _ = try Layout(contentsOf: URL(fileURLWithPath: path))
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "expected JSON, found text that is not valid JSON")
        }
    }
}
