/// A few short ASCII words, matched without regard to case straight from a cell's bytes: the
/// spellings a flag or category may take (`J`, `ja`, `Nee`, …).
struct WordTable<Value: Sendable>: Sendable {
    private let entries: [(key: UInt64, value: Value)]

    /// A table of `words` (ASCII, up to 8 characters each) and what each stands for.
    init(_ words: KeyValuePairs<String, Value>) {
        entries = words.compactMap { word, value in WordTable.key(of: word.utf8).map { ($0, value) } }
    }

    /// What `bytes` stand for, or nil when they are none of the words.
    func value(of bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let key = WordTable.key(of: bytes) else { return nil }
        for entry in entries where entry.key == key { return entry.value }
        return nil
    }

    /// The lowercased bytes packed into one integer; nil for a word too long, holding a NUL or
    /// a byte outside ASCII (no Unicode lowercasing turns such text into one of the words).
    private static func key(of bytes: some Collection<UInt8>) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for byte in bytes {
            guard byte > 0, byte < 0x80 else { return nil }
            key = key << 8 | UInt64((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
        }
        return key
    }
}
