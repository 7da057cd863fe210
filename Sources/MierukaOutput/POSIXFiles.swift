import CMierukaSystem

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the system calls the writer needs, with errors as `OutputError`. `serve`
/// writes its private folder with them too.
package enum POSIXFiles {
    package static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// Creates one directory; an existing directory is fine.
    static func makeDirectory(_ path: String) throws(OutputError) {
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw OutputError(.io, "cannot create the folder \(path): \(errorText())")
        }
    }

    package static func write(_ bytes: some Collection<UInt8>, to path: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(.io, "cannot create \(path): \(errorText())") }
        defer { close(descriptor) }
        var failure: OutputError?
        let written: Bool = bytes.withContiguousStorageIfAvailable { buffer in
            writeAll(descriptor, buffer, path: path, failure: &failure)
        } ?? {
            let copy = Array(bytes)
            return copy.withUnsafeBufferPointer { writeAll(descriptor, $0, path: path, failure: &failure) }
        }()
        if !written, let failure { throw failure }
    }

    private static func writeAll(
        _ descriptor: Int32, _ buffer: UnsafeBufferPointer<UInt8>, path: String, failure: inout OutputError?
    ) -> Bool {
        guard var pointer = buffer.baseAddress else { return true }
        var remaining = buffer.count
        while remaining > 0 {
            let count = Glibc.write(descriptor, pointer, remaining)
            if count < 0 {
                if errno == EINTR { continue }
                failure = OutputError(.io, "cannot write \(path): \(errorText())")
                return false
            }
            remaining -= count
            pointer += count
        }
        return true
    }

    /// Whether `path` is a regular file (not followed if it is a symbolic link) holding exactly
    /// `bytes`. Reads the file only when its size matches.
    static func hasContents(_ path: String, _ bytes: some Collection<UInt8>) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else {
            return false
        }
        let existing = readAll(descriptor, expected: bytes.count)
        guard let existing, existing.count == bytes.count else { return false }
        return bytes.withContiguousStorageIfAvailable { buffer in
            existing.withUnsafeBufferPointer { old in
                guard let first = old.baseAddress, let second = buffer.baseAddress else { return buffer.isEmpty }
                return memcmp(first, second, buffer.count) == 0
            }
        } ?? existing.elementsEqual(bytes)
    }

    /// Up to `expected` + 1 bytes of an open file (one more, to notice a file that grew), or nil
    /// on a read error.
    private static func readAll(_ descriptor: Int32, expected: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: expected + 1)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress.map { $0 + filled }, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        return Array(bytes[0..<filled])
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// A directory entry's name, where it is. (`entry.pointee.d_name` copies the field's 256 bytes,
    /// reading past the end of readdir's buffer when a short entry is the last in it:
    /// AddressSanitizer's heap-buffer-overflow, scripts/sanitizers.sh.)
    static func nameOf(_ entry: UnsafeMutablePointer<dirent>) -> UnsafePointer<CChar> {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        return UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self)
    }

    /// Names in a directory (without . and ..), or nil if it cannot be read.
    static func entries(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = String(cString: nameOf(entry))
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// Names in a directory with whether each is a directory itself (symbolic links are not
    /// followed: a link to a folder counts as a file), or nil if it cannot be read.
    static func typedEntries(_ path: String) -> [(name: String, isDirectory: Bool)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var found: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(directory) {
            let name = String(cString: nameOf(entry))
            guard name != ".", name != ".." else { continue }
            let type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                let isDirectory = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                found.append((name, isDirectory))
            } else {
                found.append((name, type == UInt8(DT_DIR)))
            }
        }
        return found
    }

    /// Deletes a file or a whole folder tree (without following symbolic links).
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in entries(path) ?? [] { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Removes an empty directory.
    static func removeDirectory(_ path: String) throws(OutputError) {
        if rmdir(path) != 0 {
            throw OutputError(.io, "cannot remove the folder \(path): \(errorText())")
        }
    }

    /// Swaps two paths in one step (renameat2 with RENAME_EXCHANGE). Returns false, changing
    /// nothing, where the kernel or the file system cannot exchange.
    static func exchange(_ first: String, _ second: String) throws(OutputError) -> Bool {
        if mieruka_exchange_paths(first, second) == 0 { return true }
        let code = errno
        if code == EINVAL || code == ENOSYS || code == ENOTSUP { return false }
        throw OutputError(.io, "cannot exchange \(first) and \(second): \(errorText(code))")
    }

    /// The modification time of a path (not followed), or nil when it cannot be read.
    static func modificationTime(_ path: String) -> timespec? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mtim
    }

    /// Sets a path's modification time back (its access time is left alone).
    static func setModificationTime(_ path: String, _ time: timespec) {
        let omit = (1 << 30) - 2  // UTIME_OMIT, which Swift does not import
        var times = [timespec(tv_sec: 0, tv_nsec: omit), time]
        _ = utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW)
    }

    package static func rename(_ from: String, _ to: String) throws(OutputError) {
        if Glibc.rename(from, to) != 0 {
            throw OutputError(.io, "cannot move \(from) to \(to): \(errorText())")
        }
    }

    static func copyFile(from source: String, to destination: String) throws(OutputError) {
        try write(try read(source), to: destination)
    }

    /// The whole file.
    package static func read(_ path: String) throws(OutputError) -> [UInt8] {
        let input = open(path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw OutputError(.io, "cannot read \(path): \(errorText())") }
        defer { close(input) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputError(.io, "cannot read \(path): \(errorText())")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
