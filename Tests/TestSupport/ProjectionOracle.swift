import Ledger

/// A brute-force model of what the ledger must answer, written from the rule (docs/design.md
/// "Which scope answers a day", domain.md, `Schemas/rules/counting.json`) over the releases a
/// test generated, never from the ledger's own code or storage.
///
/// A day D of school year Y, asked for SWV S as known at T, is answered per product by the latest
/// release of (product, S, Y) published on or before T and not withdrawn by T; when there is none
/// of Y, by those of (S, Y − 1), saying so; else not at all.
public struct ProjectionOracle {
    /// One release as the test made it.
    public struct Version {
        public var scope: Scope
        public var published: Day
        public var withdrawn: Day?
        public var rows: [Registration]
        public var fileName: String = ""

        /// A release of `scope` published on `published` (withdrawn on `withdrawn`) holding `rows`.
        public init(scope: Scope, published: Day, withdrawn: Day? = nil, rows: [Registration], fileName: String = "") {
            self.scope = scope
            self.published = published
            self.withdrawn = withdrawn
            self.rows = rows
            self.fileName = fileName
        }
    }

    /// Which releases answer a day, and from which school year.
    public struct Answer {
        /// The school year the releases are of, as text (`2021-2022`).
        public var answeredFrom: String
        /// Whether that is the year before the day's own.
        public var isFallback: Bool
        /// One per product.
        public var versions: [Version]
        /// Their rows, pooled.
        public var rows: [Registration] { versions.flatMap(\.rows) }
    }

    /// The releases the test made.
    public let versions: [Version]
    /// The counting rules the answers follow.
    public let rules: CountingRules

    /// The model of a ledger holding `versions`, counting by `rules`.
    public init(versions: [Version], rules: CountingRules) {
        self.versions = versions
        self.rules = rules
    }

    /// The first calendar year of the school year (1 August – 31 July) `day` falls in.
    public static func schoolYearStart(of day: Day) -> Int {
        let (year, month, _) = day.components
        return month >= 8 ? year : year - 1
    }

    /// `2021-2022` for the school year starting in 2021.
    public static func period(_ firstYear: Int) -> String { "\(firstYear)-\(firstYear + 1)" }

    /// Whether `version` was published and not withdrawn as known at `knownAt` (today when nil).
    public static func isKnown(_ version: Version, at knownAt: Day?) -> Bool {
        guard let knownAt else { return version.withdrawn == nil }
        if version.published > knownAt { return false }
        if let withdrawn = version.withdrawn, withdrawn <= knownAt { return false }
        return true
    }

    /// Per product, the latest release of (product, `swv`, `period`) known at `knownAt`.
    public func latest(swv: String, period: String, knownAt: Day?) -> [Version] {
        var byProduct: [String: Version] = [:]
        for version in versions where version.scope.swv == swv && version.scope.period == period && Self.isKnown(version, at: knownAt) {
            if let seen = byProduct[version.scope.product], seen.published >= version.published { continue }
            byProduct[version.scope.product] = version
        }
        return byProduct.keys.sorted().map { byProduct[$0]! }
    }

    /// The releases that answer `day` for `swv` as known at `knownAt`; nil when none does.
    public func answer(_ day: Day, swv: String, knownAt: Day?, fallback: Bool = true) -> Answer? {
        let year = Self.schoolYearStart(of: day)
        let own = latest(swv: swv, period: Self.period(year), knownAt: knownAt)
        if !own.isEmpty { return Answer(answeredFrom: Self.period(year), isFallback: false, versions: own) }
        guard fallback else { return nil }
        let before = latest(swv: swv, period: Self.period(year - 1), knownAt: knownAt)
        return before.isEmpty ? nil : Answer(answeredFrom: Self.period(year - 1), isFallback: true, versions: before)
    }

    /// Pupil → the row they count by on `day` under the counting rules, restricted to pupils
    /// whose TLV `payer` issued; nil when `day` is not answered.
    public func counted(on day: Day, swv: String, knownAt: Day?, payer: String?) -> [PGN: Registration]? {
        answer(day, swv: swv, knownAt: knownAt).map { counted($0.rows, on: day, payer: payer) }
    }

    /// Pupil → the row they count by in an `--all` count on `day`; nil when not answered.
    public func countedAll(on day: Day, swv: String, knownAt: Day?, payer: String?) -> [PGN: Registration]? {
        answer(day, swv: swv, knownAt: knownAt).map { countedAll($0.rows, on: day, payer: payer) }
    }

    /// The issuer of a row's TLV: its paying SWV column, else (when the rules say so) the
    /// prefix of its TLV number when that is an SWV code.
    public func payingSwv(_ row: Registration) -> String? {
        if row.payingSwv != nil { return row.payingSwv }
        guard rules.payingSwvFromTLVNumber.value, let number = row.tlvNumber else { return nil }
        let prefix = String(number.prefix { $0 != "-" })
        let isCode = prefix.count == 6 && ["PO", "VO"].contains(String(prefix.prefix(2))) && Int(prefix.dropFirst(2)) != nil
        return isCode ? prefix : nil
    }

    /// Rows with one identity from two releases: the one whose fields, in field order, read lowest.
    public static func fieldsFirst(_ a: Registration, _ b: Registration) -> Bool {
        let left = Registration.Field.allCases.map { a.text(of: $0) ?? "" }
        let right = Registration.Field.allCases.map { b.text(of: $0) ?? "" }
        return left.lexicographicallyPrecedes(right)
    }

    /// The rows of the latest version of every scope known at `knownAt`: for a history of one
    /// scope, the rows that answer its school year's days.
    public func rows(knownAt: Day?) -> [Registration] {
        let scopes = Set(versions.map(\.scope))
        return scopes.flatMap { scope in
            versions.filter { $0.scope == scope && Self.isKnown($0, at: knownAt) }.max { $0.published < $1.published }?.rows ?? []
        }
    }

    /// `counted(_:on:payer:)` with the payer named `swv`.
    public func counted(_ rows: [Registration], on day: Day, swv: String?) -> [PGN: Registration] {
        counted(rows, on: day, payer: swv)
    }

    /// Pupil → the row they count by on `day` among `rows`.
    public func counted(_ rows: [Registration], on day: Day, payer: String?) -> [PGN: Registration] {
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
            if payer == nil || payingSwv(row) == payer { result[pgn] = row }
        }
        return result
    }

    /// Pupil → the row they count by in an `--all` count: every row valid on the day, the first
    /// by identity (then by fields), restricted by the row's paying SWV column.
    public func countedAll(_ rows: [Registration], on day: Day, payer: String?) -> [PGN: Registration] {
        let valid = rows.filter { $0.periodStart <= day && ($0.periodEnd == nil || day <= $0.periodEnd!) }
        var result: [PGN: Registration] = [:]
        for (pgn, candidates) in Dictionary(grouping: valid, by: \.pgn) {
            let row = candidates.min { $0.key != $1.key ? $0.key < $1.key : Self.fieldsFirst($0, $1) }!
            if payer == nil || row.payingSwv == payer { result[pgn] = row }
        }
        return result
    }

    /// The per-pupil movements from `before` to `after`, in PGN order, as "kind pgn".
    public static func movements(_ before: [PGN: Registration], _ after: [PGN: Registration]) -> [String] {
        var result: [String] = []
        for pgn in Set(before.keys).union(after.keys).sorted() {
            switch (before[pgn], after[pgn]) {
            case (nil, .some): result.append("instroom \(pgn.value)")
            case (.some, nil): result.append("uitstroom \(pgn.value)")
            case (let old?, let new?) where old.institution != new.institution || old.branch != new.branch:
                result.append("doorstroom \(pgn.value)")
            case (let old?, let new?) where old.category != new.category:
                result.append("category \(pgn.value)")
            default: break
            }
        }
        return result
    }

    /// SO<8 / SO8+ / VSO by age on `day`, SO without a birth date as 8+.
    public static func band(_ row: Registration, on day: Day) -> RateBand {
        guard row.schoolType == .so else { return .vso }
        guard let born = row.birthDate else { return .so8Plus }
        let (y, m, d) = born.components
        let eighth = Day(year: y + 8, month: m, day: d) ?? Day(year: y + 8, month: 3, day: 1)!
        return day < eighth ? .soUnder8 : .so8Plus
    }

    /// The funding total in cents charged to `payer` under the school-year regime: the pupils
    /// counted on the teldatum priced, plus the positive net growth from `reference` to
    /// `peildatum` per band (age on the teldatum) and category priced; each day counted from its
    /// own school year's releases. Nil when one of the days is not answered.
    public func fundingCents(
        swv: String, knownAt: Day?, payer: String?, teldatum: Day, reference: Day, peildatum: Day,
        rates: [RateBand: [FundingCategory: Int]]
    ) -> Int? {
        guard let atTeldatum = counted(on: teldatum, swv: swv, knownAt: knownAt, payer: payer),
            let before = counted(on: reference, swv: swv, knownAt: knownAt, payer: payer),
            let after = counted(on: peildatum, swv: swv, knownAt: knownAt, payer: payer)
        else { return nil }
        var total = 0
        for row in atTeldatum.values {
            if let category = row.category, let rate = rates[Self.band(row, on: teldatum)]?[category] { total += rate }
        }
        var net: [String: (band: RateBand, category: FundingCategory, count: Int)] = [:]
        for (sign, pupils) in [(-1, before), (1, after)] {
            for row in pupils.values {
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

    /// The days the answer for `days` of `swv` may change: the publication and withdrawal days
    /// of `swv`'s releases of the days' school years and (with fallback) the years before them.
    public func knowledgeDays(covering days: [Day], swv: String) -> [Day] {
        let periods = Set(days.flatMap { day in
            let year = Self.schoolYearStart(of: day)
            return [Self.period(year), Self.period(year - 1)]
        })
        let relevant = versions.filter { $0.scope.swv == swv && periods.contains($0.scope.period) }
        return Set(relevant.map(\.published) + relevant.compactMap(\.withdrawn)).sorted()
    }
}
