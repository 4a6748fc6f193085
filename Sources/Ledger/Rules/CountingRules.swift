/// Which pupils count for an SWV on a day (teldatum or peildatum), loaded from
/// `Schemas/rules/counting.json` so that the rules the domain leaves open stay data.
///
/// Fixed here because they are confirmed: the pupil is enrolled that day, the row's period
/// contains the day, the row is bekostigd, the TLV is valid that day, and the SWV that pays is
/// the one that issued the TLV. Every other choice is a `Sourced` value of the file.
public struct CountingRules: Decodable, Sendable {
    /// Whether rows that lack a value count.
    public enum Presence: String, Decodable, Sendable {
        /// Such rows count.
        case counted
        /// Such rows do not count.
        case notCounted
    }

    /// How the days of a school year are answered before any release of it is known.
    public enum BeforeFirstRelease: String, Decodable, Sendable {
        /// From the latest known releases of the school year before, saying so.
        case previousSchoolYear
        /// Not at all.
        case unanswered
    }

    /// Which row a pupil with several counting rows is counted by.
    public enum CountedOnce: String, Decodable, Sendable {
        /// The row with the latest period start; ties by instellingscode and vestiging, then
        /// by the rows' fields.
        case latestPeriodStart
        /// The lowest row identity (instellingscode, vestiging, period start), then the rows' fields.
        case firstByIdentity
    }

    /// Clusters whose pupils are charged to an SWV.
    public var countedClusters: Sourced<Set<UInt8>>
    /// Whether a row without a cluster counts.
    public var missingCluster: Sourced<Presence>
    /// Soort-verblijf codes that are never charged to an SWV (JJI/GJI).
    public var excludedResidences: Sourced<Set<UInt8>>
    /// Whether a row without soort verblijf counts.
    public var missingResidence: Sourced<Presence>
    /// Whether a TLV that lacks its ingang or einde date counts (when the known date allows it).
    public var tlvWithoutDates: Sourced<Presence>
    /// Whether the issuing SWV is read from the TLV number when the row names none.
    public var payingSwvFromTLVNumber: Sourced<Bool>
    /// Which row a pupil who counts at several schools is counted by.
    public var countedOnceBy: Sourced<CountedOnce>
    /// How the days of a school year are answered before any release of it is known.
    public var beforeFirstReleaseOfSchoolYear: Sourced<BeforeFirstRelease>

    /// Whether `row` makes its pupil count on `day`: enrolled, in the row's period, bekostigd,
    /// a valid TLV, a counted cluster and no excluded soort verblijf.
    public func counts(_ row: some CountingFields, on day: Day) -> Bool {
        guard row.isValid(on: day), row.funded, row.enrolledFrom <= day,
            row.enrolledUntil.map({ day <= $0 }) ?? true, hasValidTLV(row, on: day)
        else { return false }
        let clusterCounts = row.cluster.map(countedClusters.value.contains) ?? (missingCluster.value == .counted)
        let residenceCounts = row.residence.map { !excludedResidences.value.contains($0) } ?? (missingResidence.value == .counted)
        return clusterCounts && residenceCounts
    }

    /// Whether the row's TLV is valid on `day`: ingang <= day <= einde.
    public func hasValidTLV(_ row: some CountingFields, on day: Day) -> Bool {
        if !row.hasTLVNumber && row.tlvFrom == nil && row.tlvUntil == nil { return false }
        guard row.tlvFrom.map({ $0 <= day }) ?? true, row.tlvUntil.map({ day <= $0 }) ?? true else { return false }
        return (row.tlvFrom != nil && row.tlvUntil != nil) || tlvWithoutDates.value == .counted
    }

    /// The SWV that pays for the row: the issuer of its TLV, read from the TLV number's prefix
    /// (`VO2508-2021-00012`) when the row names none and the rules allow it.
    public func payingSwv(of row: CountingRow) -> String? {
        row.payingSwv ?? (payingSwvFromTLVNumber.value ? row.tlvNumberIssuer : nil)
    }

    /// Whether a school year without a release of its own is answered from the year before.
    public var answersFromPreviousSchoolYear: Bool { beforeFirstReleaseOfSchoolYear.value == .previousSchoolYear }

    /// Whether row `a` of `rows` is the row to count a pupil by rather than row `b`, both counting.
    package func prefers(_ a: Int, over b: Int, in rows: CountingRowPool) -> Bool {
        switch countedOnceBy.value {
        case .latestPeriodStart:
            let (left, right) = (rows[a].periodStart, rows[b].periodStart)
            if left != right { return left > right }
            return rows.precedesInFull(a, b)
        case .firstByIdentity:
            return rows.precedesInFull(a, b)
        }
    }
}

extension CountingRules {
    /// These rules with one assumption (`[?]`) reversed, by the assumption's name: the rules a
    /// reconciliation tries to see which pupils count only because of an assumption.
    public var reversedAssumptions: [(rule: String, rules: CountingRules)] {
        func flipped(_ presence: Presence) -> Presence { presence == .counted ? .notCounted : .counted }
        var cluster = self
        cluster.missingCluster.value = flipped(missingCluster.value)
        var residence = self
        residence.missingResidence.value = flipped(missingResidence.value)
        var tlv = self
        tlv.tlvWithoutDates.value = flipped(tlvWithoutDates.value)
        return [("missingCluster", cluster), ("missingResidence", residence), ("tlvWithoutDates", tlv)]
    }
}
