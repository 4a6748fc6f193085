/// The `_xHHHH_` escapes of spreadsheet XML: a character XML cannot hold (a carriage return,
/// a control character) written as its UTF-16 code in hex; `_x005F_` escapes an underscore.
enum XLSXEscapes {
    /// `text` with its escapes undone; an escape of no character (a lone surrogate) is kept.
    static func decoded(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
                let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.append(scalar)
                index += 7
                continue
            }
            result.append(scalars[index])
            index += 1
        }
        return String(result)
    }
}
