import Ledger
import Reports

extension LedgerSession {
    /// The series of a count, growth or funding over a range of days; refuses a range in which
    /// no day has a value, naming the rate tables to add when that is why.
    public func trend(_ request: TrendRequest) throws(KijkglasError) -> TrendAnswer {
        try KijkglasError.mapping {
            let rules = try RuleFiles.countingRules()
            let fundingRules = try RuleFiles.fundingRules()
            let releases = try answering(
                request.swv, knownAt: request.knownAt, ownSchoolYearOnly: request.ownSchoolYearOnly, rules: rules)
            let days = Trend.days(from: request.from, to: request.to, every: request.every, growth: fundingRules.growth)
            let payer = try releases.swv()
            let state = try store.knownState(
                swv: payer, at: request.knownAt,
                covering: Trend.countedOn(metric: request.metric, days: days, funding: fundingRules),
                fallback: rules.answersFromPreviousSchoolYear)
            try releases.refuseFallbacks(state)
            let rates = RateTables(
                request.metric == .funding ? try RuleFiles.rateTables(Set(days.compactMap(fundingRules.fundingYear(on:)))) : [:],
                knownAt: request.knownAt)
            let trend = Trend(
                metric: request.metric, days: days, state: state, rules: rules, swv: payer, by: request.breakdown,
                funding: fundingRules, rates: rates)
            if trend.coveredPoints.isEmpty { throw noValue(trend, days: days, request: request, releases: releases) }
            let revisions =
                request.revisionsOfTotal
                ? try revisionsOfTotal(trend, request: request, releases: releases, swv: payer, funding: fundingRules, rates: rates)
                : nil
            return TrendAnswer(
                trend: trend, context: ProjectionContext(state: state, selection: "rules", swv: payer), revisions: revisions,
                releases: releases.loaded.releases, lifecycles: releases.loaded.lifecycles)
        }
    }

    /// Why no day of the range has a value: bad data naming the rate tables to add when some
    /// funding year lacks one, else a usage failure saying what the range needs.
    private func noValue(_ trend: Trend, days: [Day], request: TrendRequest, releases: AnsweringReleases) -> KijkglasError {
        var withoutTable: [FundingYear] = []
        var reasons: [KijkglasError.Message] = []
        let knownAt = request.knownAt?.iso ?? "today"
        for point in trend.points {
            guard let missing = point.missing else { continue }
            let reason: KijkglasError.Message
            switch missing {
            case .noRateTable(let year):
                if !withoutTable.contains(year) { withoutTable.append(year) }
                continue
            case .data where trend.metric == .funding:
                reason = "funding \(point.fundingYear?.description ?? "") counts on \(point.countedOn.map(\.iso).joined(separator: ", "))"
            case .data: continue
            case .noRegime: reason = "no funding regime covers \(point.day.iso)"
            case .ratesNotYetPublished(let year, let first):
                reason = "the rates for \(year) were first published on \(first.iso), after \(KijkglasError.Term.knownAt) \(knownAt)"
            }
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        if !withoutTable.isEmpty { return RuleFiles.missingRates(withoutTable) }
        var detail: KijkglasError.Message = ""
        for (index, reason) in reasons.enumerated() { detail = "\(detail)\(index == 0 ? ": " : "; ")\(reason)" }
        return releases.usage(
            "no data from \(request.from.iso) to \(request.to.iso) (\(days.count) \(request.every.rawValue) day(s)) as known at \(knownAt)\(detail)")
    }

    /// The series' total as known at each publication and withdrawal up to the day of knowledge,
    /// of the releases that cover the days the series counts on; funding is priced with `rates`
    /// throughout, so only DUO's revisions of the data show.
    private func revisionsOfTotal(
        _ trend: Trend, request: TrendRequest, releases: AnsweringReleases, swv: String, funding: FundingRules, rates: RateTables
    ) throws -> Revisions {
        let rules = releases.rules
        let store = store
        let covered = trend.coveredPoints
        let countedOn = Array(Set(covered.flatMap(\.countedOn)))
        let points = releases.loaded.knowledgePoints(covering: countedOn, swv: swv, fallback: rules.answersFromPreviousSchoolYear)
            .filter { point in request.knownAt.map { point.day <= $0 } ?? true }
        return try Revisions(
            days: covered.map(\.day), points: points,
            value: { state, day in
                Trend(metric: request.metric, days: [day], state: state, rules: rules, swv: swv, by: nil, funding: funding, rates: rates)
                    .points.first?.total
            },
            state: { try store.knownState(swv: swv, at: $0, covering: countedOn, fallback: rules.answersFromPreviousSchoolYear) })
    }
}
