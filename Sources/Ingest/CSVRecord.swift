/// One record (line, or lines when a quoted field holds line breaks) of a CSV file: its fields
/// as byte ranges of the reader's buffer, turned into text only when asked for.
///
/// Fields are already checked to be valid UTF-8. Keep a record only as long as needed: the
/// reader reuses its buffer and copies it if a record still holds on to it.
public struct CSVRecord: Sendable {
    /// Where one field lies in the buffer.
    struct Field: Sendable {
        /// First byte of the content (after an opening quote).
        var start: Int
        /// One past the last byte of the content (before a closing quote).
        var end: Int
        /// The line the field starts on.
        var line: Int
        /// Whether the content holds `""` escapes to undo.
        var escaped: Bool
        /// Whether the content has bytes outside ASCII.
        var nonASCII: Bool
    }

    let bytes: [UInt8]
    let fields: [Field]
    /// The line the record starts on, from 1.
    public let line: Int

    /// The number of fields.
    public var count: Int { fields.count }

    /// The line field `index` (from 0) starts on: later than `line` after a quoted line break.
    public func line(ofField index: Int) -> Int { fields[index].line }

    /// The text of field `index` (from 0), quotes and `""` escapes undone.
    public func text(at index: Int) -> String {
        let field = fields[index]
        return withContent(of: field, from: field.start, to: field.end) { String(decoding: $0, as: UTF8.self) }
    }

    /// The text of field `index` without surrounding spaces, tabs and no-break spaces.
    public func trimmedText(at index: Int) -> String {
        let field = fields[index]
        let (start, end) = trimmedRange(of: field)
        return withContent(of: field, from: start, to: end) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of field `index` (from 0) without surrounding spaces, tabs and
    /// no-break spaces, `""` escapes undone: a cell read without making a `String` of it.
    func withTrimmedBytes<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withCells { $0.withTrimmedBytes(at: index, body) }
    }

    /// Whether field `index` holds nothing but spaces.
    public func isEmpty(at index: Int) -> Bool {
        let (start, end) = trimmedRange(of: fields[index])
        return start == end
    }

    /// Whether every field is empty: a blank line, or one of only separators.
    public var isBlank: Bool {
        bytes.withUnsafeBufferPointer { bytes in
            fields.allSatisfy { field in
                let (start, end) = CSVRecord.trimmedRange(of: field, in: bytes)
                return start == end
            }
        }
    }

    /// Every field's trimmed text.
    public var trimmedTexts: [String] { fields.indices.map { trimmedText(at: $0) } }

    private func trimmedRange(of field: Field) -> (Int, Int) {
        bytes.withUnsafeBufferPointer { CSVRecord.trimmedRange(of: field, in: $0) }
    }

    static func trimmedRange(of field: Field, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var start = field.start
        var end = field.end
        while start < end {
            if bytes[start] == 0x20 || bytes[start] == 0x09 {
                start += 1
            } else if bytes[start] == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            if bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
                end -= 1
            } else if bytes[end - 1] == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        return (start, end)
    }

    private func withContent<Result>(
        of field: Field, from start: Int, to end: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        bytes.withUnsafeBufferPointer { bytes in
            CSVRecord.withContent(of: field, in: UnsafeBufferPointer(rebasing: bytes[start..<end]), body)
        }
    }

    /// Calls `body` with `content`, the bytes of `field`, its `""` escapes undone.
    static func withContent<Result>(
        of field: Field, in content: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        guard field.escaped else { return body(content) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(content.count)
        var skipNext = false
        for byte in content {
            if skipNext {
                skipNext = false
                continue
            }
            unescaped.append(byte)
            skipNext = byte == ASCII.quote
        }
        return unescaped.withUnsafeBufferPointer(body)
    }
}
