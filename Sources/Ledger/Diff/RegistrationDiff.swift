/// Diffs two row sets of the same scope into registration events.
///
/// Rows are matched by identity (pgn, institution, branch, periodStart). Rows left over on
/// both sides with the same pupil, institution and vestiging and overlapping periods are one
/// row whose start moved: a change of `periodStart`, not a retraction plus an opening.
public enum RegistrationDiff {
    /// The events that turn `old` into `new`, ordered by row identity. Within one row a
    /// change of `periodStart` comes last, so a fold can apply the events in order.
    /// - Parameters:
    ///   - old: the base release's rows (empty for the first release of a scope).
    ///   - new: the new release's rows.
    ///   - basePublished: the base release's publication date; nil for the first release.
    ///   - published: the new release's publication date.
    public static func changes(
        from old: [Registration], to new: [Registration], basePublished: Day?, published: Day
    ) -> [(key: RegistrationKey, change: RegistrationChange, classification: Classification)] {
        let oldRows = sortedByIdentity(old)
        let newRows = sortedByIdentity(new)
        var result: [(RegistrationKey, RegistrationChange, Day)] = []
        var unmatchedOld: [Registration] = []
        var unmatchedNew: [Registration] = []
        var i = 0
        var j = 0
        oldRows.withUnsafeBufferPointer { olds in
            newRows.withUnsafeBufferPointer { news in
                while i < olds.count, j < news.count {
                    switch compareIdentity(olds[i], news[j]) {
                    case 0:
                        if olds[i] != news[j] { result += rowChanges(from: olds[i], to: news[j]) }
                        i += 1
                        j += 1
                    case ..<0:
                        unmatchedOld.append(olds[i])
                        i += 1
                    default:
                        unmatchedNew.append(news[j])
                        j += 1
                    }
                }
            }
        }
        unmatchedOld += oldRows[i...]
        unmatchedNew += newRows[j...]
        var leftByPlace: [RegistrationKey.Place: [Registration]] = [:]
        for row in unmatchedOld {
            leftByPlace[row.key.place, default: []].append(row)
        }
        for row in unmatchedNew {
            if !leftByPlace.isEmpty, let index = leftByPlace[row.key.place]?.firstIndex(where: { overlaps($0, row) }),
                let before = leftByPlace[row.key.place]?.remove(at: index)
            {
                result += rowChanges(from: before, to: row)
            } else {
                result.append((row.key, .opened(row), row.periodStart))
            }
        }
        for row in leftByPlace.values.joined() {
            result.append((row.key, .retracted, row.periodStart))
        }
        // Stable by identity: an index sort over the keys alone moves no events, and events
        // already in order (every one of a first release) are not sorted.
        let keys = result.map(\.0)
        let order = keys.withUnsafeBufferPointer { keys in
            let inOrder = keys.indices.dropFirst().allSatisfy { RegistrationKey.compare(keys[$0 - 1], keys[$0]) <= 0 }
            return inOrder ? Array(keys.indices) : keys.indices.sorted { a, b in
                let order = RegistrationKey.compare(keys[a], keys[b])
                return order == 0 ? a < b : order < 0
            }
        }
        return order.map { index in
            let (key, change, firstAffected) = result[index]
            return (key, change, Classification.of(firstAffected: firstAffected, basePublished: basePublished, published: published))
        }
    }

    /// `rows` in identity order; already sorted input (as stored releases are) is not copied.
    package static func sortedByIdentity(_ rows: [Registration]) -> [Registration] {
        var rows = rows
        sortByIdentity(&rows)
        return rows
    }

    /// Puts `rows` in identity order, in place; already sorted rows are not touched.
    package static func sortByIdentity(_ rows: inout [Registration]) {
        let sorted = rows.withUnsafeBufferPointer { buffer in
            buffer.indices.dropFirst().allSatisfy { compareIdentity(buffer[$0 - 1], buffer[$0]) <= 0 }
        }
        if !sorted { rows.sort { compareIdentity($0, $1) < 0 } }
    }

    /// The identity two of `rows` (in identity order) share, if any; the first such.
    package static func repeatedIdentity(in rows: [Registration]) -> RegistrationKey? {
        rows.withUnsafeBufferPointer { rows in
            rows.indices.dropFirst().first { compareIdentity(rows[$0 - 1], rows[$0]) == 0 }.map { rows[$0].key }
        }
    }

    /// Orders rows by identity (pgn, institution, branch, periodStart) without building keys:
    /// negative, zero or positive.
    @inline(__always)
    package static func compareIdentity(_ a: borrowing Registration, _ b: borrowing Registration) -> Int {
        if a.pgn != b.pgn { return a.pgn < b.pgn ? -1 : 1 }
        if a.institution != b.institution { return a.institution < b.institution ? -1 : 1 }
        if a.branch != b.branch { return a.branch < b.branch ? -1 : 1 }
        if a.periodStart != b.periodStart { return a.periodStart < b.periodStart ? -1 : 1 }
        return 0
    }

    /// The events for one matched row, each with the first valid day it affects.
    package static func rowChanges(from old: Registration, to new: Registration) -> [(RegistrationKey, RegistrationChange, Day)] {
        var fields = Registration.Field.allCases.compactMap { field -> FieldChange? in
            old.hasSameValue(of: field, as: new) ? nil : FieldChange(field: field, old: old.text(of: field), new: new.text(of: field))
        }
        guard !fields.isEmpty else { return [] }
        let key = old.key
        let rowStart = min(old.periodStart, new.periodStart)
        var events: [(RegistrationKey, RegistrationChange, Day)] = []
        if old.periodEnd == nil, let end = new.periodEnd {
            fields.removeAll { $0.field == .periodEnd }
            events.append((key, .closed(on: end), end.adding(days: 1)))
        }
        if old.funded && !new.funded {
            fields.removeAll { $0.field == .funded || $0.field == .unfundedReason }
            events.append((key, .flaggedUnfunded(reason: new.unfundedReason), rowStart))
        } else if !old.funded && new.funded {
            fields.removeAll { $0.field == .funded }
            events.append((key, .flaggedFunded, rowStart))
        }
        if !fields.isEmpty {
            events.append((key, .changed(fields), firstAffected(by: fields, rowStart: rowStart)))
        }
        return events
    }

    /// The earliest valid day a set of field changes rewrites. An end date (period, enrolment,
    /// TLV) moving rewrites from the day after the earlier of the two ends; a start date from the
    /// earlier start; any other attribute the whole row from its start. The instroom, uitstroom
    /// and doorstroom markers annotate a row's edges and change no day's state, so they only
    /// decide when nothing else changed. A row speaks only for its own period, so no change
    /// rewrites a day before `rowStart` (a TLV or enrolment moved to start earlier than the row).
    package static func firstAffected(by changes: [FieldChange], rowStart: Day) -> Day {
        func day(_ text: String?) -> Day? { text.flatMap { Day(iso: $0) } }
        let days = changes.compactMap { change -> Day? in
            switch change.field {
            case .periodEnd, .enrolledUntil, .tlvUntil:
                return min(day(change.old) ?? .distantFuture, day(change.new) ?? .distantFuture).adding(days: 1)
            case .periodStart, .enrolledFrom, .tlvFrom:
                return min(day(change.old) ?? rowStart, day(change.new) ?? rowStart)
            case .inflow, .outflow, .transfer:
                return nil
            default:
                return rowStart
            }
        }
        return max(days.min() ?? rowStart, rowStart)
    }

    /// Whether two rows' periods share a day (an empty end is open).
    package static func overlaps(_ a: Registration, _ b: Registration) -> Bool {
        a.periodStart <= (b.periodEnd ?? .distantFuture) && b.periodStart <= (a.periodEnd ?? .distantFuture)
    }
}
