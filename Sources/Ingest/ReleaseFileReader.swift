import Foundation
import Ledger

/// Reads a DUO file into an `IncomingRelease`: finds the layout and header, takes the release
/// metadata from the block, the command line and the file name, and validates every row.
public struct ReleaseFileReader: Sendable {
    /// The candidate layouts.
    public let layouts: [Layout]
    private let keys: Result<MetadataBlockKeys, LayoutError>

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
        let overrides = canonical(overrides, problems: &problems)
        guard problems.isEmpty else { throw problems.error }

        var csv: CSVReader<HashingByteSource<FileByteSource>>
        let search: HeaderSearch.Outcome
        do {
            csv = CSVReader(source: HashingByteSource(base: try FileByteSource(path: path)))
            let prefix = try csv.prefix(maxBytes: 64 * 1024)
            search = HeaderSearch(layouts: layouts, keys: keys).run(prefix: prefix.bytes, isWhole: prefix.isWhole, product: overrides.product)
        } catch {
            problems.add(error)
            throw problems.error
        }
        let separator: UInt8
        let header: HeaderMatch
        let block: [CSVRecord]
        switch search {
        case .empty:
            problems.add(
                line: 1, column: 1, field: nil, expected: "a header line and registration rows", found: nil,
                hint: "the file is empty")
            throw problems.error
        case .notFound(let closest):
            guard let closest else {
                problems.add(line: 1, column: 1, field: nil, expected: "a header line", found: nil, hint: "no line could be read")
                throw problems.error
            }
            closest.report(into: &problems)
            throw problems.error
        case .found(let foundSeparator, let match, let lines):
            (separator, header, block) = (foundSeparator, match, lines)
        }
        header.report(into: &problems)

        csv.separator = separator
        var rows: [Registration] = []
        var firstLine: [RegistrationKey: Int] = [:]
        let rowReader = RowReader(header: header)
        do {
            while let record = try csv.next(), record.line < header.line {}
            while !problems.truncated, let record = try csv.next() {
                guard !record.isBlank, let row = rowReader.registration(from: record, problems: &problems) else { continue }
                if let first = firstLine[row.key] {
                    problems.add(
                        line: record.line, column: 1, field: nil,
                        expected: "one row per pupil, instelling, vestiging and begindatum",
                        found: "\(row.key)", hint: "line \(first) has the same row")
                    continue
                }
                firstLine[row.key] = record.line
                rows.append(row)
            }
        } catch {
            problems.add(error)
        }
        if problems.truncated { throw problems.error }

        let blockMetadata = ReleaseMetadata(block: block, keys: keys, layouts: layouts, problems: &problems)
        var metadata = blockMetadata.overridden(by: overrides)
        if metadata.swv == nil, Set(rows.compactMap(\.swv)).count == 1 { metadata.swv = rows.first { $0.swv != nil }?.swv }
        metadata = ReleaseMetadata(fileName: fileName).overridden(by: metadata)
        guard let scope = scope(of: header.layout, metadata: metadata, problems: &problems),
            let published = metadata.published
        else {
            if metadata.published == nil {
                problems.add(
                    line: 1, column: 1, field: "published", expected: "DUO's publication date", found: nil,
                    hint: "add a line 'Datum aanmaak;dd-mm-jjjj' to the block before the table, or pass --published dd-mm-jjjj")
            }
            throw problems.error
        }
        if rows.isEmpty && problems.isEmpty {
            problems.add(
                line: header.line + 1, column: 1, field: nil, expected: "registration rows after the header", found: nil,
                hint: "the file has a header only")
        }
        guard problems.isEmpty else { throw problems.error }
        for index in rows.indices where rows[index].swv == nil { rows[index].swv = scope.swv }
        return IncomingRelease(
            scope: scope, publishedOn: published, fileName: fileName, fileSHA256: csv.source.digest, rows: rows)
    }

    /// The overrides in canonical form: a product name as its id, SWV code and school year
    /// normalised; what cannot be read is reported.
    private func canonical(_ overrides: ReleaseMetadata, problems: inout ProblemList) -> ReleaseMetadata {
        var result = overrides
        func report(_ item: String, option: String, expected: String, found: String) {
            problems.add(line: 0, column: 0, field: item, expected: "\(expected) (from \(option))", found: found)
        }
        if let product = overrides.product {
            result.product = layouts.first { $0.product == product }?.product
                ?? (try? keys.get())?.productID(named: product, layouts: layouts)
            if result.product == nil {
                report(
                    "product", option: "--product",
                    expected: "one of " + layouts.map { "\($0.product) (\($0.displayName))" }.joined(separator: ", "), found: product)
            }
        }
        if let swv = overrides.swv {
            result.swv = SWVCode.canonical(swv)
            if result.swv == nil { report("swv", option: "--swv", expected: SWVCode.expectation, found: swv) }
        }
        if let year = overrides.schoolYear {
            result.schoolYear = SchoolYear.canonical(year)
            if result.schoolYear == nil { report("schoolYear", option: "--school-year", expected: SchoolYear.expectation, found: year) }
        }
        return result
    }

    /// The scope of a release of `layout` with `metadata`, or nil after reporting what is missing.
    private func scope(of layout: Layout, metadata: ReleaseMetadata, problems: inout ProblemList) -> Scope? {
        let swv = metadata.swv
        if swv == nil {
            problems.add(
                line: 1, column: 1, field: "swv", expected: "the SWV the file is for", found: nil,
                hint: "add a line 'Samenwerkingsverband;VO2508' to the block before the table, or pass --swv")
        }
        let period: String?
        switch layout.scope {
        case .schoolYear:
            period = metadata.schoolYear ?? metadata.referenceDate.map(SchoolYear.containing)
            if period == nil {
                problems.add(
                    line: 1, column: 1, field: "schoolYear", expected: "the school year the file covers", found: nil,
                    hint: "add a line 'Schooljaar;2021-2022' to the block before the table, or pass --school-year")
            }
        case .referenceDate:
            period = metadata.referenceDate?.iso
            if period == nil {
                problems.add(
                    line: 1, column: 1, field: "referenceDate", expected: "the peildatum of the snapshot", found: nil,
                    hint: "add a line 'Peildatum;dd-mm-jjjj' to the block before the table, or pass --reference-date")
            }
        }
        guard let swv, let period else { return nil }
        return Scope(product: layout.product, swv: swv, period: period)
    }
}
