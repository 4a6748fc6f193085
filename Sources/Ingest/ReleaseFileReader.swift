import Foundation
import Ledger

/// Reads a DUO file into an `IncomingRelease`: finds the layout and header, takes the release
/// metadata from the block, the command line and the file name, and validates every row.
public struct ReleaseFileReader: Sendable {
    /// The candidate layouts.
    public let layouts: [Layout]
    let keys: Result<MetadataBlockKeys, LayoutError>

    /// A reader choosing among `layouts`: the product the metadata names, else the layout whose
    /// headers match best.
    public init(layouts: [Layout]) {
        self.layouts = layouts
        self.keys = MetadataBlockKeys.builtIn
    }

    /// A reader of every built-in layout (`Schemas/layouts/`).
    /// - Throws: `LayoutError` when a built-in layout cannot be read.
    public static func builtIn() throws -> ReleaseFileReader {
        ReleaseFileReader(layouts: try Layout.builtIn())
    }

    /// Reads and validates the whole file at `path`. Problems are collected (up to
    /// `maxProblems`) rather than stopping at the first; `overrides` (from the command line)
    /// win over the file's block, which wins over the file name.
    /// - Throws: `InputError` with every problem found, each with file, line, column, field,
    ///   what was expected and what was found (masked).
    public func read(file path: String, overrides: ReleaseMetadata = .init(), maxProblems: Int = 50) throws(InputError)
        -> IncomingRelease
    {
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        var problems = ProblemList(file: fileName, limit: max(1, maxProblems))
        let keys: MetadataBlockKeys
        switch self.keys {
        case .success(let found):
            keys = found
        case .failure(let error):
            problems.add(line: 0, column: 0, field: nil, expected: "the built-in metadata block keys", found: nil, hint: error.description)
            throw problems.error
        }
        let overrides = canonical(overrides, keys: keys, problems: &problems)
        guard problems.isEmpty else { throw problems.error }

        var csv: CSVReader<HashingByteSource<FileByteSource>>
        let search: HeaderSearch.Outcome
        let expectedRows: Int
        do {
            let file = try FileByteSource(path: path)
            csv = CSVReader(source: HashingByteSource(base: file))
            let prefix = try csv.prefix(maxBytes: 64 * 1024)
            search = HeaderSearch(layouts: layouts, keys: keys)
                .run(prefix: prefix.bytes, isWhole: prefix.isWhole, product: overrides.product)
            expectedRows = ReleaseFileReader.lineEstimate(prefix: prefix.bytes, isWhole: prefix.isWhole, fileSize: file.size)
        } catch {
            problems.add(error)
            throw problems.error
        }
        let (separator, header, block) = try found(search, problems: &problems)
        header.report(into: &problems)
        let blockMetadata = ReleaseMetadata(block: block, keys: keys, layouts: layouts, problems: &problems)
        csv.separator = separator
        var rows = readRows(from: &csv, header: header, expectedRows: expectedRows, problems: &problems)
        if problems.truncated { throw problems.error }

        var metadata = blockMetadata.overridden(by: overrides)
        if metadata.swv == nil, let swv = rows.lazy.compactMap(\.swv).first, rows.allSatisfy({ $0.swv == nil || $0.swv == swv }) {
            metadata.swv = swv
        }
        metadata = ReleaseMetadata(fileName: fileName).overridden(by: metadata)
        let scope = scope(of: header.layout, metadata: metadata, problems: &problems)
        if metadata.published == nil {
            problems.add(
                line: 1, column: 1, field: "published", expected: "DUO's publication date", found: nil,
                hint: "add a line 'Datum aanmaak;dd-mm-jjjj' to the block before the table, or pass --published dd-mm-jjjj")
        }
        if rows.isEmpty && problems.isEmpty {
            problems.add(
                line: header.line + 1, column: 1, field: nil, expected: "registration rows after the header", found: nil,
                hint: "the file has a header only")
        }
        guard problems.isEmpty, let scope, let published = metadata.published else { throw problems.error }
        for index in rows.indices where rows[index].swv == nil { rows[index].swv = scope.swv }
        return IncomingRelease(
            scope: scope, publishedOn: published, fileName: fileName, fileSHA256: csv.source.digest, rows: rows)
    }

    /// About how many lines a file of `fileSize` bytes has, judged by the lines in its first
    /// bytes `prefix`: for reserving room, never for checking.
    private static func lineEstimate(prefix: [UInt8], isWhole: Bool, fileSize: Int) -> Int {
        let lines = prefix.reduce(1) { count, byte in byte == ASCII.lineFeed ? count + 1 : count }
        guard !isWhole, !prefix.isEmpty else { return lines }
        return min(fileSize / prefix.count * lines + lines, fileSize / 2 + 1)
    }

    /// The separator, header and block lines the header search found.
    /// - Throws: `InputError` when the file is empty or has no header line.
    private func found(_ search: HeaderSearch.Outcome, problems: inout ProblemList) throws(InputError)
        -> (UInt8, HeaderMatch, [CSVRecord])
    {
        switch search {
        case .found(let separator, let header, let block):
            return (separator, header, block)
        case .empty:
            problems.add(
                line: 1, column: 1, field: nil, expected: "a header line and registration rows", found: nil,
                hint: "the file is empty")
        case .notFound(let closest?) where closest.matchedCount > 0:
            closest.report(into: &problems)
        case .notFound(let closest):
            let names = layouts.map { layout in
                "\(layout.displayName) (" + layout.fields.filter(\.required).compactMap(\.headers.first).joined(separator: ", ") + ")"
            }
            problems.add(
                line: closest?.line ?? 1, column: 1, field: nil, expected: "a header line of " + names.joined(separator: " or "),
                found: nil,
                hint: "no line in the first \(HeaderSearch.lineLimit) has a known header; "
                    + "if this is a DUO file with other headers, map them in a layout file passed with --layout FILE")
        }
        throw problems.error
    }

    /// The registrations on the lines after `header`, each identity once; what is wrong with a
    /// line is reported and the line left out. Stops at the problem limit.
    /// `expectedRows` (an estimate) reserves room up front.
    private func readRows(
        from csv: inout CSVReader<HashingByteSource<FileByteSource>>, header: HeaderMatch, expectedRows: Int,
        problems: inout ProblemList
    ) -> [Registration] {
        var rows: [Registration] = []
        rows.reserveCapacity(expectedRows)
        var firstLine: [RegistrationKey: Int] = [:]
        firstLine.reserveCapacity(expectedRows)
        let rowReader = RowReader(header: header)
        do {
            while let record = try csv.next(), record.line < header.line {}
            while !problems.truncated, let record = try csv.next() {
                guard !record.isBlank, let row = rowReader.registration(from: record, problems: &problems) else { continue }
                let key = row.key
                if let first = firstLine.updateValue(record.line, forKey: key) {
                    firstLine[key] = first
                    problems.add(
                        line: record.line, column: 1, field: nil, expected: "one row per pupil, instelling, vestiging and begindatum",
                        found: "\(key)", hint: "line \(first) has the same row")
                    continue
                }
                rows.append(row)
            }
        } catch {
            problems.add(error)
        }
        return rows
    }
}
