import Foundation
import Testing
@testable import LMDB

@Suite("Map growth and injected faults")
struct MapGrowthTests {
    @Test("a 256 KiB map grows to take several MiB written in one transaction")
    func growsInOneTransaction() throws {
        let initial = 256 << 10
        try withEnvironment(options: .init(mapSize: initial)) { env, db throws in
            let value = [UInt8](repeating: 0xAB, count: 64 << 10)
            var runs = 0
            try env.write { txn throws in
                runs += 1
                for i: UInt64 in 0..<64 { try txn.put(value + i.bigEndianBytes, for: i.bigEndianBytes, in: db) }
            }
            #expect(runs > 1)
            #expect(env.mapSize > 4 << 20)
            try env.read { txn throws in
                #expect(try txn.entryCount(in: db) == 64)
                for i: UInt64 in 0..<64 {
                    #expect(try txn.get(i.bigEndianBytes, in: db) == value + i.bigEndianBytes)
                }
            }
        }
    }

    @Test("growing the map to a size ahead of a large write grows it, and never shrinks it")
    func growAhead() throws {
        try withEnvironment(options: .init(mapSize: 256 << 10)) { env, db throws in
            try env.growMap(toAtLeast: 8 << 20)
            #expect(env.mapSize >= 8 << 20)
            var runs = 0
            try env.write { txn throws in
                runs += 1
                for i: UInt64 in 0..<64 { try txn.put([UInt8](repeating: 7, count: 64 << 10), for: i.bigEndianBytes, in: db) }
            }
            #expect(runs == 1)
            try env.growMap(toAtLeast: 1 << 20)
            #expect(env.mapSize >= 8 << 20)
        }
    }

    @Test("a body that swallows MDB_MAP_FULL is still rerun after the map grows")
    func swallowedMapFull() throws {
        try withEnvironment(options: .init(mapSize: 256 << 10)) { env, db throws in
            var failures = 0
            try env.write { txn throws in
                for i: UInt64 in 0..<32 {
                    do { try txn.put([UInt8](repeating: 1, count: 32 << 10), for: i.bigEndianBytes, in: db) } catch {
                        failures += 1
                    }
                }
            }
            #expect(failures > 0)
            #expect(try env.read { try $0.entryCount(in: db) } == 32)
        }
    }

    @Test("an injected MDB_MAP_FULL on commit doubles the map, reruns the body, and commits")
    func injectedMapFullOnCommit() throws {
        try withEnvironment { env, db throws in
            let before = env.mapSize
            let script = FaultInjector.Script()
            script.failNext(.commit, with: .mapFull)
            var runs = 0
            try FaultInjector.$current.withValue(script) {
                try env.write { txn throws in
                    runs += 1
                    try txn.put(bytes("v"), for: bytes("k"), in: db)
                }
            }
            #expect(script.isExhausted)
            #expect(runs == 2)
            #expect(env.mapSize == before * 2)
            #expect(try env.read { try $0.get(bytes("k"), in: db) } == bytes("v"))
        }
    }

    @Test("an injected EIO on put surfaces that code and nothing of the transaction is visible")
    func injectedIOErrorOnPut() throws {
        try withEnvironment { env, db throws in
            let script = FaultInjector.Script()
            script.failNext(.put, with: EIO)
            let error = #expect(throws: LMDBError.self) {
                try env.write { txn throws in
                    try txn.put(bytes("1"), for: bytes("a"), in: db)
                    try FaultInjector.$current.withValue(script) {
                        try txn.put(bytes("2"), for: bytes("b"), in: db)
                    }
                }
            }
            #expect(error == LMDBError(rawValue: EIO))
            #expect(error?.description == "errno (\(EIO)): Input/output error")
            #expect(try env.read { try $0.entryCount(in: db) } == 0)
        }
    }

    @Test("an injected MDB_MAP_RESIZED on begin is adopted and the transaction proceeds")
    func injectedMapResized() throws {
        try withEnvironment { env, db throws in
            let script = FaultInjector.Script()
            script.failNext(.txnBegin, with: .mapResized)
            script.failNext(.txnBegin, with: .mapResized)
            try FaultInjector.$current.withValue(script) {
                try env.write { try $0.put(bytes("v"), for: bytes("k"), in: db) }
                #expect(try env.read { try $0.get(bytes("k"), in: db) } == bytes("v"))
            }
            #expect(script.isExhausted)
        }
    }

    @Test("injected failures on open and on begin are thrown with their codes")
    func injectedOpenAndBeginFailures() throws {
        try withTemporaryDirectory { path throws in
            let script = FaultInjector.Script()
            script.failNext(.envOpen, with: .versionMismatch)
            #expect(throws: LMDBError.versionMismatch) {
                try FaultInjector.$current.withValue(script) { _ = try Environment(directory: path) }
            }
            let env = try Environment(directory: path)
            let db = try env.database("test")
            script.failNext(.txnBegin, with: .readersFull)
            #expect(throws: LMDBError.readersFull) {
                try FaultInjector.$current.withValue(script) { try env.read { try $0.get(bytes("k"), in: db) } }
            }
            #expect(try env.read { try $0.get(bytes("k"), in: db) } == nil)
        }
    }

    @Test("errors describe themselves with the C name, code and mdb_strerror text")
    func errorDescription() {
        #expect(LMDBError.mapFull.description == "MDB_MAP_FULL (-30792): MDB_MAP_FULL: Environment mapsize limit reached")
        #expect(LMDBError(rawValue: -30799) == .keyExists)
        #expect(LMDBError.transactionClosed.description.hasPrefix("LMDB_TRANSACTION_CLOSED (-30600): "))
    }
}
