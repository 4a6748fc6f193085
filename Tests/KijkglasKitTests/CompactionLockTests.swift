import Foundation
import KijkglasKit
import Ledger
import LedgerStorage
import Testing
import TestSupport

/// Compaction replaces the data file, so it must never run while a ledger of the directory is
/// open, in this process or another; and a compaction killed halfway leaves a `compacting/`
/// folder that the next one ignores and replaces.
@Suite("Compaction holds the ledger's lock alone", .serialized)
struct CompactionLockTests {
    /// The data file and the names in the ledger directory, to check that a refused compaction
    /// changed nothing.
    static func snapshot(_ ledger: String) throws -> (data: Data, names: [String]) {
        (try KijkglasBinary.dataFile(of: ledger), try FileManager.default.contentsOfDirectory(atPath: ledger).sorted())
    }

    /// Whether `body` throws `LedgerError.inUse`.
    static func refusedInUse(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return false
        } catch {
            if case .inUse = error as? LedgerError { return true }
            return false
        }
    }

    @Test("refused while a store or a session of the directory is open in this process, with nothing changed; done once they are released")
    func refusedInThisProcess() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let before = try Self.snapshot(demo.path)
        do {
            let store = try LedgerStore(directory: demo.path, readOnly: true)
            #expect(Self.refusedInUse { _ = try LedgerStore.compact(demo.path) }, "a read-only store")
            _ = try store.releases()
        }
        do {
            let session = try LedgerSession(directory: demo.path, access: .write)
            #expect(Self.refusedInUse { _ = try LedgerStore.compact(demo.path) }, "a session")
            _ = try session.releases()
        }
        let refused = try Self.snapshot(demo.path)
        #expect(refused.data == before.data && refused.names == before.names)
        _ = try LedgerStore.compact(demo.path)
        #expect(try LedgerStore(directory: demo.path).verify().problems.isEmpty)
    }

    @Test("refused while another process (kijkglas serve) holds the ledger open, with nothing changed; done once it exits")
    func refusedWhileAnotherProcessServes() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let before = try Self.snapshot(demo.path)
        let server = Process()
        server.executableURL = KijkglasBinary.url
        server.arguments = ["serve", "--port", "0", "--ledger", demo.path, "--key", demo.path + ".key"]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            if server.isRunning { server.terminate() }
            server.waitUntilExit()
        }
        // The server prints its URL once it has opened the ledger.
        var printed = ""
        while !printed.contains("serving") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        try #require(printed.contains("serving") && server.isRunning, "the server did not start")
        #expect(Self.refusedInUse { _ = try LedgerStore.compact(demo.path) })
        let refused = try Self.snapshot(demo.path)
        #expect(refused.data == before.data && refused.names == before.names)
        server.terminate()
        server.waitUntilExit()
        _ = try LedgerStore.compact(demo.path)
        #expect(try LedgerStore(directory: demo.path).verify().problems.isEmpty)
    }

    @Test("a compacting/ folder left by a killed compaction is ignored by the ledger and replaced by the next compaction")
    func staleCompactingFolder() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let folder = demo.path + "/compacting"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        // Half a copy, as a compaction killed while writing it leaves.
        let data = try KijkglasBinary.dataFile(of: demo.path)
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: folder + "/data.mdb"))
        let releases = try LedgerStore(directory: demo.path).releases().map(\.id)
        #expect(try LedgerStore(directory: demo.path).verify().problems.isEmpty, "the ledger ignores the folder")
        #expect(try KijkglasBinary.dataFile(of: demo.path) == data)

        _ = try LedgerStore.compact(demo.path)
        #expect(!FileManager.default.fileExists(atPath: folder), "the stale folder is gone")
        let store = try LedgerStore(directory: demo.path)
        #expect(try store.verify().problems.isEmpty)
        #expect(try store.releases().map(\.id) == releases)
        #expect(try KijkglasBinary.dataFile(of: demo.path) != data.prefix(data.count / 2), "the half copy did not replace the ledger")
    }
}
