extension ASCII {
    /// The value of `bytes` when they are nothing but ASCII digits (and not empty); callers
    /// bound the length so the value fits.
    static func number(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// Whether `bytes` are nothing but ASCII digits (and not empty).
    static func isDigits(_ bytes: some Collection<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// `bytes` uppercased when they are ASCII letters and digits only, of a length in
    /// `lengths`; nil otherwise.
    static func uppercasedAlphanumeric(_ bytes: some Collection<UInt8>, lengths: ClosedRange<Int>) -> String? {
        guard lengths.contains(bytes.count) else { return nil }
        for byte in bytes {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: continue
            default: return nil
            }
        }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() {
                buffer[offset] = (0x61...0x7A).contains(byte) ? byte - 0x20 : byte
            }
            return bytes.count
        }
    }
}
