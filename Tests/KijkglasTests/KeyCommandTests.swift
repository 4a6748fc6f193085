import Foundation
import Testing
import TestSupport

/// `kijkglas key create` and the key file the other commands need, through the binary.
@Suite("The key file on the command line", .serialized)
struct KeyCommandTests {
    @Test("key create makes 32 owner-only bytes beside the ledger or where named, and never overwrites one")
    func create() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let named = directory.appending("named.key")
        let made = try KijkglasBinary.run(["key", "create", named])
        #expect(made.status == 0, "\(made.standardError)")
        let attributes = try FileManager.default.attributesOfItem(atPath: named)
        #expect((attributes[.posixPermissions] as? Int) == 0o600 && (attributes[.size] as? Int) == 32)
        let before = try Data(contentsOf: URL(fileURLWithPath: named))
        let again = try KijkglasBinary.run(["key", "create", named])
        #expect(again.status == 64 && again.standardError.contains("never overwritten"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: named)) == before)
        let beside = try KijkglasBinary.run(["key", "create", "--ledger", directory.appending("ledger")], environment: ["KIJKGLAS_KEY": ""])
        #expect(beside.status == 0, "\(beside.standardError)")
        #expect(FileManager.default.fileExists(atPath: directory.appending("ledger.key")))
    }

    @Test("a new ledger without its key file is refused naming how to make one, and nothing is made; whole PGNs need the key")
    func missing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try #require(try DemoLedger.files().first)
        let ledger = directory.appending("ledger")
        let refused = try KijkglasBinary.run(["ingest", file, "--ledger", ledger, "--key", directory.appending("none.key")])
        #expect(refused.status == 64)
        #expect(refused.standardError.contains("kijkglas key create") && refused.standardError.contains("--key FILE"))
        #expect(!FileManager.default.fileExists(atPath: ledger))

        #expect(try KijkglasBinary.run(["key", "create", "--ledger", ledger, "--key", ledger + ".key"]).status == 0)
        let ingested = try KijkglasBinary.run(["ingest", file, "--ledger", ledger, "--key", ledger + ".key"])
        #expect(ingested.status == 0, "\(ingested.standardError)")
        let shown = try KijkglasBinary.run(["log", "--limit", "2", "--ledger", ledger, "--key", ledger + ".key"])
        #expect(shown.standardOutput.contains("*******"))
        let numbered = try KijkglasBinary.run(["log", "--limit", "2", "--ledger", ledger], environment: ["KIJKGLAS_KEY": directory.appending("gone.key")])
        #expect(numbered.status == 64, "a named key file must be there")
        try FileManager.default.moveItem(atPath: ledger + ".key", toPath: directory.appending("moved.key"))
        let growth = try KijkglasBinary.run(
            ["growth", "--peildatum", "01-02-2022", "--per-pupil", "--show-pgn", "--ledger", ledger], environment: ["KIJKGLAS_KEY": ledger + ".key"])
        #expect(growth.status == 64 && growth.standardError.contains("no key file"))
    }
}
