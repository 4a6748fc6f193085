import Foundation
@testable import LMDB
import TestSupport

/// Runs `body` with the path of a not-yet-existing directory inside a fresh temporary
/// directory, removing everything there afterwards.
func withTemporaryDirectory<R>(_ body: (String) throws -> R) throws -> R {
    let directory = try TemporaryDirectory(prefix: "lmdb-tests")
    defer { directory.remove() }
    return try body(directory.appending("environment"))
}

/// Runs `body` with a fresh environment in its own temporary directory and its database "test".
func withEnvironment<R>(
    options: Environment.Options = .init(), _ body: (Environment, Database) throws -> R
) throws -> R {
    try withTemporaryDirectory { path throws in
        let environment = try Environment(directory: path, options: options)
        return try body(environment, environment.database("test"))
    }
}

/// Runs `body(index)` on `count` new threads at once and waits for all, rethrowing the first error.
func onOtherThreads(_ count: Int = 1, _ body: @escaping @Sendable (Int) throws -> Void) throws {
    final class Outcome: @unchecked Sendable {
        let lock = NSLock()
        var error: (any Error)?
    }
    let outcome = Outcome()
    let finished = DispatchSemaphore(value: 0)
    for index in 0..<count {
        Thread {
            do { try body(index) } catch { outcome.lock.withLock { outcome.error = outcome.error ?? error } }
            finished.signal()
        }.start()
    }
    for _ in 0..<count { finished.wait() }
    if let error = outcome.lock.withLock({ outcome.error }) { throw error }
}

/// The UTF-8 bytes of `string`.
func bytes(_ string: String) -> [UInt8] {
    Array(string.utf8)
}

extension UInt64 {
    /// The 8 big-endian bytes, so byte order equals numeric order.
    var bigEndianBytes: [UInt8] {
        withUnsafeBytes(of: bigEndian) { Array($0) }
    }
}

/// The permission bits of `path`, or `nil` if it cannot be stat'ed.
func permissions(of path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}
