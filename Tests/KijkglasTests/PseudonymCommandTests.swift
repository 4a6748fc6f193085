import Foundation
import Testing
import TestSupport

@Suite("ingest --pseudonymize: a ledger analysts may see", .serialized)
struct PseudonymCommandTests {
    /// The bundled Kijkglas 2 demo files.
    static func demoFiles() throws -> [String] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/KijkglasKit/Demo")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("kijkglas2-") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    /// The full PGNs `growth --per-pupil --show-pgn` lists.
    static func pupils(_ output: String) -> Set<String> {
        Set(output.split(separator: "\n").compactMap { line in
            let first = line.split(separator: " ").first.map(String.init) ?? ""
            return first.count == 9 && first.allSatisfy(\.isNumber) ? first : nil
        })
    }

    @Test("pseudonymised and plain ledgers count alike but share no PGN; files without the key are refused whole")
    func pseudonymise() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let key = directory.appending("key")
        _ = FileManager.default.createFile(
            atPath: key, contents: Data((0..<32).map { UInt8($0 * 7 + 3) }), attributes: [.posixPermissions: 0o600])
        let (plain, pseudonymised) = (directory.appending("plain"), directory.appending("pseudonymised"))
        let files = try Self.demoFiles()
        #expect(try KijkglasBinary.run(["ingest"] + files + ["--ledger", plain]).status == 0)
        let ingest = try KijkglasBinary.run(["ingest"] + files + ["--pseudonymize", key, "--ledger", pseudonymised])
        #expect(ingest.status == 0, "\(ingest.standardError)")

        for command in [["count", "--on", "2022-02-01", "--by", "category"], ["growth", "--peildatum", "2022-02-01"], ["revisions", "--on", "2022-02-01"]] {
            #expect(
                try KijkglasBinary.run(command + ["--ledger", pseudonymised]).standardOutput
                    == KijkglasBinary.run(command + ["--ledger", plain]).standardOutput, "\(command)")
        }
        let growth = ["growth", "--peildatum", "2022-02-01", "--per-pupil", "--show-pgn"]
        let real = Self.pupils(try KijkglasBinary.run(growth + ["--ledger", plain]).standardOutput)
        let pseudonyms = Self.pupils(try KijkglasBinary.run(growth + ["--ledger", pseudonymised]).standardOutput)
        #expect(!real.isEmpty && real.count == pseudonyms.count)
        #expect(real.isDisjoint(with: pseudonyms))

        let before = try KijkglasBinary.run(["log", "--ledger", pseudonymised]).standardOutput
        let later = directory.appending("later.csv")
        try (try String(contentsOfFile: files[0], encoding: .utf8) + "\r\n").write(toFile: later, atomically: true, encoding: .utf8)
        let unkeyed = try KijkglasBinary.run(["ingest", later, "--published", "01-08-2022", "--ledger", pseudonymised])
        #expect(unkeyed.status == 65)
        #expect(unkeyed.standardError.contains("this ledger is pseudonymised"))
        let otherKey = directory.appending("other-key")
        _ = FileManager.default.createFile(atPath: otherKey, contents: Data(repeating: 9, count: 32), attributes: [.posixPermissions: 0o600])
        let wrongKey = try KijkglasBinary.run([
            "ingest", later, "--published", "01-08-2022", "--pseudonymize", otherKey, "--ledger", pseudonymised,
        ])
        #expect(wrongKey.status == 65)
        #expect(wrongKey.standardError.contains("another key"))
        #expect(try KijkglasBinary.run(["log", "--ledger", pseudonymised]).standardOutput == before)
        #expect(try KijkglasBinary.run(["verify", "--ledger", pseudonymised]).status == 0)
    }
}
