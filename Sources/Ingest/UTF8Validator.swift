/// Checks bytes fed in chunks for well-formed UTF-8 (no overlong forms, surrogates or values
/// past U+10FFFF), carrying a sequence split between chunks over to the next, and counts the
/// bad bytes and the whole multi-byte characters.
struct UTF8Validator {
    private var pending = 0
    private var low: UInt8 = 0x80
    private var high: UInt8 = 0xBF

    /// Bytes found that cannot start or continue a UTF-8 character.
    private(set) var invalidBytes = 0
    /// Whole multi-byte characters found.
    private(set) var multiByteCharacters = 0

    /// Whether the bytes fed so far end on a whole character.
    var isComplete: Bool { pending == 0 }

    /// Checks the next bytes to their end, counting invalid bytes and whole multi-byte
    /// characters instead of stopping: after a bad byte it starts afresh.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while start < bytes.count {
            guard let bad = firstInvalid(UnsafeBufferPointer(rebasing: bytes[start...])) else { return }
            invalidBytes += 1
            // A byte that cut a sequence short may itself start the next character; a byte
            // that can start none is skipped.
            start += bad.offset + (bad.cutSequence ? 0 : 1)
            pending = 0
            (low, high) = (0x80, 0xBF)
        }
    }

    /// The offset of the first byte of `bytes` that cannot continue valid UTF-8, and whether it
    /// came inside a sequence; counts whole multi-byte characters on the way.
    private mutating func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, cutSequence: Bool)? {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return nil }
        var index = 0
        while index < bytes.count {
            if pending == 0 && bytes.count - index >= 8 {
                // Eight ASCII bytes at a time: most of a DUO file.
                if base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            index += 1
            if pending == 0 {
                if byte < 0x80 { continue }
                switch byte {
                case 0xC2...0xDF: (pending, low, high) = (1, 0x80, 0xBF)
                case 0xE0: (pending, low, high) = (2, 0xA0, 0xBF)
                case 0xED: (pending, low, high) = (2, 0x80, 0x9F)
                case 0xE1...0xEF: (pending, low, high) = (2, 0x80, 0xBF)
                case 0xF0: (pending, low, high) = (3, 0x90, 0xBF)
                case 0xF1...0xF3: (pending, low, high) = (3, 0x80, 0xBF)
                case 0xF4: (pending, low, high) = (3, 0x80, 0x8F)
                default: return (index - 1, false)
                }
            } else {
                guard byte >= low && byte <= high else { return (index - 1, true) }
                pending -= 1
                (low, high) = (0x80, 0xBF)
                if pending == 0 { multiByteCharacters += 1 }
            }
        }
        return nil
    }
}
