#if canImport(Glibc)
import Glibc
#endif

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
        guard let real = Self.realPath(candidate) else { return .missing }
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
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
