import Foundation
import Ingest
import Testing
import ZIPFoundation

/// Writes small XLSX workbooks for tests: the XML parts written out by hand and zipped with
/// ZIPFoundation, as Excel lays them out.
struct XLSXFile {
    /// One cell as Excel stores it.
    enum Cell {
        /// A string in the shared-strings part.
        case shared(String)
        /// A string written in the cell.
        case inline(String)
        /// A number (a date is one: its serial day).
        case number(String)
        /// Nothing.
        case empty
    }

    /// The sheets in workbook order: name and rows.
    var sheets: [(name: String, rows: [[Cell]])]
    /// Extra bytes to put at the end of the first sheet's XML, inside `sheetData`.
    var padding = ""
    /// Whether the workbook counts its days from 1904 (`<workbookPr date1904="1"/>`).
    var date1904 = false
    /// Where the workbook part lives; `_rels/.rels` points at it, sheets and shared strings
    /// sit in its folder.
    var workbookPath = "xl/workbook.xml"
    /// How the ZIP directory spells the part names (other writers differ from the
    /// relationships' spelling).
    var spelling = Spelling.asReferenced

    /// How the part names are written in the ZIP directory.
    enum Spelling {
        /// As the relationships name them.
        case asReferenced
        /// In capitals (`XL/WORKSHEETS/SHEET1.XML`).
        case upperCase
        /// With backslashes (`xl\worksheets\sheet1.xml`).
        case backslashes
    }

    /// The parts of the workbook, by path.
    func parts() -> [(path: String, text: String)] {
        var strings: [String] = []
        var index: [String: Int] = [:]
        var parts: [(path: String, text: String)] = []
        for (number, sheet) in sheets.enumerated() {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
                + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            for (rowIndex, row) in sheet.rows.enumerated() where row.contains(where: { if case .empty = $0 { false } else { true } }) {
                xml += #"<row r="\#(rowIndex + 1)">"#
                for (column, cell) in row.enumerated() {
                    let reference = XLSXFile.columnName(column + 1) + "\(rowIndex + 1)"
                    switch cell {
                    case .shared(let text):
                        let position = index[text] ?? strings.count
                        if index[text] == nil {
                            index[text] = position
                            strings.append(text)
                        }
                        xml += #"<c r="\#(reference)" t="s"><v>\#(position)</v></c>"#
                    case .inline(let text):
                        xml += #"<c r="\#(reference)" t="inlineStr"><is><t>\#(XLSXFile.escaped(text))</t></is></c>"#
                    case .number(let text):
                        xml += #"<c r="\#(reference)"><v>\#(text)</v></c>"#
                    case .empty:
                        continue
                    }
                }
                xml += "</row>"
            }
            if number == 0 { xml += padding }
            xml += "</sheetData></worksheet>"
            parts.append(("xl/worksheets/sheet\(number + 1).xml", xml))
        }
        let folder = workbookPath.split(separator: "/").dropLast().map { $0 + "/" }.joined()
        let workbookName = workbookPath.split(separator: "/").last.map(String.init) ?? "workbook.xml"
        let sheetList = sheets.enumerated().map { number, sheet in
            #"<sheet name="\#(XLSXFile.escaped(sheet.name))" sheetId="\#(number + 1)" r:id="rId\#(number + 1)"/>"#
        }.joined()
        let relations = sheets.indices.map { number in
            #"<Relationship Id="rId\#(number + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(number + 1).xml"/>"#
        }.joined()
            + #"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        let shared = strings.map { "<si><t>\(XLSXFile.escaped($0))</t></si>" }.joined()
        let all: [(path: String, text: String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("_rels/.rels",
                #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/\#(workbookPath)"/></Relationships>"#),
            (workbookPath,
                #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\#(date1904 ? #"<workbookPr date1904="1"/>"# : "")<sheets>\#(sheetList)</sheets></workbook>"#),
            (folder + "_rels/" + workbookName + ".rels",
                #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relations)</Relationships>"#),
            (folder + "sharedStrings.xml",
                #"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(strings.count)">\#(shared)</sst>"#),
        ] + parts.map { (folder + $0.path.dropFirst(3), $0.text) }
        return all.map { part in
            switch spelling {
            case .asReferenced: part
            case .upperCase: (part.path.uppercased(), part.text)
            case .backslashes: (part.path.replacingOccurrences(of: "/", with: "\\"), part.text)
            }
        }
    }

    /// The workbook zipped, deflated.
    func bytes() throws -> [UInt8] {
        try XLSXFile.zip(parts().map { ($0.path, Array($0.text.utf8)) })
    }

    /// `parts` zipped, deflated, in order: any bytes, so a test can zip XML that is not UTF-8.
    static func zip(_ parts: [(path: String, bytes: [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            let data = Data(part.bytes)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<(Int(position) + size)) }
        }
        return [UInt8](try #require(archive.data))
    }

    /// Column `number` (from 1) as Excel names it: A, …, Z, AA, ….
    static func columnName(_ number: Int) -> String { InputProblem.columnName(number) }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
