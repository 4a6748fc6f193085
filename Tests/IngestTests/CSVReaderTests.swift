import Ingest
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    /// Every record of `text` as (line, trimmed texts, line of each field).
    static func records(_ bytes: [UInt8], separator: UInt8 = UInt8(ascii: ";"), chunkSize: Int = 1 << 20) throws
        -> [(line: Int, texts: [String], lines: [Int])]
    {
        var reader = CSVReader(source: ByteArraySource(bytes), separator: separator, chunkSize: chunkSize)
        var result: [(line: Int, texts: [String], lines: [Int])] = []
        while let record = try reader.next() {
            result.append((record.line, (0..<record.count).map(record.text(at:)), (0..<record.count).map(record.line(ofField:))))
        }
        return result
    }

    static let tricky = Array("a;\"b;c\";\"d \"\"e\"\"\"\r\n\"f\ng\";;h\n\n\"\";\"x\"\"\"\r\ni;j".utf8)

    @Test("quotes hold separators, doubled quotes and line breaks; lines and fields are counted", arguments: [1, 2, 3, 7, 64, 1 << 20])
    func tricky(chunkSize: Int) throws {
        let records = try Self.records(Self.tricky, chunkSize: chunkSize)
        #expect(records.map(\.texts) == [["a", "b;c", "d \"e\""], ["f\ng", "", "h"], [""], ["", "x\""], ["i", "j"]])
        #expect(records.map(\.line) == [1, 2, 4, 5, 6])
        #expect(records.map(\.lines) == [[1, 1, 1], [2, 3, 3], [4], [5, 5], [6, 6]])
    }

    @Test("a byte order mark is skipped even when read one byte at a time", arguments: [1, 2, 4, 1024])
    func byteOrderMark(chunkSize: Int) throws {
        let records = try Self.records([0xEF, 0xBB, 0xBF] + Array("é;b\n".utf8), chunkSize: chunkSize)
        #expect(records.map(\.texts) == [["é", "b"]])
    }

    @Test("trimmed text drops spaces, tabs and no-break spaces but keeps inner ones")
    func trimming() throws {
        var reader = CSVReader(source: ByteArraySource(Array(" a b \t;\u{A0}c\u{A0};\"  \"\n".utf8)))
        let record = try #require(try reader.next())
        #expect(record.trimmedTexts == ["a b", "c", ""])
        #expect(record.isEmpty(at: 2))
        #expect(!record.isBlank)
    }

    @Test("the separator can be a comma or a tab", arguments: [UInt8(ascii: ","), 0x09])
    func separators(separator: UInt8) throws {
        let text = Array("a\(Character(Unicode.Scalar(separator)))\"b\(Character(Unicode.Scalar(separator)))c\"\n".utf8)
        let records = try Self.records(text, separator: separator)
        #expect(records.map(\.texts) == [["a", "b\(Character(Unicode.Scalar(separator)))c"]])
    }

    /// Malformed input and the error it must give.
    struct Bad: Sendable, CustomTestStringConvertible {
        var text: [UInt8]
        var error: CSVError
        var testDescription: String { "\(error.kind)" }
    }

    @Test("malformed input stops with its line and column", arguments: [
        Bad(text: Array("a;b\nc;\"d\n\ne".utf8), error: CSVError(kind: .unbalancedQuote, line: 2, column: 2)),
        Bad(text: Array("a;\"b\"c;d\n".utf8), error: CSVError(kind: .textAfterQuote, line: 1, column: 2)),
        Bad(text: Array("a;b\nc;d".utf8) + [0xFF] + Array(";e\n".utf8), error: CSVError(kind: .invalidUTF8, line: 2, column: 2)),
    ])
    func malformed(bad: Bad) throws {
        for chunkSize in [1, 5, 1 << 16] {
            #expect(throws: bad.error) { try Self.records(bad.text, chunkSize: chunkSize) }
        }
    }

    @Test("the prefix is the start of the input without consuming it")
    func prefix() throws {
        var reader = CSVReader(source: ByteArraySource([0xEF, 0xBB, 0xBF] + Array("a;b\nc;d\n".utf8)), chunkSize: 2)
        let prefix = try reader.prefix(maxBytes: 5)
        #expect(prefix.bytes == Array("a;b\nc".utf8))
        #expect(!prefix.isWhole)
        #expect(try reader.next()?.trimmedTexts == ["a", "b"])
        let whole = try reader.prefix(maxBytes: 100)
        #expect(whole.bytes == Array("c;d\n".utf8))
        #expect(whole.isWhole)
    }
}
