import Foundation
import Ledger
import LedgerStorage

/// The key the tests seal pupils with: fixed bytes, so a failure reproduces, written as a key
/// file where a session or the binary looks for one.
public enum TestKey {
    /// The key's bytes.
    public static let bytes: [UInt8] = (0..<UInt8(LedgerKey.size)).map { $0 &* 37 &+ 11 }

    /// The key as the store takes it.
    public static func ledgerKey(file: String = "test.key") throws(LedgerError) -> LedgerKey {
        try LedgerKey(bytes: bytes, file: file)
    }

    /// The birth dates the shipped funding rules tell apart.
    public static func ageThresholds() throws -> AgeThresholds {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Schemas/rules/funding.json").standardizedFileURL
        return AgeThresholds(rules: try JSONDecoder().decode(FundingRules.self, from: Data(contentsOf: url)))
    }

    /// Writes the key file at `path`, owner-only (nothing when it is there).
    public static func write(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// A key file of this test process that the binary is given as `$KIJKGLAS_KEY`.
    public static let sharedFile: String = {
        let path = NSTemporaryDirectory() + "kijkglas-test-key-\(ProcessInfo.processInfo.processIdentifier)"
        try? write(to: path)
        return path
    }()
}

extension LedgerStore {
    /// Records `incoming` with the tests' key and the shipped age thresholds.
    public func record(_ incoming: IncomingRelease, massChangeRules: MassChangeRules? = nil) throws(LedgerError) -> RecordOutcome {
        try record(incoming, massChangeRules: massChangeRules, key: try TestKey.ledgerKey(), ageThresholds: try testAgeThresholds())
    }

    /// Imports an export with the tests' key and the shipped age thresholds.
    public static func importLog(from path: String, into directory: String) throws(LedgerError) -> VerifyReport {
        try importLog(from: path, into: directory, key: try TestKey.ledgerKey(), ageThresholds: try testAgeThresholds())
    }

    private static func testAgeThresholds() throws(LedgerError) -> AgeThresholds {
        do {
            return try TestKey.ageThresholds()
        } catch {
            throw .rejected("the funding rules do not read: \(error)")
        }
    }

    private func testAgeThresholds() throws(LedgerError) -> AgeThresholds { try LedgerStore.testAgeThresholds() }
}
