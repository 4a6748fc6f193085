@testable import Ingest
import Ledger
import SampleData
import Testing

@Suite("Scanning spreadsheet XML")
struct XMLScannerTests {
    /// The tokens of `chunks` fed one after another, as text.
    static func tokens(_ chunks: [String]) throws -> [String] {
        var scanner = XMLScanner()
        var tokens: [String] = []
        for chunk in chunks {
            let malformed = try scanner.feed(Array(chunk.utf8)) { event in
                switch event {
                case .start(let name, let attributes, let empty):
                    tokens.append("<\(name)" + attributes.map { " \($0.name)=\($0.value)" }.joined() + (empty ? "/>" : ">"))
                case .end(let name): tokens.append("</\(name)>")
                case .text(let raw): tokens.append(XMLScanner.text(raw))
                }
            }
            if let malformed { tokens.append("malformed: \(malformed.reason)") }
        }
        return tokens
    }

    @Test("tags split across chunks, prefixes, entities and CDATA come out whole")
    func chunks() throws {
        let tokens = try Self.tokens([#"<?xml version="1.0"?><x:c r="A1" t='s'><v>Caf"#, #"&#233; &amp; &lt;b&gt;</v><!-- n"#, "ote --><v/><![CDATA[a&b]]></x:c>"])
        #expect(tokens == ["<c r=A1 t=s>", "<v>", "Café & <b>", "</v>", "<v/>", "a&b", "</c>"])
    }

    @Test("any split into chunks gives the tokens of one feed: a search resumed where the last chunk stopped still finds terminators and quotes that span chunks", arguments: [1, 2, 3, 5, 64] as [UInt64])
    func anySplit(longestChunk: UInt64) throws {
        let document = #"<?xml version="1.0"?><!-- a -- b - --><row r="1"><c r="A1" t='s' x="a>b" y='c"d'><v>1</v></c>"#
            + #"<c t="inlineStr"><is><t>x &amp; y</t></is></c><![CDATA[p]]q]]]]><?pi ??><row r=""/></row><t>"#
            + String(repeating: "z", count: 300) + "</t><!--" + String(repeating: "-", count: 50) + "-->"
        let whole = try Self.tokens([document])
        #expect(whole.contains("<c r=A1 t=s x=a>b y=c\"d>"))
        var random = SplitMix64(seed: longestChunk)
        for round in 0..<20 {
            var chunks: [String] = []
            var rest = Substring(document)
            while !rest.isEmpty {
                let size = Int.random(in: 1...Int(longestChunk), using: &random)
                chunks.append(String(rest.prefix(size)))
                rest = rest.dropFirst(size)
            }
            #expect(try Self.tokens(chunks) == whole, "round \(round), chunks \(chunks)")
        }
    }

    @Test("an unfinished comment, text or tag over many chunks is scanned once, not once per chunk")
    func longUnfinishedToken() throws {
        for opening in ["<!--", "<?pi ", "<c r=\"", "text"] {
            var scanner = XMLScanner()
            let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024)
            let clock = ContinuousClock()
            let elapsed = try clock.measure {
                _ = try scanner.feed(Array(opening.utf8)) { _ in }
                for _ in 0..<256 { _ = try scanner.feed(chunk) { _ in } }
            }
            #expect(scanner.isUnfinished)
            // Scanning 16 MiB once takes well under a second even in a debug build; once per
            // chunk (the old way) took over a minute.
            #expect(elapsed < .seconds(10), "\(opening): \(elapsed)")
        }
    }

    @Test("a document type declaration is refused, so no entity can expand")
    func doctype() throws {
        let tokens = try Self.tokens([#"<!DOCTYPE lol [<!ENTITY lol "lol">]><sst>&lol;</sst>"#])
        #expect(tokens == ["malformed: a document type declaration, which a workbook never has"])
    }

    @Test("Excel serial numbers are days of the 1900 date system", arguments: [
        ("1", "1900-01-01"), ("59", "1900-02-28"), ("61", "1900-03-01"), ("44680", "2022-04-29"), ("44680.5", "2022-04-29"),
    ])
    func serial(text: String, iso: String) {
        #expect(DateText.day(excelSerial: text.utf8)?.iso == iso)
    }

    @Test("text that is no serial number is no day", arguments: ["", "0", "-3", "12a", "1.2.3", "9999999"])
    func notSerial(text: String) {
        #expect(DateText.day(excelSerial: text.utf8) == nil)
    }

    @Test("sheet rows land on their own line and cells in their own column, gaps and all")
    func sheetLayout() throws {
        var writer = SheetWriter(sharedStrings: ["a", "b;\"c\"\nd"], limit: 1 << 20)
        var scanner = XMLScanner()
        let xml = #"<sheetData><row r="1"/><row r="3"><c r="B3" t="s"><v>0</v></c><c r="D3" t="s"><v>1</v></c></row>"#
            + #"<row><c><v>2.0</v></c><c t="inlineStr"><is><r><t>x</t></r><rPh><t>skip</t></rPh><r><t>y</t></r></is></c>"#
            + #"<c t="d"><v>2022-04-29T00:00:00</v></c></row></sheetData>"#
        let malformed = try scanner.feed(Array(xml.utf8)) { event throws(XLSXError) in try writer.handle(event) }
        #expect(malformed == nil)
        #expect(String(decoding: writer.output, as: UTF8.self) == "\n\n;\"a\";;\"b;\"\"c\"\" d\"\n\"2\";\"xy\";\"2022-04-29\"")
    }

    @Test("a shared string index past the end is a problem naming the row")
    func badSharedString() throws {
        var writer = SheetWriter(sharedStrings: [], limit: 1 << 20)
        var scanner = XMLScanner()
        #expect(throws: XLSXError(expected: "shared string references within the 0 shared strings", found: "reference '5' in row 2")) {
            _ = try scanner.feed(Array(#"<row r="2"><c t="s"><v>5</v></c></row>"#.utf8)) { event throws(XLSXError) in try writer.handle(event) }
        }
    }

    @Test("a closing cell tag without its opening one closes nothing (it crashed the reader: found by fuzzing, seed 1)")
    func strayCellEnd() throws {
        var writer = SheetWriter(sharedStrings: [], limit: 1 << 20)
        var scanner = XMLScanner()
        let xml = #"<row r="1"></c><c<is><r><c r="B1" t="inlineStr"><is><t>x</t></is></c></c></row>"#
        let malformed = try scanner.feed(Array(xml.utf8)) { event throws(XLSXError) in try writer.handle(event) }
        #expect(malformed == nil)
        #expect(String(decoding: writer.output, as: UTF8.self) == ";\"x\"")
    }
}
