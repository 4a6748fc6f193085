/// Text placed in Markdown output (e-mail digests, diff tables).
enum MarkdownText {
    /// `text` with Markdown's active characters backslash-escaped, so a masked PGN
    /// (`*******89`) or a `|` in a reason stays literal, and control characters written as
    /// escapes (`\n`) first, so a value keeps to its table row.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text.escapingControlCharacters {
            if "\\`*_[]<>|#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
