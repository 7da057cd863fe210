import Foundation
import MierukaOutput
import MierukaParallel
import MierukaSource

#if canImport(Glibc)
import Glibc
#endif

/// Watches a site's inputs with inotify (no polling of the tree): mieruka.yml and every folder
/// under content/, seeds/, templates/ and static/. inotify watches are not recursive, so each
/// folder has its own watch, and folders that appear are watched as they appear.
///
/// Folders are watched, not files: an editor that saves by writing a new file and renaming it
/// over the old one (or deletes and recreates it) is seen as a change of that name. Changes are
/// gathered until the inputs have been quiet for a moment (editors write several times per save),
/// then handed over as one batch of site-relative paths.
///
/// A folder the kernel would not watch (the user's inotify watches are used up, `ENOSPC`) would
/// be a folder whose changes go unseen: `unwatchedFolder` says which, and serve then polls instead.
package final class SiteWatcher: InputWatcher {
    package typealias Batch = WatchBatch

    /// The site folder (its real path).
    package let root: String
    package let quietMilliseconds: Int
    /// Changes are handed over at the latest this long after the first one, even if writes go on.
    package let maximumWaitMilliseconds: Int
    private let inotify: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    /// Watched folders by watch descriptor, as site-relative paths ("" for the site folder).
    private let folders = Lock<[Int32: String]>([:])
    /// The first folder the kernel would not watch, and why.
    private let refused = Lock<(folder: String, reason: String)?>(nil)

    static let watchedFolders = [
        SiteLayout.contentFolder, SiteLayout.seedsFolder, SiteLayout.templatesFolder, SiteLayout.staticFolder,
    ]

    /// Folders watched at most, beyond which a folder is refused as the kernel refuses it when
    /// `fs.inotify.max_user_watches` is used up (for tests); nil: only the kernel's limit.
    private let watchLimit: Int?

    package init(
        root: String, quietMilliseconds: Int = 50, maximumWaitMilliseconds: Int = 1000, watchLimit: Int? = nil
    ) throws {
        self.watchLimit = watchLimit
        self.root = POSIXFiles.realPath(root) ?? root
        self.quietMilliseconds = quietMilliseconds
        self.maximumWaitMilliseconds = maximumWaitMilliseconds
        inotify = inotify_init1(Int32(IN_CLOEXEC))
        guard inotify >= 0 else {
            let code = errno
            let reason = POSIXFiles.errorText()
            throw ServedFolderError(
                code == EMFILE
                    ? "the system's limit of inotify instances is reached (\(reason); fs.inotify.max_user_instances)"
                    : "inotify is not available (\(reason))")
        }
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else {
            close(inotify)
            throw ServedFolderError("cannot create a pipe: \(POSIXFiles.errorText())")
        }
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
        watch(folder: "", recursive: false)
        for folder in Self.watchedFolders { watch(folder: folder, recursive: true) }
    }

    deinit {
        close(inotify)
        close(wakeRead)
        close(wakeWrite)
    }

    /// Number of folders watched.
    package var watchCount: Int { folders.withLock { $0.count } }

    /// The first folder the kernel refused to watch, with why ("the system's limit of inotify
    /// watches is reached …"); nil while every folder is watched.
    package var unwatchedFolder: (folder: String, reason: String)? { refused.withLock { $0 } }

    /// Makes `nextBatch` return nil.
    package func stop() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// Waits for changes, then for quiet; returns the batch, or nil once stopped.
    package func nextBatch() -> Batch? {
        var batch = Batch(paths: [], overflowed: false)
        var first: UInt64?
        var last: UInt64 = 0
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var timeout: Int32 = -1
            if let first {
                let now = Self.milliseconds()
                let quietLeft = Int(last) + quietMilliseconds - Int(now)
                let waitLeft = Int(first) + maximumWaitMilliseconds - Int(now)
                timeout = Int32(max(0, min(quietLeft, waitLeft)))
                if timeout == 0 { return batch }
            }
            var descriptors = [
                pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, 2, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if descriptors[1].revents != 0 { return nil }
            guard descriptors[0].revents != 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return nil
            }
            let relevant = handle(buffer[0..<count], into: &batch)
            if relevant {
                last = Self.milliseconds()
                if first == nil { first = last }
            }
        }
    }

    /// Reads the events in `bytes`; true when any concerns the site.
    private func handle(_ bytes: ArraySlice<UInt8>, into batch: inout Batch) -> Bool {
        var relevant = false
        var offset = bytes.startIndex
        let header = 16  // wd, mask, cookie, len
        while offset + header <= bytes.endIndex {
            let descriptor = Int32(bitPattern: Self.word(bytes, at: offset))
            let mask = Self.word(bytes, at: offset + 4)
            let length = Int(Self.word(bytes, at: offset + 12))
            let nameBytes = bytes[(offset + header)..<min(bytes.endIndex, offset + header + length)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += header + length

            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                batch.overflowed = true
                relevant = true
                for folder in Self.watchedFolders { watch(folder: folder, recursive: true) }
                continue
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                _ = folders.withLock { $0.removeValue(forKey: descriptor) }
                continue
            }
            guard let folder = folders.withLock({ $0[descriptor] }), !name.isEmpty else { continue }
            let path = folder.isEmpty ? name : folder + "/" + name
            guard Self.concernsSite(path) else { continue }
            let isFolder = mask & UInt32(IN_ISDIR) != 0
            if isFolder, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                watch(folder: path, recursive: true)
            }
            if isFolder, mask & (UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM)) != 0 {
                unwatch(below: path)
            }
            batch.paths.insert(path)
            relevant = true
        }
        return relevant
    }

    /// True for mieruka.yml and files under the watched folders, except what the site loader
    /// skips (hidden files, editor backups and autosaves).
    static func concernsSite(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        guard let top = components.first else { return false }
        if components.count == 1 { return top == SiteLayout.configFile || watchedFolders.contains(String(top)) }
        guard watchedFolders.contains(String(top)) else { return false }
        for component in components {
            if component.hasPrefix(".") || component.hasPrefix("#") || component.hasSuffix("~") { return false }
        }
        return true
    }

    private func watch(folder: String, recursive: Bool) {
        let path = folder.isEmpty ? root : root + "/" + folder
        let mask =
            UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_FROM)
            | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_ONLYDIR) | UInt32(IN_EXCL_UNLINK)
        let overLimit = watchLimit.map { limit in folders.withLock { $0.count } >= limit } ?? false
        let descriptor = overLimit ? -1 : inotify_add_watch(inotify, path, mask)
        guard descriptor >= 0 else {
            // A folder that is gone again is no loss; one the kernel will not watch is.
            let code = overLimit ? ENOSPC : errno
            if code == ENOSPC || code == ENOMEM {
                let reason =
                    code == ENOSPC
                    ? "the system's limit of inotify watches is reached (fs.inotify.max_user_watches)"
                    : "the kernel has no memory for another inotify watch"
                refused.withLock { if $0 == nil { $0 = (folder.isEmpty ? "." : folder, reason) } }
            }
            return
        }
        folders.withLock { $0[descriptor] = folder }
        guard recursive, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            watch(folder: folder + "/" + name, recursive: true)
        }
    }

    private func unwatch(below folder: String) {
        let gone = folders.withLock { folders in
            folders.filter { $0.value == folder || $0.value.hasPrefix(folder + "/") }.map(\.key)
        }
        for descriptor in gone {
            inotify_rm_watch(inotify, descriptor)
            _ = folders.withLock { $0.removeValue(forKey: descriptor) }
        }
    }

    /// A field of an inotify_event (in the machine's byte order).
    private static func word(_ bytes: ArraySlice<UInt8>, at offset: Int) -> UInt32 {
        bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset - bytes.startIndex, as: UInt32.self) }
    }

    static func milliseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1000 + UInt64(time.tv_nsec) / 1_000_000
    }
}
