/// A streaming, byte-level CSV parser: records come out one at a time while the input is read
/// in large chunks, so a file of any size is parsed in a bounded buffer.
///
/// Fields are separated by `separator`; a field may be double-quoted, holding separators, line
/// breaks and `""` for a quote. Lines end in LF, CRLF or CR. A UTF-8 byte order mark at the
/// start is skipped; every field must be valid UTF-8. Lines count from 1 and columns are field
/// numbers from 1.
public struct CSVReader<Source: ByteSource> {
    /// The field separator: `;`, `,` or tab.
    public var separator: UInt8
    /// Whether fields are checked for invalid UTF-8 and double-encoded text (off only while
    /// a header is searched, so a damaged line is reported where it is read, not as no header).
    var checksText = true
    private(set) var source: Source
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    /// Bytes of the source moved out of the buffer, read and parsed.
    private var discarded = 0
    private var sourceEnded = false
    private var checkedByteOrderMark = false
    private var line = 1
    private var fields: [CSVRecord.Field] = []
    /// Whether a field of the record parsed last has bytes outside ASCII.
    private var recordIsNonASCII = false

    /// A reader of `source` with `separator`, reading `chunkSize` bytes at a time.
    public init(source: Source, separator: UInt8 = UInt8(ascii: ";"), chunkSize: Int = 1 << 20) {
        self.source = source
        self.separator = separator
        self.buffer = [UInt8](repeating: 0, count: max(chunkSize, 1))
    }

    /// A reader of `source`, a stretch from the middle of a file that starts on a record: no
    /// byte order mark is looked for, and lines count from 1 at its start.
    init(stretch source: Source, separator: UInt8, chunkSize: Int) {
        self.init(source: source, separator: separator, chunkSize: chunkSize)
        checkedByteOrderMark = true
    }

    /// How many bytes of the source the records returned so far (and a byte order mark) span:
    /// where in the source the next record starts.
    public var offset: Int { discarded + start }

    /// The line the next record starts on, from 1.
    public var nextLine: Int { line }

    /// The first `maxBytes` bytes of the input (after any byte order mark), without consuming
    /// them, and whether they are all of it: for finding the header before parsing.
    public mutating func prefix(maxBytes: Int) throws(CSVError) -> (bytes: [UInt8], isWhole: Bool) {
        while !sourceEnded && end - start < maxBytes {
            try refill()
        }
        let count = min(end - start, maxBytes)
        return (Array(buffer[start..<(start + count)]), sourceEnded && count == end - start)
    }

    /// The next record, or nil at the end of the input.
    /// - Throws: `CSVError` for an unreadable input, an unbalanced quote, text after a closing
    ///   quote or invalid UTF-8; the input cannot be parsed further after it.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        while true {
            if start == end {
                if sourceEnded { return nil }
                try refill()
                continue
            }
            let recordLine = line
            var found = fields
            fields = []
            let parsed = try parse(into: &found)
            fields = found
            guard let next = parsed else {
                try refill()
                continue
            }
            if recordIsNonASCII && checksText { try checkUTF8() }
            start = next
            return CSVRecord(bytes: buffer, fields: fields, line: recordLine)
        }
    }

    /// Parses one record from `start`; returns the offset after it, or nil when it needs more
    /// bytes than the buffer holds (the input has not ended). Advances `line` past the record.
    private mutating func parse(into fields: inout [CSVRecord.Field]) throws(CSVError) -> Int? {
        fields.removeAll(keepingCapacity: true)
        let separator = self.separator
        let end = self.end
        let isLast = sourceEnded
        var line = self.line
        var recordHigh: UInt8 = 0
        let result = try buffer.withUnsafeBufferPointer { (bytes) throws(CSVError) -> Int? in
            var index = start
            while true {
                let fieldLine = line
                var high: UInt8 = 0
                if index < end && bytes[index] == ASCII.quote {
                    let open = index + 1
                    index = open
                    var escaped = false
                    var close = -1
                    while index < end {
                        let byte = bytes[index]
                        if byte == ASCII.quote {
                            if index + 1 < end {
                                if bytes[index + 1] == ASCII.quote {
                                    escaped = true
                                    index += 2
                                    continue
                                }
                            } else if !isLast {
                                return nil
                            }
                            close = index
                            index += 1
                            break
                        }
                        if byte == ASCII.lineFeed { line += 1 }
                        high |= byte
                        index += 1
                    }
                    guard close >= 0 else {
                        if isLast {
                            throw CSVError(kind: .unbalancedQuote, line: fieldLine, column: fields.count + 1)
                        }
                        return nil
                    }
                    fields.append(CSVRecord.Field(
                        start: open, end: close, line: fieldLine, escaped: escaped, nonASCII: high >= 0x80))
                    if index < end {
                        let byte = bytes[index]
                        if byte != separator && byte != ASCII.lineFeed && byte != ASCII.carriageReturn {
                            throw CSVError(kind: .textAfterQuote, line: line, column: fields.count)
                        }
                    }
                } else {
                    let first = index
                    while index < end {
                        let byte = bytes[index]
                        if byte == separator || byte == ASCII.lineFeed || byte == ASCII.carriageReturn { break }
                        high |= byte
                        index += 1
                    }
                    fields.append(CSVRecord.Field(
                        start: first, end: index, line: fieldLine, escaped: false, nonASCII: high >= 0x80))
                }
                recordHigh |= high
                guard index < end else { return isLast ? end : nil }
                let byte = bytes[index]
                if byte == separator {
                    index += 1
                    continue
                }
                line += 1
                if byte == ASCII.lineFeed { return index + 1 }
                // A carriage return, alone or before a line feed.
                if index + 1 < end { return bytes[index + 1] == ASCII.lineFeed ? index + 2 : index + 1 }
                return isLast ? index + 1 : nil
            }
        }
        if result != nil {
            self.line = line
            recordIsNonASCII = recordHigh >= 0x80
        }
        return result
    }

    /// Throws for the first field of the current record that is not valid UTF-8 or holds
    /// text encoded twice.
    private func checkUTF8() throws(CSVError) {
        for (index, field) in fields.enumerated() where field.nonASCII {
            let kind = buffer.withUnsafeBufferPointer { bytes -> CSVError.Kind? in
                let text = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
                guard String(validating: text, as: UTF8.self) != nil else { return .invalidUTF8 }
                return DoubleEncoding.firstRun(in: text).map { CSVError.Kind.doubleEncoded(found: $0.found, meant: $0.meant) }
            }
            if let kind { throw CSVError(kind: kind, line: field.line, column: index + 1) }
        }
    }

    /// Moves the unparsed bytes to the front, grows the buffer when one record fills it, and
    /// reads more; skips a byte order mark at the very start.
    private mutating func refill() throws(CSVError) {
        if start > 0 {
            discarded += start
            let count = end - start
            buffer.withUnsafeMutableBufferPointer { bytes in
                for offset in 0..<count { bytes[offset] = bytes[start + offset] }
            }
            start = 0
            end = count
        }
        if end == buffer.count {
            buffer.append(contentsOf: repeatElement(0, count: buffer.count))
        }
        var source = self.source
        let first = end
        let count = try buffer.withUnsafeMutableBufferPointer { (bytes) throws(CSVError) -> Int in
            try source.read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: bytes[first...])))
        }
        self.source = source
        end += count
        if count == 0 { sourceEnded = true }
        if !checkedByteOrderMark {
            guard end - start >= 3 || sourceEnded else { return try refill() }
            checkedByteOrderMark = true
            if end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF {
                start += 3
            }
        }
    }
}
