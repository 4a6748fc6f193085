import Foundation
@testable import Ingest
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
        let text = try TextEncodingTests.accentedText()
        // The shapes a file takes on its way through a spreadsheet, each mutated in turn.
        let shapes: [[UInt8]] = [
            try Fixture.bytes("kijkglas2-block.csv"), Array(text.utf8), [UInt8](try #require(text.data(using: .windowsCP1252))),
            ExcelRoundTrip.utf16(text, bigEndian: false, separator: "\t"), ExcelRoundTrip.utf16(text, bigEndian: true),
            ExcelRoundTrip.utf32(text, bigEndian: false), Array(try ExcelRoundTrip.doubleEncoded(text).utf8),
        ]
        let tokens: [[UInt8]] = [
            [0x22], [0x3B], [0x0A], [0x0D, 0x0A], [0x2C], [0x09], [0xEF, 0xBB, 0xBF], [0xFF], [0xC3], [0x00], Array("31-02-2021".utf8),
            [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0xD8], [0xDC, 0x00], Array("Ã¶".utf8), Array("â€“".utf8), [0xE9],
            Array("012345672".utf8), Array("07-01-2021".utf8),
        ]
        let started = Date()
        var tried = 0
        var accepted = 0
        while Date().timeIntervalSince(started) < budget {
            var bytes = shapes.randomElement(using: &random) ?? []
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
                // A control character's escape (`\u0000`) is no part of a number.
                let text = error.description.replacingOccurrences(of: #"\\u[0-9A-F]{4}"#, with: " ", options: .regularExpression)
                #expect(text.range(of: #"\d{9}"#, options: .regularExpression) == nil, "seed \(seed), input \(tried): unmasked PGN")
            }
            try FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
            tried += 1
        }
        #expect(tried > 20, "seed \(seed): only \(tried) inputs in \(budget) s")
        print("fuzzed \(tried) inputs (\(accepted) accepted) in \(budget) s, seed \(seed)")
    }

    @Test("mutated XLSX workbooks, in their XML parts and in their ZIP bytes, end in rows or in input problems: no crash, no hang, the sheet's text within the limit")
    func xlsxMutations() throws {
        // A fixed seed, so CI tries the same inputs every run; KIJKGLAS_SEED (Tools/fuzz-readers) picks others.
        let seed = ProcessInfo.processInfo.environment["KIJKGLAS_SEED"].flatMap(UInt64.init) ?? 20_251_129
        var random = SplitMix64(seed: seed)
        var reader = try ReleaseFileReader.builtIn()
        let limits = XLSXLimits(maxUncompressedBytes: 2 << 20, maxEntries: 64)
        reader.xlsxLimits = limits
        // The workbook as Excel saves it, and the shapes other programs and locales give it.
        let dutch = try XLSXReaderTests.workbook(fromCSV: "kijkglas2-block.csv")
        let csvText = String(decoding: try Fixture.bytes("kijkglas2-block.csv"), as: UTF8.self)
        var english = try ExcelRoundTrip.workbook(fromCSV: csvText, locale: .english)
        english.spelling = .upperCase
        var explained = dutch
        explained.sheets.insert(("Toelichting", [[.shared("Uitleg")]]), at: 0)
        explained.workbookPath = "book/main.xml"
        var twice = dutch
        twice.sheets.append(("Kopie", dutch.sheets[0].rows))
        twice.spelling = .backslashes
        let mutators = try [dutch, english, explained, twice].map(XLSXMutator.init)
        let pgns = Set(String(decoding: try Fixture.bytes("kijkglas2-block.csv"), as: UTF8.self)
            .split { !$0.isNumber }.filter { $0.count == 9 }.map(String.init))
        #expect(!pgns.isEmpty)
        let clock = ContinuousClock()
        let started = clock.now
        var tried: [XLSXMutator.Layer: Int] = [:]
        var accepted = 0
        var slowest = Duration.zero
        var largestRise = 0
        while clock.now - started < .seconds(budget) {
            let layer = XLSXMutator.Layer.allCases.randomElement(using: &random) ?? .xml
            guard let mutator = mutators.randomElement(using: &random), let bytes = mutator.variant(layer, using: &random) else { continue }
            let number = tried.values.reduce(0, +)
            let path = try Fixture.write(bytes, as: "fuzz-\(number).xlsx")
            defer { Fixture.remove(path) }
            let peakBefore = Self.peakMemory()
            let elapsed = clock.measure {
                do throws(InputError) {
                    _ = try reader.read(file: path)
                    accepted += 1
                } catch {
                    #expect(!error.problems.isEmpty, "seed \(seed), input \(number) (\(layer)): an InputError without problems")
                    let text = error.description
                    #expect(!pgns.contains { text.contains($0) }, "seed \(seed), input \(number): unmasked PGN in \(text)")
                }
                do throws(XLSXError) {
                    let size = try XLSXSheetSource.sheets(path: path, limits: limits).reduce(0) { $0 + $1.size }
                    #expect(size <= limits.maxUncompressedBytes, "seed \(seed), input \(number): sheet text of \(size) bytes")
                } catch {
                    #expect(!error.expected.isEmpty && !error.found.isEmpty, "seed \(seed), input \(number): an empty XLSXError")
                }
            }
            slowest = max(slowest, elapsed)
            largestRise = max(largestRise, Self.peakMemory() - peakBefore)
            tried[layer, default: 0] += 1
        }
        let total = tried.values.reduce(0, +)
        #expect(total > 10, "seed \(seed): only \(total) inputs in \(budget) s")
        #expect(slowest < .seconds(30), "seed \(seed): one input took \(slowest)")
        print(
            "fuzzed \(total) XLSX inputs (xml \(tried[.xml] ?? 0), zip \(tried[.zip] ?? 0), both \(tried[.both] ?? 0); \(accepted) accepted) in \(budget) s,"
                + " slowest \(slowest), peak RSS \(Self.peakMemory() >> 20) MiB (one read raised it by at most \(largestRise >> 20) MiB), seed \(seed)")
    }

    /// The process's peak resident memory so far, in bytes.
    private static func peakMemory() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss
        #endif
    }
}
