import Foundation
import MierukaBuild
import MierukaOutput
import MierukaParallel
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The folder `serve` builds the site into and serves from: a private temporary folder, never the
/// site's public/, so that a preview can never be mistaken for a published build.
///
/// Files are replaced one by one, each atomically (written beside, then renamed over the old one),
/// so a request during a rebuild gets either the old file or the new one, never half of one.
///
/// Deleting the folder closes it first (`close`): from then on nothing is written or removed in
/// it, so that a rebuild still running when serve stops (Ctrl-C) cannot put files into a folder
/// being deleted, and serve need not wait for that rebuild to end.
///
/// The folder is locked (`flock`) for as long as serve runs and while it is being deleted after
/// serve has stopped, so that a later serve can tell a folder that nobody owns any more (left by a
/// serve that was killed, or whose deletion was cut short) from one in use, and delete it
/// (`removeLeftovers`); nothing is left behind for ever.
package final class ServedFolder: Sendable {
    package let path: String
    /// The folder's lock, held while this value lives (-1 when the file system cannot lock, and
    /// for folders given by tests).
    private let lock: Int32
    /// Served folders are named `mieruka-serve-<pid>-<random>`.
    static let prefix = "mieruka-serve-"
    private let knownDirectories = Lock<Set<String>>([])
    private let counter = Atomic<Int>(0)
    /// Open until the folder is deleted.
    private let gate = WriteGate()

    /// Creates a new empty folder under the system's temporary folder.
    package init() throws {
        let folder = Self.parent + "/" + Self.prefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // The real path, so that the server's containment checks compare like with like.
        path = POSIXFiles.realPath(folder) ?? folder
        lock = LeftoverStaging.lock(path)
    }

    /// Uses an existing folder (tests).
    package init(existing path: String) {
        self.path = POSIXFiles.realPath(path) ?? path
        lock = -1
    }

    deinit {
        if lock >= 0 { Glibc.close(lock) }
    }

    /// Where served folders are made: the system's temporary folder (TMPDIR, else /tmp).
    package static var parent: String { FileManager.default.temporaryDirectory.path }

    /// Deletes the served folders in `parent` that no serve owns any more: left by a serve that
    /// was killed, or whose deletion after stopping was cut short. Takes as long as deleting
    /// takes; `serve` calls it on a thread of its own when it starts.
    package static func removeLeftovers(in parent: String = ServedFolder.parent) {
        LeftoverStaging.removeAbandoned(in: parent, prefix: prefix)
    }

    /// The same folders as `removeLeftovers`, each handed to an `rm -rf` of its own that holds
    /// the folder's lock until it is gone (as after Ctrl-C, `deleteDetached`), without waiting:
    /// `build` and `check` call it, so that a leftover of a 10,000-page serve (seconds of deleting)
    /// does not slow them. A folder whose deleting process cannot be started is deleted here.
    /// Returns the ids of the deleting processes.
    @discardableResult
    package static func removeLeftoversDetached(in parent: String = ServedFolder.parent) -> [pid_t] {
        var deleters: [pid_t] = []
        LeftoverStaging.forEachAbandoned(in: parent, prefix: prefix) { path, lock in
            guard let child = spawnDetached(["/bin/rm", "-rf", "--", path], inheriting: lock) else {
                try? FileManager.default.removeItem(atPath: path)
                return
            }
            // Reaped when it ends, should this process still be running then.
            Thread { _ = waitpid(child, nil, 0) }.start()
            deleters.append(child)
        }
        return deleters
    }

    /// Writes a file (atomically); throws once the folder is closed.
    package func write(_ relativePath: String, _ bytes: [UInt8]) throws {
        guard gate.enter() else { throw ServedFolderError("not written: serving has stopped (\(relativePath))") }
        defer { gate.leave() }
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

    package func copy(from absolutePath: String, to relativePath: String) throws {
        let bytes: [UInt8]
        do { bytes = try POSIXFiles.read(absolutePath) } catch { throw ServedFolderError(error.description) }
        try write(relativePath, bytes)
    }

    /// Removes a file, and the folders it leaves empty (nothing once the folder is closed).
    package func remove(_ relativePath: String) {
        guard gate.enter() else { return }
        defer { gate.leave() }
        unlink(path + "/" + relativePath)
        var parts = relativePath.split(separator: "/").dropLast()
        while !parts.isEmpty {
            let directory = parts.joined(separator: "/")
            guard rmdir(path + "/" + directory) == 0 else { break }
            _ = knownDirectories.withLock { $0.remove(directory) }
            parts = parts.dropLast()
        }
    }

    /// Lets nothing be written or removed in the folder any more, and waits for the writes in
    /// progress (one file each) to end. A build still running then goes on without writing.
    package func close() {
        gate.close()
    }

    /// True once the folder is closed.
    package var isClosed: Bool { gate.isClosed }

    /// Closes the folder and deletes it and everything in it, before returning (for a folder with
    /// few files: serve calls it when it could not start).
    package func delete() {
        close()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Deletes the folder without waiting for it: a site of 10,000 pages is tens of thousands of
    /// files, whose deletion would keep Ctrl-C waiting for minutes. `rm -rf` deletes them in a
    /// process of its own, in a session of its own (a second Ctrl-C in the terminal does not stop
    /// it), which inherits the folder's lock and so holds it until the folder is gone; should it
    /// be stopped all the same, the next serve deletes what is left (`removeLeftovers`).
    /// Deletes the folder before returning when no process can be started.
    /// Returns the deleting process's id (0 when the folder was deleted here).
    /// The folder is closed first (`close`), so no file appears in it while `rm` deletes it.
    @discardableResult
    package func deleteDetached() -> pid_t {
        close()
        guard lock >= 0, let child = Self.spawnDetached(["/bin/rm", "-rf", "--", path], inheriting: lock) else {
            delete()
            return 0
        }
        // Reaped when it ends, should this process still be running then (tests).
        Thread { _ = waitpid(child, nil, 0) }.start()
        return child
    }

    /// glibc's POSIX_SPAWN_SETSID (spawn.h, since glibc 2.26), which Swift does not import.
    static let spawnSetSID: Int16 = 0x80

    /// Starts a program in a session of its own, with /dev/null for its standard input and
    /// output, keeping open (only) the given descriptor among those this process holds.
    static func spawnDetached(_ arguments: [String], inheriting descriptor: Int32) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        guard posix_spawn_file_actions_init(&actions) == 0 else { return nil }
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard posix_spawnattr_init(&attributes) == 0 else { return nil }
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawnattr_setflags(&attributes, Self.spawnSetSID)
        // The lock is opened close-on-exec (no other program this process starts should hold
        // it); this one must.
        let flags = fcntl(descriptor, F_GETFD)
        guard flags >= 0, fcntl(descriptor, F_SETFD, flags & ~FD_CLOEXEC) == 0 else { return nil }
        defer { _ = fcntl(descriptor, F_SETFD, flags) }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        guard posix_spawn(&child, arguments[0], &actions, &attributes, &argv, environ) == 0 else { return nil }
        return child
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

package struct ServedFolderError: Error, CustomStringConvertible, Sendable {
    package let description: String

    init(_ description: String) { self.description = description }
}

extension ServedFolder: OutputTarget {
    package func writeFile(_ relativePath: String, _ bytes: [UInt8]) throws { try write(relativePath, bytes) }
    package func copyFile(from absolutePath: String, to relativePath: String) throws {
        try copy(from: absolutePath, to: relativePath)
    }
}
