import ArgumentParser
import KijkglasKit
import Reports

/// `kijkglas layouts`: the built-in layouts.
struct Layouts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in layouts: product, version and fields with their headers.",
        discussion: """
            A file whose headers none of these know can be read with a layout file of its own, \
            passed with --layout FILE to ingest or inspect.

            Example: kijkglas layouts
            """
    )

    func run() throws {
        try reportingFailures {
            print(LayoutListing.text(try FileReading.builtInLayouts()))
        }
    }
}
