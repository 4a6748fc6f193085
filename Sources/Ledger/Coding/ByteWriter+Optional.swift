extension ByteWriter {
    /// An optional string: a presence byte, then the string.
    package mutating func write(optional text: String?) {
        if let text {
            write(byte: 1)
            write(string: text)
        } else {
            write(byte: 0)
        }
    }
}

extension ByteReader {
    /// An optional string written by `write(optional:)`.
    package mutating func readOptional() throws(RecordDecodingError) -> String? {
        try readByte() == 0 ? nil : try readString()
    }
}
