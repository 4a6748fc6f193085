import Foundation
@testable import Ingest
import Ledger
import SampleData
import Testing

@Suite("Reading a file in stretches on several threads")
struct ReadingInStretchesTests {
    @Test("random files, damaged and reordered, read in stretches give exactly the rows and problems of one sequential read")
    func stretchesReadAsOne() throws {
        let seed = SplitMix64.seedFromEnvironment()
        var random = SplitMix64(seed: seed)
        let layout = try #require(try Layout.builtIn().first { $0.product == "kijkglas-2" })
        var sequential = ReleaseFileReader(layouts: [layout])
        sequential.stretchBytes = .max / 4
        var stretched = sequential
        let tokens: [[UInt8]] = [[0x22], [0x3B], [0x2C], [0x0A], [0x0D, 0x0A], [0x0D], Array("31-02-2021".utf8), [0xEF, 0xBB, 0xBF]]
        for round in 0..<150 {
            var writer = RandomFile(random: SplitMix64(seed: random.next()), layout: layout)
            let made = writer.file(rows: writer.registrations(count: Int.random(in: 20...120, using: &random)))
            var lines = made.bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            for _ in 0..<Int.random(in: 0...4, using: &random) where lines.count > 2 {
                let from = Int.random(in: 1..<lines.count, using: &random)
                let to = Int.random(in: 1..<lines.count, using: &random)
                if Bool.random(using: &random) { lines.insert(lines[from], at: to) } else { lines.swapAt(from, to) }
            }
            var bytes = Array(lines.joined(separator: [0x0A]))
            for _ in 0..<Int.random(in: 0...3, using: &random) where bytes.count > 200 {
                let at = Int.random(in: 200..<bytes.count, using: &random)
                bytes.insert(contentsOf: tokens[Int.random(in: 0..<tokens.count, using: &random)], at: at)
            }
            let path = try Fixture.write(bytes, as: "stretches.csv")
            defer { Fixture.remove(path) }
            stretched.stretchBytes = Int.random(in: 8...300, using: &random)
            let limit = Int.random(in: 1...8, using: &random)
            let context = "seed \(seed), round \(round), stretches of \(stretched.stretchBytes) bytes, limit \(limit)"

            let one = sequential.inspect(file: path, overrides: made.overrides, maxProblems: limit)
            let many = stretched.inspect(file: path, overrides: made.overrides, maxProblems: limit)
            #expect(many.problems == one.problems, "\(context)")
            #expect(many.truncated == one.truncated, "\(context)")
            #expect(many.rowCount == one.rowCount, "\(context)")
            let oneRead = Result { () throws(InputError) in try sequential.read(file: path, overrides: made.overrides, maxProblems: limit) }
            let manyRead = Result { () throws(InputError) in try stretched.read(file: path, overrides: made.overrides, maxProblems: limit) }
            switch (oneRead, manyRead) {
            case (.success(let one), .success(let many)):
                #expect(many.rows == one.rows, "\(context)")
                #expect(many.fileSHA256 == one.fileSHA256, "\(context)")
            case (.failure(let one), .failure(let many)):
                #expect(many.problems == one.problems && many.truncated == one.truncated, "\(context)")
            default:
                Issue.record("\(context): one read succeeded, the other failed")
            }
        }
    }
}
