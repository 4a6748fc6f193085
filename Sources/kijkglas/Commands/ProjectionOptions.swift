import ArgumentParser
import Ingest
import KijkglasKit
import Ledger

/// The options `count`, `growth`, `funding` and `revisions` share.
struct ProjectionOptions: ParsableArguments {
    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(help: .value("Answer as the ledger knew it on this day: per scope the latest release published by then and not withdrawn by then (default: today).", Day.self))
    var knownAt: Day?

    @Option(
        help: "The SWV whose Kijkglas 2 releases answer and whose TLVs are counted (PO2707, VO 25-08, …); default: the ledger's SWV when it holds one; count takes all.",
        transform: ProjectionOptions.normalisedSwv)
    var swv: String?

    @Flag(help: "Refuse (exit 1) to answer a day from the school year before while no release of its own school year was known.")
    var ownSchoolYearOnly = false

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard [.text, .json].contains(format) else { throw ValidationError("this command prints text or json") }
    }

    /// `--swv all`: every SWV of the ledger, each answered from its own releases.
    static let everySwv = AnsweringSWV.everyWord

    /// `VO 25-08` → `VO2508`; `all` stays `all`.
    static func normalisedSwv(_ text: String) throws -> String {
        if text.lowercased() == everySwv { return everySwv }
        guard let code = SWVCode.canonical(text) else {
            throw ValidationError("--swv '\(text)' is not \(SWVCode.expectation)")
        }
        return code
    }

    /// Whose releases answer, as `--swv` (already normalised) says.
    static func answering(_ swv: String?) -> AnsweringSWV {
        AnsweringSWV(text: swv) ?? .ledgers
    }

    /// Whose releases answer, as `--swv` says.
    var answering: AnsweringSWV { Self.answering(swv) }
}
