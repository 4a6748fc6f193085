import Foundation
@testable import Ingest
import Ledger
import Testing

@Suite("Reading Windows-1252 files")
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

    @Test("valid UTF-8 with one stray 1252 byte is read as 1252 throughout, and inspect says so")
    func mixed() throws {
        var bytes = Array(try Self.accentedText().utf8)
        let reason = try #require(bytes.firstRange(of: Array("Geen geldige".utf8)))
        bytes.replaceSubrange(reason, with: Array("Geen geldige".utf8) + [0xE9])
        let path = try Fixture.write(bytes, as: "kijkglas2-mixed.csv")
        defer { Fixture.remove(path) }
        let reader = try ReleaseFileReader.builtIn()
        let inspection = reader.inspect(file: path)
        #expect(inspection.encoding == .windows1252)
        #expect(inspection.problems.isEmpty, "\(inspection.problems)")
        let release = try reader.read(file: path)
        #expect(release.rows.last?.unfundedReason?.hasPrefix("Geen geldigeé TLV: cafÃ©") == true)
        #expect(release.rows.count == 3)
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
        let wholeResult = bytes.withUnsafeBufferPointer { whole.feed($0) } && whole.isComplete
        #expect(wholeResult == valid)
        var split = UTF8Validator()
        var splitResult = true
        for byte in bytes { splitResult = splitResult && [byte].withUnsafeBufferPointer { split.feed($0) } }
        #expect((splitResult && split.isComplete) == valid)
    }
}
