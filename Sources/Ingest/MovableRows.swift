import Ledger

/// Registrations in storage of their own, appended one at a time by the thread reading a
/// stretch, then moved (not copied) into the file's one array: no row's strings are retained
/// on the way and released with a copy left behind.
///
/// Used by one thread at a time (the reading thread, then under the joiner's lock, then by the
/// thread making the array), hence `@unchecked Sendable`.
final class MovableRows: @unchecked Sendable {
    private var base: UnsafeMutablePointer<Registration>
    private var capacity: Int
    /// The number of rows held.
    private(set) var count = 0

    /// Storage with room for `capacity` rows before it grows.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Row `index`, read where it lies.
    subscript(index: Int) -> Registration {
        unsafeAddress {
            precondition(index >= 0 && index < count, "row index out of range")
            return UnsafePointer(base + index)
        }
    }

    /// Adds `row` at the end.
    func append(_ row: consuming Registration) {
        if count == capacity {
            let larger = UnsafeMutablePointer<Registration>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }
        (base + count).initialize(to: row)
        count += 1
    }

    /// Moves the rows before `end` (at most `count`), except those at `dropped` (ascending
    /// indices before `end`), to `target` in order, and lets go of every other row and of the
    /// storage: none are left. Returns how many it moved.
    func moveRows(before end: Int, dropping dropped: [Int], to target: UnsafeMutablePointer<Registration>) -> Int {
        precondition(end <= count && dropped.allSatisfy { $0 < end }, "rows to move out of range")
        var moved = 0
        var from = 0
        for stop in dropped + [end] {
            (target + moved).moveInitialize(from: base + from, count: stop - from)
            moved += stop - from
            if stop < end { (base + stop).deinitialize(count: 1) }
            from = stop + 1
        }
        (base + end).deinitialize(count: count - end)
        count = 0
        // Give the storage back now, not when the batch goes: while a file's stretches are
        // moved, the rows are then held about once, not twice.
        base.deallocate()
        capacity = 1
        base = .allocate(capacity: capacity)
        return moved
    }
}
