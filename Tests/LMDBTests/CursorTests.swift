import SampleData
import Testing
@testable import LMDB

@Suite("Cursors")
struct CursorTests {
    @Test("first, next, last and seek walk keys in byte order")
    func walk() throws {
        try withEnvironment { env, db throws in
            try env.write { txn throws in
                for key in ["g", "c", "a", "e"] { try txn.put(bytes(key.uppercased()), for: bytes(key), in: db) }
            }
            try env.read { txn throws in
                try txn.withCursor(in: db) { cursor throws in
                    let first = try #require(try cursor.first())
                    #expect(first.key == bytes("a") && first.value == bytes("A"))
                    #expect(try cursor.next()?.key == bytes("c"))
                    #expect(try cursor.next()?.key == bytes("e"))
                    #expect(try cursor.next()?.value == bytes("G"))
                    #expect(try cursor.next() == nil)
                    #expect(try cursor.last()?.key == bytes("g"))
                    #expect(try cursor.seek(atOrAfter: bytes("d"))?.key == bytes("e"))
                    #expect(try cursor.next()?.key == bytes("g"))
                    #expect(try cursor.seek(atOrAfter: bytes("a"))?.key == bytes("a"))
                    #expect(try cursor.seek(atOrAfter: bytes("h")) == nil)
                }
            }
        }
    }

    @Test("a cursor over an empty database finds nothing")
    func empty() throws {
        try withEnvironment { env, db throws in
            try env.read { txn throws in
                try txn.withCursor(in: db) { cursor throws in
                    #expect(try cursor.first() == nil)
                    #expect(try cursor.last() == nil)
                    #expect(try cursor.next() == nil)
                    #expect(try cursor.seek(atOrAfter: bytes("a")) == nil)
                }
            }
        }
    }

    @Test("a cursor in a write transaction sees that transaction's own puts")
    func seesOwnWrites() throws {
        try withEnvironment { env, db throws in
            let keys = try env.write { txn throws in
                try txn.put(bytes("2"), for: UInt64(2).bigEndianBytes, in: db)
                try txn.put(bytes("1"), for: UInt64(1).bigEndianBytes, in: db)
                return try txn.withCursor(in: db) { cursor throws in
                    var keys: [[UInt8]] = []
                    while let entry = try cursor.next() { keys.append(entry.key) }
                    return keys
                }
            }
            #expect(keys == [UInt64(1).bigEndianBytes, UInt64(2).bigEndianBytes])
        }
    }

    @Test("values of sorted keys, dense or sparse among the entries, and puts at a cursor agree with a dictionary", arguments: [1, 2, 3])
    func sortedLookUpAndPut(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        try withEnvironment { env, db throws in
            var oracle: [[UInt8]: [UInt8]] = [:]
            func randomKey() -> [UInt8] { (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) } }
            try env.write { txn throws in
                for _ in 0..<3_000 {
                    let key = randomKey()
                    let value = Array(key.prefix(4).reversed())
                    try txn.put(value, for: key, in: db)
                    oracle[key] = value
                }
            }
            let known = Array(oracle.keys)
            // From almost every entry sought (a step each) to few (a move each); some not there.
            for asking in [2_900, 600, 40, 1] {
                let asked = Set((0..<asking).map { _ in Bool.random(using: &random) ? known.randomElement(using: &random)! : randomKey() })
                    .sorted { $0.lexicographicallyPrecedes($1) }
                try env.write { txn throws in
                    try txn.withCursor(in: db) { cursor throws in
                        var found: [Int: [UInt8]] = [:]
                        try asked.flatMap { $0 }.withUnsafeBytes { keys in
                            try cursor.forEachValue(atSorted: keys, width: 16) { rank, value in
                                #expect(found[rank] == nil, "rank \(rank) given twice")
                                found[rank] = Array(value)
                            }
                        }
                        for (rank, key) in asked.enumerated() {
                            #expect(found[rank] == oracle[key], "seed \(seed), \(asking) keys asked")
                            if oracle[key] == nil {
                                let value = Array(key.suffix(4))
                                try cursor.put(value, for: key[...])
                                oracle[key] = value
                            }
                        }
                    }
                }
            }
            try env.read { txn throws in
                #expect(try txn.entryCount(in: db) == oracle.count)
                for (key, value) in oracle { #expect(try txn.get(key, in: db) == value) }
            }
        }
    }
}
