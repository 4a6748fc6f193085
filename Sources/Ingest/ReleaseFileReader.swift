import Foundation
import Ledger

/// Reads a DUO file into an `IncomingRelease`: finds the layout and header, takes the release
/// metadata from the block, the command line and the file name, and validates every row.
public struct ReleaseFileReader: Sendable {
    /// The candidate layouts.
    public let layouts: [Layout]
    /// The bounds an XLSX file must keep, so a hostile or broken one is a problem, not a crash.
    public var xlsxLimits = XLSXLimits()
    /// The sheet of a workbook to read (`--sheet`); nil to take the one whose header matches.
    public var sheetName: String?
    /// About how many bytes of a UTF-8 file's data lines one thread reads at a time; a file
    /// with fewer than twice as many is read on one thread.
    var stretchBytes = 4 << 20
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

    /// Reads and validates the whole file at `path`: CSV in UTF-8 or Windows-1252, or XLSX.
    /// Problems are collected (up to `maxProblems`) rather than stopping at the first;
    /// `overrides` (from the command line) win over the file's block, which wins over the file name.
    /// - Throws: `InputError` with every problem found, each with file, line, column, field,
    ///   what was expected and what was found (masked).
    public func read(file path: String, overrides: ReleaseMetadata = .init(), maxProblems: Int = 50) throws(InputError)
        -> IncomingRelease
    {
        var inspection = FileInspection(fileName: URL(fileURLWithPath: path).lastPathComponent)
        return try read(file: path, overrides: overrides, maxProblems: maxProblems, into: &inspection)
    }

    /// Reads the file at `path` as `read(file:overrides:maxProblems:)` does, recording nothing,
    /// and tells what it found: format, encoding, layout, metadata with origins, header mapping,
    /// row count and problems.
    public func inspect(file path: String, overrides: ReleaseMetadata = .init(), maxProblems: Int = 50) -> FileInspection {
        var inspection = FileInspection(fileName: URL(fileURLWithPath: path).lastPathComponent)
        do {
            _ = try read(file: path, overrides: overrides, maxProblems: maxProblems, into: &inspection)
        } catch {
            inspection.problems = error.problems
            inspection.truncated = error.truncated
        }
        return inspection
    }

    /// Reads the file at `path`, noting in `inspection` what it finds on the way.
    private func read(file path: String, overrides: ReleaseMetadata, maxProblems: Int, into inspection: inout FileInspection)
        throws(InputError) -> IncomingRelease
    {
        let fileName = inspection.fileName
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

        let table: Table
        let digest: [UInt8]
        if XLSXSheetSource.isWorkbook(path: path) {
            inspection.format = "XLSX"
            problems.namesCells = true
            var csv: CSVReader<XLSXSheetSource>
            do throws(XLSXError) {
                let sheet = try chooseSheet(of: try XLSXSheetSource.sheets(path: path, limits: xlsxLimits), keys: keys, overrides: overrides)
                inspection.format = "XLSX, sheet '\(sheet.sheetName)'"
                csv = CSVReader(source: sheet)
                digest = try XLSXSheetSource.sha256(path: path)
            } catch {
                problems.add(error)
                throw problems.error
            }
            table = try readTable(
                &csv, size: csv.source.size, path: nil, serialDates: csv.source.dateSystem, keys: keys, overrides: overrides,
                fileName: fileName, emptiness: "sheet '\(csv.source.sheetName)' is empty", problems: &problems)
        } else {
            let fileDigest = FileDigest(path: path)
            var csv: CSVReader<DecodingByteSource<FileByteSource>>
            let size: Int
            let encoding: TextEncoding
            do {
                encoding = try TextEncoding.detect(path: path)
                inspection.encoding = encoding
                let file = try FileByteSource(path: path)
                size = file.size
                csv = CSVReader(source: DecodingByteSource(base: file, encoding: encoding))
            } catch {
                problems.add(error)
                throw problems.error
            }
            table = try readTable(
                &csv, size: size, path: encoding.isUTF8 ? path : nil, serialDates: nil, keys: keys,
                overrides: overrides, fileName: fileName, emptiness: "the file is empty", problems: &problems)
            do {
                digest = try fileDigest.value()
            } catch {
                problems.add(error)
                throw problems.error
            }
        }
        let header = table.header
        inspection.layout = header.layout
        inspection.headerLine = header.line
        inspection.columns = zip(table.headers.indices, table.headers).map { index, text in
            FileInspection.Column(
                number: index + 1, header: text, field: index < header.targets.count ? header.targets[index].map(header.name) : nil)
        }
        var rows = table.rows
        let figures = table.figureRows.flatMap(\.figures)
        inspection.rowCount = header.layout.content == .figures ? table.figureRows.count : rows.count
        if problems.truncated { throw problems.error }

        var metadata = table.block.overridden(by: overrides)
        var fromRows = ReleaseMetadata()
        if metadata.swv == nil,
            let swv = rows.lazy.compactMap(\.swv).first ?? table.figureRows.lazy.compactMap(\.swv).first,
            rows.allSatisfy({ $0.swv == nil || $0.swv == swv }), table.figureRows.allSatisfy({ $0.swv == nil || $0.swv == swv })
        {
            fromRows.swv = swv
            metadata.swv = swv
        }
        let rowDays: [Day] =
            switch header.layout.content {
            case .periods: []
            case .snapshot: rows.map(\.periodStart)
            case .figures: figures.compactMap(\.day)
            }
        if metadata.referenceDate == nil, let day = rowDays.first, rowDays.allSatisfy({ $0 == day }) {
            fromRows.referenceDate = day
            metadata.referenceDate = day
        }
        let fromName = ReleaseMetadata(fileName: fileName)
        metadata = fromName.overridden(by: metadata)
        reportSwappedBlockDates(table.block, fileName: fromName, schoolYear: metadata.schoolYear, problems: &problems)
        inspection.metadata = FileInspection.origins(
            of: metadata, sources: [(.flag, overrides), (.block, table.block), (.rows, fromRows), (.fileName, fromName)])
        let scope = scope(of: header.layout, metadata: metadata, problems: &problems)
        if metadata.published == nil && !problems.has(field: "published") {
            problems.add(
                line: 1, column: 1, field: "published", expected: "DUO's publication date", found: nil,
                hint: "add a line 'Datum aanmaak;dd-mm-jjjj' to the block before the table, or give \(ReadingOption.published.words) dd-mm-jjjj",
                option: .published)
        }
        if rows.isEmpty && figures.isEmpty && problems.isEmpty {
            let what = header.layout.content == .figures ? "figure rows" : "registration rows"
            problems.add(
                line: header.line + 1, column: 1, field: nil, expected: "\(what) after the header", found: nil,
                hint: "the file has a header only")
        }
        guard problems.isEmpty, let scope, let published = metadata.published else { throw problems.error }
        for index in rows.indices where rows[index].swv == nil { rows[index].swv = scope.swv }
        return IncomingRelease(
            scope: scope, publishedOn: published, fileName: fileName, fileSHA256: digest, content: header.layout.content,
            rows: rows, figures: figures, isDefinitive: metadata.definitive == true)
    }

    /// What the table part of a file gave: its header, the header's texts, the block's metadata,
    /// and the registrations or figure rows.
    private struct Table {
        var header: HeaderMatch
        var headers: [String]
        var block: ReleaseMetadata
        var rows: [Registration] = []
        var figureRows: [FigureRowReader.Row] = []
        var dates = DateShapes()
    }

    /// Finds the header in `csv` (of about `size` bytes), reads the block before it and the rows
    /// after it; `serialDates` reads a number in a date cell as an Excel serial day. `path` is the
    /// file `csv` reads as it is, when it may be read in stretches on every core; `emptiness`
    /// says what an input of white space only is.
    /// - Throws: `InputError` when the input cannot be read or has no header.
    private func readTable<Source: ByteSource>(
        _ csv: inout CSVReader<Source>, size: Int, path: String?, serialDates: ExcelDateSystem?, keys: MetadataBlockKeys, overrides: ReleaseMetadata,
        fileName: String, emptiness: String, problems: inout ProblemList
    ) throws(InputError) -> Table {
        let search: HeaderSearch.Outcome
        let expectedRows: Int
        do {
            let prefix = try csv.prefix(maxBytes: 64 * 1024)
            search = HeaderSearch(layouts: layouts, keys: keys)
                .run(prefix: prefix.bytes, isWhole: prefix.isWhole, product: overrides.product)
            expectedRows = ReleaseFileReader.lineEstimate(prefix: prefix.bytes, isWhole: prefix.isWhole, fileSize: size)
        } catch {
            problems.add(error)
            throw problems.error
        }
        let (separator, header, block, headers) = try found(search, emptiness: emptiness, problems: &problems)
        header.report(into: &problems)
        let blockMetadata = ReleaseMetadata(
            block: block, keys: keys, layouts: layouts, serialDates: serialDates, problems: &problems)
        csv.separator = separator
        var table = Table(header: header, headers: headers, block: blockMetadata)
        let referenceDay = ReleaseMetadata(fileName: fileName).overridden(by: blockMetadata.overridden(by: overrides)).referenceDate
        switch header.layout.content {
        case .figures:
            table.figureRows = readFigureRows(
                from: &csv, reader: FigureRowReader(header: header, serialDates: serialDates, referenceDay: referenceDay),
                headerLine: header.line, problems: &problems)
        case .snapshot where referenceDay == nil && !header.hasReferenceDayColumn:
            problems.add(
                line: header.line, column: 1, field: "referenceDate", expected: "the teldatum the snapshot is for", found: nil,
                hint: "add a column 'Teldatum', a line 'Peildatum;dd-mm-jjjj' to the block before the table, or give \(ReadingOption.referenceDate.words)",
                option: .referenceDate)
        case .periods, .snapshot:
            table.rows = readRows(
                from: &csv, reader: RowReader(header: header, serialDates: serialDates, referenceDay: referenceDay),
                headerLine: header.line, expectedRows: expectedRows, path: path, dates: &table.dates, problems: &problems)
            table.dates.report(into: &problems)
            if serialDates != nil { reportSwappedPeriods(in: table.rows, problems: &problems) }
        }
        return table
    }

    /// The figure rows on the lines after the header at `headerLine`; a line that states a
    /// figure another line stated already is reported and left out. Stops at the problem limit.
    private func readFigureRows<Source: ByteSource>(
        from csv: inout CSVReader<Source>, reader: FigureRowReader, headerLine: Int, problems: inout ProblemList
    ) -> [FigureRowReader.Row] {
        var rows: [FigureRowReader.Row] = []
        var firstLine: [StatedFigure.Cell: [StatedFigure.Measure: Int]] = [:]
        do {
            while let record = try csv.next(), record.line < headerLine {}
            while !problems.truncated, let record = try csv.next() {
                guard !record.isBlank, let row = reader.row(from: record, problems: &problems) else { continue }
                if let first = row.figures.lazy.compactMap({ firstLine[$0.cell]?[$0.measure] }).first {
                    problems.add(
                        line: record.line, column: 1, field: nil,
                        expected: "one line per day, schoolsoort, category and description", found: nil,
                        hint: "line \(first) states the same figures")
                    continue
                }
                for figure in row.figures { firstLine[figure.cell, default: [:]][figure.measure] = record.line }
                rows.append(row)
            }
        } catch {
            problems.add(error)
        }
        return rows
    }

    /// About how many lines a file of `fileSize` bytes has, judged by the lines in its first
    /// bytes `prefix`: for reserving room, never for checking.
    private static func lineEstimate(prefix: [UInt8], isWhole: Bool, fileSize: Int) -> Int {
        let lines = prefix.reduce(1) { count, byte in byte == ASCII.lineFeed ? count + 1 : count }
        guard !isWhole, !prefix.isEmpty else { return lines }
        return min(fileSize / prefix.count * lines + lines, fileSize / 2 + 1)
    }

    /// The separator, header and block lines the header search found.
    /// - Throws: `InputError` when the input is empty (`emptiness` says so) or has no header line.
    private func found(_ search: HeaderSearch.Outcome, emptiness: String, problems: inout ProblemList) throws(InputError)
        -> (UInt8, HeaderMatch, [CSVRecord], [String])
    {
        switch search {
        case .found(let separator, let header, let block, let headers):
            return (separator, header, block, headers)
        case .empty:
            problems.add(
                line: 1, column: 1, field: nil, expected: "a header line and registration rows", found: nil,
                hint: emptiness)
        case .notFound(let closest?) where closest.matchedCount > 1:
            closest.report(into: &problems)
        case .notFound(let closest):
            let names = layouts.map { layout in
                "\(layout.displayName) (" + layout.requiredHeaders.joined(separator: ", ") + ")"
            }
            problems.add(
                line: closest?.line ?? 1, column: 1, field: nil, expected: "a header line of " + names.joined(separator: " or "),
                found: nil,
                hint: "no line in the first \(HeaderSearch.lineLimit) has a known header; "
                    + "if this is a DUO file with other headers, map them in \(ReadingOption.layout.words)",
                option: .layout)
        }
        throw problems.error
    }
}
