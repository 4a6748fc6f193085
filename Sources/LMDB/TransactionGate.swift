import Foundation

/// Counts this process's open transactions of one environment, serializes its writers, and gives
/// map resizes (`mdb_env_set_mapsize`) the moment with no transaction open that LMDB requires.
///
/// Every wait that could be part of a cycle (a resize waiting for a reader that waits for the writer)
/// is bounded by `resizeWaitLimit`; the resize then fails instead of deadlocking.
final class TransactionGate: @unchecked Sendable {
    /// How long a resize waits for open transactions to end before giving up.
    static let resizeWaitLimit: TimeInterval = 10

    private let condition = NSCondition()
    private let writeLock = NSLock()
    private var openTransactions = 0
    private var isResizing = false
    private var writer: pthread_t?

    /// Registers a transaction about to begin; waits while a resize is in progress.
    func enter() {
        condition.withLock {
            while isResizing { condition.wait() }
            openTransactions += 1
        }
    }

    /// Registers that a transaction ended.
    func exit() {
        condition.withLock {
            openTransactions -= 1
            if openTransactions == 0 { condition.broadcast() }
        }
    }

    /// Takes the environment's writer slot; throws `.nestedWrite` if this thread already holds it.
    func beginWriting() throws(LMDBError) {
        let isNested = condition.withLock { writer.map { pthread_equal($0, pthread_self()) != 0 } ?? false }
        if isNested { throw .nestedWrite }
        writeLock.lock()
        condition.withLock { writer = pthread_self() }
    }

    /// Releases the writer slot.
    func endWriting() {
        condition.withLock { writer = nil }
        writeLock.unlock()
    }

    /// Runs `body` once no transaction is open, holding off new ones meanwhile; throws `timeoutError`
    /// if open transactions do not end within `resizeWaitLimit`.
    func exclusively(orThrow timeoutError: LMDBError, _ body: () throws -> Void) throws {
        let deadline = Date(timeIntervalSinceNow: Self.resizeWaitLimit)
        condition.lock()
        defer { condition.unlock() }
        while isResizing {
            guard condition.wait(until: deadline) else { throw timeoutError }
        }
        isResizing = true
        defer {
            isResizing = false
            condition.broadcast()
        }
        while openTransactions > 0 {
            guard condition.wait(until: deadline) else { throw timeoutError }
        }
        try body()
    }
}
