import Crypto
import Foundation
import Ingest
import Ledger
@testable import LedgerStorage
import SampleData
import Testing
import TestSupport

/// After an erasure and the compaction that follows it, no byte of any file of the ledger
/// directory holds anything of the erased pupils: their PGN in any form, their index key, their
/// vault entry (the wrapped data key and the sealed identity) or their data key itself.
@Suite("Erased pupils leave no byte behind once the ledger is compacted", .serialized)
struct ErasureByteScanTests {
    /// What the ledger held of one pupil before the erasure, each as the bytes to look for.
    struct Traces {
        /// The pupil's PGN.
        let pgn: PGN
        /// The pupil's number in the ledger.
        let number: PGN
        /// Named traces: the index key, the wrapped data key, the sealed identity, the data key.
        let secrets: [(what: String, bytes: [UInt8])]

        /// Every trace: the PGN in each form the code would store it, and the secrets.
        var all: [(what: String, bytes: [UInt8])] {
            zip(["as nine digits", "as UInt32 LE", "as UInt32 BE", "as varint"], LedgerDirectoryBytes.forms(of: pgn))
                .map { ("PGN \($0.0)", $0.1) } + secrets
        }
    }

    /// What `store` holds of `pgn`, read with the tests' key.
    static func traces(of pgn: PGN, in store: LedgerStore) throws -> Traces {
        let key = try TestKey.ledgerKey()
        let number = try #require(try store.pupilNumber(of: pgn, key: key))
        let indexKey = PupilIndexHasher(key: key).entry(of: pgn)
        var storageKey = ByteWriter()
        storageKey.write(bigEndian: try #require(number.pupilNumber))
        let stored = try #require(try store.read { try $0.get(storageKey.bytes, in: store.pupilRecords!) })
        let record = try PupilRecord(stored: stored)
        let dataKey = [UInt8](try AES.GCM.open(AES.GCM.SealedBox(combined: record.wrappedKey), using: key.wrappingKey))
        #expect(dataKey.count == 32 && indexKey.count == 16)
        return Traces(pgn: pgn, number: number, secrets: [
            ("index key", indexKey), ("wrapped data key", record.wrappedKey), ("sealed identity", record.sealedIdentity),
            ("data key", dataKey),
        ])
    }

    /// Which traces of `traces` the files of `directory` hold, as "what in file".
    static func found(_ traces: [Traces], in directory: String) throws -> [String] {
        let bytes = try LedgerDirectoryBytes(directory)
        return traces.flatMap { pupil in
            pupil.all.flatMap { trace in bytes.files(holding: trace.bytes).map { "\(pupil.number) \(trace.what) in \($0)" } }
        }
    }

    @Test("after erase and compaction no file holds an erased pupil's PGN, index key, vault entry or data key; before the compaction the vault entry is still there; other pupils stay nameable and the ledger verifies")
    func nothingLeft() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let reader = try ReleaseFileReader.builtIn()
        let pgns = Set(try DemoLedger.files().flatMap { try reader.read(file: $0).rows.map(\.pgn) }).sorted()
        var random = SplitMix64(seed: SplitMix64.seedFromEnvironment())
        let chosen = Array(pgns.shuffled(using: &random).prefix(3))
        let key = try TestKey.ledgerKey()

        var traces: [Traces] = []
        do {
            let store = try LedgerStore(directory: demo.path)
            traces = try chosen.map { try Self.traces(of: $0, in: store) }
            // The scan finds what is there: each vault entry and index key before the erasure.
            let before = try Self.found(traces, in: demo.path)
            for pupil in traces {
                for what in ["index key", "wrapped data key", "sealed identity"] {
                    #expect(before.contains("\(pupil.number) \(what) in data.mdb"), "\(pupil.number) \(what) before the erasure")
                }
            }
            #expect(!before.contains { $0.contains("PGN") || ($0.contains(" data key in") && !$0.contains("wrapped")) }, "\(before)")
            try store.erase(traces.map(\.number), on: .literal(2023, 5, 1), reason: "verzoek van de ouders", key: key)
            #expect(try store.compactionDue())
            // Erased, not yet compacted: freed pages still hold the vault entries.
            let freed = try Self.found(traces, in: demo.path)
            #expect(traces.contains { freed.contains("\($0.number) sealed identity in data.mdb") }, "\(freed)")
        }

        let sizes = try LedgerStore.compact(demo.path)
        let after = try Self.found(traces, in: demo.path)
        let scanned = try LedgerDirectoryBytes(demo.path)
        #expect(after.isEmpty, "\(after)")
        #expect(scanned.size > 100_000 && scanned.files.map(\.name).contains("data.mdb"), "\(scanned.files.map(\.name))")
        #expect(sizes.after <= sizes.before)

        let store = try LedgerStore(directory: demo.path)
        #expect(try !store.compactionDue())
        #expect(try store.verify().problems.isEmpty)
        #expect(try store.identities(of: traces.map(\.number), key: key).isEmpty)
        for pgn in chosen { #expect(try store.pupilNumber(of: pgn, key: key) == nil, "\(pgn): erased pupils are not found by PGN") }
        let others = pgns.filter { !chosen.contains($0) }
        var numbers: [PGN: PGN] = [:]
        for pgn in others { numbers[pgn] = try store.pupilNumber(of: pgn, key: key) }
        let names = try store.identities(of: numbers.values, key: key)
        #expect(numbers.count == others.count && others.allSatisfy { numbers[$0].flatMap { names[$0] } == $0 }, "every other pupil is found and named")
        #expect(Set(try store.sealedPupils()) == Set(numbers.values))
    }
}
