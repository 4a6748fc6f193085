import SampleData

/// Hostile variants of a valid workbook for fuzzing: its XML parts mutated before zipping
/// (broken tags, huge numbers, bad shared-string indexes, deep nesting, entity tricks,
/// invalid UTF-8, far cell references, unfinished constructs, missing or odd parts), and its
/// ZIP bytes mutated after (bit flips, truncation, header and directory fields, cut and
/// repeated ranges).
struct XLSXMutator {
    /// Which layer a variant was mutated in.
    enum Layer: String, CaseIterable {
        /// The XML parts, then zipped as they are.
        case xml
        /// The bytes of the ZIP archive.
        case zip
        /// The XML parts, then the ZIP bytes.
        case both
    }

    /// The valid workbook's parts.
    let parts: [(path: String, bytes: [UInt8])]
    /// The valid workbook zipped.
    let zipped: [UInt8]

    /// A mutator of `workbook`.
    init(_ workbook: XLSXFile) throws {
        parts = workbook.parts().map { ($0.path, Array($0.text.utf8)) }
        zipped = try XLSXFile.zip(parts)
    }

    /// A variant mutated in `layer`; nil when the mutated parts cannot be zipped (a repeated
    /// part name).
    func variant(_ layer: Layer, using random: inout SplitMix64) -> [UInt8]? {
        switch layer {
        case .zip:
            return mutatedZip(zipped, using: &random)
        case .xml, .both:
            var parts = parts
            for _ in 0..<Int.random(in: 1...3, using: &random) { mutateParts(&parts, using: &random) }
            guard let bytes = try? XLSXFile.zip(parts) else { return nil }
            return layer == .both ? mutatedZip(bytes, using: &random) : bytes
        }
    }

    // MARK: XML

    /// Text that a scanner or sheet reader may trip on, inserted anywhere.
    private static let insertions: [[UInt8]] = [
        "<", ">", "/>", "</", "\"", "'", "=", "&", "&lol;", "&#0;", "&#xD800;", "&#1114112;", "&#99999999999999999999;", "&#x;",
        "&amp;amp;", "&#38;#38;", "<!DOCTYPE x [<!ENTITY a \"&#38;#38;\">]>", "<!ENTITY b SYSTEM \"file:///etc/passwd\">", "<!--",
        "-->", "<![CDATA[", "]]>", "<?", "?>", "<c r=\"XFD1\"/>", "<c r=\"XFE1\"/>", "<c r=\"ZZZZZZZZZZ1\"/>", "<c r=\"A0\" t=\"s\"><v>0</v></c>",
        "<row r=\"999999999999\">", "<row r=\"-5\">", "<row r=\"1048576\"><c r=\"A1048576\"/></row>", "<c t=\"d\"><v>T</v></c>",
        "<c t=\"e\"><v>#N/A</v></c>", "<c t=\"b\"><v>2</v></c>", "<c r=A1>", "<c r>", "<x:row xmlns:x=\"y\">", "<sheetData>",
        "</sheetData>", "</worksheet>", "<si><t>", "</si>", "<rPh>", "</rPh>", "_x000D_", "_x005F_", "_xD800_", "_x", "_x0000_",
        "Ã¶", "â€“", "<v>12345672</v>", "<v>44197</v>",
    ].map { Array($0.utf8) }
    + [[0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], [0xEF, 0xBB, 0xBF], [0xFE, 0xFF]]

    /// The most bytes a mutation makes a part grow by, so the fuzzer's own memory stays small.
    private static let maxPart = 4 << 20

    /// Numbers no cell should hold.
    private static let hugeNumbers = [
        String(repeating: "9", count: 400), "1e309", "-1e309", "NaN", "inf", "-0", "4.9e-324", "18446744073709551616",
        "-9223372036854775809", "1.0000000000000002", "2958466", "-1", "0x10", "",
    ]

    private func mutateParts(_ parts: inout [(path: String, bytes: [UInt8])], using random: inout SplitMix64) {
        let sheet = parts.firstIndex { $0.path.lowercased().contains("worksheets") } ?? 0
        let index = Int.random(in: 0..<4, using: &random) == 0 ? Int.random(in: 0..<parts.count, using: &random) : sheet
        var bytes = parts[index].bytes
        switch Int.random(in: 0..<12, using: &random) {
        case 0, 1:
            // A broken tag or an odd token anywhere.
            bytes.insert(contentsOf: Self.insertions.randomElement(using: &random) ?? [], at: Int.random(in: 0...bytes.count, using: &random))
        case 2:
            // A markup byte deleted: a tag left open, a quote unbalanced.
            let markup = bytes.indices.filter { [0x3C, 0x3E, 0x22, 0x2F, 0x3D].contains(bytes[$0]) }
            if let at = markup.randomElement(using: &random) { bytes.remove(at: at) }
        case 3:
            // A cell value replaced by a huge or impossible number.
            replaceValue(in: &bytes, opening: "<v>", with: Self.hugeNumbers.randomElement(using: &random) ?? "", using: &random)
        case 4:
            // A shared-string index out of range, negative or not a number.
            let index = ["-1", "\(Int.random(in: 0...9, using: &random))", "4294967296", "99999999999999999999", "abc", " 1", ""]
            replaceValue(in: &bytes, opening: #"t="s"><v>"#, with: index.randomElement(using: &random) ?? "", using: &random)
        case 5:
            // Deep nesting, closed or not.
            let depth = Int.random(in: 1...50_000, using: &random)
            let open = Array(repeating: Array("<is><r>".utf8), count: depth).flatMap { $0 }
            let close = Bool.random(using: &random) ? Array(repeating: Array("</r></is>".utf8), count: depth).flatMap { $0 } : []
            bytes.insert(contentsOf: open + close, at: Int.random(in: 0...bytes.count, using: &random))
        case 6:
            // Rows that amplify: a real row repeated, or rows of one empty cell in the last
            // column (25 bytes of XML, 16 KB of sheet text), until a limit stops them.
            let copies = Int.random(in: 2...2_000, using: &random)
            if Bool.random(using: &random), let row = range(of: "<row", to: "</row>", in: bytes, using: &random) {
                let fitting = min(copies, Self.maxPart / row.count)
                bytes.insert(contentsOf: Array(repeating: Array(bytes[row]), count: fitting).flatMap { $0 }, at: row.upperBound)
            } else if let end = range(of: "</sheetData>", to: ">", in: bytes, using: &random) {
                bytes.insert(contentsOf: (1...copies).flatMap { Array(#"<row><c r="XFD\#($0)"/></row>"#.utf8) }, at: end.lowerBound)
            }
        case 7:
            // An attribute value swapped for a hostile one.
            replaceValue(
                in: &bytes, opening: [#" r=""#, #" t=""#, #" name=""#, #" Target=""#, #" r:id=""#].randomElement(using: &random) ?? "",
                closing: "\"",
                with: ["XFE1", "ZZZZZZZZZZZZ99", "A99999999999", "", "s", "inlineStr", "/../../etc/passwd", "rId99", "xl/workbook.xml", String(repeating: "A", count: 5000)]
                    .randomElement(using: &random) ?? "",
                using: &random)
        case 8:
            // Cut short.
            bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        case 9:
            // Bytes flipped.
            for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
            }
        case 10:
            // A part dropped, or a whole part's text a huge run of one token.
            if Bool.random(using: &random), parts.count > 1 {
                parts.remove(at: index)
                return
            }
            let token = Self.insertions.randomElement(using: &random) ?? []
            bytes += Array(repeating: token, count: Int.random(in: 1...200_000, using: &random) / max(1, token.count)).flatMap { $0 }
        default:
            // A part under another name, or a second part with the same path as the first.
            let names = ["xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/../worksheets/sheet1.xml"]
            parts.append((names.randomElement(using: &random) ?? "", bytes))
        }
        parts[index].bytes = bytes
    }

    /// Replaces the text between a random `opening` and the next `closing` with `value`.
    private func replaceValue(in bytes: inout [UInt8], opening: String, closing: String = "<", with value: String, using random: inout SplitMix64) {
        let open = Array(opening.utf8)
        let starts = bytes.indices.filter { bytes[$0...].starts(with: open) }
        guard let start = starts.randomElement(using: &random).map({ $0 + open.count }),
            let end = bytes[start...].firstIndex(of: closing.utf8.first ?? 0x3C)
        else { return }
        bytes.replaceSubrange(start..<end, with: Array(value.utf8))
    }

    /// A random element `<name … </name>` of `bytes`.
    private func range(of opening: String, to closing: String, in bytes: [UInt8], using random: inout SplitMix64) -> Range<Int>? {
        let (open, close) = (Array(opening.utf8), Array(closing.utf8))
        guard let start = bytes.indices.filter({ bytes[$0...].starts(with: open) }).randomElement(using: &random),
            let end = bytes.indices[start...].first(where: { bytes[$0...].starts(with: close) })
        else { return nil }
        return start..<(end + close.count)
    }

    // MARK: ZIP

    /// The fields of a local file header (`PK\3\4`), a central directory entry (`PK\1\2`) and
    /// the end of the central directory (`PK\5\6`): offset from the signature and width.
    private static let fields: [(signature: [UInt8], fields: [(offset: Int, width: Int)])] = [
        ([0x50, 0x4B, 0x03, 0x04], [(6, 2), (8, 2), (14, 4), (18, 4), (22, 4), (26, 2), (28, 2)]),
        ([0x50, 0x4B, 0x01, 0x02], [(8, 2), (10, 2), (16, 4), (20, 4), (24, 4), (28, 2), (30, 2), (32, 2), (34, 2), (42, 4)]),
        ([0x50, 0x4B, 0x05, 0x06], [(4, 2), (6, 2), (8, 2), (10, 2), (12, 4), (16, 4), (20, 2)]),
    ]

    private func mutatedZip(_ original: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = original
        for _ in 0..<Int.random(in: 1...3, using: &random) where !bytes.isEmpty {
            switch Int.random(in: 0..<6, using: &random) {
            case 0:
                // Bit flips.
                for _ in 0..<Int.random(in: 1...8, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
                }
            case 1:
                // Truncated.
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
            case 2, 3:
                // A size, count, offset, length, method or flag field set to an extreme.
                let (signature, fields) = Self.fields.randomElement(using: &random) ?? Self.fields[0]
                let at = bytes.indices.filter { bytes[$0...].starts(with: signature) }
                guard let start = at.randomElement(using: &random), let field = fields.randomElement(using: &random),
                    start + field.offset + field.width <= bytes.count
                else { continue }
                let old = (0..<field.width).reduce(0) { $0 | Int(bytes[start + field.offset + $1]) << (8 * $1) }
                let maximum = (1 << (8 * field.width)) - 1
                let value = [0, 1, maximum, maximum - 1, old + 1, old - 1, old * 2, maximum / 2 + 1, Int.random(in: 0...maximum, using: &random)]
                    .randomElement(using: &random) ?? 0
                for byte in 0..<field.width {
                    bytes[start + field.offset + byte] = UInt8(truncatingIfNeeded: (value & maximum) >> (8 * byte))
                }
            case 4:
                // A range cut out, or repeated.
                let start = Int.random(in: 0..<bytes.count, using: &random)
                let end = min(bytes.count, start + Int.random(in: 1...512, using: &random))
                if Bool.random(using: &random) {
                    bytes.removeSubrange(start..<end)
                } else {
                    bytes.insert(contentsOf: bytes[start..<end], at: end)
                }
            default:
                // A range overwritten with random bytes or zeros.
                let start = Int.random(in: 0..<bytes.count, using: &random)
                let zero = Bool.random(using: &random)
                for index in start..<min(bytes.count, start + Int.random(in: 1...64, using: &random)) {
                    bytes[index] = zero ? 0 : UInt8.random(in: 0...255, using: &random)
                }
            }
        }
        return bytes
    }
}
