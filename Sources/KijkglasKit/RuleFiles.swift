import Foundation
import Ledger
import Schemas

/// The rule and rate files shipped in `Schemas/`, read and decoded; a file that does not read is
/// bad data naming it.
public enum RuleFiles {
    /// `Schemas/rules/counting.json`.
    public static func countingRules() throws(KijkglasError) -> CountingRules {
        try decode(CountingRules.self, from: SchemaFiles.countingRulesFile)
    }

    /// `Schemas/rules/funding.json`.
    public static func fundingRules() throws(KijkglasError) -> FundingRules {
        try decode(FundingRules.self, from: SchemaFiles.fundingRulesFile)
    }

    /// `Schemas/rules/reconciliation.json`.
    public static func reconciliationRules() throws(KijkglasError) -> ReconciliationRules {
        try decode(ReconciliationRules.self, from: SchemaFiles.reconciliationRulesFile)
    }

    /// `Schemas/rules/mass-change.json`.
    public static func massChangeRules() throws(KijkglasError) -> MassChangeRules {
        try decode(MassChangeRules.self, from: SchemaFiles.massChangeRulesFile)
    }

    /// `Schemas/rules/retention.json`.
    public static func retentionRule() throws(KijkglasError) -> RetentionRule {
        try decode(RetentionRule.self, from: SchemaFiles.retentionRuleFile)
    }

    /// The rate table of `year`, `Schemas/rates/<year>.json`; a missing one is bad data naming
    /// the file to add and the years that are there.
    public static func rateTable(_ year: FundingYear) throws(KijkglasError) -> RateTable {
        guard let table = try rateTables([year])[year] else { throw missingRates([year]) }
        return table
    }

    /// The rate tables of `years` that `Schemas/rates/` holds; a year without a file is left out.
    public static func rateTables(_ years: some Sequence<FundingYear>) throws(KijkglasError) -> [FundingYear: RateTable] {
        var tables: [FundingYear: RateTable] = [:]
        for year in years {
            let file = SchemaFiles.ratesDirectory.appendingPathComponent(year.rateFileName)
            if FileManager.default.fileExists(atPath: file.path) { tables[year] = try decode(RateTable.self, from: file) }
        }
        return tables
    }

    /// Bad data: no rate table for `years`, naming the files to add and the years that are there.
    public static func missingRates(_ years: [FundingYear]) -> KijkglasError {
        let present = (try? FileManager.default.contentsOfDirectory(atPath: SchemaFiles.ratesDirectory.path)) ?? []
        let shipped = present.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        let files = years.map { "Schemas/rates/\($0.rateFileName)" }.joined(separator: ", ")
        return KijkglasError(
            .badData,
            "no rate table for \(years.map(\.description).joined(separator: ", ")): add \(files) (see Schemas/rates/README.md); rate tables present: \(shipped.isEmpty ? "none" : shipped.joined(separator: ", "))")
    }

    private static func decode<T: Decodable>(_ type: T.Type, from file: URL) throws(KijkglasError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(contentsOf: file))
        } catch {
            throw KijkglasError(.badData, "\(file.lastPathComponent) does not read: \(String(describing: error))")
        }
    }
}
