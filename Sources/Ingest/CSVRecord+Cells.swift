extension CSVRecord {
    /// A record's fields seen through one access to its buffer, for reading many of them in a
    /// row; valid only inside `withCells(_:)`.
    struct Cells {
        private let bytes: UnsafeBufferPointer<UInt8>
        private let fields: UnsafeBufferPointer<Field>

        fileprivate init(bytes: UnsafeBufferPointer<UInt8>, fields: UnsafeBufferPointer<Field>) {
            self.bytes = bytes
            self.fields = fields
        }

        /// The number of fields.
        var count: Int { fields.count }

        /// Calls `body` with the bytes of field `index` (from 0) without surrounding spaces, tabs
        /// and no-break spaces, `""` escapes undone.
        func withTrimmedBytes<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            let field = fields[index]
            let (start, end) = CSVRecord.trimmedRange(of: field, in: bytes)
            return CSVRecord.withContent(of: field, in: UnsafeBufferPointer(rebasing: bytes[start..<end]), body)
        }
    }

    /// Calls `body` with the record's cells.
    func withCells<Result>(_ body: (Cells) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { bytes in
            fields.withUnsafeBufferPointer { fields in body(Cells(bytes: bytes, fields: fields)) }
        }
    }
}
