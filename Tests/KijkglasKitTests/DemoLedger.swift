import Foundation
import Ingest
import KijkglasKit
import Ledger
import TestSupport

/// A ledger of the demo's bundled releases (VO9901, 2021-2022) in a temporary directory.
struct DemoLedger {
    /// The directory that holds it.
    let directory: TemporaryDirectory
    /// The ledger's directory.
    var path: String { directory.appending("ledger") }

    /// Ingests every bundled demo release, or only those `including` accepts by file name.
    init(including: (String) -> Bool = { _ in true }) throws {
        directory = try TemporaryDirectory(prefix: "kijkglas-kit")
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/kijkglas/Demo").standardizedFileURL
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".csv") && including($0) }.sorted()
        let reader = try ReleaseFileReader.builtIn()
        let store = try LedgerStore(directory: path)
        for file in files {
            _ = try store.record(try reader.read(file: folder.appendingPathComponent(file).path))
        }
    }

    /// The ledger opened to answer questions.
    func session() throws -> LedgerSession { try LedgerSession(directory: path) }
}
