import Ledger

extension ReleaseListing {
    /// The listing as JSON (`Schemas/json/releases.schema.json`): one object per release with
    /// what the table shows, spelled out (the whole file hash, the status's date and release, the
    /// events and the corrections of the past per kind), PGNs masked.
    public static func json(
        _ releases: [Release], lifecycles: [ReleaseID: ReleaseLifecycle], previousYear: [ReleaseID: PreviousYearRewrite] = [:]
    ) -> String {
        ProjectionJSON.encode(
            Document(
                releases: releases.map { release in
                    ReleaseEntry(
                        release, lifecycle: lifecycles[release.id] ?? ReleaseLifecycle(currentBase: release.base),
                        previousYear: previousYear[release.id])
                }))
    }

    private struct Document: Encodable {
        var releases: [ReleaseEntry]
    }

    private struct Dated: Encodable {
        var release: String
        var on: String
    }

    private struct Withdrawal: Encodable {
        var on: String
        var reason: String
    }

    private struct ReleaseEntry: Encodable {
        var id: String
        var product: String
        var swv: String
        var period: String
        var content: String
        var published: String
        var fileName: String
        var sha256: String
        var rows: Int
        var base: String?
        var status: String
        var supersededBy: Dated?
        var withdrawn: Withdrawal?
        var definitive: String?
        var events: Int
        var corrections: Int
        var eventsByKind: [String: Int]
        var correctionsByKind: [String: Int]
        var correctedRelease: Bool
        var previousYear: PreviousYearText.JSON?

        init(_ release: Release, lifecycle: ReleaseLifecycle, previousYear: PreviousYearRewrite?) {
            id = release.id.description
            product = release.scope.product
            swv = release.scope.swv
            period = release.scope.period
            content = release.content.name
            published = release.publishedOn.iso
            fileName = release.fileName
            sha256 = release.fileSHA256.map(ReleaseListing.hex).joined()
            rows = release.rowCount
            base = lifecycle.currentBase?.description
            status = lifecycle.status.rawValue
            supersededBy = lifecycle.supersededBy.map { Dated(release: $0.release.description, on: $0.on.iso) }
            withdrawn = lifecycle.withdrawn.map { Withdrawal(on: $0.on.iso, reason: $0.reason) }
            definitive = lifecycle.definitiveOn?.iso
            events = lifecycle.tally.total
            corrections = lifecycle.tally.corrections
            eventsByKind = Dictionary(
                uniqueKeysWithValues: RegistrationChange.Kind.allCases.compactMap { kind in
                    lifecycle.tally.count(of: kind) > 0 ? (kind.name, lifecycle.tally.count(of: kind)) : nil
                })
            correctionsByKind = Dictionary(uniqueKeysWithValues: lifecycle.tally.byKind(.correction).map { ($0.kind.name, $0.count) })
            correctedRelease = lifecycle.tally.isMostlyCorrections
            self.previousYear = previousYear.map(PreviousYearText.JSON.init)
        }
    }
}
