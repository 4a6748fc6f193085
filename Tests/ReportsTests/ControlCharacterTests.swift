import Ledger
@testable import Reports
import Testing

@Suite("Control characters in output")
struct ControlCharacterTests {
    @Test("control characters are written as escapes and other text is left alone",
        arguments: [
            ("a\nb", #"a\nb"#), ("a\r\nb", #"a\r\nb"#), ("\t", #"\t"#), ("\u{0}", #"\u0000"#), ("\u{1B}[2J", #"\u001B[2J"#),
            ("\u{7F}\u{85}\u{2028}", #"\u007F\u0085\u2028"#), ("Zoë – café \\ ok", "Zoë – café \\ ok"),
        ])
    func escapes(text: String, shown: String) {
        #expect(text.escapingControlCharacters == shown)
    }

    @Test("a Markdown cell keeps to its row")
    func markdownCell() {
        #expect(MarkdownText.escape("te laat\nzie | brief") == #"te laat\\nzie \| brief"#)
    }
}
