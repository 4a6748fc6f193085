import Foundation
import Ingest
import KijkglasKit
import Reports

/// Uploaded files waiting for the user's confirmation, and the ingests under way: each file in a
/// folder of its own, owner-only, in a folder this server made for its uploads; a file is
/// deleted once ingested, refused or cancelled, and every one when the server stops.
final class Uploads: @unchecked Sendable {
    /// An ingest's progress.
    enum Progress: Sendable {
        /// Reading and validating the file.
        case reading
        /// Recording the release.
        case recording
        /// Done: what was recorded, one line per release.
        case done([String])
        /// Refused, nothing written.
        case failed(KijkglasError)
    }

    /// The folder of the uploads.
    let directory: URL
    private let lock = NSLock()
    private var files: [String: URL] = [:]
    private var progress: [String: Progress] = [:]

    /// A new, owner-only folder for the uploads under the system's temporary folder.
    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kijkglas-uploads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    }

    /// Stores `bytes` as a file named after `name` (its last path component, characters other
    /// than letters, digits, `.`, `-` and `_` replaced, since the reader takes metadata from the
    /// name), owner-only; returns the upload's id and the file's path.
    func store(_ bytes: [UInt8], name: String) throws -> (id: String, path: String) {
        let id = UUID().uuidString
        let folder = directory.appendingPathComponent(id)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let file = folder.appendingPathComponent(Self.safeName(name))
        guard FileManager.default.createFile(atPath: file.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            try? FileManager.default.removeItem(at: folder)
            throw KijkglasError(.storage, "het bestand kon niet tijdelijk worden opgeslagen")
        }
        lock.withLock { files[id] = file }
        return (id, file.path)
    }

    /// `name`'s last path component with only safe characters; `upload` when nothing is left.
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let safe = String(last.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
        return safe.allSatisfy({ $0 == "." }) ? "upload" : safe
    }

    /// The path of upload `id`, if it waits.
    func path(of id: String) -> String? {
        lock.withLock { files[id]?.path }
    }

    /// Deletes upload `id`'s file and folder.
    func discard(_ id: String) {
        let file = lock.withLock { files.removeValue(forKey: id) }
        if let file { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    }

    /// The progress of the ingest of upload `id`.
    func progress(of id: String) -> Progress? {
        lock.withLock { progress[id] }
    }

    /// Ingests upload `id` through `session` on a thread of its own (reading and recording a large
    /// file takes long; the cooperative pool stays free), then deletes the file.
    func ingest(_ id: String, acceptMassChange: Bool, into session: LedgerSession) throws(KijkglasError) {
        guard let path = path(of: id) else { throw KijkglasError(.usage, "dit bestand is er niet meer; kies het opnieuw") }
        lock.withLock { progress[id] = .reading }
        Thread.detachNewThread { [self] in
            let outcome: Progress
            do throws(KijkglasError) {
                let batch = try IngestBatch(IngestRequest(files: [path], acceptMassChange: acceptMassChange), reading: FileReading())
                lock.withLock { progress[id] = .recording }
                var lines: [String] = []
                try session.ingest(batch) { recorded, release in lines.append(IngestText.outcome(recorded, of: release)) }
                outcome = .done(lines)
            } catch {
                outcome = .failed(error)
            }
            discard(id)
            lock.withLock { progress[id] = outcome }
        }
    }

    /// Deletes every upload and the folder.
    func removeAll() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A server that never ran (as in-process tests drive one) leaves no folder behind either.
    deinit {
        removeAll()
    }
}
