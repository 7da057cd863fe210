#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading the site folder with the system calls themselves.
///
/// Foundation's `FileManager` asks for every file's attributes (owner names, extended attributes)
/// when it walks a folder and opens each file through several calls; on a site of ten thousand
/// documents that was a third of the load stage. Only the type of an entry and its bytes are needed.
enum SourceFolder {
    enum EntryKind {
        case file, folder, other
    }

    /// What `path` is, without following a symbolic link (a link is `other`, as it was skipped before).
    static func kind(_ path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// The names in a folder (without "." and ".."), with their kinds; empty when it cannot be read.
    static func entries(_ folder: String) -> [(name: String, kind: EntryKind)] {
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        var found: [(name: String, kind: EntryKind)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let kind: EntryKind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_UNKNOWN): kind = Self.kind(folder + "/" + name)  // file systems that do not say
            default: kind = .other
            }
            found.append((name, kind))
        }
        return found
    }

    /// The whole file, or nil when it cannot be opened or read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while true {
            if filled == bytes.count {
                // The file grew while it was read (an editor saving): read on.
                bytes.append(contentsOf: repeatElement(0, count: Swift.max(4096, bytes.count / 2)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.read(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
