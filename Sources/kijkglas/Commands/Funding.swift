import ArgumentParser
import KijkglasKit
import Ledger
import Reports

/// `kijkglas funding --year YEAR`: the ondersteuningsbekostiging deducted from an SWV's budget.
struct FundingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funding",
        abstract: "Compute the (v)so ondersteuningsbekostiging deducted from the SWV budget for a funding year.",
        discussion: """
            Until 2022-2023 a school year: pupils counted on 1 October of the previous year, \
            so < 8 / so >= 8 split on that day, plus the growth transfer of the 1 February \
            peildatum before the year. From 2023 a calendar year: pupils on 1 February T-1, no \
            age split. Regimes: Schemas/rules/funding.json; amounts: Schemas/rates/<year>.json, \
            each with its legal source and publication date; --known-at uses the releases and \
            the rates published by then.

            Example: kijkglas funding --year 2015-2016 --known-at 2016-01-01
            """
    )

    @OptionGroup var options: ProjectionOptions

    @Option(help: .value("The funding year: a school year 2015-2016 or a calendar year 2023.", FundingYear.self))
    var year: FundingYear

    func run() throws {
        try reportingFailures {
            let request = FundingRequest(
                year: year, knownAt: options.knownAt, swv: options.answering, ownSchoolYearOnly: options.ownSchoolYearOnly)
            let answer = try options.ledgerOptions.session().funding(request)
            let report = answer.report
            print(options.format == .json ? report.json : report.text)
        }
    }
}

extension FundingYear: DescribedArgument {
    /// Accepts `2015-2016` and `2023`.
    public init?(argument: String) { self.init(text: argument) }

    static let valueName = "year"
    static let valueDescription = "Years: jjjj-jjjj or jjjj."
}
