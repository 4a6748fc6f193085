import Foundation
@testable import Ingest
import Ledger
import Testing

@Suite("Reading Windows-1252, UTF-16 and damaged text")
struct TextEncodingTests {
    /// The block fixture with accented names and reasons, as UTF-8 text.
    static func accentedText() throws -> String {
        let text = String(decoding: try Fixture.bytes("kijkglas2-block.csv"), as: UTF8.self)
        return text
            .replacingOccurrences(of: "Voorbeeld VO (fictief)", with: "Voorbeeld Zuid-Holland Noël & Zoë (fictief)")
            .replacingOccurrences(of: "Geen geldige TLV", with: "Geen geldige TLV: café, één, € 12 – ‘te laat’")
    }

    @Test("a Windows-1252 file with é, ë and € reads the same rows as its UTF-8 twin")
    func windows1252Twin() throws {
        let text = try Self.accentedText()
        let utf8 = try Fixture.write(text, as: "kijkglas2-utf8.csv")
        defer { Fixture.remove(utf8) }
        let bytes = try #require(text.data(using: .windowsCP1252))
        let cp1252 = try Fixture.write([UInt8](bytes), as: "kijkglas2-1252.csv")
        defer { Fixture.remove(cp1252) }
        let reader = try ReleaseFileReader.builtIn()
        let twin = try reader.read(file: utf8)
        let release = try reader.read(file: cp1252)
        #expect(release.rows == twin.rows)
        #expect(release.scope == twin.scope)
        #expect(release.rows.last?.unfundedReason == "Geen geldige TLV: café, één, € 12 – ‘te laat’")
        #expect(reader.inspect(file: cp1252).encoding == .windows1252)
        #expect(reader.inspect(file: utf8).encoding == .utf8)
        let name = reader.inspect(file: cp1252).metadata.first { $0.name == "swvName" }
        #expect(name?.value == "Samenwerkingsverband Voorbeeld Zuid-Holland Noël & Zoë (fictief)")
    }

    @Test("valid UTF-8 with one stray 1252 byte is refused at that byte's line and field, not read as 1252")
    func mixed() throws {
        var bytes = Array(try Self.accentedText().utf8)
        let reason = try #require(bytes.firstRange(of: Array("Geen geldige".utf8)))
        bytes.replaceSubrange(reason, with: Array("Geen geldige".utf8) + [0xE9])
        let path = try Fixture.write(bytes, as: "kijkglas2-mixed.csv")
        defer { Fixture.remove(path) }
        let reader = try ReleaseFileReader.builtIn()
        let inspection = reader.inspect(file: path)
        #expect(inspection.encoding == .utf8)
        let problem = try #require(inspection.problems.first)
        #expect(inspection.problems.count == 1)
        #expect((problem.line, problem.column) == (13, 19))
        #expect(problem.description.contains("expected UTF-8 text; found a byte that is not UTF-8 in a file that is UTF-8 elsewhere"))
        #expect(throws: InputError.self) { try reader.read(file: path) }
    }

    @Test("Excel's Unicode text (UTF-16 with BOM, tab or ';' separated) and UTF-32 read the same rows as UTF-8",
        arguments: [("LE", "\t"), ("BE", "\t"), ("LE", ";"), ("BE", ";"), ("UTF-32 LE", ";"), ("UTF-32 BE", ";")])
    func wide(order: String, separator: String) throws {
        let text = try Self.accentedText()
        let reader = try ReleaseFileReader.builtIn()
        let twin = try reader.read(file: try Fixture.path("kijkglas2-block.csv"))
        let bytes =
            order.hasPrefix("UTF-32")
            ? ExcelRoundTrip.utf32(text, bigEndian: order.hasSuffix("BE"))
            : ExcelRoundTrip.utf16(text, bigEndian: order == "BE", separator: Character(separator))
        let path = try Fixture.write(bytes, as: "kijkglas2-unicode.txt")
        defer { Fixture.remove(path) }
        let release = try reader.read(file: path)
        #expect(release.rows.count == twin.rows.count)
        #expect(release.rows.last?.unfundedReason == "Geen geldige TLV: café, één, € 12 – ‘te laat’")
        #expect(release.scope == twin.scope)
        let encoding = reader.inspect(file: path).encoding?.rawValue ?? ""
        #expect(encoding.hasPrefix(order.hasPrefix("UTF-32") ? "UTF-32" : "UTF-16") && encoding.contains(order.suffix(2)))
    }

    @Test("UTF-16 with an unpaired surrogate is refused naming its line")
    func brokenUTF16() throws {
        var bytes = ExcelRoundTrip.utf16(try Self.accentedText(), bigEndian: false)
        bytes += [0x00, 0xD8, 0x41, 0x00]
        let path = try Fixture.write(bytes, as: "kijkglas2-unicode.txt")
        defer { Fixture.remove(path) }
        let problems = try ReleaseFileReader.builtIn().inspect(file: path).problems
        #expect(problems.count == 1)
        #expect(problems.first?.description.contains("an unpaired surrogate on line 14") == true)
    }

    @Test("double-encoded text (Ã¶ for ö) in a CSV is refused with what happened and how to get a clean file")
    func doubleEncodedCSV() throws {
        let text = try ExcelRoundTrip.doubleEncoded(try Self.accentedText())
        #expect(text.contains("NoÃ«l"))
        let path = try Fixture.write(text, as: "kijkglas2-mojibake.csv")
        defer { Fixture.remove(path) }
        let problems = try ReleaseFileReader.builtIn().inspect(file: path).problems
        let problem = try #require(problems.first)
        #expect((problem.line, problem.column) == (3, 2))
        #expect(problem.expected == "text encoded once")
        #expect(problem.hint?.contains("'Ã«' where 'ë' was meant") == true)
        #expect(problem.hint?.contains("From Text/CSV") == true)
    }

    @Test("the double-encoding finder sees Ã©, â€“ and Ã« and leaves real accents alone",
        arguments: [
            ("CoÃ¶peratie", "ö"), ("caf\u{00C3}\u{00A9}", "é"), ("a â€“ b", "–"), ("Zoë, café, één, € – ‘x’", nil), ("Ärzte Ã", nil),
            ("\u{00C3}\u{0089}", "É"),
        ] as [(String, String?)])
    func doubleEncodingFinder(text: String, meant: String?) {
        var text = text
        let found = text.withUTF8 { DoubleEncoding.firstRun(in: $0) }
        #expect(found?.meant == meant)
    }

    @Test("every byte 0x80–0xFF becomes a character, the five undefined ones included")
    func everyByte() throws {
        let header = "BSN;Instellingscode;Vestiging;Schoolsoort;Datum inschrijving;Begindatum;Bekostigd;Reden niet bekostigd\n"
        let bytes = Array(header.utf8) + Array("100000017;01KI;00;VSO;01-08-2019;01-08-2021;N;x".utf8)
            + Array(0x80...0xFF).filter { $0 != 0xA0 } + Array("x\n".utf8)
        let path = try Fixture.write(bytes, as: "bytes-VO9901-2022-04-29.csv")
        defer { Fixture.remove(path) }
        let release = try ReleaseFileReader.builtIn().read(file: path, overrides: ReleaseMetadata(schoolYear: "2021-2022"))
        let reason = try #require(release.rows.first?.unfundedReason)
        let scalars = Array(reason.unicodeScalars.dropFirst().dropLast())
        #expect(scalars.count == 127)
        #expect(scalars.first == "€")
        for (byte, scalar) in [(0x81, 0x81), (0x8D, 0x8D), (0x8F, 0x8F), (0x90, 0x90), (0x9D, 0x9D), (0x9F, 0x178), (0xE9, 0xE9)] {
            #expect(scalars[byte - 0x80 - (byte > 0xA0 ? 1 : 0)].value == UInt32(scalar), "byte \(byte)")
        }
    }

    @Test("the validator counts bad bytes and whole characters and starts afresh after a bad byte",
        arguments: [
            ([0xE9, 0xC3, 0xA9], 1, 1), ([0xC3, 0x41, 0xC3, 0xA9], 1, 1), (Array("ab".utf8) + [0xFF] + Array(repeating: 0x41, count: 20) + [0xE2, 0x82, 0xAC], 1, 1),
            ([0xE2, 0x82, 0xE2, 0x82, 0xAC], 1, 1), ([0x80, 0x80], 2, 0),
        ] as [([UInt8], Int, Int)])
    func tally(bytes: [UInt8], invalid: Int, characters: Int) {
        var validator = UTF8Validator()
        bytes.withUnsafeBufferPointer { validator.scan($0) }
        #expect(validator.invalidBytes == invalid)
        #expect(validator.multiByteCharacters == characters)
    }

    @Test("UTF-8 with and without a byte order mark is detected as such")
    func utf8Detection() throws {
        let bytes = try Fixture.bytes("kijkglas2-block.csv")
        let plain = try Fixture.write(bytes, as: "plain.csv")
        let marked = try Fixture.write([0xEF, 0xBB, 0xBF] + bytes, as: "marked.csv")
        defer {
            Fixture.remove(plain)
            Fixture.remove(marked)
        }
        #expect(try TextEncoding.detect(path: plain) == .utf8)
        #expect(try TextEncoding.detect(path: marked) == .utf8WithByteOrderMark)
    }

    @Test("the validator refuses overlong forms, surrogates and a cut-off sequence, and takes split ones",
        arguments: [
            ([0xC3, 0xA9], true), ([0xC0, 0xAF], false), ([0xED, 0xA0, 0x80], false), ([0xF4, 0x90, 0x80, 0x80], false),
            ([0xE2, 0x82], false), ([0xF0, 0x9F, 0x98, 0x80], true), ([0xE9, 0x20], false),
        ] as [([UInt8], Bool)])
    func validator(bytes: [UInt8], valid: Bool) {
        var whole = UTF8Validator()
        bytes.withUnsafeBufferPointer { whole.scan($0) }
        #expect((whole.invalidBytes == 0 && whole.isComplete) == valid)
        var split = UTF8Validator()
        for byte in bytes { [byte].withUnsafeBufferPointer { split.scan($0) } }
        #expect((split.invalidBytes == 0 && split.isComplete) == valid)
        #expect(whole.multiByteCharacters == split.multiByteCharacters)
    }
}
