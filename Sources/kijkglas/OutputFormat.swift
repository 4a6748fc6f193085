import ArgumentParser

/// The `--format` choices of commands that print data.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, md, ndjson
}
