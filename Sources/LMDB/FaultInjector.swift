#if DEBUG
import Foundation
#endif

/// Test seam in front of the LMDB C calls that can fail, modelled on swift-system's `Mocking.swift`.
///
/// Every fallible C call goes through `FaultInjector.call`. In debug builds a test can script failures
/// for the current task with `FaultInjector.$current.withValue(injector) { … }`; release builds compile
/// the check away.
enum FaultInjector {
    /// The C calls that can be made to fail.
    enum Call: Sendable, Hashable {
        /// `mdb_env_open`.
        case envOpen
        /// `mdb_txn_begin`.
        case txnBegin
        /// `mdb_txn_commit`.
        case commit
        /// `mdb_dbi_open`.
        case databaseOpen
        /// `mdb_get`.
        case get
        /// `mdb_put`.
        case put
        /// `mdb_del`.
        case delete
        /// `mdb_cursor_get`.
        case cursorGet
        /// `mdb_env_copyfd2`.
        case copy
        /// `mdb_env_sync`.
        case sync
    }

    /// Runs `body` (the real C call) unless a failure is scripted for `call`; then returns the scripted
    /// code instead and runs `onInjected`, which must release what the real failing call would have.
    @inline(__always)
    static func call(_ call: Call, onInjected: () -> Void = {}, _ body: () -> Int32) -> Int32 {
        #if DEBUG
        if let script = current, let code = script.take(call) {
            onInjected()
            return code
        }
        #endif
        return body()
    }

    #if DEBUG
    /// The failure script of the current task; `nil` outside tests.
    @TaskLocal static var current: Script?

    /// Scripted failures, consumed in order per call.
    final class Script: @unchecked Sendable {
        private let lock = NSLock()
        private var pending: [(call: Call, code: Int32)] = []

        /// A script with nothing scripted yet.
        init() {}

        /// Makes the next `call` return `code` instead of running.
        func failNext(_ call: Call, with code: Int32) {
            lock.withLock { pending.append((call, code)) }
        }

        /// Makes the next `call` return `error`'s code instead of running.
        func failNext(_ call: Call, with error: LMDBError) {
            failNext(call, with: error.rawValue)
        }

        /// Whether every scripted failure has fired.
        var isExhausted: Bool {
            lock.withLock { pending.isEmpty }
        }

        /// Removes and returns the first code scripted for `call`.
        fileprivate func take(_ call: Call) -> Int32? {
            lock.withLock {
                guard let index = pending.firstIndex(where: { $0.call == call }) else { return nil }
                return pending.remove(at: index).code
            }
        }
    }
    #endif
}
