#if canImport(Glibc)
import Glibc
#endif
import MierukaOutput

/// Finds the file a request names inside the served folder, on disk.
///
/// The path is already free of ".." and encoded tricks (`RequestPath`); here the file's real
/// path (every symbolic link resolved) must still lie inside the folder's real path, so a link
/// inside the site that points elsewhere is refused.
struct SiteFiles: Sendable {
    /// The served folder's real path.
    let root: String

    enum Found: Equatable {
        case file(path: String)
        /// A folder requested without its final slash.
        case folder
        /// Resolves outside the served folder.
        case outside
        case missing
    }

    func locate(_ relative: String) -> Found {
        var candidate = root + "/" + relative
        if relative.isEmpty || relative.hasSuffix("/") { candidate += "index.html" }
        guard let real = POSIXFiles.realPath(candidate) else { return .missing }
        guard real.hasPrefix(root + "/") else { return .outside }
        var info = stat()
        guard stat(real, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(path: real)
        case S_IFDIR: return relative.hasSuffix("/") || relative.isEmpty ? .missing : .folder
        default: return .missing
        }
    }

    /// The file's bytes, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? { try? POSIXFiles.read(path) }
}
