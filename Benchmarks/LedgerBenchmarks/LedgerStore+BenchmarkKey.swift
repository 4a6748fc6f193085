import Foundation
import Ledger
import LedgerStorage
import Schemas

extension LedgerStore {
    /// The key the benchmarks seal pupils with: fixed bytes, as a real key file would hold.
    static let benchmarkKey: LedgerKey = {
        do {
            return try LedgerKey(bytes: (0..<UInt8(LedgerKey.size)).map { $0 &* 41 &+ 7 }, file: "benchmark.key")
        } catch {
            preconditionFailure("the benchmark key is no key: \(error)")
        }
    }()

    /// The birth dates the shipped funding rules tell apart.
    static let benchmarkAgeThresholds: AgeThresholds = {
        do {
            return AgeThresholds(rules: try JSONDecoder().decode(FundingRules.self, from: Data(contentsOf: SchemaFiles.fundingRulesFile)))
        } catch {
            preconditionFailure("the funding rules do not read: \(error)")
        }
    }()

    /// Records `release` as `kijkglas ingest` does: its pupils sealed with the benchmark key.
    func record(_ release: IncomingRelease) throws -> RecordOutcome {
        try record(release, key: LedgerStore.benchmarkKey, ageThresholds: LedgerStore.benchmarkAgeThresholds)
    }
}
