import Reports
import Testing

@Suite("Text table")
struct TextTableTests {
    @Test("pads columns to the widest cell and right-aligns numbers")
    func alignment() {
        let table = TextTable(header: ["id", "rows"], rows: [["R1", "7"], ["R10", "1234"]], rightAligned: [1]).render()
        #expect(table == """
            id   rows
            ---  ----
            R1      7
            R10  1234
            """)
    }

    @Test("an empty table is its header and rule")
    func empty() {
        #expect(TextTable(header: ["a", "bb"], rows: []).render() == "a  bb\n-  --")
    }
}
