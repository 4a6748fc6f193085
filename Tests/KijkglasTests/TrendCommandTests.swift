import Foundation
import Testing
import TestSupport

@Suite("trend: a projection over time as a table and an HTML report", .serialized)
struct TrendCommandTests {
    @Test("trend prints the series per category, refuses a range without data, and writes a self-contained Dutch HTML report")
    func trend() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = directory.appending("ledger")
        #expect(try KijkglasBinary.run(["demo", "--ledger", ledger]).status == 0)
        let html = directory.appending("trend.html")
        let csv = try KijkglasBinary.run([
            "trend", "--from", "01-08-2021", "--to", "31-07-2022", "--by", "category", "--format", "csv", "--html", html, "--ledger", ledger,
        ])
        #expect(csv.status == 0, "\(csv.standardError)")
        let lines = csv.standardOutput.split(separator: "\n")
        #expect(lines.first == "day;count;L;M;H")
        #expect(lines.count == 13)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.components(separatedBy: "<svg").count - 1 == 3)
        #expect(!page.contains("<script"))
        #expect(!page.lowercased().contains("http"))
        for label in ["Aantal leerlingen per categorie", "Herzieningen per release", "Correcties per release", "01-10-2021", "Gecorrigeerde release"] {
            #expect(page.contains(label), "missing \(label)")
        }

        let teldata = try KijkglasBinary.run(["trend", "--from", "2021-08-01", "--to", "2022-07-31", "--every", "teldatum", "--metric", "growth", "--ledger", ledger])
        #expect(teldata.status == 0)
        #expect(teldata.standardOutput.contains("2021-10-01"))
        #expect(teldata.standardOutput.contains("2022-02-01"))

        let empty = try KijkglasBinary.run(["trend", "--from", "2030-01-01", "--to", "2030-12-31", "--ledger", ledger])
        #expect(empty.status == 64)
        #expect(empty.standardError.contains("no data from 2030-01-01 to 2030-12-31"))
        #expect(try KijkglasBinary.run(["trend", "--from", "2022-01-01", "--to", "2021-01-01", "--ledger", ledger]).status == 64)
    }
}
