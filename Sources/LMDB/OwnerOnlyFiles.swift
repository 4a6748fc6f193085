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
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeDirectory(parent) }
        guard mkdir(path, directoryMode) == 0 else {
            guard errno == EEXIST else { throw LMDBError(rawValue: errno) }
            return
        }
        try restrict(path, to: directoryMode)
    }

    /// Sets `path`'s permission bits to exactly `mode`.
    static func restrict(_ path: String, to mode: mode_t) throws(LMDBError) {
        guard chmod(path, mode) == 0 else { throw LMDBError(rawValue: errno) }
    }
}
