import Foundation
import ZIPFoundation

/// One worksheet of an XLSX file, handed out as `;`-separated CSV text so the CSV path (header
/// search, block, rows, problems) reads it unchanged: line N is the sheet's row N and field K
/// its column K, so problems point at the cell.
///
/// The package is read as Open Packaging Conventions say: the relationships in `_rels/.rels`
/// name the workbook part, the workbook's relationships name its sheets and shared strings;
/// part names match whatever their letter case and with either slash. Cells give shared
/// strings, inline strings, numbers (whole numbers without a fraction), booleans as 1/0 and
/// ISO dates; `_xHHHH_` escapes are undone and a line break inside a cell becomes a space.
/// Everything read is counted against `XLSXLimits`, declared sizes before inflating and real
/// sizes while inflating.
struct XLSXSheetSource: ByteSource {
    /// The name of the sheet read.
    let sheetName: String
    /// How the workbook numbers its days (`date1904`), for numbers in date cells.
    let dateSystem: ExcelDateSystem
    /// The size of the CSV text in bytes.
    var size: Int { csv.count }
    /// The CSV text of the sheet.
    let csv: [UInt8]
    private var offset = 0

    /// A source of the sheet `sheetName` whose CSV text is `csv`.
    init(sheetName: String, dateSystem: ExcelDateSystem, csv: [UInt8]) {
        self.sheetName = sheetName
        self.dateSystem = dateSystem
        self.csv = csv
    }

    /// Whether the file at `path` is meant as a workbook: named `.xlsx`, or by its signature a
    /// ZIP archive (XLSX, ODS), an OLE compound file (a legacy or encrypted workbook) or a bare
    /// BIFF stream (Excel 2–4). Other names (a tab-separated text saved as `.xls`) are read as text.
    static func isWorkbook(path: String) -> Bool {
        if path.lowercased().hasSuffix(".xlsx") { return true }
        let magic = leadingBytes(of: path, count: 8)
        return magic.starts(with: zipSignature) || magic == compoundFileSignature || isBIFF(magic)
    }

    /// Whether `magic` starts a bare BIFF stream: a BOF record 0x0009, 0x0209, 0x0409 or 0x0809.
    private static func isBIFF(_ magic: [UInt8]) -> Bool {
        magic.count >= 2 && magic[0] == 0x09 && [0x00, 0x02, 0x04, 0x08].contains(magic[1])
    }

    /// The first `count` bytes of the file at `path`, fewer when it is shorter or unreadable.
    private static func leadingBytes(of path: String, count: Int) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: count)).map { [UInt8]($0) } ?? []
    }

    private static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// The signature of an OLE compound file: an Excel 97–2003 `.xls`, or an encrypted OOXML file.
    private static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// SHA-256 of the file's bytes, read in chunks.
    static func sha256(path: String) throws(XLSXError) -> [UInt8] {
        guard var file = try? FileByteSource(path: path) else { throw XLSXError.damaged("it cannot be opened") }
        do {
            return try FileDigest.sha256(of: &file)
        } catch {
            throw XLSXError.damaged("it cannot be read")
        }
    }

    /// Every worksheet of the workbook at `path`, in workbook order, each as CSV text.
    /// - Throws: `XLSXError` when the file is no ZIP archive (naming a legacy, encrypted or
    ///   OpenDocument file as such), is damaged, exceeds `limits`, or lacks a worksheet.
    static func sheets(path: String, limits: XLSXLimits) throws(XLSXError) -> [XLSXSheetSource] {
        let magic = leadingBytes(of: path, count: 8)
        if magic == compoundFileSignature { throw try compoundFileError(path: path) }
        if isBIFF(magic) { throw XLSXError.legacyWorkbook }
        guard magic.starts(with: zipSignature) else { throw XLSXError.notZip }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XLSXError.damaged("no readable central directory")
        }
        var reader = PartReader(archive: archive, limits: limits)
        try reader.indexEntries()
        if let mimetype = try reader.smallPart("mimetype"), mimetype.hasPrefix("application/vnd.oasis.opendocument") {
            throw XLSXError.openDocument
        }
        let workbook = try reader.workbook()
        guard !workbook.sheets.isEmpty else {
            throw XLSXError(expected: "an XLSX workbook with a worksheet", found: "no worksheet")
        }
        let strings = try workbook.sharedStrings.map { path throws(XLSXError) in try reader.sharedStrings(path) } ?? []
        var sources: [XLSXSheetSource] = []
        // The sheets' text shares one budget, so many sheets cannot multiply it.
        var budget = limits.maxUncompressedBytes
        for sheet in workbook.sheets {
            var writer = SheetWriter(sharedStrings: strings, limit: budget)
            try reader.read(sheet.path) { event throws(XLSXError) in try writer.handle(event) }
            budget -= writer.output.count
            sources.append(XLSXSheetSource(sheetName: sheet.name, dateSystem: workbook.dateSystem, csv: writer.output))
        }
        return sources
    }

    /// What an OLE compound file at `path` is: an encrypted OOXML workbook when it holds an
    /// `EncryptionInfo` stream (its name, UTF-16, in the directory), else a legacy `.xls`.
    private static func compoundFileError(path: String) throws(XLSXError) -> XLSXError {
        guard var file = try? FileByteSource(path: path) else { throw XLSXError.damaged("it cannot be opened") }
        let name = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var carried: [UInt8] = []
        var read = 0
        while read < 64 << 20 {
            guard let count = try? buffer.withUnsafeMutableBytes({ try file.read(into: $0) }), count > 0 else { break }
            read += count
            let window = carried + buffer[..<count]
            if window.firstRange(of: name) != nil { return .encrypted }
            carried = Array(window.suffix(name.count))
        }
        return .legacyWorkbook
    }

    /// Copies the next bytes of the CSV text, as many as fit.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
        let count = min(buffer.count, csv.count - offset)
        guard count > 0 else { return 0 }
        csv.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
        }
        offset += count
        return count
    }
}

extension XLSXSheetSource {
    /// Reads the archive's XML parts within the limits, counting every inflated byte.
    private struct PartReader {
        let archive: Archive
        let limits: XLSXLimits
        var inflated = 0

        init(archive: Archive, limits: XLSXLimits) {
            self.archive = archive
            self.limits = limits
        }

        /// The entries by part name, normalised (`PartName.normalised`).
        private var entries: [String: Entry] = [:]

        /// Indexes the entries by normalised part name.
        /// - Throws: when the archive has more entries than the limit allows.
        mutating func indexEntries() throws(XLSXError) {
            var count = 0
            for entry in archive {
                count += 1
                if count > limits.maxEntries {
                    throw XLSXError(
                        expected: "an XLSX workbook of at most \(limits.maxEntries) ZIP entries", found: "more entries than that")
                }
                let name = PartName.normalised(entry.path)
                if entries[name] == nil { entries[name] = entry }
            }
        }

        /// The entry of part `name`, whatever its letter case and slashes.
        private func entry(_ name: String) -> Entry? {
            entries[PartName.normalised(name)]
        }

        /// The text of a part of at most 1 KiB, nil when there is none.
        mutating func smallPart(_ name: String) throws(XLSXError) -> String? {
            guard let entry = entry(name), entry.uncompressedSize <= 1024 else { return nil }
            var bytes: [UInt8] = []
            do {
                _ = try archive.extract(entry, bufferSize: 1024) { data in bytes += data }
            } catch {
                return nil
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// The workbook's parts: its sheets (name and part) in order, its shared strings part,
        /// and how it numbers its days.
        struct Workbook {
            var sheets: [(name: String, path: String)] = []
            var sharedStrings: String?
            var dateSystem = ExcelDateSystem.from1900
        }

        /// The relationships of part `source`, id → (type, target part name); none when it has no
        /// relationships part.
        private mutating func relationships(of source: String) throws(XLSXError) -> [String: (type: String, target: String)] {
            let rels = PartName.relationships(of: source)
            guard entry(rels) != nil else { return [:] }
            var found: [String: (type: String, target: String)] = [:]
            try read(rels) { event in
                guard case .start("Relationship", let attributes, _) = event,
                    let id = attributes.first(where: { $0.name == "Id" })?.value,
                    let target = attributes.first(where: { $0.name == "Target" })?.value,
                    attributes.first(where: { $0.name == "TargetMode" })?.value != "External"
                else { return }
                let type = attributes.first { $0.name == "Type" }?.value ?? ""
                found[id] = (type, PartName.resolve(target, from: source))
            }
            return found
        }

        /// The workbook part (named by the package relationships, else `xl/workbook.xml`), its
        /// worksheets in order and its shared strings; notes the date system.
        mutating func workbook() throws(XLSXError) -> Workbook {
            let package = try relationships(of: "")
            let named = package.values.first { $0.type.hasSuffix("/officeDocument") && entry($0.target) != nil }?.target
            guard let path = named ?? (entry("xl/workbook.xml") != nil ? "xl/workbook.xml" : nil) else {
                throw XLSXError(expected: "an XLSX workbook", found: "a ZIP archive without a workbook part")
            }
            let targets = try relationships(of: path)
            var workbook = Workbook()
            workbook.sharedStrings = targets.values.first { $0.type.hasSuffix("/sharedStrings") && entry($0.target) != nil }?.target
                ?? (entry("xl/sharedStrings.xml") != nil ? "xl/sharedStrings.xml" : nil)
            var number = 0
            var dateSystem = ExcelDateSystem.from1900
            var sheets: [(name: String, path: String)] = []
            try read(path) { event in
                if case .start("workbookPr", let attributes, _) = event,
                    let flag = attributes.first(where: { $0.name == "date1904" })?.value
                {
                    dateSystem = flag == "1" || flag.lowercased() == "true" ? .from1904 : .from1900
                }
                guard case .start("sheet", let attributes, _) = event else { return }
                number += 1
                let name = XLSXEscapes.decoded(attributes.first { $0.name == "name" }?.value ?? "Sheet\(number)")
                let id = attributes.first { $0.name.hasSuffix(":id") }?.value
                let target = id.flatMap { targets[$0] }
                // A chart sheet or dialog sheet holds no table.
                if let target, !target.type.isEmpty, !target.type.hasSuffix("/worksheet") { return }
                sheets.append((name, target?.target ?? "xl/worksheets/sheet\(number).xml"))
            }
            workbook.dateSystem = dateSystem
            workbook.sheets = sheets.filter { entry($0.path) != nil }
            return workbook
        }

        /// The shared strings of part `path`, in order.
        mutating func sharedStrings(_ path: String) throws(XLSXError) -> [String] {
            var strings: [String] = []
            var current = ""
            var inText = false
            var phonetic = 0
            try read(path) { event in
                switch event {
                case .start("si", _, _): current = ""
                case .end("si"): strings.append(XLSXEscapes.decoded(current))
                case .start("rPh", _, let empty): if !empty { phonetic += 1 }
                case .end("rPh"): phonetic -= 1
                case .start("t", _, let empty): inText = !empty && phonetic == 0
                case .end("t"): inText = false
                case .text(let raw) where inText: current += XMLScanner.text(raw)
                default: break
                }
            }
            return strings
        }

        /// Inflates the entry at `path` chunk by chunk into the XML scanner, calling `handle`
        /// for every token.
        mutating func read(_ path: String, _ handle: (XMLScanner.Event) throws(XLSXError) -> Void) throws(XLSXError) {
            guard let entry = entry(path) else { throw XLSXError(expected: "an XLSX workbook", found: "no part \(path)") }
            let limit = limits.maxUncompressedBytes
            guard entry.uncompressedSize <= UInt64(limit - inflated) else { throw overLimit(path) }
            var scanner = XMLScanner()
            var failure: XLSXError?
            var count = inflated
            do {
                _ = try archive.extract(entry, bufferSize: 64 * 1024) { data in
                    count += data.count
                    if count > limit { failure = overLimit(path) }
                    if failure == nil {
                        do throws(XLSXError) {
                            if let malformed = try scanner.feed(data, handle) {
                                failure = XLSXError(expected: "well-formed XML in \(path)", found: malformed.reason)
                            }
                        } catch {
                            failure = error
                        }
                    }
                    if failure != nil { throw CancellationError() }
                }
            } catch {
                throw failure ?? XLSXError.damaged("\(path) does not inflate: \(error)")
            }
            inflated = count
            if scanner.isUnfinished { throw XLSXError(expected: "well-formed XML in \(path)", found: "it ends inside a tag") }
        }

        private func overLimit(_ path: String) -> XLSXError {
            let bytes = limits.maxUncompressedBytes
            return XLSXError(
                expected: "an XLSX workbook that inflates to at most " + (bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"),
                found: "\(path) inflates to more (a damaged file or a ZIP bomb)")
        }
    }
}
