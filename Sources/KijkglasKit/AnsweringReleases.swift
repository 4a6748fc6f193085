import Ledger
import LedgerStorage
import Reports

/// The releases that answer a question and the checks of the question against them: every
/// refusal says what is loaded.
struct AnsweringReleases {
    /// The open ledger.
    let store: LedgerStore
    /// The releases of the answering SWV (of every SWV when none).
    let loaded: LoadedReleases
    /// The counting rules.
    let rules: CountingRules
    /// The day of knowledge; nil is today.
    let knownAt: Day?
    /// Whether a day answered from the school year before is refused.
    let ownSchoolYearOnly: Bool

    /// The SWV whose releases answer; refuses every SWV at once.
    func swv() throws -> String {
        guard let swv = loaded.swv else { throw usage("\(KijkglasError.Term.everySWV) is for count; \(KijkglasError.Term.chooseSWV)") }
        return swv
    }

    /// Refuses a valid day that no loaded release of `swv` may answer; `what` names the day.
    func requireCovered(_ day: Day, swv: String, what: KijkglasError.Message) throws {
        guard loaded.covers(day, swv: swv, fallback: rules.answersFromPreviousSchoolYear) else {
            throw usage("\(what) \(day.iso), which no loaded release of \(swv) answers (school year \(SchoolYear(containing: day)))")
        }
    }

    /// What the ledger knew at `day` of `swv`'s school years of `days`; refuses a valid day no
    /// release answering then covers, and, with own school year only, a day answered from the
    /// school year before.
    func state(swv: String, at day: Day?, covering days: [Day]) throws -> KnownState {
        let state = try store.knownState(swv: swv, at: day, covering: days, fallback: rules.answersFromPreviousSchoolYear)
        for valid in days where !state.covers(valid) {
            throw usage(
                "as known at \(day?.iso ?? "today"), no release of \(swv) answers \(valid.iso) (school year \(SchoolYear(containing: valid)))")
        }
        try refuseFallbacks(state)
        return state
    }

    /// With own school year only, a failed check naming every school year `state` answers from
    /// the year before.
    func refuseFallbacks(_ state: KnownState) throws {
        guard ownSchoolYearOnly, !state.fallbacks.isEmpty else { return }
        let notes = ProjectionContext(state: state, selection: "rules", swv: state.swv).notes.joined(separator: "\n")
        throw KijkglasError(.checkFailed, "refused with \(KijkglasError.Term.ownSchoolYearOnly):\n\(notes)")
    }

    /// The pupils `state` counts on `day`; refuses a day it does not cover.
    func counted(_ state: KnownState, on day: Day, selection: CountedPupils.Selection, payingSwv: String?) throws -> CountedPupils {
        guard let counted = state.counted(on: day, selection: selection, payingSwv: payingSwv) else {
            throw usage("as known at \(state.knownAt?.iso ?? "today"), no release of \(state.swv) answers \(day.iso)")
        }
        return counted
    }

    /// A usage failure saying `message` and what is loaded.
    func usage(_ message: KijkglasError.Message) -> KijkglasError {
        KijkglasError(.usage, message, loaded: loaded.summary)
    }
}
