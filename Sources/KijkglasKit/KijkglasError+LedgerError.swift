import Ledger
import LedgerStorage

extension KijkglasError {
    /// The ledger's error as a failure of its kind: damage and storage are storage, an unknown
    /// release is usage (naming where releases are listed), a rejected release is bad data; a
    /// mass change names how to check the file and how to record it all the same as terms.
    public init(_ error: LedgerError) {
        let kind: Kind =
            switch error {
            case .storage, .corrupt, .inUse: .storage
            case .unknownRelease: .usage
            case .rejected, .massChange: .badData
            case .keyMissing, .wrongKey, .badKey: .usage
            }
        if case .unknownRelease = error {
            self.init(kind, "\(error.description) \(Term.releaseListing)")
            return
        }
        if case .keyMissing = error {
            self.init(
                kind,
                """
                \(error.description): the pupils' identities are sealed with the ledger's key file; name it with \(Term.keyFile), \
                or for a new ledger make one with \(Term.createKey)
                """)
            return
        }
        if case .inUse = error {
            self.init(
                kind,
                """
                \(error.description), so it was not compacted: what was erased is gone from every answer, but freed pages \
                of its data file keep it until \(Term.compactLater)
                """)
            return
        }
        if case .wrongKey = error {
            self.init(kind, "\(error.description); name the ledger's own key file with \(Term.keyFile)")
            return
        }
        guard case .massChange(let change) = error else {
            self.init(kind, "\(error.description)")
            return
        }
        self.init(
            kind,
            """
            \(change.summary). A file damaged on its way through a spreadsheet looks like this; check it with \
            \(Term.inspectAndDiff). If DUO really changed this much, record it with \(Term.acceptMassChange). \
            Nothing was written.
            """)
    }

    /// Runs `body`, turning the ledger's errors into failures; the one place they are mapped.
    static func mapping<T>(_ body: () throws -> T) throws(KijkglasError) -> T {
        do {
            return try body()
        } catch let error as KijkglasError {
            throw error
        } catch let error as LedgerError {
            throw KijkglasError(error)
        } catch {
            throw KijkglasError(.storage, "\(String(describing: error))")
        }
    }
}
