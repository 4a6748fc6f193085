import Foundation
import Ledger
import SampleData

extension ReleasePair {
    /// The pair for `rows` rows, checked: the diff must find changes and folding them onto the old
    /// rows must give the new rows, so a broken build cannot look fast.
    static func checked(rows: Int) -> ReleasePair {
        let pair = ReleasePair(rows: rows, seed: 7)
        let events = pair.diff()
        precondition(!events.isEmpty, "the benchmark pair must differ")
        var state = RowState(rows: pair.old)
        for event in events {
            try? state.apply(
                RegistrationEvent(
                    release: ReleaseID(2), base: ReleaseID(1), classification: event.classification, key: event.key,
                    change: event.change))
        }
        precondition(state == RowState(rows: pair.new), "the diff must fold back to the new rows")
        return pair
    }

    /// The diff of the old rows against the new ones.
    func diff() -> [(key: RegistrationKey, change: RegistrationChange, classification: Classification)] {
        RegistrationDiff.changes(from: old, to: new, basePublished: basePublished, published: published)
    }

    /// Release 0 (the old rows) or 1 (the new rows) as the ledger receives it.
    func release(_ index: Int) -> IncomingRelease {
        var sha = [UInt8](repeating: 0, count: 32)
        sha[0] = UInt8(index)
        return IncomingRelease(
            scope: Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"),
            publishedOn: index == 0 ? basePublished : published, fileName: "r\(index).csv",
            fileSHA256: sha, rows: index == 0 ? old : new)
    }
}
