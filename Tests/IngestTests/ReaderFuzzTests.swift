import Foundation
import Ingest
import SampleData
import Testing

@Suite("Hostile input")
struct ReaderFuzzTests {
    /// Seconds to spend; `KIJKGLAS_FUZZ_SECONDS` sets a longer run (Tools/fuzz-readers).
    private var budget: Double {
        ProcessInfo.processInfo.environment["KIJKGLAS_FUZZ_SECONDS"].flatMap(Double.init) ?? 3
    }

    @Test("random bytes and mutated good files end in rows or in input problems: no crash, no other error, no hang")
    func mutations() throws {
        let seed = SplitMix64.seedFromEnvironment()
        var random = SplitMix64(seed: seed)
        let reader = try ReleaseFileReader.builtIn()
        let good = try Fixture.bytes("kijkglas2-block.csv")
        let tokens: [[UInt8]] = [[0x22], [0x3B], [0x0A], [0x0D, 0x0A], [0x2C], [0x09], [0xEF, 0xBB, 0xBF], [0xFF], [0xC3], [0x00], Array("31-02-2021".utf8)]
        let started = Date()
        var tried = 0
        var accepted = 0
        while Date().timeIntervalSince(started) < budget {
            var bytes = good
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                bytes = (0..<Int.random(in: 0..<4096, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            case 1:
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
            default:
                for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
                    let at = Int.random(in: 0..<bytes.count, using: &random)
                    if Bool.random(using: &random) {
                        bytes[at] = UInt8.random(in: 0...255, using: &random)
                    } else {
                        bytes.insert(contentsOf: tokens.randomElement(using: &random) ?? [], at: at)
                    }
                }
            }
            let path = try Fixture.write(bytes, as: "fuzz-\(tried).csv")
            do throws(InputError) {
                _ = try reader.read(file: path)
                accepted += 1
            } catch {
                #expect(!error.problems.isEmpty, "seed \(seed), input \(tried): an InputError without problems")
                #expect(error.description.range(of: #"\d{9}"#, options: .regularExpression) == nil, "seed \(seed): unmasked PGN")
            }
            try FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
            tried += 1
        }
        #expect(tried > 20, "seed \(seed): only \(tried) inputs in \(budget) s")
        print("fuzzed \(tried) inputs (\(accepted) accepted) in \(budget) s, seed \(seed)")
    }
}
