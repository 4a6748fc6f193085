import Ledger

/// The text and JSON `funding` prints: the deduction per band and category, the growth
/// transfer, the total, and the rate table version and regime it used.
public struct FundingReport: Sendable {
    /// The funding.
    public let funding: Funding
    /// What it was computed from.
    public let context: ProjectionContext

    /// A report of `funding`.
    public init(_ funding: Funding, context: ProjectionContext) {
        self.funding = funding
        self.context = context
    }

    /// The text form; amounts in Dutch notation (`€ 9.059,77`).
    public var text: String {
        var parts = [context.line] + context.notes + [
            "Funding \(funding.year) (\(funding.regime)): teldatum \(funding.teldatum.iso), rates published \(funding.rates.published.iso)",
            "  source: \(funding.rates.source) — parts: \(funding.rates.parts.joined(separator: ", "))",
            Self.table(funding.lines, growth: false),
        ]
        if let peildatum = funding.growthPeildatum {
            parts.append("Growth transfer for peildatum \(peildatum.iso) (positive net growth per band and category):")
            parts.append(Self.table(funding.growthLines, growth: true))
        }
        parts.append("Total deducted: \(DutchFormat.euro(funding.total))")
        if funding.unpriced > 0 {
            parts.append("Not priced: \(funding.unpriced) pupil(s) without a category or a rate in the table")
        }
        return parts.joined(separator: "\n")
    }

    /// The JSON form, described by `Schemas/json/funding.schema.json`; amounts as exact
    /// decimal text.
    public var json: String {
        ProjectionJSON.encode(FundingJSON(self))
    }

    static func table(_ lines: [Funding.Line], growth: Bool) -> String {
        let header = ["band", "category"] + (growth ? ["net growth", "charged"] : ["pupils"]) + ["per pupil", "amount"]
        let rows = lines.map { line -> [String] in
            [line.band.rawValue, line.category?.rawValue ?? "-"]
                + (growth ? [GrowthReport.signed(line.netGrowth ?? 0), String(line.pupils)] : [String(line.pupils)])
                + [line.perPupil.map(DutchFormat.euro) ?? "no rate", line.amount.map(DutchFormat.euro) ?? "-"]
        }
        let numbers = growth ? Set(2...5) : Set(2...4)
        return TextTable(header: header, rows: rows, rightAligned: numbers).render()
    }
}

/// The JSON form of a funding report.
struct FundingJSON: Encodable {
    struct Line: Encodable {
        var band: String
        var category: String?
        var pupils: Int
        var netGrowth: Int?
        var perPupil: String?
        var amount: String?

        init(_ line: Funding.Line) {
            band = line.band.rawValue
            category = line.category?.rawValue
            pupils = line.pupils
            netGrowth = line.netGrowth
            perPupil = line.perPupil?.euros
            amount = line.amount?.euros
        }
    }

    var year: String
    var regime: String
    var teldatum: String
    var knownAt: String?
    var swv: String?
    var releases: [String]
    var fallbacks: [ProjectionContext.Fallback]?
    var ratesPublished: String
    var ratesSource: String
    var parts: [String]
    var lines: [Line]
    var growthPeildatum: String?
    var growthLines: [Line]
    var total: String
    var unpriced: Int

    init(_ report: FundingReport) {
        let funding = report.funding
        year = funding.year.description
        regime = funding.regime
        teldatum = funding.teldatum.iso
        knownAt = report.context.knownAt?.iso
        swv = report.context.swv
        releases = report.context.releases
        fallbacks = report.context.fallbacks.isEmpty ? nil : report.context.fallbacks
        ratesPublished = funding.rates.published.iso
        ratesSource = funding.rates.source
        parts = funding.rates.parts
        lines = funding.lines.map(Line.init)
        growthPeildatum = funding.growthPeildatum?.iso
        growthLines = funding.growthLines.map(Line.init)
        total = funding.total.euros
        unpriced = funding.unpriced
    }
}
