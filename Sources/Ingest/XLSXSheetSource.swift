import Foundation
import ZIPFoundation

/// One worksheet of an XLSX file, handed out as `;`-separated CSV text so the CSV path (header
/// search, block, rows, problems) reads it unchanged: line N is the sheet's row N and field K
/// its column K, so problems point at the cell.
///
/// The sheet read is the one named like a block title, else the first. Cells give shared
/// strings, inline strings, numbers (whole numbers without a fraction), booleans as 1/0 and
/// ISO dates; a line break inside a cell becomes a space. Everything read is counted against
/// `XLSXLimits`, declared sizes before inflating and real sizes while inflating.
struct XLSXSheetSource: ByteSource {
    /// The name of the sheet read.
    let sheetName: String
    /// How the workbook numbers its days (`date1904`), for numbers in date cells.
    let dateSystem: ExcelDateSystem
    /// The size of the CSV text in bytes.
    var size: Int { csv.count }
    private let csv: [UInt8]
    private var offset = 0

    /// Whether the file at `path` is meant as a workbook: named `.xlsx`, or a ZIP archive.
    static func isWorkbook(path: String) -> Bool {
        if path.lowercased().hasSuffix(".xlsx") { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)).map { [UInt8]($0) == [0x50, 0x4B, 0x03, 0x04] } ?? false
    }

    /// SHA-256 of the file's bytes, read in chunks.
    static func sha256(path: String) throws(XLSXError) -> [UInt8] {
        guard var file = try? FileByteSource(path: path) else { throw XLSXError.damaged("it cannot be opened") }
        do {
            return try FileDigest.sha256(of: &file)
        } catch {
            throw XLSXError.damaged("it cannot be read")
        }
    }

    /// Reads the sheet of the workbook at `path` that is named like one of `titles`, else its first.
    /// - Throws: `XLSXError` when the file is no ZIP archive, is damaged, exceeds `limits`, or
    ///   lacks a worksheet.
    init(path: String, limits: XLSXLimits, titles: [String]) throws(XLSXError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw XLSXError.damaged("it cannot be opened") }
        let magic = (try? handle.read(upToCount: 4)).map { [UInt8]($0) } ?? []
        try? handle.close()
        guard magic == [0x50, 0x4B, 0x03, 0x04] else { throw XLSXError.notZip }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XLSXError.damaged("no readable central directory")
        }
        var reader = PartReader(archive: archive, limits: limits)
        try reader.checkEntryCount()
        let sheets = try reader.sheets()
        let wanted = Set(titles.map(HeaderName.normalised))
        guard let sheet = sheets.first(where: { wanted.contains(HeaderName.normalised($0.name)) }) ?? sheets.first else {
            throw XLSXError(expected: "an XLSX workbook with a worksheet", found: "no worksheet")
        }
        let strings = try reader.sharedStrings()
        var writer = SheetWriter(sharedStrings: strings, limit: limits.maxUncompressedBytes)
        try reader.read(sheet.path) { event throws(XLSXError) in try writer.handle(event) }
        self.sheetName = sheet.name
        self.dateSystem = reader.dateSystem
        self.csv = writer.output
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

        /// Throws when the archive has more entries than the limit allows.
        func checkEntryCount() throws(XLSXError) {
            var count = 0
            for _ in archive {
                count += 1
                if count > limits.maxEntries {
                    throw XLSXError(
                        expected: "an XLSX workbook of at most \(limits.maxEntries) ZIP entries", found: "more entries than that")
                }
            }
        }

        /// How the workbook numbers its days, known once `sheets()` has read the workbook part.
        var dateSystem = ExcelDateSystem.from1900

        /// The worksheets in workbook order, with the path of each part; notes the date system.
        mutating func sheets() throws(XLSXError) -> [(name: String, path: String)] {
            var targets: [String: String] = [:]
            if archive["xl/_rels/workbook.xml.rels"] != nil {
                try read("xl/_rels/workbook.xml.rels") { event in
                    guard case .start("Relationship", let attributes, _) = event,
                        let id = attributes.first(where: { $0.name == "Id" })?.value,
                        let target = attributes.first(where: { $0.name == "Target" })?.value
                    else { return }
                    targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                }
            }
            var sheets: [(name: String, path: String)] = []
            guard archive["xl/workbook.xml"] != nil else {
                throw XLSXError(expected: "an XLSX workbook", found: "a ZIP archive without xl/workbook.xml")
            }
            var number = 0
            var dateSystem = ExcelDateSystem.from1900
            defer { self.dateSystem = dateSystem }
            try read("xl/workbook.xml") { event in
                if case .start("workbookPr", let attributes, _) = event,
                    let flag = attributes.first(where: { $0.name == "date1904" })?.value
                {
                    dateSystem = flag == "1" || flag.lowercased() == "true" ? .from1904 : .from1900
                }
                guard case .start("sheet", let attributes, _) = event else { return }
                number += 1
                let name = attributes.first { $0.name == "name" }?.value ?? "Sheet\(number)"
                let id = attributes.first { $0.name.hasSuffix(":id") }?.value
                sheets.append((name, id.flatMap { targets[$0] } ?? "xl/worksheets/sheet\(number).xml"))
            }
            return sheets.filter { archive[$0.path] != nil }
        }

        /// The shared strings, in order; none when the workbook has no such part.
        mutating func sharedStrings() throws(XLSXError) -> [String] {
            guard archive["xl/sharedStrings.xml"] != nil else { return [] }
            var strings: [String] = []
            var current = ""
            var inText = false
            var phonetic = 0
            try read("xl/sharedStrings.xml") { event in
                switch event {
                case .start("si", _, _): current = ""
                case .end("si"): strings.append(current)
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
            guard let entry = archive[path] else { throw XLSXError(expected: "an XLSX workbook", found: "no part \(path)") }
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
