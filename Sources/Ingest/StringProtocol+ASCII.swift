extension StringProtocol {
    /// Whether the text is nothing but ASCII digits (and not empty).
    var isASCIIDigits: Bool { !isEmpty && utf8.allSatisfy { (0x30...0x39).contains($0) } }

    /// The text uppercased when it is ASCII letters and digits only, of a length in `lengths`;
    /// nil otherwise.
    func uppercasedAlphanumeric(lengths: ClosedRange<Int>) -> String? {
        guard lengths.contains(utf8.count) else { return nil }
        var hasLowercase = false
        for byte in utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A: continue
            case 0x61...0x7A: hasLowercase = true
            default: return nil
            }
        }
        return hasLowercase ? uppercased() : String(self)
    }
}
