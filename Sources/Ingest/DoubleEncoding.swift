/// Finding text that was encoded twice: UTF-8 bytes read as Windows-1252 and saved as UTF-8
/// again (`Coöperatie` becomes `CoÃ¶peratie`, `–` becomes `â€“`). Excel does this when a CSV
/// file without byte order mark is opened by double-click and saved.
enum DoubleEncoding {
    /// The first run of characters in the UTF-8 `text` that are the Windows-1252 reading of
    /// one UTF-8 character, with that character; nil when there is none.
    ///
    /// A run is a character from Â to ô (a UTF-8 lead byte read as 1252) followed by one to
    /// three characters whose 1252 bytes are 0x80–0xBF (continuation bytes), together a valid
    /// UTF-8 character. Dutch text does not hold such pairs: `Ã¶`, `Ã©` and `â€“` are not words.
    static func firstRun(in text: UnsafeBufferPointer<UInt8>) -> (found: String, meant: String)? {
        guard text.contains(where: { $0 >= 0xC3 }) else { return nil }
        let scalars = Array(String(decoding: text, as: UTF8.self).unicodeScalars)
        for start in scalars.indices {
            guard let lead = byte(of: scalars[start]), (0xC2...0xF4).contains(lead) else { continue }
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard start + length <= scalars.count else { continue }
            var bytes = [lead]
            for scalar in scalars[(start + 1)..<(start + length)] {
                guard let next = byte(of: scalar), (0x80...0xBF).contains(next) else { break }
                bytes.append(next)
            }
            guard bytes.count == length, let meant = String(validating: bytes, as: UTF8.self) else { continue }
            var found = ""
            found.unicodeScalars.append(contentsOf: scalars[start..<(start + length)])
            return (found, meant)
        }
        return nil
    }

    /// The Windows-1252 byte of `scalar` (Latin-1 for the five bytes 1252 leaves undefined and
    /// for C1 controls, as a Latin-1 reading gives them); nil for ASCII and other characters.
    private static func byte(of scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x80...0xFF: return UInt8(scalar.value)
        case 0x100...:
            return TextEncoding.windows1252Controls.firstIndex(of: UInt16(truncatingIfNeeded: scalar.value))
                .flatMap { scalar.value <= 0xFFFF ? UInt8(0x80 + $0) : nil }
        default: return nil
        }
    }
}
