/// A small streaming XML tokenizer for the parts of an XLSX file: bytes go in as they inflate,
/// tags and text come out, and only an unfinished token is kept between chunks.
///
/// It knows what spreadsheet XML uses: elements, attributes, text with the five named
/// entities and character references, comments, processing instructions and CDATA. A document
/// type declaration is refused, so no entity can expand. Element names lose their prefix
/// (`x:row` is `row`); nesting is not checked.
struct XMLScanner {
    /// One token.
    enum Event {
        /// An opening (or, `empty`, self-closing) tag with its attributes, entities undone.
        case start(name: String, attributes: [(name: String, value: String)], empty: Bool)
        /// A closing tag.
        case end(name: String)
        /// Text between tags, raw: undo its entities with `XMLScanner.text(_:)`.
        case text(ArraySlice<UInt8>)
    }

    /// A part that is not well-formed enough to read; the reason.
    struct Malformed: Error {
        /// What is wrong.
        let reason: String
    }

    private var pending: [UInt8] = []
    /// How many bytes of the unfinished token that starts `pending` were searched for its end
    /// without finding it: the next chunk's search resumes there, so a huge unfinished token
    /// (a comment, text or tag over many chunks) is scanned once, not once per chunk.
    private var searched = 0
    /// Whether the search of an unfinished tag stopped inside a quoted value, and which quote.
    private var searchedQuote: UInt8 = 0

    /// Scans `bytes` after what came before, calling `handle` for every whole token.
    mutating func feed(_ bytes: some Collection<UInt8>, _ handle: (Event) throws(XLSXError) -> Void) throws(XLSXError)
        -> Malformed?
    {
        pending.append(contentsOf: bytes)
        var index = 0
        let count = pending.count
        let (resume, resumeQuote) = (searched, searchedQuote)
        (searched, searchedQuote) = (0, 0)
        defer { pending.removeFirst(index) }
        /// Where the search for the end of the token at `index` starts: at `start`, or for the
        /// token left unfinished by the last chunk where that search stopped, less `overlap`
        /// bytes for a terminator that spans the two.
        func from(_ start: Int, overlap: Int = 0) -> Int {
            index == 0 ? max(start, resume - overlap) : start
        }
        /// Remembers how far the unfinished token at `index` was searched.
        func unfinished(quote: UInt8 = 0) -> Malformed? {
            (searched, searchedQuote) = (count - index, quote)
            return nil
        }
        while index < count {
            if pending[index] != UInt8(ascii: "<") {
                guard let end = pending[from(index)...].firstIndex(of: UInt8(ascii: "<")) else { return unfinished() }
                try handle(.text(pending[index..<end]))
                index = end
                continue
            }
            guard index + 1 < count else { return nil }
            switch pending[index + 1] {
            case UInt8(ascii: "?"):
                guard let end = find([0x3F, 0x3E], from: from(index + 2, overlap: 1)) else { return unfinished() }
                index = end + 2
            case UInt8(ascii: "!"):
                if starts(with: "<!--", at: index) {
                    guard let end = find(Array("-->".utf8), from: from(index + 4, overlap: 2)) else { return unfinished() }
                    index = end + 3
                } else if starts(with: "<![CDATA[", at: index) {
                    guard let end = find(Array("]]>".utf8), from: from(index + 9, overlap: 2)) else { return unfinished() }
                    try handle(.text(XMLScanner.escaped(pending[(index + 9)..<end])[...]))
                    index = end + 3
                } else if count - index < 9 {
                    return nil
                } else {
                    return Malformed(reason: "a document type declaration, which a workbook never has")
                }
            default:
                let start = from(index + 1)
                let (end, quote) = tagEnd(from: start, quote: index == 0 && start > index + 1 ? resumeQuote : 0)
                guard let end else { return unfinished(quote: quote) }
                if let malformed = try tag(pending[(index + 1)..<end], handle) { return malformed }
                index = end + 1
            }
        }
        return nil
    }

    /// Whether bytes are left that never made a whole token.
    var isUnfinished: Bool { pending.contains { !(0x20 == $0 || (0x09...0x0D).contains($0)) } }

    /// The text of raw character data, its entities and character references undone.
    static func text(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var result = ""
        var index = raw.startIndex
        while index < raw.endIndex {
            let amp = raw[index...].firstIndex(of: UInt8(ascii: "&")) ?? raw.endIndex
            result += String(decoding: raw[index..<amp], as: UTF8.self)
            guard amp < raw.endIndex else { break }
            guard let semicolon = raw[amp...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                result += "&"
                index = amp + 1
                continue
            }
            let name = String(decoding: raw[(amp + 1)..<semicolon], as: UTF8.self)
            switch name {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let number = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16) : name.hasPrefix("#") ? UInt32(name.dropFirst()) : nil
                if let number, let scalar = Unicode.Scalar(number) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "&" + name + ";"
                }
            }
            index = semicolon + 1
        }
        return result
    }

    /// CDATA content as raw text whose `&` reads back as itself.
    private static func escaped(_ content: ArraySlice<UInt8>) -> [UInt8] {
        content.flatMap { $0 == UInt8(ascii: "&") ? Array("&amp;".utf8) : [$0] }
    }

    /// The `>` closing a tag, searched from `start` (inside a value quoted with `quote`, when
    /// not 0), outside quoted attribute values; without one, the quote the search ended in.
    private func tagEnd(from start: Int, quote: UInt8) -> (end: Int?, quote: UInt8) {
        var quote = quote
        for index in start..<pending.count {
            let byte = pending[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return (index, 0)
            }
        }
        return (nil, quote)
    }

    /// Reads the inside of a tag, `name attr="value" …` or `/name`, and hands it on.
    private func tag(_ body: ArraySlice<UInt8>, _ handle: (Event) throws(XLSXError) -> Void) throws(XLSXError) -> Malformed? {
        var body = body
        if body.first == UInt8(ascii: "/") {
            try handle(.end(name: XMLScanner.localName(body.dropFirst().prefix { !XMLScanner.isSpace($0) })))
            return nil
        }
        let empty = body.last == UInt8(ascii: "/")
        if empty { body = body.dropLast() }
        let nameBytes = body.prefix { !XMLScanner.isSpace($0) }
        guard !nameBytes.isEmpty else { return Malformed(reason: "a tag without a name") }
        var attributes: [(name: String, value: String)] = []
        var index = nameBytes.endIndex
        while index < body.endIndex {
            while index < body.endIndex && XMLScanner.isSpace(body[index]) { index += 1 }
            guard index < body.endIndex else { break }
            guard let equals = body[index...].firstIndex(of: UInt8(ascii: "=")), equals + 1 < body.endIndex else {
                return Malformed(reason: "an attribute without a value")
            }
            var open = equals + 1
            while open < body.endIndex && XMLScanner.isSpace(body[open]) { open += 1 }
            guard open < body.endIndex, body[open] == 0x22 || body[open] == 0x27,
                let close = body[(open + 1)...].firstIndex(of: body[open])
            else { return Malformed(reason: "an attribute value without quotes") }
            let name = String(decoding: body[index..<equals].filter { !XMLScanner.isSpace($0) }, as: UTF8.self)
            attributes.append((name, XMLScanner.text(body[(open + 1)..<close])))
            index = close + 1
        }
        try handle(.start(name: XMLScanner.localName(nameBytes), attributes: attributes, empty: empty))
        return nil
    }

    private static func localName(_ bytes: ArraySlice<UInt8>) -> String {
        let local = bytes.lastIndex(of: UInt8(ascii: ":")).map { bytes[($0 + 1)...] } ?? bytes
        return String(decoding: local, as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private func starts(with text: String, at index: Int) -> Bool {
        let bytes = Array(text.utf8)
        return pending.count - index >= bytes.count && pending[index..<(index + bytes.count)].elementsEqual(bytes)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard pending.count >= needle.count, start <= pending.count - needle.count else { return nil }
        var index = start
        while index <= pending.count - needle.count {
            guard let first = pending[index...].firstIndex(of: needle[0]), first <= pending.count - needle.count else { return nil }
            if pending[first..<(first + needle.count)].elementsEqual(needle) { return first }
            index = first + 1
        }
        return nil
    }
}
