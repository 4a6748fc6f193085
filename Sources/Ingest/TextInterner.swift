/// The canonical texts of cells read before, by column: a cell whose bytes its column held
/// recently gets the same `String` back without being read and made again. Codes repeat from
/// row to row (the SWV, the paying SWV, instellingscodes, vestigingen), so most text cells of a
/// file are found here.
///
/// A column has 64 slots, picked by a hash of the cell's bytes; a cell of more than 15 bytes
/// is not kept. One interner serves one thread (a stretch of a file).
struct TextInterner {
    /// A cell's bytes (up to 15) and their count, packed: the slot's key.
    private struct Key: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
    }

    private static let slotsPerColumn = 64
    private var keys: [Key]
    private var texts: [String]

    /// An interner for `columns` columns, numbered from 0.
    init(columns: Int) {
        keys = Array(repeating: Key(), count: columns * TextInterner.slotsPerColumn)
        texts = Array(repeating: "", count: columns * TextInterner.slotsPerColumn)
    }

    /// The canonical text of the trimmed, non-empty `cell` of `column` as `type` reads it
    /// (`FieldType.text(of:)`); nil when the cell is not of the type.
    mutating func text(of cell: UnsafeBufferPointer<UInt8>, as type: FieldType, column: Int) -> String? {
        guard cell.count <= 15 else { return type.text(of: cell) }
        var key = Key(low: 0, high: UInt64(cell.count) << 56)
        for (index, byte) in cell.enumerated() {
            if index < 8 {
                key.low |= UInt64(byte) << (8 * index)
            } else {
                key.high |= UInt64(byte) << (8 * (index - 8))
            }
        }
        let hash = (key.low ^ (key.high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        let slot = column * TextInterner.slotsPerColumn + Int(truncatingIfNeeded: hash >> 58)
        if keys[slot] == key { return texts[slot] }
        guard let text = type.text(of: cell) else { return nil }
        keys[slot] = key
        texts[slot] = text
        return text
    }
}
