import ArgumentParser
import Foundation
import Ingest
import Ledger
import Reports
import Schemas

/// The options `count`, `growth`, `funding` and `revisions` share, and their checks of the
/// arguments against what the ledger holds: every refusal names what is loaded.
struct ProjectionOptions: ParsableArguments {
    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(help: "Answer as the ledger knew it on this day: per scope the latest release published by then and not withdrawn by then (default: today).")
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
    static let everySwv = "all"

    /// `VO 25-08` → `VO2508`; `all` stays `all`.
    static func normalisedSwv(_ text: String) throws -> String {
        if text.lowercased() == everySwv { return everySwv }
        guard let code = SWVCode.canonical(text) else {
            throw ValidationError("--swv '\(text)' is not \(SWVCode.expectation)")
        }
        return code
    }

    /// The ledger and the releases of the SWV whose releases answer (`--swv`, else the one SWV
    /// the ledger's scopes name; every release for `--swv all`); refuses an SWV without releases
    /// of its own and a known-at before its first publication.
    func open() throws -> (store: LedgerStore, loaded: LoadedReleases) {
        let store = try ledgerOptions.open(readOnly: true)
        let swvs = try store.scopeSWVs()
        guard !swvs.isEmpty else {
            throw CommandFailure(exitCode: .dataError, message: "kijkglas: the ledger at \(ledgerOptions.directory) holds no releases; ingest one first")
        }
        if swv == Self.everySwv { return (store, try LoadedReleases(store: store)) }
        let known = swvs.joined(separator: ", ")
        let answering: String
        if let swv {
            guard swvs.contains(swv) else {
                throw usage("--swv \(swv) has no releases in this ledger; an SWV is answered from its own Kijkglas files only (SWVs with releases: \(known))")
            }
            answering = swv
        } else {
            guard swvs.count == 1, let only = swvs.first else {
                throw usage("this ledger holds the releases of several SWVs (\(known)); say whose answer with --swv")
            }
            answering = only
        }
        let loaded = try LoadedReleases(store: store, swv: answering)
        if let knownAt, let first = loaded.firstPublication, knownAt < first {
            throw usage("--known-at \(knownAt.iso) is before the first publication of \(answering)'s releases, \(first.iso)", loaded)
        }
        return (store, loaded)
    }

    /// The SWV whose releases answer, as `open` chose it; refuses `--swv all`.
    func answeringSwv(_ loaded: LoadedReleases) throws -> String {
        guard let swv = loaded.swv else { throw usage("--swv all is for count; say whose answer with --swv", loaded) }
        return swv
    }

    /// Refuses a valid day that no loaded release of `swv` may answer.
    func requireCovered(_ day: Day, _ loaded: LoadedReleases, swv: String, rules: CountingRules, what: String) throws {
        guard loaded.covers(day, swv: swv, fallback: rules.answersFromPreviousSchoolYear) else {
            throw usage("\(what) \(day.iso), which no loaded release of \(swv) answers (school year \(SchoolYear(containing: day)))", loaded)
        }
    }

    /// What the ledger knew at `day` of `swv`'s school years of `days`; refuses a valid day no
    /// release answering then covers, and, with `--own-school-year-only`, a day answered from
    /// the school year before (exit 1).
    func state(
        _ store: LedgerStore, _ loaded: LoadedReleases, swv: String, at day: Day?, covering days: [Day], rules: CountingRules
    ) throws -> KnownState {
        let state = try store.knownState(swv: swv, at: day, covering: days, fallback: rules.answersFromPreviousSchoolYear)
        for valid in days where !state.covers(valid) {
            throw usage("as known at \(day?.iso ?? "today"), no release of \(swv) answers \(valid.iso) (school year \(SchoolYear(containing: valid)))", loaded)
        }
        try refuseFallbacks(state)
        return state
    }

    /// With `--own-school-year-only`, exit 1 naming every school year `state` answers from the
    /// year before.
    func refuseFallbacks(_ state: KnownState) throws {
        guard ownSchoolYearOnly, !state.fallbacks.isEmpty else { return }
        let notes = ProjectionContext(state: state, selection: "rules", swv: state.swv).notes.joined(separator: "\n")
        throw CommandFailure(exitCode: .checkFailed, message: "kijkglas: refused with --own-school-year-only:\n\(notes)")
    }

    /// The pupils `state` counts on `day`; refuses a day it does not cover.
    func counted(
        _ state: KnownState, on day: Day, selection: CountedPupils.Selection, payingSwv: String?, _ loaded: LoadedReleases
    ) throws -> CountedPupils {
        guard let counted = state.counted(on: day, selection: selection, payingSwv: payingSwv) else {
            throw usage("as known at \(state.knownAt?.iso ?? "today"), no release of \(state.swv) answers \(day.iso)", loaded)
        }
        return counted
    }

    /// The context line of an answer from `state`, restricted to `swv`.
    func context(_ state: KnownState, all: Bool = false, swv: String?) -> ProjectionContext {
        ProjectionContext(state: state, selection: all ? "all" : "rules", swv: swv)
    }

    /// Exit 64 with `message` and what the ledger holds of the answering SWV.
    func usage(_ message: String, _ loaded: LoadedReleases) -> CommandFailure {
        CommandFailure(exitCode: .validationFailure, message: "kijkglas: \(message)\nloaded:\n\(loaded.summary)")
    }

    /// Exit 64 with `message`.
    func usage(_ message: String) -> CommandFailure {
        CommandFailure(exitCode: .validationFailure, message: "kijkglas: \(message)")
    }

    /// `Schemas/rules/counting.json`.
    static func countingRules() throws -> CountingRules {
        try decode(CountingRules.self, from: SchemaFiles.countingRulesFile)
    }

    /// `Schemas/rules/funding.json`.
    static func fundingRules() throws -> FundingRules {
        try decode(FundingRules.self, from: SchemaFiles.fundingRulesFile)
    }

    /// The rate table of `year`, `Schemas/rates/<year>.json`; a missing one is exit 65 naming
    /// the file to add and the years that are there.
    static func rateTable(_ year: FundingYear) throws -> RateTable {
        guard let table = try rateTables([year])[year] else { throw missingRates([year]) }
        return table
    }

    /// The rate tables of `years` that `Schemas/rates/` holds; a year without a file is left out.
    static func rateTables(_ years: some Sequence<FundingYear>) throws -> [FundingYear: RateTable] {
        var tables: [FundingYear: RateTable] = [:]
        for year in years {
            let file = SchemaFiles.ratesDirectory.appendingPathComponent(year.rateFileName)
            if FileManager.default.fileExists(atPath: file.path) { tables[year] = try decode(RateTable.self, from: file) }
        }
        return tables
    }

    /// Exit 65: no rate table for `years`, naming the files to add and the years that are there.
    static func missingRates(_ years: [FundingYear]) -> CommandFailure {
        let present = (try? FileManager.default.contentsOfDirectory(atPath: SchemaFiles.ratesDirectory.path)) ?? []
        let shipped = present.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        let files = years.map { "Schemas/rates/\($0.rateFileName)" }.joined(separator: ", ")
        return CommandFailure(
            exitCode: .dataError,
            message: "kijkglas: no rate table for \(years.map(\.description).joined(separator: ", ")): add \(files) (see Schemas/rates/README.md); rate tables present: \(shipped.isEmpty ? "none" : shipped.joined(separator: ", "))")
    }

    static func decode<T: Decodable>(_ type: T.Type, from file: URL) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(contentsOf: file))
        } catch {
            throw CommandFailure(exitCode: .dataError, message: "kijkglas: \(file.lastPathComponent) does not read: \(error)")
        }
    }
}
