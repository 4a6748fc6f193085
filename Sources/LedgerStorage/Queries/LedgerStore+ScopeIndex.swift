import Ledger
import LMDB

/// The scope index: SWV, period, product and release number → nothing, so the releases of one
/// SWV are read without decoding every release the ledger holds. A projection of the release
/// records, rebuilt with the others.
extension LedgerStore {
    /// `swv 0 period 0 product 0 id` (id big-endian): entries sort by SWV, then period.
    static func scopeIndexKey(of release: Release) -> [UInt8] {
        scopeIndexPrefix(swv: release.scope.swv) + Array(release.scope.period.utf8) + [0] + Array(release.scope.product.utf8) + [0]
            + release.id.storageKey
    }

    /// The key prefix of every entry of `swv`.
    static func scopeIndexPrefix(swv: String) -> [UInt8] { Array(swv.utf8) + [0] }

    /// Adds `release` to the scope index.
    func addToScopeIndex(_ release: Release, in transaction: Transaction) throws {
        guard let scopeIndex else { throw LedgerError.rejected("the ledger was opened read-only; recording needs a writable open") }
        try transaction.put([], for: Self.scopeIndexKey(of: release), in: scopeIndex)
    }

    /// Whether the scope index can be read: present and built by this build's projections.
    private func hasScopeIndex(in transaction: Transaction) throws -> Bool {
        try scopeIndex != nil && hasCurrentProjections(in: transaction)
    }

    /// The releases of `swv`, by number: through the scope index, or every release filtered when
    /// the index is not current (a read-only open of a ledger not yet rebuilt).
    func releases(ofSWV swv: String, in transaction: Transaction) throws -> [Release] {
        guard try hasScopeIndex(in: transaction), let scopeIndex else {
            return try releases(in: transaction).filter { $0.scope.swv == swv }
        }
        let prefix = Self.scopeIndexPrefix(swv: swv)
        var keys: [[UInt8]] = []
        try transaction.withCursor(in: scopeIndex) { cursor in
            var entry = try cursor.seek(atOrAfter: prefix)
            while let (key, _) = entry, key.starts(with: prefix) {
                keys.append(Array(key.suffix(4)))
                entry = try cursor.next()
            }
        }
        return try keys.map { try release(storageKey: $0, in: transaction) }.sorted { $0.id < $1.id }
    }

    /// The SWV codes whose releases the ledger holds, in order.
    public func scopeSWVs() throws(LedgerError) -> [String] {
        try read { transaction in
            guard try hasScopeIndex(in: transaction), let scopeIndex else {
                return Set(try releases(in: transaction).map(\.scope.swv)).sorted()
            }
            // One seek per SWV: past the last key of one SWV lies the first of the next.
            return try transaction.withCursor(in: scopeIndex) { cursor in
                var swvs: [String] = []
                var entry = try cursor.first()
                while let (key, _) = entry, let end = key.firstIndex(of: 0) {
                    swvs.append(String(decoding: key[..<end], as: UTF8.self))
                    entry = try cursor.seek(atOrAfter: Array(key[..<end]) + [1])
                }
                return swvs
            }
        }
    }

    /// The one SWV whose releases the ledger holds; nil when it holds none or several. Reads
    /// the scope index's first and last entries only.
    public func onlySWV() throws(LedgerError) -> String? {
        try read { transaction in
            guard try hasScopeIndex(in: transaction), let scopeIndex else {
                let swvs = Set(try releases(in: transaction).map(\.scope.swv))
                return swvs.count == 1 ? swvs.first : nil
            }
            func swv(_ entry: (key: [UInt8], value: [UInt8])?) -> String? {
                guard let key = entry?.key, let end = key.firstIndex(of: 0) else { return nil }
                return String(decoding: key[..<end], as: UTF8.self)
            }
            let (first, last) = try transaction.withCursor(in: scopeIndex) { cursor in (swv(try cursor.first()), swv(try cursor.last())) }
            return first == last ? first : nil
        }
    }

    /// Every release of `swv` with its lifecycle.
    public func releasesWithLifecycles(ofSWV swv: String) throws(LedgerError) -> [(release: Release, lifecycle: ReleaseLifecycle)] {
        try read { transaction in
            try releases(ofSWV: swv, in: transaction).map { ($0, try lifecycle(of: $0.id, in: transaction)) }
        }
    }

    /// Builds the scope index anew from the release records.
    func rebuildScopeIndex(in transaction: Transaction) throws {
        guard let scopeIndex else { return }
        try deleteAll(in: scopeIndex, transaction)
        for release in try releases(in: transaction) {
            try transaction.put([], for: Self.scopeIndexKey(of: release), in: scopeIndex)
        }
    }
}
