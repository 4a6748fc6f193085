import Foundation

/// Creates directories and tightens files so only the owning user can read them.
///
/// Modes are set with `chmod` after creation, so the process umask can neither widen nor narrow them.
enum OwnerOnlyFiles {
    /// `rwx------`.
    static let directoryMode: mode_t = 0o700
    /// `rw-------`.
    static let fileMode: mode_t = 0o600

    /// Creates `path` and any missing parents with `directoryMode`; an existing directory is left as is.
    static func makeDirectory(_ path: String) throws(LMDBError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw LMDBError(rawValue: ENOTDIR) }
            return
        }
        let parent = parent(of: path)
        if !parent.isEmpty, parent != path { try makeDirectory(parent) }
        guard mkdir(path, directoryMode) == 0 else {
            guard errno == EEXIST else { throw LMDBError(rawValue: errno) }
            return
        }
        try restrict(path, to: directoryMode)
    }

    /// The directory that holds `path`: `a/b` for `a/b/c`, `/` for `/a`, empty for a relative
    /// name without a slash. (Foundation's `deletingLastPathComponent` traps on some one-letter
    /// relative paths.)
    static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let parent = trimmed[..<slash]
        return parent.isEmpty ? "/" : String(parent)
    }

    /// Sets `path`'s permission bits to exactly `mode`.
    static func restrict(_ path: String, to mode: mode_t) throws(LMDBError) {
        guard chmod(path, mode) == 0 else { throw LMDBError(rawValue: errno) }
    }
}
