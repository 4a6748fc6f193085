import Foundation
import Ingest
import KijkglasKit
import Ledger
import LedgerStorage

/// A ledger of the demo's bundled releases (VO9901, 2021-2022) in a temporary directory.
public struct DemoLedger {
    /// The directory that holds it.
    public let directory: TemporaryDirectory
    /// The ledger's directory.
    public var path: String { directory.appending("ledger") }

    /// The bundled demo releases.
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/KijkglasKit/Demo").standardizedFileURL

    /// Ingests every bundled demo release, or only those `including` accepts by file name.
    public init(including: (String) -> Bool = { _ in true }) throws {
        directory = try TemporaryDirectory(prefix: "kijkglas-kit")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".csv") && including($0) }.sorted()
        try ingest(files.map { Self.folder.appendingPathComponent($0).path })
    }

    /// Ingests the demo's Kijkglas 2 releases moved back by each of `years` (oldest first): with
    /// 7 and 6, school years 2014-2015 and 2015-2016, which funding 2015-2016 counts on.
    public init(movedBack years: [Int]) throws {
        directory = try TemporaryDirectory(prefix: "kijkglas-kit")
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasPrefix("kijkglas2-") }.sorted()
        var files: [String] = []
        for back in years {
            for name in names {
                let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
                let file = directory.appending("minus\(back)-\(name)")
                try text.yearsMoved(back: back).write(toFile: file, atomically: true, encoding: .utf8)
                files.append(file)
            }
        }
        try ingest(files)
    }

    private func ingest(_ files: [String]) throws {
        let reader = try ReleaseFileReader.builtIn()
        try TestKey.write(to: path + ".key")
        let store = try LedgerStore(directory: path)
        for file in files { _ = try store.record(try reader.read(file: file)) }
    }

    /// The bundled demo files, oldest first.
    public static func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    /// The ledger opened to answer questions.
    public func session() throws -> LedgerSession { try LedgerSession(directory: path) }
}
