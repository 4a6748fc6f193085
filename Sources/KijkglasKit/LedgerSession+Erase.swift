import Ledger
import LedgerStorage

extension LedgerSession {
    /// Forgets one pupil: destroys its sealed identity and index entry and logs a `PupilErased`
    /// event, in one write transaction; every answer stays what it was. Needs the key (to find a
    /// pupil by PGN and to check the ledger's). Compact the ledger afterwards
    /// (`LedgerSession.compact(_:)`, with every session of it released) so that no freed page
    /// keeps the destroyed entry.
    /// - Throws: usage when the pupil is not in the ledger (or erased already), the reason is
    ///   empty or holds a personal number, or the pupil is still registered and the request does
    ///   not say `evenIfRegistered`.
    public func erase(_ request: EraseRequest) throws(KijkglasError) -> ErasureAnswer {
        let store = try writableStore()
        let key = try ledgerKey()
        try Self.check(reason: request.reason)
        let number: PGN
        if request.pupil.isPupilNumber {
            number = request.pupil
        } else {
            guard let found = try KijkglasError.mapping({ try store.pupilNumber(of: request.pupil, key: key) }) else {
                throw KijkglasError(.usage, "no pupil \(request.pupil.masked) in this ledger (or erased already)")
            }
            number = found
        }
        if !request.evenIfRegistered {
            let ends = try registrationEnds(store)
            guard let known = ends.lastEnd[number] else {
                throw KijkglasError(.usage, "pupil \(number.masked) has no registration in this ledger")
            }
            guard let end = known, end < request.on else {
                throw KijkglasError(
                    .usage,
                    "pupil \(number.masked) is still registered (\(known.map { "until \($0.iso)" } ?? "without an end")); to erase a pupil still registered, ask for \(KijkglasError.Term.evenIfRegistered)")
            }
        }
        try KijkglasError.mapping { try store.erase([number], on: request.on, reason: request.reason, key: key) }
        return ErasureAnswer(pupils: [number], on: request.on, backups: try KijkglasError.mapping { try store.backups() })
    }

    /// The pupils past the retention period on `request.on`, and with `apply` their erasure (one
    /// write transaction for all). Listing needs no key; applying does.
    public func retention(_ request: RetentionRequest) throws(KijkglasError) -> RetentionAnswer {
        let rule = try RuleFiles.retentionRule()
        let keptFrom = rule.keptFrom(on: request.on)
        let ends = try registrationEnds(store)
        let sealed = Set(try KijkglasError.mapping { try store.sealedPupils() })
        let past = ends.ended(before: keptFrom).filter { sealed.contains($0.pupil) }
        let pupils = Set(past.map(\.pupil))
        var releases: [PGN: [ReleaseID]] = [:]
        if !pupils.isEmpty {
            for release in try KijkglasError.mapping({ try store.releases() }) {
                for pupil in Set(try KijkglasError.mapping { try store.rows(of: release.id) }.map(\.pgn)) where pupils.contains(pupil) {
                    releases[pupil, default: []].append(release.id)
                }
            }
        }
        let names = try pupilNames(pupils)
        var answer = RetentionAnswer(
            rule: rule, on: request.on, endedBefore: keptFrom,
            pupils: past.map { .init(pupil: names($0.pupil), number: $0.pupil, lastEnded: $0.end, releases: releases[$0.pupil] ?? []) },
            stillRegistered: ends.lastEnd.filter { $0.value == nil && sealed.contains($0.key) }.count, erasure: nil)
        if request.apply, !past.isEmpty {
            let store = try writableStore()
            let key = try ledgerKey()
            let reason = "retention: last registration ended before \(keptFrom.iso) (\(rule.years.value) years)"
            try KijkglasError.mapping { try store.erase(past.map(\.pupil), on: request.on, reason: reason, key: key) }
            answer.erasure = ErasureAnswer(pupils: past.map(\.pupil), on: request.on, backups: try KijkglasError.mapping { try store.backups() })
        }
        return answer
    }

    /// Replaces the ledger's data file in `directory` by a compacted copy, so that nothing an
    /// erasure destroyed stays in freed pages; needs every session of the ledger, in this process
    /// and others, released.
    /// - Throws: a storage failure naming the reason when another holds it open; the ledger is
    ///   then unchanged, and compacting later finishes the job.
    public static func compact(_ directory: String) throws(KijkglasError) -> CompactionAnswer {
        let sizes = try KijkglasError.mapping { try LedgerStore.compact(directory) }
        return CompactionAnswer(bytesBefore: sizes.before, bytesAfter: sizes.after)
    }

    /// The pupil numbers of the pupils the ledger can still name (not erased).
    public func sealedPupils() throws(KijkglasError) -> [PGN] {
        try KijkglasError.mapping { try store.sealedPupils() }
    }

    /// Whether an erasure happened since the ledger was last compacted.
    public func compactionDue() throws(KijkglasError) -> Bool {
        try KijkglasError.mapping { try store.compactionDue() }
    }

    /// When each pupil's registrations ended, from every release not withdrawn, by scope.
    private func registrationEnds(_ store: LedgerStore) throws(KijkglasError) -> PupilRegistrationEnds {
        try KijkglasError.mapping {
            let lifecycles = try store.lifecycles()
            let kept = try store.releases().filter { lifecycles[$0.id]?.withdrawn == nil }
            return PupilRegistrationEnds(
                try Dictionary(grouping: kept, by: \.scope).map { scope, releases in
                    (scope, try releases.sorted(by: Release.precedes).map { ($0.publishedOn, try store.rows(of: $0.id)) })
                })
        }
    }

    /// Refuses a reason the log could not keep forever: empty, or holding a run of seven or more
    /// digits (a BSN or onderwijsnummer, say).
    private static func check(reason: String) throws(KijkglasError) {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw KijkglasError(.usage, "an erasure needs a reason, which the log keeps")
        }
        guard PGN.mask(reason) == reason else {
            throw KijkglasError(.usage, "the reason holds a number like a BSN; the log keeps the reason forever, so write it without personal numbers")
        }
    }
}
