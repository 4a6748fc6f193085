import CLMDB
import Foundation

/// An open LMDB environment: one directory holding `data.mdb` and `lock.mdb`, with named databases.
///
/// Thread-safe. Transactions exist only inside `read { }` and `write { }` closures, so none can leak.
/// Open each directory at most once per process (an LMDB rule); share the instance instead.
///
/// Map growth needs a moment with no transaction of this environment open in this process. `write`
/// waits up to 10 seconds for open transactions to end (holding off new ones), then fails with
/// `.mapFull`; so a `write` that must grow the map while a `read` stays open (for instance, one
/// waiting for that write) fails rather than deadlocking.
public final class Environment: @unchecked Sendable {
    /// Settings applied when opening an environment.
    public struct Options: Sendable {
        /// Initial map size in bytes (`mdb_env_set_mapsize`); `write` doubles it on `MDB_MAP_FULL`.
        public var mapSize: Int
        /// Maximum number of named databases (`mdb_env_set_maxdbs`).
        public var maxDatabases: UInt32
        /// Maximum number of simultaneous read transactions, across processes (`mdb_env_set_maxreaders`).
        public var maxReaders: UInt32
        /// Opens with `MDB_RDONLY`: no writes, no directory or database creation.
        public var readOnly: Bool

        /// Options with LMDB-friendly defaults: 64 MiB map, 32 databases, 126 readers, read-write.
        public init(
            mapSize: Int = 64 << 20, maxDatabases: UInt32 = 32, maxReaders: UInt32 = 126, readOnly: Bool = false
        ) {
            self.mapSize = mapSize
            self.maxDatabases = maxDatabases
            self.maxReaders = maxReaders
            self.readOnly = readOnly
        }
    }

    /// How often `write` runs its body, growing the map in between, before giving up with `.mapFull`;
    /// also bounds how often beginning a transaction adopts another process's map growth.
    static let maxAttempts = 12

    /// The directory holding the environment's files.
    public let directory: String
    /// Reader slots of dead processes that `mdb_reader_check` released when opening. (LMDB
    /// also resets the whole reader table when the first process opens the environment, so
    /// stale slots only outlive their process while another process keeps it open.)
    public let staleReadersCleared: Int

    private let handle: OpaquePointer
    private let isReadOnly: Bool
    private let gate = TransactionGate()
    private let databaseOpenLock = NSLock()
    private let databasesLock = NSLock()
    private var databases: [String: Database] = [:]

    /// Opens (creating if needed) the environment in `directory`: directory created 0700 if missing,
    /// data/lock files 0600 (owner-only), flags `MDB_NOTLS`; runs `mdb_reader_check` on open.
    public init(directory: String, options: Options = .init()) throws {
        if !options.readOnly { try OwnerOnlyFiles.makeDirectory(directory) }
        var created: OpaquePointer?
        let createCode = mdb_env_create(&created)
        let handle = try LMDBError.handle(created, createCode)
        do {
            try LMDBError.check(mdb_env_set_mapsize(handle, options.mapSize))
            try LMDBError.check(mdb_env_set_maxdbs(handle, options.maxDatabases))
            try LMDBError.check(mdb_env_set_maxreaders(handle, options.maxReaders))
            let flags = UInt32(MDB_NOTLS) | (options.readOnly ? UInt32(MDB_RDONLY) : 0)
            try LMDBError.check(FaultInjector.call(.envOpen) {
                mdb_env_open(handle, directory, flags, OwnerOnlyFiles.fileMode)
            })
            if !options.readOnly {
                for file in ["data.mdb", "lock.mdb"] {
                    try OwnerOnlyFiles.restrict(directory + "/" + file, to: OwnerOnlyFiles.fileMode)
                }
            }
            staleReadersCleared = try Environment.clearStaleReaders(handle)
        } catch {
            mdb_env_close(handle)
            throw error
        }
        self.handle = handle
        self.directory = directory
        self.isReadOnly = options.readOnly
    }

    /// Releases the reader slots of processes that died inside a read transaction (their
    /// snapshots would otherwise keep old pages from reuse); for a process that keeps the
    /// environment open while others come and go. Returns how many it released.
    public func clearStaleReaders() throws -> Int {
        try Environment.clearStaleReaders(handle)
    }

    private static func clearStaleReaders(_ handle: OpaquePointer) throws -> Int {
        var dead: Int32 = 0
        try LMDBError.check(mdb_reader_check(handle, &dead))
        return Int(dead)
    }

    deinit {
        mdb_env_close(handle)
    }

    /// The current map size in bytes (`mdb_env_info` `me_mapsize`).
    public var mapSize: Int {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        return info.me_mapsize
    }

    /// Bytes of the data file that the last committed transaction uses: (last page number + 1)
    /// × page size (`mdb_env_info` `me_last_pgno`, `mdb_env_stat` `ms_psize`). A data file shorter
    /// than this was truncated, and reading its pages would fault.
    public var usedBytes: Int {
        var info = MDB_envinfo()
        var stat = MDB_stat()
        mdb_env_info(handle, &info)
        mdb_env_stat(handle, &stat)
        return (info.me_last_pgno + 1) * Int(stat.ms_psize)
    }

    /// The named database, created (`MDB_CREATE`) unless read-only; opened once and cached by name.
    ///
    /// A cache miss opens it in a transaction of its own, so call it outside `write` closures.
    public func database(_ name: String) throws -> Database {
        if let cached = databasesLock.withLock({ databases[name] }) { return cached }
        let database = try isReadOnly
            ? databaseOpenLock.withLock { try read { try $0.openDatabase(name, create: false) } }
            : write { try $0.openDatabase(name, create: true) }
        databasesLock.withLock { databases[name] = database }
        return database
    }

    /// Runs `body` in a read-only snapshot transaction, ended when `body` returns or throws.
    public func read<T>(_ body: (Transaction) throws -> T) throws -> T {
        let txn = try begin(readOnly: true)
        defer { gate.exit() }
        return try run(txn, body)
    }

    /// Runs `body` in the write transaction. Commit on return, abort on throw.
    ///
    /// On `MDB_MAP_FULL` (from any put inside the body or from commit): abort, double the map, rerun the
    /// body; at most 12 runs. Writers are serialized; `write` inside a `write` of the same environment
    /// on the same thread throws `.nestedWrite`.
    public func write<T>(_ body: (Transaction) throws -> T) throws -> T {
        try gate.beginWriting()
        defer { gate.endWriting() }
        var attempt = 1
        while true {
            let txn = try begin(readOnly: false)
            do {
                defer { gate.exit() }
                return try run(txn, body)
            } catch _ where txn.hitMapFull && attempt < Self.maxAttempts {
                try growMap()
                attempt += 1
            }
        }
    }

    /// Writes a consistent copy of the environment to `data.mdb` in `directory`
    /// (`mdb_env_copyfd2`, `MDB_CP_COMPACT` if `compact`).
    ///
    /// `directory` is created 0700 if missing and must not already hold a `data.mdb`; the copy is 0600
    /// from the moment it exists (unlike `mdb_env_copy2`, which creates it 0666 minus umask).
    public func copy(to directory: String, compact: Bool = true) throws {
        try OwnerOnlyFiles.makeDirectory(directory)
        let path = directory + "/data.mdb"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, OwnerOnlyFiles.fileMode)
        guard fd >= 0 else { throw LMDBError(rawValue: errno) }
        do {
            try OwnerOnlyFiles.restrict(path, to: OwnerOnlyFiles.fileMode)
            gate.enter()
            defer { gate.exit() }
            let flags = compact ? UInt32(MDB_CP_COMPACT) : 0
            try LMDBError.check(FaultInjector.call(.copy) { mdb_env_copyfd2(handle, fd, flags) })
            guard fsync(fd) == 0 else { throw LMDBError(rawValue: errno) }
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
        guard close(fd) == 0 else { throw LMDBError(rawValue: errno) }
    }

    /// Flushes the data file to disk (`mdb_env_sync` with force).
    public func sync() throws {
        try LMDBError.check(FaultInjector.call(.sync) { mdb_env_sync(handle, 1) })
    }

    /// Begins a transaction registered with the gate; on `MDB_MAP_RESIZED` adopts the new map size
    /// (`mdb_env_set_mapsize(env, 0)`) and retries.
    private func begin(readOnly: Bool) throws -> Transaction {
        let flags = readOnly ? UInt32(MDB_RDONLY) : 0
        var attempt = 1
        while true {
            gate.enter()
            var txn: OpaquePointer?
            let code = FaultInjector.call(.txnBegin) { mdb_txn_begin(handle, nil, flags, &txn) }
            guard code == MDB_MAP_RESIZED else {
                do {
                    return try Transaction(handle: LMDBError.handle(txn, code), isReadOnly: readOnly)
                } catch {
                    gate.exit()
                    throw error
                }
            }
            gate.exit()
            guard attempt < Self.maxAttempts else { throw LMDBError.mapResized }
            try gate.exclusively(orThrow: .mapResized) { try LMDBError.check(mdb_env_set_mapsize(handle, 0)) }
            attempt += 1
        }
    }

    /// Runs `body` in `txn`: commit on return, abort on throw.
    private func run<T>(_ txn: Transaction, _ body: (Transaction) throws -> T) throws -> T {
        do {
            let result = try body(txn)
            try txn.commit()
            return result
        } catch {
            txn.abort()
            throw error
        }
    }

    /// Grows the map to at least `size` bytes once no transaction of this environment is open;
    /// nothing when it is that large. Before a write known to be large, so that it does not run
    /// into `MDB_MAP_FULL` and run again from the start.
    public func growMap(toAtLeast size: Int) throws {
        guard size > mapSize else { return }
        try gate.exclusively(orThrow: .mapFull) {
            try LMDBError.check(mdb_env_set_mapsize(handle, size))
        }
    }

    /// Doubles the map size once no transaction of this environment is open.
    private func growMap() throws {
        let (doubled, overflow) = mapSize.multipliedReportingOverflow(by: 2)
        guard !overflow else { throw LMDBError.mapFull }
        try growMap(toAtLeast: doubled)
    }
}
