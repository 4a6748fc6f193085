@testable import Ingest
import SampleData
import Testing

@Suite("Interning the texts of repeating codes")
struct TextInternerTests {
    @Test("an interned cell's text is the text the field type reads from it, however slots are shared and replaced")
    func internedEqualsRead() {
        let seed = SplitMix64.seedFromEnvironment()
        var random = SplitMix64(seed: seed)
        let types: [FieldType] = [.swvCode, .institution, .branch, .text]
        let alphabet = Array("VOPvo0123456789 -AbZ\u{e9}".utf8)
        var interner = TextInterner(columns: types.count)
        for _ in 0..<50_000 {
            let column = Int.random(in: 0..<types.count, using: &random)
            let length = Int.random(in: 1...18, using: &random)
            let cell = (0..<length).map { _ in alphabet[Int.random(in: 0..<(length < 5 ? 12 : alphabet.count), using: &random)] }
            cell.withUnsafeBufferPointer { cell in
                let interned = interner.text(of: cell, as: types[column], column: column)
                #expect(interned == types[column].text(of: cell), "seed \(seed)")
            }
        }
    }

    @Test("the same bytes in another column or of another length are read again")
    func keyedByColumnAndLength() {
        var interner = TextInterner(columns: 2)
        let four = Array("4".utf8)
        let fourZero = Array("4\u{0}".utf8)
        four.withUnsafeBufferPointer { #expect(interner.text(of: $0, as: .branch, column: 0) == "04") }
        four.withUnsafeBufferPointer { #expect(interner.text(of: $0, as: .text, column: 1) == "4") }
        four.withUnsafeBufferPointer { #expect(interner.text(of: $0, as: .branch, column: 0) == "04") }
        fourZero.withUnsafeBufferPointer { #expect(interner.text(of: $0, as: .text, column: 1) == "4\u{0}") }
    }
}
