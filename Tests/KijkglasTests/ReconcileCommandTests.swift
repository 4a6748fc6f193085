import Foundation
import Testing
import TestSupport

@Suite("reconcile: DUO's stated figures against the ledger's own", .serialized)
struct ReconcileCommandTests {
    /// A Kijkglas 1 part 1 stating `total` pupils of VO9901 on 1 October 2021, published `published`.
    static func kijkglas1(total: Int, published: String, in directory: TemporaryDirectory, name: String) throws -> String {
        let path = directory.appending(name)
        try """
            Samenwerkingsverband;VO9901
            Product;Kijkglas 1 deel 1
            Peildatum;01-10-2021
            Datum aanmaak;\(published)

            Omschrijving;Aantal
            Totaal (v)so;\(total)
            so jonger dan 8 jaar;<5

            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a total equal to the ledger's count agrees (exit 0); one more differs (exit 1); a registration release is refused")
    func reconcile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = try KijkglasBinary.demoLedger(in: directory)
        let count = try KijkglasBinary.run([
            "count", "--on", "2021-10-01", "--known-at", "2021-11-15", "--swv", "VO9901", "--format", "json", "--ledger", ledger,
        ])
        #expect(count.status == 0, "\(count.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(count.standardOutput.utf8)) as? [String: Any]
        let total = try #require(object?["pupils"] as? Int)
        #expect(total > 0)

        let agreeing = try Self.kijkglas1(total: total, published: "15-11-2021", in: directory, name: "k1-agree.csv")
        let ingest = try KijkglasBinary.run(["ingest", agreeing, "--ledger", ledger])
        #expect(ingest.status == 0, "\(ingest.standardError)")
        #expect(ingest.standardOutput.contains("DUO's stated figures recorded"))
        let release = try #require(ingest.standardOutput.split(separator: " ").first.map(String.init))
        let agrees = try KijkglasBinary.run(["reconcile", release, "--format", "json", "--ledger", ledger])
        #expect(agrees.status == 0, "\(agrees.standardOutput)\(agrees.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(agrees.standardOutput.utf8)) as? [String: Any]
        #expect(json?["agrees"] as? Bool == true)
        let figures = try #require(json?["figures"] as? [[String: Any]])
        #expect(figures.map { $0["verdict"] as? String } == ["agrees", "not compared"])

        let wrong = try Self.kijkglas1(total: total + 2, published: "16-11-2021", in: directory, name: "k1-wrong.csv")
        let second = try KijkglasBinary.run(["ingest", wrong, "--ledger", ledger])
        let corrected = try #require(second.standardOutput.split(separator: " ").first.map(String.init))
        let differs = try KijkglasBinary.run(["reconcile", corrected, "--ledger", ledger])
        #expect(differs.status == 1)
        #expect(differs.standardOutput.contains("DUO \(total + 2), ledger \(total)"))
        #expect(differs.standardOutput.contains("not compared: the ledger cannot tell which pupils 'so jonger dan 8 jaar' counts"))

        let periods = try KijkglasBinary.run(["reconcile", "R1", "--ledger", ledger])
        #expect(periods.status == 64)
        #expect(periods.standardError.contains("holds registration periods"))
        #expect(try KijkglasBinary.run(["verify", "--ledger", ledger]).status == 0)
    }
}
