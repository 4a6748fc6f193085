import Ledger
/// The versions a stored projection was built with: the projection code's and the event
/// schema's. A ledger whose stamp differs from this build's has its projections rebuilt (from the
/// log and the stored rows) on the next writable open. Subscriber cursors are log sequence numbers, so a rebuild
/// never re-sends a notification.
struct ProjectionStamp: Equatable {
    /// Bump when the lifecycle fold, the counting-row packing or their stored encodings change.
    /// 2: packed counting rows per release. 3: stored as an edit of the base's when the row list is. 4: string table after the records. 5: packed version 3.
    /// 6: the scope index.
    var projectionVersion: UInt32
    /// Bump when events gain a shape the projections must read.
    var eventSchemaVersion: UInt32

    /// This build's stamp.
    static let current = ProjectionStamp(projectionVersion: 6, eventSchemaVersion: 1)

    /// The `meta` key the stamp is stored under.
    static let key = Array("projection-stamp".utf8)

    /// The stored form: two big-endian UInt32s.
    var encoded: [UInt8] {
        var writer = ByteWriter()
        writer.write(bigEndian: projectionVersion)
        writer.write(bigEndian: eventSchemaVersion)
        return writer.bytes
    }
}
