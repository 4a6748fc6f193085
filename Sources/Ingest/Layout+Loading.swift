import Foundation
import Schemas

extension Layout {
    /// The layout in the JSON file at `url` (the format of `Schemas/layouts/layout.schema.json`).
    /// - Throws: `LayoutError` naming the file and what is wrong: unreadable, not JSON, a
    ///   missing key, an unknown field name or type, a field without which no row exists.
    public init(contentsOf url: URL) throws(LayoutError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "the file cannot be read" : "no such file"
            throw LayoutError(file: url.path, message: "expected a layout file, found \(reason)")
        }
        do {
            self = try JSONDecoder().decode(Layout.self, from: data)
        } catch let error as Swift.DecodingError {
            throw LayoutError(file: url.path, message: Layout.explain(error))
        } catch {
            throw LayoutError(file: url.path, message: "\(error)")
        }
    }

    /// The layouts shipped in `Schemas/layouts/`: every `*.json` file but the JSON Schema.
    /// - Throws: `LayoutError` when the directory or one of its files cannot be read.
    public static func builtIn() throws(LayoutError) -> [Layout] {
        let directory = SchemaFiles.layoutsDirectory
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw LayoutError(file: directory.path, message: "expected the built-in layouts, found no such directory")
        }
        var layouts: [Layout] = []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasSuffix(".schema.json") {
            layouts.append(try Layout(contentsOf: directory.appendingPathComponent(name)))
        }
        guard !layouts.isEmpty else {
            throw LayoutError(file: directory.path, message: "expected at least one layout file, found none")
        }
        return layouts
    }

    /// A decoding error as a sentence with its place in the file (`fields[3].name`).
    static func explain(_ error: Swift.DecodingError) -> String {
        func place(_ path: [any CodingKey]) -> String {
            let text = path.reduce("") { text, key in
                key.intValue.map { "\(text)[\($0)]" } ?? (text.isEmpty ? key.stringValue : "\(text).\(key.stringValue)")
            }
            return text.isEmpty ? "" : " (at \(text))"
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "expected JSON, found text that is not valid JSON"
        case .dataCorrupted(let context):
            return context.debugDescription + place(context.codingPath)
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)'" + place(context.codingPath)
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "expected a value of type \(type)" + place(context.codingPath)
        @unknown default:
            return "\(error)"
        }
    }
}
