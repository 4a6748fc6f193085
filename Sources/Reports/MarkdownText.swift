/// Text placed in Markdown output (e-mail digests, diff tables).
enum MarkdownText {
    /// `text` with Markdown's active characters backslash-escaped, so a masked PGN
    /// (`*******89`) or a `|` in a reason stays literal.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
