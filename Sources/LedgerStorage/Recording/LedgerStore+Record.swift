import Ledger
import LMDB

extension LedgerStore {
    /// Records a release in one write transaction: its record, its rows, the batch of events that
    /// diffs it against its predecessor, the new chain head, and its new pupils.
    ///
    /// The rows are stored as `sealPupils` leaves them: each PGN replaced by the ledger's pupil
    /// number (an unknown one sealed into the vault with `key`), each birth date coarsened to
    /// `ageThresholds`; no PGN and no exact birth date reaches the log or the rows. `incoming`
    /// is this function's: its rows are sealed where they are, not copied.
    ///
    /// A release whose file says it is definitive is marked so on its publication date, in
    /// the same transaction. Releases of a scope are ordered by publication date (then file
    /// hash), whatever the order of loading. A release that lands between two recorded ones is diffed against the earlier,
    /// and the later one's batch is superseded by a new batch against it: nothing is rewritten.
    /// With `massChangeRules`, a release whose own batch goes past them is not written: the
    /// transaction is given up before it commits.
    /// - Throws: `LedgerError.rejected` for two rows with one identity, or a definitive file
    ///   when its scope has a definitive release already; `LedgerError.massChange` when the batch
    ///   goes past `massChangeRules`; `LedgerError.wrongKey` when `key` is not the ledger's;
    ///   storage errors.
    public func record(
        _ incoming: consuming IncomingRelease, massChangeRules: MassChangeRules? = nil, key: LedgerKey, ageThresholds: AgeThresholds
    ) throws(LedgerError) -> RecordOutcome {
        try LedgerError.mapping {
            try environment.growMap(
                toAtLeast: environment.usedBytes + (incoming.rows.count + incoming.figures.count) * LedgerStore.bytesPerIncomingRow)
        }
        var rows = incoming.rows
        incoming.rows = []
        RegistrationDiff.sortByIdentity(&rows)
        var unsealed: UnsealedIdentities?
        return try write { transaction in
            if let known = try transaction.get(incoming.fileSHA256, in: files) {
                return .alreadyRecorded(try release(storageKey: known, in: transaction))
            }
            // A rerun after MDB_MAP_FULL starts from the rows as they came.
            unsealed?.restore(&rows)
            let order: IdentityOrder
            (unsealed, order) = try sealPupils(of: &rows, key: key, ageThresholds: ageThresholds, in: transaction)
            // A pupil's rows are adjacent in either order, and only they can share an identity.
            if let key = RegistrationDiff.repeatedIdentity(in: rows) {
                throw LedgerError.rejected(
                    "two rows of one pupil have the identity \(key.institution)/\(key.branch) from \(key.periodStart.iso); nothing was written")
            }
            let existing = try releases(in: transaction)
            let id = ReleaseID((existing.map(\.id.value).max() ?? 0) + 1)
            let siblings = existing.filter { $0.scope == incoming.scope }.sorted(by: Release.precedes)
            let placeholder = Release(
                id: id, scope: incoming.scope, publishedOn: incoming.publishedOn, fileName: incoming.fileName,
                fileSHA256: incoming.fileSHA256, rowCount: rows.count, base: nil, content: incoming.content)
            let predecessor = siblings.last { Release.precedes($0, placeholder) }
            let successor = siblings.first { Release.precedes(placeholder, $0) }
            var release = placeholder
            release.base = predecessor?.id

            let base = try predecessor.map { try matchBase($0.id, in: transaction) }
            let match = try store(rows: rows, order: order, of: id, against: base, in: transaction)
            try transaction.put(release.encoded, for: id.storageKey, in: releaseRecords)
            try addToScopeIndex(release, in: transaction)
            try transaction.put(id.storageKey, for: incoming.fileSHA256, in: files)

            var events: [Event] = [.releaseRecorded(release)]
            if incoming.content == .figures {
                try store(figures: incoming.figures, of: id, in: transaction)
                events.append(.figuresStated(id, incoming.figures))
            }
            // Rows equal on both sides make no event: the diff needs only the others.
            var changedBaseRows: [Registration] = []
            if let predecessor, let base {
                let width = RowAddress.width
                let addresses = match.unmatchedBase.flatMap { base.addresses[$0 * width..<($0 + 1) * width] }
                changedBaseRows = try self.rows(at: addresses, of: predecessor.id, in: transaction)
            }
            let changedRows = match.unmatchedNew.count == rows.count ? order.arranged(rows) : match.unmatchedNew.map { rows[order[$0]] }
            let ownBatch = batch(from: changedBaseRows, of: predecessor, to: changedRows, of: release)
            if let massChangeRules, let predecessor,
                let change = MassChange.assess(
                    ownBatch.compactMap(\.registrationEvent), fileName: incoming.fileName, base: predecessor.id,
                    baseRows: predecessor.rowCount, rules: massChangeRules)
            {
                throw LedgerError.massChange(change)
            }
            events += ownBatch
            if let predecessor {
                events.append(.releaseSuperseded(predecessor.id, by: id, on: release.publishedOn))
            }
            if let successor {
                let oldBase = try lifecycle(of: successor.id, in: transaction).currentBase
                events.append(.batchSuperseded(release: successor.id, base: oldBase, newBase: id))
                events += batch(from: order.arranged(rows), of: release, to: try self.rows(of: successor.id, in: transaction), of: successor)
                events.append(.releaseSuperseded(id, by: successor.id, on: successor.publishedOn))
            }
            if incoming.isDefinitive {
                for sibling in siblings {
                    if let definitive = try lifecycle(of: sibling.id, in: transaction).definitiveOn {
                        throw LedgerError.rejected(
                            "\(incoming.fileName) says it is definitive, but \(sibling.id) is already the definitive release of "
                                + "\(incoming.scope) (since \(definitive.iso)); nothing was written")
                    }
                }
                events.append(.releaseMarkedDefinitive(id, on: release.publishedOn))
            }
            try append(events, in: transaction)
            var tally = EventTally()
            for case .registration(let event) in ownBatch { tally.add(event) }
            return .recorded(release, batch: tally)
        }
    }

    /// Room to reserve in the map per incoming row before recording a release, so a large
    /// release does not hit `MDB_MAP_FULL` and rerun its transaction after each doubling: the
    /// stored row, its address in the row list, its event in the log (the whole row for an
    /// opening one) and B-tree slack. A first release of 1,000,000 generated rows took 287 MB
    /// (about 290 bytes a row); four times that leaves room for longer rows. The map is address
    /// space, not disk.
    static let bytesPerIncomingRow = 1_200

    /// The batch of registration events that turns `base`'s rows into `release`'s.
    private func batch(
        from baseRows: [Registration], of base: Release?, to newRows: [Registration], of release: Release
    ) -> [Event] {
        RegistrationDiff.changes(
            from: baseRows, to: newRows, basePublished: base?.publishedOn, published: release.publishedOn
        ).map { change in
            .registration(
                RegistrationEvent(
                    release: release.id, base: base?.id, classification: change.classification, key: change.key,
                    change: change.change))
        }
    }

    /// Stores a figures release's stated figures under its id.
    func store(figures: [StatedFigure], of id: ReleaseID, in transaction: Transaction) throws {
        guard let figureRecords else { throw LedgerError.rejected("the ledger is open read-only") }
        var writer = ByteWriter()
        StatedFigure.encode(figures, into: &writer)
        try transaction.put(writer.bytes, for: id.storageKey, in: figureRecords)
    }

    /// Stores the rows of release `id` (identities unique; in identity order as `order` gives
    /// it), its row list and its counting rows. A row equal to the row of the same identity in `base` (the
    /// predecessor) is that stored row: its address and counting record are taken over, so a
    /// release costs what changed in it. The others are stored under addresses of release `id`,
    /// appended in order at the right edge of the rows' B-tree. When under 1 / `editShare` of
    /// the rows are its own and the base's list is fewer than `RowListRecord.maxDepth` edits
    /// deep, the row list and counting rows are stored as an edit of the base's.
    @discardableResult
    func store(
        rows newRows: [Registration], order: IdentityOrder = .asTheyAre, of id: ReleaseID, against base: ReleaseRowMatch.Base?,
        in transaction: Transaction
    ) throws -> ReleaseRowMatch {
        let match = ReleaseRowMatch(rows: newRows, order: order, of: id, base: base)
        var writer = ByteWriter()
        for index in match.unmatchedNewInAddressOrder {
            writer.removeAll()
            newRows[order[index]].encode(into: &writer)
            try transaction.put(writer.bytes, for: match.address(of: index), in: rows, flags: .append)
        }
        let edit = RowListEdit(baseIndex: match.baseIndex)
        let own = PackedCountingRows(match.unmatchedNew.map { CountingRow(newRows[order[$0]]) })
        let list: RowListRecord
        let countingRows: CountingRowsRecord
        if let base, base.depth < RowListRecord.maxDepth, edit.ownCount * RowListRecord.editShare < newRows.count {
            list = .edit(base: base.release, depth: base.depth + 1, edit: edit, own: match.unmatchedNew.flatMap(match.address(of:)))
            countingRows = .edit(base: base.release, edit: edit, own: own)
        } else {
            list = .whole(addresses: match.addresses)
            if let base, edit.ownCount < newRows.count {
                let sources = try RowSources(wholeCount: base.countingRows.count, composing: [(edit, own.count)])
                countingRows = .whole(try PackedCountingRows(sources: sources, packings: [base.countingRows, own]))
            } else {
                countingRows = .whole(own)
            }
        }
        try transaction.put(list.encoded, for: id.storageKey, in: releaseRows)
        try store(countingRows: countingRows, of: id, in: transaction)
        return match
    }

    /// Release `id` as the base of a match: its row list and counting rows with edits applied.
    /// - Throws: `LedgerError.corrupt` when they do not have one entry per row each.
    func matchBase(_ id: ReleaseID, in transaction: Transaction) throws -> ReleaseRowMatch.Base {
        let list = try storedRowList(of: id, in: transaction)
        let base = ReleaseRowMatch.Base(
            release: id, depth: list.depth,
            countingRows: try countingRows(of: id, packed: hasCurrentProjections(in: transaction), in: transaction),
            addresses: try rowAddresses(of: id, storedAs: list, in: transaction))
        guard base.addresses.count == base.countingRows.count * RowAddress.width else {
            throw LedgerError.corrupt("release \(id) has \(base.countingRows.count) counting rows for a list of "
                + "\(base.addresses.count / RowAddress.width) rows; verify the ledger, then rebuild its projections (reindex)")
        }
        return base
    }

    /// Appends events after the head with `MDB_APPEND`, chaining each record, moves the head,
    /// and folds the events into the stored release lifecycles.
    func append(_ events: [Event], in transaction: Transaction) throws {
        var (sequence, chain) = try head(in: transaction)
        var touched: [ReleaseID: ReleaseLifecycle] = [:]
        for event in events {
            sequence += 1
            let record = LogRecord(sequence: sequence, payload: event.encoded, previousChain: chain)
            try transaction.put(record.stored, for: LogRecord.key(sequence), in: log, flags: .append)
            chain = record.chain
            if let release = event.release, touched[release] == nil, !event.isReleaseRecorded {
                touched[release] = try lifecycle(of: release, in: transaction)
            }
            ReleaseLifecycle.apply(event, to: &touched)
        }
        try transaction.put(LogRecord.key(sequence) + chain, for: Array("head".utf8), in: meta)
        for (id, lifecycle) in touched {
            try transaction.put(lifecycle.encoded, for: id.storageKey, in: lifecycleRecords)
        }
    }
}

extension Event {
    fileprivate var isReleaseRecorded: Bool {
        if case .releaseRecorded = self { return true }
        return false
    }

    /// The registration event this is, if it is one.
    fileprivate var registrationEvent: RegistrationEvent? {
        if case .registration(let event) = self { return event }
        return nil
    }
}
