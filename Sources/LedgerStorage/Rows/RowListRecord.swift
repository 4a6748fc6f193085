import Ledger
/// A release's row list as `release-rows` stores it: whole (its rows' `RowAddress`es in
/// identity order), or as an edit of its base release's list with the addresses of its own
/// rows. Edits stack at most `maxDepth` deep on a whole list, so reading a list applies at
/// most that many.
enum RowListRecord: Equatable {
    /// Every address.
    case whole(addresses: [UInt8])
    /// `edit` applied to `base`'s list; `depth` edits lie between this list and a whole one.
    case edit(base: ReleaseID, depth: Int, edit: RowListEdit, own: [UInt8])

    /// Edits stacked at most on a whole list.
    static let maxDepth = 4
    /// A release stores an edit only when under 1 / `editShare` of its rows are its own: reading
    /// an edit copies the base's rows once more, worth it only when the edit is much smaller.
    static let editShare = 5

    private static let wholeTag: UInt8 = 0
    private static let editTag: UInt8 = 1

    /// Edits between this list and a whole one.
    var depth: Int {
        switch self {
        case .whole: 0
        case .edit(_, let depth, _, _): depth
        }
    }

    /// The stored bytes: a tag, then the addresses, or the base, depth, edit and own addresses.
    var encoded: [UInt8] {
        var writer = ByteWriter()
        switch self {
        case .whole(let addresses):
            writer.write(byte: RowListRecord.wholeTag)
            writer.write(raw: addresses)
        case .edit(let base, let depth, let edit, let own):
            writer.write(byte: RowListRecord.editTag)
            writer.write(bigEndian: base.value)
            writer.write(byte: UInt8(depth))
            edit.encode(into: &writer)
            writer.write(raw: own)
        }
        return writer.bytes
    }

    /// Reads the stored list of release `id`: whole addresses, or an edit of an earlier release's.
    init(stored bytes: [UInt8], of id: ReleaseID) throws(RecordDecodingError) {
        var reader = ByteReader(bytes)
        switch try reader.readByte() {
        case RowListRecord.wholeTag:
            let addresses = try reader.readRaw(count: bytes.count - 1)
            guard addresses.count % RowAddress.width == 0 else { throw RecordDecodingError(offset: 1, expected: "whole row addresses") }
            self = .whole(addresses: addresses)
        case RowListRecord.editTag:
            let base = ReleaseID(try reader.readBigEndianUInt32())
            let depth = Int(try reader.readByte())
            guard base < id, (1...RowListRecord.maxDepth).contains(depth) else {
                throw RecordDecodingError(offset: 1, expected: "an earlier base release and a depth up to \(RowListRecord.maxDepth)")
            }
            let edit = try RowListEdit(from: &reader)
            let own = try reader.readRaw(count: bytes.count - reader.offset)
            guard own.count == edit.ownCount * RowAddress.width else {
                throw RecordDecodingError(offset: reader.offset, expected: "\(edit.ownCount) own row addresses")
            }
            self = .edit(base: base, depth: depth, edit: edit, own: own)
        default:
            throw RecordDecodingError(offset: 0, expected: "a row list tag")
        }
    }
}
