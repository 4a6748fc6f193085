import Ledger
/// A release's counting rows as `counting-rows` stores them: whole, or, when its row list is an
/// edit of its base's (`RowListRecord`), the same edit with the counting rows of its own rows.
enum CountingRowsRecord {
    /// Every row's counting record.
    case whole(PackedCountingRows)
    /// `edit` applied to `base`'s counting rows, with `own` for the release's own rows.
    case edit(base: ReleaseID, edit: RowListEdit, own: PackedCountingRows)

    /// The first byte of an edit; a whole value starts with `PackedCountingRows.version`.
    private static let editTag: UInt8 = 0xED

    /// The stored bytes.
    var encoded: [UInt8] {
        switch self {
        case .whole(let rows):
            return rows.bytes
        case .edit(let base, let edit, let own):
            var writer = ByteWriter()
            writer.write(byte: CountingRowsRecord.editTag)
            writer.write(bigEndian: base.value)
            edit.encode(into: &writer)
            writer.write(raw: own.bytes)
            return writer.bytes
        }
    }

    /// Reads the stored counting rows of release `id`.
    init(stored bytes: [UInt8], of id: ReleaseID) throws(RecordDecodingError) {
        guard bytes.first == CountingRowsRecord.editTag else {
            self = .whole(try PackedCountingRows(stored: bytes))
            return
        }
        var reader = ByteReader(bytes, at: 1)
        let base = ReleaseID(try reader.readBigEndianUInt32())
        guard base < id else { throw RecordDecodingError(offset: 1, expected: "an earlier base release") }
        let edit = try RowListEdit(from: &reader)
        let own = try PackedCountingRows(stored: try reader.readRaw(count: bytes.count - reader.offset))
        guard own.count == edit.ownCount else {
            throw RecordDecodingError(offset: reader.offset, expected: "\(edit.ownCount) own counting rows")
        }
        self = .edit(base: base, edit: edit, own: own)
    }
}
