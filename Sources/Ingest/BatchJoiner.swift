import Foundation

/// Joins the batches of a file's stretches, read on several threads and done in any order,
/// into collected rows in stretch order, as each next one is done.
///
/// A stretch starts after a line feed, which is a record's start unless it lies in a quoted
/// field: then the stretch before it ends inside that field, its reader reports an unbalanced
/// quote at the stretch's end, and the batches from there on are not taken. The file is then
/// read on from that stretch's start in one piece (`resumeIndex`).
final class BatchJoiner: @unchecked Sendable {
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var collected: CollectedRows
    private var done: [Int: RowBatch] = [:]
    private var nextIndex = 0
    private var resume: Int?
    private let lastIndex: Int

    /// A joiner of `count` stretches' batches into `collected`.
    init(_ collected: CollectedRows, count: Int) {
        self.collected = collected
        self.lastIndex = count - 1
    }

    /// Whether the batches still to come are of no use: the rows are complete or the rest is
    /// to be read in one piece.
    var isFinished: Bool {
        lock.withLock { collected.isFinished || resume != nil }
    }

    /// Takes the batch of stretch `index`, and every done batch after it that is now next.
    func deliver(_ batch: RowBatch, at index: Int) {
        lock.withLock {
            done[index] = batch
            while resume == nil, let next = done.removeValue(forKey: nextIndex) {
                if nextIndex < lastIndex, next.error?.kind == .unbalancedQuote {
                    resume = nextIndex
                    done = [:]
                    return
                }
                collected.take(next)
                nextIndex += 1
            }
        }
    }

    /// The rows collected, and the stretch to read on from in one piece, if any.
    var result: (collected: CollectedRows, resumeIndex: Int?) {
        lock.withLock { (collected, resume) }
    }
}
