import Foundation
import Testing

/// The test files in `Fixtures/`, and temporary files made from them.
enum Fixture {
    /// The path of fixture `name`.
    static func path(_ name: String) throws -> String {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return folder.appendingPathComponent(name).path
    }

    /// The bytes of fixture `name`.
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: try path(name))))
    }

    /// Writes `bytes` to a new temporary directory as `name` and returns the file's path.
    static func write(_ bytes: [UInt8], as name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kijkglas-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// Writes `text` as UTF-8 to a new temporary file `name` and returns its path.
    static func write(_ text: String, as name: String) throws -> String {
        try write(Array(text.utf8), as: name)
    }

    /// Removes a file written by `write` with its directory.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }
}
