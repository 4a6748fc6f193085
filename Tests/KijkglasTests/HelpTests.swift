import Testing
import TestSupport

/// The built binary's `--help` names each value and says what it accepts.
struct HelpTests {
    @Test(
        "help names dates, releases and funding years and says how to write them",
        arguments: [
            (["count", "--help"], ["--on <date>", "--known-at <date>", "Dates: jjjj-mm-dd or dd-mm-jjjj."]),
            (["trend", "--help"], ["--from <date>", "--to <date>", "Dates: jjjj-mm-dd or dd-mm-jjjj."]),
            (["funding", "--help"], ["--year <year>", "Years: jjjj-jjjj or jjjj."]),
            (["revisions", "--help"], ["--on <date>", "--year <year>"]),
            (["reconcile", "--help"], ["<release>", "R7 or 7 (kijkglas releases lists them)."]),
            (["withdraw", "--help"], ["<release>", "--on <date>"]),
            (["ingest", "--help"], ["--published <date>", "--reference-date <date>"]),
        ])
    func valueDescriptions(arguments: [String], expected: [String]) throws {
        let help = try KijkglasBinary.run(arguments)
        #expect(help.status == 0)
        for text in expected {
            #expect(help.standardOutput.contains(text), "\(arguments.joined(separator: " ")) lacks \(text)")
        }
    }
}
