@testable import Ingest
import Ledger
import Testing

@Suite("Matching headers")
struct HeaderMatchTests {
    @Test("headers match ignoring case, accents, spaces, underscores, hyphens and slashes", arguments: [
        ("BSN/Onderwijsnummer", "bsnonderwijsnummer"), ("BRIN_NUMMER", "brinnummer"), ("Brin nummer", "brinnummer"),
        ("Datum-inschrijving", "datuminschrijving"), ("Categorie één", "categorieeen"), ("  Vestiging\t", "vestiging"),
    ])
    func normalised(header: String, expected: String) {
        #expect(HeaderName.normalised(header) == expected)
    }

    @Test("every drifted DUO header maps to its canonical field", arguments: [
        ("BRINNUMMER", Registration.Field.institution), ("BRIN NUMMER", .institution), ("brin_nummer", .institution),
        ("INSTELLINGSCODE", .institution), ("VESTIGINGSNUMMER", .branch), ("VESTIGINGS NUMMER", .branch),
        ("VESTIGINSNUMMER", .branch), ("VESTIGINGS_NUMMER", .branch), ("BSN", .pgn), ("Persoonsgebonden nummer", .pgn),
        ("SWV_BETALEND", .payingSwv), ("ADMINISTRATIENUMMER", .payingSwv), ("Categorie", .category),
    ])
    func drift(header: String, field: Registration.Field) throws {
        let layout = try #require(try Layout.builtIn().first { $0.product == "kijkglas-2" })
        #expect(layout.target(ofHeader: header) == .field(field))
    }

    @Test("the closest alias of a renamed header is the one it contains, else the nearest by edit distance", arguments: [
        ("BSN nummer", "BSN"), ("Vestigingsnr", "Vestiging"), ("Schoolsort", "Schoolsoort"), ("Begin datum periode", "Begindatum"),
        ("Bekostigt", "Bekostigd"),
    ])
    func closest(header: String, alias: String) throws {
        let layout = try #require(try Layout.builtIn().first { $0.product == "kijkglas-2" })
        #expect(HeaderMatch.closest(to: header, among: layout.aliases)?.alias == alias)
    }

    @Test("a header far from every alias gets no suggestion")
    func noSuggestion() throws {
        let layout = try #require(try Layout.builtIn().first { $0.product == "kijkglas-2" })
        #expect(HeaderMatch.closest(to: "Opmerkingen", among: layout.aliases) == nil)
    }

    @Test("edit distance counts insertions, deletions and substitutions")
    func editDistance() {
        #expect(HeaderName.editDistance("kitten", "sitting") == 3)
        #expect(HeaderName.editDistance("", "abc") == 3)
        #expect(HeaderName.editDistance("vestigingsnummer", "vestiginsnummer") == 1)
    }

    @Test("a header line reports missing fields, unrecognised headers and repeated columns")
    func match() throws {
        let layout = try #require(try Layout.builtIn().first { $0.product == "kijkglas-2" })
        let headers = ["BSN nummer", "Instellingscode", "Vestiging", "Schoolsoort", "Datum inschrijving", "Begindatum", "Bekostigd", "BRIN"]
        let match = HeaderMatch(layout: layout, headers: headers, line: 3)
        #expect(match.missing == [.field(.pgn)])
        #expect(match.unrecognised.map(\.header) == ["BSN nummer"])
        #expect(match.repeated.map(\.column) == [8])
        var problems = ProblemList(file: "x.csv", limit: 10)
        match.report(into: &problems)
        #expect(problems.problems.map(\.description).last
            == "x.csv:3:8: error: institution: expected one column for institution; column 2 gives it already; remove one of them")
    }
}
