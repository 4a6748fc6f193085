import Ledger

/// A brute-force reimplementation of the projections, written from the rules data and the
/// design's known-at semantics without the projection code, for property tests to compare with.
struct ProjectionOracle {
    /// One physical release as the test made it.
    struct Version {
        var scope: Scope
        var published: Day
        var withdrawn: Day?
        var rows: [Registration]
    }

    let versions: [Version]
    let rules: CountingRules

    /// The rows DUO had said as known at `day` (today when nil): per scope the latest version
    /// published by then and not withdrawn by then.
    func rows(knownAt day: Day?) -> [Registration] {
        var latest: [Scope: Version] = [:]
        for version in versions {
            if let day {
                if version.published > day { continue }
                if let withdrawn = version.withdrawn, withdrawn <= day { continue }
            } else if version.withdrawn != nil {
                continue
            }
            if let seen = latest[version.scope], seen.published > version.published { continue }
            latest[version.scope] = version
        }
        return latest.values.flatMap(\.rows)
    }

    /// Whether any version's scope covers `day` and was current at `knownAt`.
    func covers(_ day: Day, knownAt: Day?) -> Bool {
        let year = day.components.month >= 8 ? day.components.year : day.components.year - 1
        let period = "\(year)-\(year + 1)"
        return versions.contains { version in
            version.scope.period == period && (knownAt.map { version.published <= $0 } ?? true)
                && !(version.withdrawn.map { w in knownAt.map { w <= $0 } ?? true } ?? false)
        }
    }

    /// The issuer of a row's TLV.
    func payingSwv(_ row: Registration) -> String? {
        if row.payingSwv != nil { return row.payingSwv }
        guard rules.payingSwvFromTLVNumber.value, let number = row.tlvNumber else { return nil }
        let prefix = String(number.prefix { $0 != "-" })
        let isCode = prefix.count == 6 && ["PO", "VO"].contains(String(prefix.prefix(2))) && Int(prefix.dropFirst(2)) != nil
        return isCode ? prefix : nil
    }

    /// Rows with one identity from two scopes: the one whose fields, in field order, read lowest.
    static func fieldsFirst(_ a: Registration, _ b: Registration) -> Bool {
        let left = Registration.Field.allCases.map { a.text(of: $0) ?? "" }
        let right = Registration.Field.allCases.map { b.text(of: $0) ?? "" }
        return left.lexicographicallyPrecedes(right)
    }

    /// Pupil → the row they count by on `day`.
    func counted(_ rows: [Registration], on day: Day, swv: String?) -> [PGN: Registration] {
        func within(_ from: Day?, _ until: Day?) -> Bool {
            (from == nil || from! <= day) && (until == nil || day <= until!)
        }
        let counted = rules.tlvWithoutDates.value == .counted
        let qualifying = rows.filter { row in
            let hasTLV = row.tlvNumber != nil || row.tlvFrom != nil || row.tlvUntil != nil
            let tlvFromOK = row.tlvFrom == nil ? counted : row.tlvFrom! <= day
            let tlvUntilOK = row.tlvUntil == nil ? counted : day <= row.tlvUntil!
            let cluster = row.cluster == nil
                ? rules.missingCluster.value == .counted : rules.countedClusters.value.contains(row.cluster!)
            let residence = row.residence == nil
                ? rules.missingResidence.value == .counted : !rules.excludedResidences.value.contains(row.residence!)
            return within(row.periodStart, row.periodEnd) && within(row.enrolledFrom, row.enrolledUntil) && row.funded
                && hasTLV && tlvFromOK && tlvUntilOK && cluster && residence
        }
        var result: [PGN: Registration] = [:]
        for (pgn, candidates) in Dictionary(grouping: qualifying, by: \.pgn) {
            let ordered: [Registration]
            switch rules.countedOnceBy.value {
            case .latestPeriodStart:
                ordered = candidates.sorted {
                    let (l, r) = (($0.periodStart.daysSinceEpoch * -1, $0.institution, $0.branch), ($1.periodStart.daysSinceEpoch * -1, $1.institution, $1.branch))
                    return l != r ? l < r : Self.fieldsFirst($0, $1)
                }
            case .firstByIdentity:
                ordered = candidates.sorted { $0.key != $1.key ? $0.key < $1.key : Self.fieldsFirst($0, $1) }
            }
            let row = ordered[0]
            if swv == nil || payingSwv(row) == swv { result[pgn] = row }
        }
        return result
    }

    /// Pupil → the row they count by in an `--all` count.
    func countedAll(_ rows: [Registration], on day: Day, swv: String?) -> [PGN: Registration] {
        let valid = rows.filter { $0.periodStart <= day && ($0.periodEnd == nil || day <= $0.periodEnd!) }
        var result: [PGN: Registration] = [:]
        for (pgn, candidates) in Dictionary(grouping: valid, by: \.pgn) {
            let row = candidates.min { $0.key != $1.key ? $0.key < $1.key : Self.fieldsFirst($0, $1) }!
            if swv == nil || row.payingSwv == swv { result[pgn] = row }
        }
        return result
    }

    /// SO<8 / SO8+ / VSO by age on `day`, SO without a birth date as 8+.
    static func band(_ row: Registration, on day: Day) -> RateBand {
        guard row.schoolType == .so else { return .vso }
        guard let born = row.birthDate else { return .so8Plus }
        let (y, m, d) = born.components
        let eighth = Day(year: y + 8, month: m, day: d) ?? Day(year: y + 8, month: 3, day: 1)!
        return day < eighth ? .soUnder8 : .so8Plus
    }

    /// The funding total in cents: teldatum pupils priced, plus positive net growth per band
    /// and category priced.
    func fundingCents(
        rows: [Registration], teldatum: Day, peildatum: Day, rates: [RateBand: [FundingCategory: Int]]
    ) -> Int {
        let atTeldatum = counted(rows, on: teldatum, swv: nil).values
        var total = 0
        for row in atTeldatum {
            if let category = row.category, let rate = rates[Self.band(row, on: teldatum)]?[category] { total += rate }
        }
        var net: [String: (band: RateBand, category: FundingCategory, count: Int)] = [:]
        for (sign, day) in [(-1, teldatum), (1, peildatum)] {
            for row in counted(rows, on: day, swv: nil).values {
                guard let category = row.category else { continue }
                let band = Self.band(row, on: teldatum)
                net["\(band)\(category)", default: (band, category, 0)].count += sign
            }
        }
        for cell in net.values where cell.count > 0 {
            total += cell.count * (rates[cell.band]?[cell.category] ?? 0)
        }
        return total
    }
}
