import Foundation
import Ingest
import Ledger
import SampleData
import Testing

@Suite("The generated release pair as files")
struct ReleasePairFileTests {
    @Test("a written release pair reads back as its rows, publication days and differences")
    func writtenPairReadsBack() throws {
        let pair = ReleasePair(rows: 2_000, seed: 7)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kijkglas-pair-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try pair.write(to: directory)
        let reader = try ReleaseFileReader.builtIn()
        let old = try reader.read(file: directory + "/old.csv")
        let new = try reader.read(file: directory + "/new.csv")
        #expect(old.rows == pair.old)
        #expect(new.rows == pair.new)
        #expect(old.publishedOn == pair.basePublished && new.publishedOn == pair.published)
        #expect(pair.old != pair.new)
    }
}
