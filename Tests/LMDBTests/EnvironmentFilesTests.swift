import Foundation
import Testing
@testable import LMDB

@Suite("Environment files")
struct EnvironmentFilesTests {
    @Test("directory, data and lock files are owner-only even under a permissive umask")
    func ownerOnly() throws {
        try withTemporaryDirectory { root throws in
            let path = root + "/nested/env"
            let previous = umask(0)
            defer { umask(previous) }
            let env = try Environment(directory: path)
            let db = try env.database("test")
            try env.write { try $0.put(bytes("v"), for: bytes("k"), in: db) }
            #expect(permissions(of: root) == 0o700)
            #expect(permissions(of: root + "/nested") == 0o700)
            #expect(permissions(of: path) == 0o700)
            #expect(permissions(of: path + "/data.mdb") == 0o600)
            #expect(permissions(of: path + "/lock.mdb") == 0o600)
        }
    }

    @Test("copy(to:compact:) produces an owner-only environment that opens and holds the same data",
          arguments: [true, false])
    func copy(compact: Bool) throws {
        try withEnvironment { env, db throws in
            try env.write { txn throws in
                for i: UInt64 in 0..<100 { try txn.put(bytes("v\(i)"), for: i.bigEndianBytes, in: db) }
                for i: UInt64 in 0..<50 { try txn.delete(i.bigEndianBytes, in: db) }
            }
            let target = env.directory + "-copy"
            defer { try? FileManager.default.removeItem(atPath: target) }
            try env.copy(to: target, compact: compact)
            #expect(permissions(of: target) == 0o700)
            #expect(permissions(of: target + "/data.mdb") == 0o600)
            #expect(throws: LMDBError(rawValue: EEXIST)) { try env.copy(to: target, compact: compact) }

            let copy = try Environment(directory: target)
            let copiedDB = try copy.database("test")
            try copy.read { txn throws in
                #expect(try txn.entryCount(in: copiedDB) == 50)
                #expect(try txn.get(UInt64(77).bigEndianBytes, in: copiedDB) == bytes("v77"))
                #expect(try txn.get(UInt64(7).bigEndianBytes, in: copiedDB) == nil)
            }
        }
    }

    @Test("a read-only environment reads existing databases and refuses writes")
    func readOnly() throws {
        try withEnvironment { env, db throws in
            try env.write { try $0.put(bytes("v"), for: bytes("k"), in: db) }
            let target = env.directory + "-copy"
            defer { try? FileManager.default.removeItem(atPath: target) }
            try env.copy(to: target)

            let readOnly = try Environment(directory: target, options: .init(readOnly: true))
            let readOnlyDB = try readOnly.database("test")
            #expect(try readOnly.read { try $0.get(bytes("k"), in: readOnlyDB) } == bytes("v"))
            #expect(throws: LMDBError.self) { try readOnly.database("missing") }
            #expect(throws: LMDBError.self) {
                try readOnly.write { try $0.put(bytes("w"), for: bytes("k"), in: readOnlyDB) }
            }
        }
    }

    @Test("a fresh environment reports no stale readers cleared and the requested map size")
    func freshEnvironment() throws {
        try withEnvironment(options: .init(mapSize: 1 << 20)) { env, _ throws in
            #expect(env.staleReadersCleared == 0)
            #expect(env.mapSize == 1 << 20)
            try env.sync()
        }
    }
}
