import ArgumentParser
import KijkglasKit
import Ledger
import Reports

/// `kijkglas count --on DATE`: the pupils charged to an SWV on a day.
struct Count: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count the (v)so pupils charged to an SWV on a day, as the releases known on a day say.",
        discussion: """
            A pupil counts when enrolled that day, with a valid TLV that day, bekostigd, in \
            cluster 3 or 4, not in a JJI/GJI, once (at one school); the SWV that pays is the one \
            that issued the TLV. The rules DUO leaves open are data: Schemas/rules/counting.json. \
            --all counts every row valid that day instead. The SWV's own releases answer (the \
            Kijkglas 2 of the day's school year; until the first one is known, the last of the \
            year before, and the answer says so); --swv all answers every SWV of the ledger from \
            its own releases, side by side and summed, and lists the pupils several SWVs count.

            Example: kijkglas count --on 01-02-2022 --known-at 2022-05-01 --by category
            """
    )

    @OptionGroup var options: ProjectionOptions

    @Option(help: .value("The day to count.", Day.self))
    var on: Day

    @Option(help: "Break the count down: category, school, schooltype, funded or payingswv.")
    var by: PupilCount.Breakdown?

    @Flag(help: "Count every row valid on the day, funded or not, whatever its TLV.")
    var all = false

    @Flag(help: "Count the pupils of the SWV's releases whatever SWV issued their TLV.")
    var everyPayer = false

    @Flag(help: "With --swv all: show full PGNs of the pupils several SWVs count (personal data).")
    var showPgn = false

    func run() throws {
        try reportingFailures {
            let request = CountRequest(
                on: on, knownAt: options.knownAt, swv: options.answering, everyValidRow: all, breakdown: by, everyPayer: everyPayer,
                ownSchoolYearOnly: options.ownSchoolYearOnly)
            let session = try options.ledgerOptions.session()
            if showPgn { try session.requireKey() }
            let report = try session.count(request).report(everyValidRow: all, everyPayer: everyPayer, showPGN: showPgn)
            print(options.format == .json ? report.json : report.text)
        }
    }
}

extension PupilCount.Breakdown: ExpressibleByArgument {}
