/// The pupil vault as an export carries it, after the log: the ledger's key check, the next
/// pupil number to give, and every pupil's entry still sealed (`PupilRecord`). The index is not
/// exported: an import rebuilds it with the key, which also proves the key opens every entry.
struct ExportedVault {
    /// The stored key check.
    var keyCheck: [UInt8]
    /// The next pupil number the ledger gives.
    var nextPupil: UInt32
    /// Pupil number → its sealed entry, as stored.
    var pupils: [(number: UInt32, record: [UInt8])]
}
