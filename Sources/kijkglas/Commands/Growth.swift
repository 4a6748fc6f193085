import ArgumentParser
import Ledger
import Reports

/// `kijkglas growth --peildatum DATE`: growth of counted pupils since the preceding 1 October.
struct GrowthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "growth",
        abstract: "Show the growth of counted (v)so pupils from 1 October to a 1 February peildatum, per category.",
        discussion: """
            Counted as `count` counts, on both days with the same releases (as known at \
            --known-at), for the pupils whose TLV the SWV issued (--swv; the ledger's SWV when \
            it holds one). --per-pupil lists instroom, uitstroom, doorstroom (another vestiging: \
            does not count) and category moves; PGNs are masked unless --show-pgn. The days are \
            data: Schemas/rules/funding.json.

            Example: kijkglas growth --peildatum 01-02-2022 --per-pupil
            """
    )

    @OptionGroup var options: ProjectionOptions

    @Option(help: "The peildatum, a 1 February (jjjj-mm-dd or dd-mm-jjjj).")
    var peildatum: Day

    @Flag(help: "List the pupils that came, left, moved school or changed category.")
    var perPupil = false

    @Flag(help: "Show full PGNs in the list (personal data).")
    var showPgn = false

    func run() throws {
        try reportingFailures {
            let rules = try ProjectionOptions.countingRules()
            let days = try ProjectionOptions.fundingRules().growth
            guard let reference = days.referenceDay(for: peildatum) else {
                throw CommandFailure(exitCode: .validationFailure, message: "kijkglas: --peildatum \(peildatum.iso) is not a peildatum; peildata fall on \(days.peildatum) (dd-mm)")
            }
            let (store, loaded) = try options.open()
            let swv = try options.answeringSwv(loaded)
            try options.requireCovered(reference, loaded, swv: swv, rules: rules, what: "the growth to \(peildatum.iso) starts on")
            try options.requireCovered(peildatum, loaded, swv: swv, rules: rules, what: "--peildatum")
            let state = try options.state(store, loaded, swv: swv, at: options.knownAt, covering: [reference, peildatum], rules: rules)
            let growth = Growth(
                from: try options.counted(state, on: reference, selection: .rules(rules), payingSwv: swv, loaded),
                to: try options.counted(state, on: peildatum, selection: .rules(rules), payingSwv: swv, loaded))
            let report = GrowthReport(growth, context: options.context(state, swv: swv), perPupil: perPupil, showPGN: showPgn)
            print(options.format == .json ? report.json : report.text)
        }
    }
}
