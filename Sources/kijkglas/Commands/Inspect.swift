import ArgumentParser
import KijkglasKit
import Reports

/// `kijkglas inspect FILE`: what reading a file finds, without recording it.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what a DUO file holds and what is wrong with it, writing nothing.",
        discussion: """
            Prints the product and layout the header matched, the format and encoding (UTF-8, \
            Windows-1252, UTF-16 or UTF-32, XLSX and its sheet), the release metadata and where each item came from (flag, \
            block, rows, file name), how each header maps onto a field, the row count and every \
            problem, pupil numbers masked; problems in a workbook name their cell (K11). A \
            workbook's table is looked for on every sheet; --sheet NAME chooses one. Exits 65 when \
            there are problems.

            Example: kijkglas inspect kijkglas2-VO2508-2022-04-29.csv --layout mijn-layout.json
            """
    )

    @Argument(help: "The file to inspect (CSV or XLSX).")
    var file: String

    @OptionGroup var readOptions: ReadOptions

    func run() throws {
        try reportingFailures {
            let inspection = try readOptions.reading().inspect(file: file)
            print(InspectionText.text(inspection, naming: \.flag))
            if !inspection.problems.isEmpty { throw ExitCode.dataError }
        }
    }
}
