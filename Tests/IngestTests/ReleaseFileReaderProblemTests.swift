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
                + "rename the header, or map it in a layout file passed with --layout FILE",
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
                + "'Datum aanmaak;dd-mm-jjjj' to the block before the table, or pass --published dd-mm-jjjj",
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

    @Test("invalid UTF-8 names its line and column")
    func invalidUTF8() throws {
        var bytes = Array("BSN;Instellingscode;Vestiging;Schoolsoort;Datum inschrijving;Begindatum;Bekostigd;Reden niet bekostigd\n".utf8)
        bytes += Array("100000017;01KI;00;VSO;01-08-2019;01-08-2021;N;Caf".utf8) + [0xE9] + [0x0A]
        let path = try Fixture.write(bytes, as: "latin1-VO9901-2022-04-29.csv")
        defer { Fixture.remove(path) }
        let error = try #require(try Self.problems(file: path, overrides: ReleaseMetadata(schoolYear: "2021-2022")))
        #expect(error.problems.map(\.description) == [
            "latin1-VO9901-2022-04-29.csv:2:8: error: expected UTF-8 text (Windows-1252 files are not read yet: "
                + "save the file as UTF-8); found bytes that are not UTF-8",
        ])
    }

    @Test("a missing file and a bad override are problems too")
    func missingFileAndOverride() throws {
        let missing = try #require(try Self.problems(file: "/nonexistent/kijkglas.csv"))
        #expect(missing.description == "kijkglas.csv: error: expected a readable file; found no such file")
        let path = try Fixture.path("kijkglas2-block.csv")
        let override = try #require(try Self.problems(file: path, overrides: ReleaseMetadata(swv: "XX12")))
        #expect(override.description == "kijkglas2-block.csv: error: swv: expected an SWV code like VO2508 or PO-27-07 (from --swv), found 'XX12'")
    }
}
