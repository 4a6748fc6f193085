import Testing
@testable import LMDB

@Suite("Transaction lifecycle and isolation")
struct TransactionLifecycleTests {
    @Test("a read opened before another thread's write commits keeps its snapshot; a new read sees the write")
    func snapshotIsolation() throws {
        try withEnvironment { env, db throws in
            try env.write { try $0.put(bytes("old"), for: bytes("k"), in: db) }
            try env.read { txn throws in
                #expect(try txn.get(bytes("k"), in: db) == bytes("old"))
                try onOtherThreads { _ in
                    try env.write { try $0.put(bytes("new"), for: bytes("k"), in: db) }
                }
                #expect(try txn.get(bytes("k"), in: db) == bytes("old"))
            }
            #expect(try env.read { try $0.get(bytes("k"), in: db) } == bytes("new"))
        }
    }

    @Test("a transaction or cursor used after its closure returned throws transactionClosed")
    func useAfterClose() throws {
        try withEnvironment { env, db throws in
            let readTxn = try env.read { $0 }
            let writeTxn = try env.write { $0 }
            #expect(throws: LMDBError.transactionClosed) { try readTxn.get(bytes("k"), in: db) }
            #expect(throws: LMDBError.transactionClosed) { try writeTxn.put(bytes("v"), for: bytes("k"), in: db) }
            #expect(throws: LMDBError.transactionClosed) { try writeTxn.delete(bytes("k"), in: db) }
            #expect(throws: LMDBError.transactionClosed) { try readTxn.entryCount(in: db) }
            #expect(throws: LMDBError.transactionClosed) { try readTxn.withCursor(in: db) { _ in } }

            let cursor = try env.read { txn in try txn.withCursor(in: db) { $0 } }
            #expect(throws: LMDBError.transactionClosed) { try cursor.first() }
            #expect(try env.read { try $0.get(bytes("k"), in: db) } == nil)
        }
    }

    @Test("write inside a write of the same environment throws nestedWrite instead of deadlocking")
    func nestedWrite() throws {
        try withEnvironment { env, db throws in
            #expect(throws: LMDBError.nestedWrite) {
                try env.write { _ in try env.write { try $0.put(bytes("v"), for: bytes("k"), in: db) } }
            }
            #expect(throws: LMDBError.nestedWrite) {
                try env.write { _ in _ = try env.database("opened-inside-write") }
            }
            try env.write { try $0.put(bytes("v"), for: bytes("k"), in: db) }
        }
    }

    @Test("writers on several threads, growing a tiny map while readers come and go, all commit")
    func concurrentWritersAndReaders() throws {
        try withEnvironment(options: .init(mapSize: 128 << 10)) { env, db throws in
            let value = [UInt8](repeating: 7, count: 4096)
            try onOtherThreads(6) { thread in
                for i in 0..<25 {
                    if thread < 4 {
                        try env.write { try $0.put(value, for: bytes("w\(thread)-\(i)"), in: db) }
                    } else {
                        _ = try env.read { try $0.entryCount(in: db) }
                    }
                }
            }
            #expect(try env.read { try $0.entryCount(in: db) } == 100)
            #expect(env.mapSize > 128 << 10)
        }
    }
}
