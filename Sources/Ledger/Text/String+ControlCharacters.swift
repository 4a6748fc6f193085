extension String {
    /// The text with every control character written as an escape (`\n`, `\r`, `\t`, else
    /// `\u0000` with four hex digits), so it takes one line and no byte of it reaches a
    /// terminal raw: C0 and C1 controls, DEL and the Unicode line and paragraph separators.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: String.isControl) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            guard String.isControl(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
