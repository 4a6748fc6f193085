import ArgumentParser
import KijkglasKit
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

    @Option(help: .value("The peildatum, a 1 February.", Day.self))
    var peildatum: Day

    @Flag(help: "List the pupils that came, left, moved school or changed category.")
    var perPupil = false

    @Flag(help: "Show full PGNs in the list (personal data).")
    var showPgn = false

    func run() throws {
        try reportingFailures {
            let request = GrowthRequest(
                peildatum: peildatum, knownAt: options.knownAt, swv: options.answering, ownSchoolYearOnly: options.ownSchoolYearOnly)
            let session = try options.ledgerOptions.session()
            if showPgn { try session.requireKey() }
            let report = try session.growth(request).report(perPupil: perPupil, showPGN: showPgn)
            print(options.format == .json ? report.json : report.text)
        }
    }
}
