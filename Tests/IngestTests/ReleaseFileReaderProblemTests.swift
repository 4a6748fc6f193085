import Foundation
import Ingest
import Testing

@Suite("Reporting bad input")
struct ReleaseFileReaderProblemTests {
    /// The problems reading fixture `name` reports, or none when it reads.
    static func problems(_ name: String) throws -> InputError? {
        try problems(file: try Fixture.path(name))
    }

    /// The problems reading the file at `path` reports, or none when it reads.
    static func problems(file path: String, overrides: ReleaseMetadata = .init(), maxProblems: Int = 50) throws -> InputError? {
        let reader = try ReleaseFileReader.builtIn()
        do {
            _ = try reader.read(file: path, overrides: overrides, maxProblems: maxProblems)
            return nil
        } catch {
            return error
        }
    }

    /// A bad fixture and the exact messages it must give.
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var messages: [String]
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(fixture: "missing-column.csv", messages: [
            "missing-column.csv:4:2: error: pgn: expected a column headed 'BSN/Onderwijsnummer' (or 'PGN', 'BSN', "
                + "'Onderwijsnummer', 'Persoonsgebonden nummer'), found 'BSN nummer'; closest alias 'BSN'; "
                + "rename the header, or map it in a layout file",
        ]),
        Case(fixture: "bad-date.csv", messages: [
            "bad-date.csv:6:7: error: periodStart: expected a date dd-mm-jjjj (or jjjj-mm-dd), found '31-02-2021'",
        ]),
        Case(fixture: "quoted-bad-date.csv", messages: [
            "quoted-bad-date.csv:8:6: error: periodStart: expected a date dd-mm-jjjj (or jjjj-mm-dd), found '31-02-2021'",
        ]),
        Case(fixture: "bad-pgn.csv", messages: [
            "bad-pgn.csv:5:2: error: pgn: expected 9 digits, found '*******8A'",
            "bad-pgn.csv:6:2: error: pgn: expected 9 digits, found '********90'",
        ]),
        Case(fixture: "unbalanced-quote.csv", messages: [
            "unbalanced-quote.csv:6:10: error: expected a closing '\"' for the quote that opens this field; found the end of the file",
        ]),
        Case(fixture: "duplicate.csv", messages: [
            "duplicate.csv:7:1: error: expected one row per pupil, instelling, vestiging and begindatum, "
                + "found '*******17 01KI/00 from 2021-08-01'; line 5 has the same row",
        ]),
        Case(fixture: "empty.csv", messages: [
            "empty.csv:1:1: error: expected a header line and registration rows; the file is empty",
        ]),
        Case(fixture: "header-only.csv", messages: [
            "header-only.csv:5:1: error: expected registration rows after the header; the file has a header only",
        ]),
        Case(fixture: "no-published.csv", messages: [
            "no-published.csv:1:1: error: published: expected DUO's publication date; add a line "
                + "'Datum aanmaak;dd-mm-jjjj' to the block before the table, or give the publication date dd-mm-jjjj",
        ]),
        Case(fixture: "bad-institution.csv", messages: [
            "bad-institution.csv:5:3: error: institution: expected an instellingscode of 4 letters or digits, "
                + "found '01K'",
        ]),
        Case(fixture: "bad-branch.csv", messages: [
            "bad-branch.csv:5:4: error: branch: expected a vestiging of 1 or 2 digits, found '123'",
        ]),
        Case(fixture: "bad-school-type.csv", messages: [
            "bad-school-type.csv:5:5: error: schoolType: expected SO or VSO (or 1, 2), found 'XSO'",
        ]),
        Case(fixture: "bad-school-type-1252.csv", messages: [
            "bad-school-type-1252.csv:5:5: error: schoolType: expected SO or VSO (or 1, 2), found 'Spéciaal'",
        ]),
        Case(fixture: "bad-funded.csv", messages: [
            "bad-funded.csv:5:9: error: funded: expected J or N (or Ja, Nee, 1, 0), found 'misschien'",
        ]),
        Case(fixture: "bad-swv-cell.csv", messages: [
            "bad-swv-cell.csv:5:1: error: swv: expected an SWV code like VO2508 or PO-27-07, found 'XX12'",
        ]),
        Case(fixture: "missing-value.csv", messages: [
            "missing-value.csv:5:7: error: periodStart: expected a date dd-mm-jjjj (or jjjj-mm-dd), found nothing",
        ]),
        Case(fixture: "too-many-fields.csv", messages: [
            "too-many-fields.csv:5:10: error: expected at most 9 fields, as many as the header has, found "
                + "'extra'; quote a value that holds the separator",
        ]),
        Case(fixture: "text-after-quote.csv", messages: [
            "text-after-quote.csv:5:2: error: expected a separator or line end after a closing '\"' (write a "
                + "quote inside a quoted field as '\"\"'); found more text",
        ]),
        Case(fixture: "repeated-column.csv", messages: [
            "repeated-column.csv:4:10: error: pgn: expected one column for pgn; column 2 gives it already; "
                + "remove one of them",
        ]),
        Case(fixture: "no-header.csv", messages: [
            "no-header.csv:1:1: error: expected a header line of Kijkglas 1 deel 1 (Omschrijving, Aantal) or "
                + "Kijkglas 1 deel 2 (BSN/Onderwijsnummer, Instellingscode, Vestiging, Schoolsoort, Bekostigd) or "
                + "Kijkglas 2 (BSN/Onderwijsnummer, Instellingscode, Vestiging, Schoolsoort, Datum inschrijving, Begindatum, "
                + "Bekostigd) or Kijkglas 3 (Schoolsoort, Bekostigingscategorie, Aantal 1 oktober, Aantal 1 februari, "
                + "Groei); no line in the "
                + "first 100 has a known header; if this is a DUO file with other headers, map them in a layout file",
        ]),
        Case(fixture: "block-only.csv", messages: [
            "block-only.csv:2:1: error: expected a header line of Kijkglas 1 deel 1 (Omschrijving, Aantal) or "
                + "Kijkglas 1 deel 2 (BSN/Onderwijsnummer, Instellingscode, Vestiging, Schoolsoort, Bekostigd) or "
                + "Kijkglas 2 (BSN/Onderwijsnummer, Instellingscode, Vestiging, Schoolsoort, Datum inschrijving, Begindatum, "
                + "Bekostigd) or Kijkglas 3 (Schoolsoort, Bekostigingscategorie, Aantal 1 oktober, Aantal 1 februari, "
                + "Groei); no line in the "
                + "first 100 has a known header; if this is a DUO file with other headers, map them in a layout file",
        ]),
        Case(fixture: "bad-block-date.csv", messages: [
            "bad-block-date.csv:3:2: error: published: expected a date dd-mm-jjjj (or jjjj-mm-dd), found "
                + "'32-04-2022'; correct the block line 'Datum aanmaak' or give the publication date",
        ]),
        Case(fixture: "bad-block-swv.csv", messages: [
            "bad-block-swv.csv:1:2: error: swv: expected an SWV code like VO2508 or PO-27-07, found 'onbekend'; "
                + "correct the block line 'Samenwerkingsverband' or give the SWV",
        ]),
        Case(fixture: "bad-block-school-year.csv", messages: [
            "bad-block-school-year.csv:2:2: error: schoolYear: expected a school year like 2021-2022, found "
                + "'2021-2023'; correct the block line 'Schooljaar' or give the school year",
        ]),
        Case(fixture: "no-swv.csv", messages: [
            "no-swv.csv:1:1: error: swv: expected the SWV the file is for; add a line "
                + "'Samenwerkingsverband;VO2508' to the block before the table, or give the SWV",
        ]),
        Case(fixture: "no-school-year.csv", messages: [
            "no-school-year.csv:1:1: error: schoolYear: expected the school year the file covers; add a line "
                + "'Schooljaar;2021-2022' to the block before the table, or give the school year",
        ]),
        Case(fixture: "vestigingscode-conflict.csv", messages: [
            "vestigingscode-conflict.csv:5:4: error: institution: expected '01KI' as in column 3, found '02XY00'",
        ]),
        Case(fixture: "bad-vestigingscode.csv", messages: [
            "bad-vestigingscode.csv:5:3: error: branch: expected a vestigingscode of 6 letters or digits "
                + "(instellingscode + vestiging), found '01KI0'",
        ]),
        Case(fixture: "bad-birth-date.csv", messages: [
            "bad-birth-date.csv:5:3: error: birthDate: expected a date dd-mm-jjjj (or jjjj-mm-dd), found "
                + "'**-**-****'",
        ]),
        Case(fixture: "bad-cluster-and-category.csv", messages: [
            "bad-cluster-and-category.csv:5:6: error: cluster: expected a number from 1 to 4, found '9'",
            "bad-cluster-and-category.csv:5:7: error: category: expected L, M or H (or Laag, Midden, Hoog, 1, 2, "
                + "3), found 'Q'",
        ]),
        Case(fixture: "bad-tlv-number.csv", messages: [
            "bad-tlv-number.csv:5:6: error: tlvNumber: expected a TLV number like VO2508-2021-00012, found "
                + "'VO9901-21-1'",
        ]),
        Case(fixture: "missing-columns.csv", messages: [
            "missing-columns.csv:4:1: error: schoolType: expected a column headed 'Schoolsoort'; add the column, "
                + "or map its header in a layout file",
            "missing-columns.csv:4:1: error: funded: expected a column headed 'Bekostigd'; add the column, or "
                + "map its header in a layout file",
        ]),
        Case(fixture: "blank-lines.csv", messages: [
            "blank-lines.csv:1:1: error: expected a header line and registration rows; the file is empty",
        ]),
    ]

    @Test("bad input is reported with file, line, column, field, expected and found", arguments: cases)
    func reports(testCase: Case) throws {
        let error = try #require(try Self.problems(testCase.fixture))
        #expect(error.problems.map(\.description) == testCase.messages)
        #expect(!error.truncated)
    }

    @Test("no message carries a full 9-digit PGN", arguments: cases)
    func masked(testCase: Case) throws {
        let error = try #require(try Self.problems(testCase.fixture))
        let text = error.description
        #expect(text.firstMatch(of: /\d{9}/) == nil, "\(text)")
        for pupil in ["100000017", "100000025", "12345678", "1234567890"] { #expect(!text.contains(pupil)) }
    }

    @Test("a problem keeps its parts apart from its message")
    func parts() throws {
        let error = try #require(try Self.problems("bad-pgn.csv"))
        let problem = try #require(error.problems.first)
        #expect(problem.file == "bad-pgn.csv")
        #expect((problem.line, problem.column) == (5, 2))
        #expect(problem.field == "pgn")
        #expect(problem.expected == "9 digits")
        #expect(problem.found == "*******8A")
    }

    @Test("problems stop at the limit and say so")
    func limit() throws {
        let header = "BSN;Instellingscode;Vestiging;Schoolsoort;Datum inschrijving;Begindatum;Bekostigd\n"
        let rows = (0..<20).map { "10000001\($0 % 10);01KI;00;XSO;01-08-2019;01-08-2021;J\n" }.joined()
        let path = try Fixture.write(header + rows, as: "many-VO9901-2022-04-29.csv")
        defer { Fixture.remove(path) }
        let error = try #require(try Self.problems(file: path, overrides: ReleaseMetadata(schoolYear: "2021-2022"), maxProblems: 5))
        #expect(error.problems.count == 5)
        #expect(error.truncated)
        #expect(error.description.hasSuffix("note: stopped after 5 problems; fix these and run again to see more"))
    }

    @Test("a missing file and a bad override are problems too")
    func missingFileAndOverride() throws {
        let missing = try #require(try Self.problems(file: "/nonexistent/kijkglas.csv"))
        #expect(missing.description == "kijkglas.csv: error: expected a readable file; found no such file")
        let path = try Fixture.path("kijkglas2-block.csv")
        let override = try #require(try Self.problems(file: path, overrides: ReleaseMetadata(swv: "XX12")))
        #expect(override.description == "kijkglas2-block.csv: error: swv: expected an SWV code like VO2508 or PO-27-07 (as the SWV), found 'XX12'")
        #expect(override.problems.first?.option == .swv)
    }

    @Test("a problem names the option that fixes it in words, or as the interface names it", arguments: ReadingOption.allCases)
    func optionNamedByTheInterface(option: ReadingOption) {
        let problem = InputProblem(
            file: "f.csv", line: 1, column: 1, field: nil, expected: "a value (as \(option.words))", found: nil,
            hint: "or give \(option.words)", option: option)
        #expect(problem.description == "f.csv:1:1: error: expected a value (as \(option.words)); or give \(option.words)")
        #expect(problem.text(naming: { "<\($0.rawValue)>" }) == "f.csv:1:1: error: expected a value (as <\(option.rawValue)>); or give <\(option.rawValue)>")
        #expect(!option.words.contains("--"))
    }
}
