import Foundation
import Ingest
import KijkglasKit
import Ledger
import LedgerStorage
import Testing
import TestSupport

/// The library reads every file before it writes, refuses a mass change unless
/// accepted, and skips a file already ingested, in-process on a real ledger.
@Suite("Ingest through the library", .serialized)
struct IngestBatchTests {
    /// A Kijkglas 2 file of `rows` pupils published on `published` (`dd-mm-jjjj`), every row in `category`.
    private func release(rows: Int, published: String, category: String) -> String {
        var text = """
            Samenwerkingsverband;VO9901
            Schooljaar;2021-2022
            Datum aanmaak;\(published)

            BSN/Onderwijsnummer;Instellingscode;Vestiging;Schoolsoort;Datum inschrijving;Begindatum;Bekostigingscategorie;Bekostigd;Reden niet bekostigd

            """
        for index in 0..<rows { text += "\(100_000_000 + index * 7);01KI;00;VSO;01-08-2019;01-08-2021;\(category);J;\n" }
        return text
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func ingest(_ batch: IngestBatch, into session: LedgerSession) throws -> [RecordOutcome] {
        var outcomes: [RecordOutcome] = []
        try session.ingest(batch) { outcome, _ in outcomes.append(outcome) }
        return outcomes
    }

    @Test("files are recorded in order; a file ingested before is skipped as already ingested")
    func recordsAndSkips() throws {
        let directory = try TemporaryDirectory(prefix: "kijkglas-kit")
        defer { directory.remove() }
        let first = directory.appending("first.csv")
        let second = directory.appending("second.csv")
        try write(release(rows: 5, published: "15-09-2021", category: "L"), to: first)
        try write(release(rows: 6, published: "20-10-2021", category: "L"), to: second)
        try TestKey.write(to: directory.appending("ledger.key"))
        let session = try LedgerSession(directory: directory.appending("ledger"), access: .create)
        let batch = try IngestBatch(IngestRequest(files: [second, first]), reading: FileReading())
        #expect(batch.releases.count == 2)
        let outcomes = try ingest(batch, into: session)
        #expect(outcomes.count == 2)
        #expect(try session.releases().releases.count == 2)
        let again = try ingest(try IngestBatch(IngestRequest(files: [first]), reading: FileReading()), into: session)
        guard case .alreadyRecorded = try #require(again.first) else {
            Issue.record("expected already ingested, got \(again)")
            return
        }
    }

    @Test("one bad file reads none: its problems are bad data, and the ledger is never opened")
    func badFileReadsNone() throws {
        let directory = try TemporaryDirectory(prefix: "kijkglas-kit")
        defer { directory.remove() }
        let good = directory.appending("good.csv")
        let bad = directory.appending("bad.csv")
        try write(release(rows: 5, published: "15-09-2021", category: "L"), to: good)
        try write("garbage;x\n1;2\n", to: bad)
        let refused = kijkglasFailure { _ = try IngestBatch(IngestRequest(files: [good, bad]), reading: FileReading()) }
        #expect(refused?.kind == .badData)
        #expect(refused?.input?.problems.first?.description.hasPrefix("bad.csv:") == true)
        #expect(refused?.description.hasSuffix("nothing was written to the ledger") == true)
    }

    @Test("a mass change is refused as bad data naming the acceptance as a term, and recorded when accepted")
    func massChange() throws {
        let directory = try TemporaryDirectory(prefix: "kijkglas-kit")
        defer { directory.remove() }
        let base = directory.appending("base.csv")
        let damaged = directory.appending("damaged.csv")
        try write(release(rows: 30, published: "15-09-2021", category: "L"), to: base)
        try write(release(rows: 30, published: "20-10-2021", category: "H"), to: damaged)
        try TestKey.write(to: directory.appending("ledger.key"))
        let session = try LedgerSession(directory: directory.appending("ledger"), access: .create)
        _ = try ingest(try IngestBatch(IngestRequest(files: [base]), reading: FileReading()), into: session)
        let refused = kijkglasFailure { _ = try ingest(try IngestBatch(IngestRequest(files: [damaged]), reading: FileReading()), into: session) }
        #expect(refused?.kind == .badData)
        #expect(refused?.message.terms == [.inspectAndDiff, .acceptMassChange])
        #expect(refused?.description.contains("--") == false)
        #expect(try session.releases().releases.count == 1)
        let accepted = try IngestBatch(IngestRequest(files: [damaged], acceptMassChange: true), reading: FileReading())
        _ = try ingest(accepted, into: session)
        #expect(try session.releases().releases.count == 2)
    }

    @Test("the demo's ledger: its bundled releases, oldest first, recorded into a new ledger that verifies")
    func demoLedger() throws {
        let directory = try TemporaryDirectory(prefix: "kijkglas-kit")
        defer { directory.remove() }
        let request = try IngestRequest.demo()
        #expect(request.files.count == 10)
        #expect(request.files == request.files.sorted())
        try TestKey.write(to: directory.appending("demo.key"))
        let session = try LedgerSession(directory: directory.appending("demo"), access: .create)
        let outcomes = try ingest(try IngestBatch(request, reading: FileReading()), into: session)
        #expect(outcomes.count == 10)
        #expect(try session.releases().releases.count == 10)
        #expect(try session.verify().isValid)
    }

    @Test("a session that reads refuses to ingest")
    func readingSessionRefuses() throws {
        let demo = try DemoLedger(including: { _ in false })
        defer { demo.directory.remove() }
        let batch = try IngestBatch(IngestRequest(files: []), reading: FileReading())
        #expect(kijkglasFailure { _ = try ingest(batch, into: try demo.session()) }?.kind == .usage)
    }

    @Test("inspecting a file reports its problems without a ledger")
    func inspects() throws {
        let directory = try TemporaryDirectory(prefix: "kijkglas-kit")
        defer { directory.remove() }
        let good = directory.appending("good.csv")
        let bad = directory.appending("bad.csv")
        try write(release(rows: 5, published: "15-09-2021", category: "L"), to: good)
        try write("garbage;x\n1;2\n", to: bad)
        #expect(try FileReading().inspect(file: good).problems.isEmpty)
        #expect(!(try FileReading().inspect(file: bad).problems.isEmpty))
    }
}
