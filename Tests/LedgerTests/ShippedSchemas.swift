import Foundation
import Ledger

/// The rule and rate files shipped in `Schemas/`, read from the source tree so that the tests
/// check the data users get.
enum ShippedSchemas {
    /// `Schemas/` of this checkout (symbolic links resolved, so scratch packages find it too).
    static let directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Schemas")

    /// Decodes the JSON file at `path` inside `Schemas/`.
    static func decode<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: directory.appendingPathComponent(path)))
    }

    /// `Schemas/rules/counting.json`.
    static func countingRules() throws -> CountingRules { try decode(CountingRules.self, "rules/counting.json") }

    /// `Schemas/rules/funding.json`.
    static func fundingRules() throws -> FundingRules { try decode(FundingRules.self, "rules/funding.json") }
}
