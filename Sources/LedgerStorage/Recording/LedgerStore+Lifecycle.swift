import Ledger
import LMDB

extension LedgerStore {
    /// Records that DUO withdrew release `id` on `day`, for `reason`.
    /// - Throws: `LedgerError.unknownRelease`; `.rejected` when `day` is before the release's
    ///   publication or the release was withdrawn already. Nothing is written then.
    public func withdraw(_ id: ReleaseID, on day: Day, reason: String) throws(LedgerError) {
        try write { transaction in
            let release = try release(storageKey: id.storageKey, in: transaction)
            try LedgerStore.check(day, notBefore: release)
            if let withdrawn = try lifecycle(of: id, in: transaction).withdrawn {
                throw LedgerError.rejected("\(id) was withdrawn already, on \(withdrawn.on.iso)")
            }
            try append([.releaseWithdrawn(id, on: day, reason: reason)], in: transaction)
        }
    }

    /// Records that DUO made release `id` definitive on `day`.
    /// - Throws: `LedgerError.unknownRelease`; `.rejected` when `day` is before the release's
    ///   publication, the release is withdrawn, or another release of its scope is definitive.
    public func markDefinitive(_ id: ReleaseID, on day: Day) throws(LedgerError) {
        try write { transaction in
            let release = try release(storageKey: id.storageKey, in: transaction)
            try LedgerStore.check(day, notBefore: release)
            if let withdrawn = try lifecycle(of: id, in: transaction).withdrawn {
                throw LedgerError.rejected("\(id) was withdrawn on \(withdrawn.on.iso); a withdrawn release cannot be definitive")
            }
            for sibling in try releases(in: transaction) where sibling.scope == release.scope {
                if let definitive = try lifecycle(of: sibling.id, in: transaction).definitiveOn {
                    throw LedgerError.rejected(
                        "\(sibling.id) is already the definitive release of \(release.scope) (since \(definitive.iso))")
                }
            }
            try append([.releaseMarkedDefinitive(id, on: day)], in: transaction)
        }
    }

    private static func check(_ day: Day, notBefore release: Release) throws {
        guard day >= release.publishedOn else {
            throw LedgerError.rejected(
                "\(day.iso) is before \(release.id)'s publication on \(release.publishedOn.iso)")
        }
    }
}
