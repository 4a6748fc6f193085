/// Quoting of one CSV field.
enum CSVField {
    /// The field, quoted with `""` escapes when it holds `;`, `"` or a line end.
    static func quote(_ text: String) -> String {
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
