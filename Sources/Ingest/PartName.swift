/// Part names of an Open Packaging Conventions package (an XLSX file): compared without
/// regard to letter case, with `\` taken for `/` (as some writers store them in the ZIP
/// directory), and relationship targets resolved against their source part.
enum PartName {
    /// `name` as a lookup key: lowercased, backslashes made slashes, no leading slash.
    static func normalised(_ name: String) -> String {
        var key = name.replacingOccurrences(of: "\\", with: "/").lowercased()
        while key.hasPrefix("/") { key.removeFirst() }
        return key
    }

    /// The relationships part of part `source`: `xl/_rels/workbook.xml.rels` for
    /// `xl/workbook.xml`, `_rels/.rels` for the package itself (`""`).
    static func relationships(of source: String) -> String {
        let parts = source.split(separator: "/", omittingEmptySubsequences: true)
        guard let last = parts.last else { return "_rels/.rels" }
        return (parts.dropLast().map(String.init) + ["_rels", last + ".rels"]).joined(separator: "/")
    }

    /// The part a relationship of part `source` targets: an absolute target (`/xl/…`) from the
    /// package root, a relative one from `source`'s folder, `.` and `..` undone.
    static func resolve(_ target: String, from source: String) -> String {
        let target = target.replacingOccurrences(of: "\\", with: "/")
        var folder = target.hasPrefix("/") ? [] : source.split(separator: "/").dropLast().map(String.init)
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !folder.isEmpty { folder.removeLast() }
            default: folder.append(String(segment))
            }
        }
        return folder.joined(separator: "/")
    }
}
