import Foundation

/// The data files shipped in `Schemas/`: layouts of DUO's files, the metadata block keys, the
/// counting and funding rules and the rate tables. Facts about DUO's formats, rules and money
/// live there, not in code.
public enum SchemaFiles {
    /// The directory holding one layout file per product and layout version.
    public static var layoutsDirectory: URL { resource("layouts") }

    /// The file listing the keys of the "Algemene gegevens" block and the metadata they carry.
    public static var metadataBlockFile: URL { resource("metadata-block.json") }

    /// The directory holding one rate table per funding year.
    public static var ratesDirectory: URL { resource("rates") }

    /// The rules that decide which pupils are counted on a day.
    public static var countingRulesFile: URL { resource("rules/counting.json") }

    /// How DUO's stated figures map onto the ledger's own counts.
    public static var reconciliationRulesFile: URL { resource("rules/reconciliation.json") }

    /// When a release's batch is so large that recording it waits for confirmation.
    public static var massChangeRulesFile: URL { resource("rules/mass-change.json") }

    /// The funding regimes: teldata, age split, growth transfer.
    public static var fundingRulesFile: URL { resource("rules/funding.json") }

    /// How long a pupil's identity is kept after its last registration ended.
    public static var retentionRuleFile: URL { resource("rules/retention.json") }

    private static func resource(_ path: String) -> URL {
        Bundle.module.bundleURL.appendingPathComponent(path)
    }
}
