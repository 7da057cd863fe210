import Foundation
import MierukaBuild
import MierukaOutput
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The folder `serve` builds the site into and serves from: a private temporary folder, never the
/// site's public/, so that a preview can never be mistaken for a published build.
///
/// Files are replaced one by one, each atomically (written beside, then renamed over the old one),
/// so a request during a rebuild gets either the old file or the new one, never half of one.
public final class ServedFolder: Sendable {
    public let path: String
    private let knownDirectories = Mutex<Set<String>>([])
    private let counter = Atomic<Int>(0)

    /// Creates a new empty folder under the system's temporary folder.
    public init() throws {
        let base = FileManager.default.temporaryDirectory.path
        let folder = base + "/mieruka-serve-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // The real path, so that the server's containment checks compare like with like.
        path = POSIXFiles.realPath(folder) ?? folder
    }

    /// Uses an existing folder (tests).
    public init(existing path: String) {
        self.path = POSIXFiles.realPath(path) ?? path
    }

    public func write(_ relativePath: String, _ bytes: [UInt8]) throws {
        try makeParents(of: relativePath)
        let target = path + "/" + relativePath
        let slash = target.lastIndex(of: "/") ?? target.startIndex
        let temporary = String(target[..<slash]) + "/.mieruka-serve-\(counter.add(1, ordering: .relaxed).newValue).tmp"
        do {
            try POSIXFiles.write(bytes, to: temporary)
            try POSIXFiles.rename(temporary, target)
        } catch {
            unlink(temporary)
            throw ServedFolderError(error.description)
        }
    }

    public func copy(from absolutePath: String, to relativePath: String) throws {
        let bytes: [UInt8]
        do { bytes = try POSIXFiles.read(absolutePath) } catch { throw ServedFolderError(error.description) }
        try write(relativePath, bytes)
    }

    /// Removes a file, and the folders it leaves empty.
    public func remove(_ relativePath: String) {
        unlink(path + "/" + relativePath)
        var parts = relativePath.split(separator: "/").dropLast()
        while !parts.isEmpty {
            let directory = parts.joined(separator: "/")
            guard rmdir(path + "/" + directory) == 0 else { break }
            _ = knownDirectories.withLock { $0.remove(directory) }
            parts = parts.dropLast()
        }
    }

    /// Deletes the folder and everything in it.
    public func delete() {
        try? FileManager.default.removeItem(atPath: path)
    }

    private func makeParents(of relativePath: String) throws {
        var current = ""
        for component in relativePath.split(separator: "/").dropLast() {
            current += current.isEmpty ? String(component) : "/" + component
            let directory = current
            if knownDirectories.withLock({ $0.contains(directory) }) { continue }
            let full = path + "/" + directory
            if mkdir(full, 0o755) != 0, errno != EEXIST {
                throw ServedFolderError("cannot create the folder \(full): \(POSIXFiles.errorText())")
            }
            var info = stat()
            if lstat(full, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
                // A file where a folder is now needed (a page became a folder of pages).
                unlink(full)
                if mkdir(full, 0o755) != 0, errno != EEXIST {
                    throw ServedFolderError("cannot create the folder \(full): \(POSIXFiles.errorText())")
                }
            }
            knownDirectories.withLock { _ = $0.insert(directory) }
        }
    }

}

public struct ServedFolderError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) { self.description = description }
}

extension ServedFolder: OutputTarget {
    package func writeFile(_ relativePath: String, _ bytes: [UInt8]) throws { try write(relativePath, bytes) }
    package func copyFile(from absolutePath: String, to relativePath: String) throws {
        try copy(from: absolutePath, to: relativePath)
    }
}
