import Testing
@testable import LMDB

@Suite("Reading and writing")
struct ReadWriteTests {
    @Test("put, get, overwrite and delete round-trip, and a missing key reads as nil")
    func roundTrip() throws {
        try withEnvironment { env, db throws in
            try env.write { txn throws in
                try txn.put(bytes("one"), for: bytes("a"), in: db)
                try txn.put(bytes("two"), for: bytes("b"), in: db)
            }
            try env.write { try $0.put(bytes("uno"), for: bytes("a"), in: db) }
            try env.read { txn throws in
                #expect(txn.isReadOnly)
                #expect(try txn.get(bytes("a"), in: db) == bytes("uno"))
                #expect(try txn.get(bytes("b"), in: db) == bytes("two"))
                #expect(try txn.get(bytes("zzz"), in: db) == nil)
                #expect(try txn.withValue(for: bytes("b"), in: db) { $0.count } == 3)
                #expect(try txn.withValue(for: bytes("zzz"), in: db) { $0.count } == nil)
                #expect(try txn.entryCount(in: db) == 2)
            }
            let deleted = try env.write { txn throws in
                #expect(!txn.isReadOnly)
                return try (txn.delete(bytes("a"), in: db), txn.delete(bytes("a"), in: db))
            }
            #expect(deleted == (true, false))
            #expect(try env.read { try $0.get(bytes("a"), in: db) } == nil)
        }
    }

    @Test("noOverwrite on an existing key throws keyExists and keeps the old value")
    func noOverwrite() throws {
        try withEnvironment { env, db throws in
            try env.write { try $0.put(bytes("first"), for: bytes("k"), in: db, flags: .noOverwrite) }
            #expect(throws: LMDBError.keyExists) {
                try env.write { try $0.put(bytes("second"), for: bytes("k"), in: db, flags: .noOverwrite) }
            }
            #expect(try env.read { try $0.get(bytes("k"), in: db) } == bytes("first"))
        }
    }

    @Test("append takes big-endian UInt64 keys in order and rejects an out-of-order key with keyExists")
    func append() throws {
        try withEnvironment { env, db throws in
            try env.write { txn throws in
                for n: UInt64 in [1, 2, 255, 256, 70_000, 1 << 40] {
                    try txn.put(bytes("v\(n)"), for: n.bigEndianBytes, in: db, flags: .append)
                }
            }
            #expect(throws: LMDBError.keyExists) {
                try env.write { try $0.put(bytes("late"), for: UInt64(3).bigEndianBytes, in: db, flags: .append) }
            }
            try env.read { txn throws in
                #expect(try txn.entryCount(in: db) == 6)
                #expect(try txn.get(UInt64(256).bigEndianBytes, in: db) == bytes("v256"))
                #expect(try txn.get(UInt64(3).bigEndianBytes, in: db) == nil)
            }
        }
    }

    @Test("a write whose body throws after several puts leaves nothing behind")
    func failedWriteLeavesNothing() throws {
        struct Abandon: Error {}
        try withEnvironment { env, db throws in
            try env.write { try $0.put(bytes("kept"), for: bytes("k0"), in: db) }
            #expect(throws: Abandon.self) {
                try env.write { txn throws in
                    for i in 1...5 { try txn.put(bytes("v\(i)"), for: bytes("k\(i)"), in: db) }
                    try txn.put(bytes("changed"), for: bytes("k0"), in: db)
                    throw Abandon()
                }
            }
            try env.read { txn throws in
                #expect(try txn.entryCount(in: db) == 1)
                #expect(try txn.get(bytes("k0"), in: db) == bytes("kept"))
                #expect(try txn.get(bytes("k1"), in: db) == nil)
            }
        }
    }

    @Test("named databases are separate and cached by name")
    func namedDatabases() throws {
        try withEnvironment { env, db throws in
            let other = try env.database("other")
            #expect(try env.database("test") == db)
            #expect(other != db)
            try env.write { try $0.put(bytes("x"), for: bytes("k"), in: other) }
            #expect(try env.read { try $0.get(bytes("k"), in: db) } == nil)
            #expect(try env.read { try $0.get(bytes("k"), in: other) } == bytes("x"))
        }
    }

    @Test("data survives closing and reopening the environment")
    func reopen() throws {
        try withTemporaryDirectory { path throws in
            do {
                let env = try Environment(directory: path)
                let db = try env.database("test")
                try env.write { try $0.put(bytes("durable"), for: bytes("k"), in: db) }
                try env.sync()
            }
            let reopened = try Environment(directory: path)
            let db = try reopened.database("test")
            #expect(try reopened.read { try $0.get(bytes("k"), in: db) } == bytes("durable"))
        }
    }
}
