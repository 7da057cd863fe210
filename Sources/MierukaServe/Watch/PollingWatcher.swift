import MierukaOutput
import MierukaParallel
import MierukaSource

#if canImport(Glibc)
import Glibc
#endif

/// Watches a site's inputs by reading the folders again every `intervalMilliseconds` and comparing
/// each file's size, modification time and inode with the previous scan: for folders the kernel's
/// notifications do not reach (a network or shared folder, WSL's /mnt/c, a container's bind
/// mount) and for when the system's inotify limits are reached. It sees what `SiteWatcher` sees
/// (mieruka.yml and the files under content/, seeds/, templates/ and static/, without hidden files
/// and editor backups), a little later.
///
/// Modification times are only as fine as the file system keeps them (two seconds on FAT and
/// exFAT drives, a second on some network shares), so a save that keeps a file's size within
/// that time would look like no change. A file modified within the last `recentSeconds` is
/// therefore also compared by a digest of its bytes until its time is old enough to tell saves
/// apart (as git treats "racily clean" files).
package final class PollingWatcher: InputWatcher {
    /// A file's identity and state as one scan saw it.
    struct Stamp: Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
        var isFolder: Bool
        /// A digest of the bytes of a file modified within `recentSeconds` of the scan; nil for
        /// older files, folders and files too large to read every scan.
        var digest: UInt64?

        /// The same file in the same state: the digests are compared when both scans read one.
        func isUnchanged(from other: Stamp) -> Bool {
            guard size == other.size, seconds == other.seconds, nanoseconds == other.nanoseconds, inode == other.inode,
                isFolder == other.isFolder
            else { return false }
            guard let digest, let previous = other.digest else { return true }
            return digest == previous
        }
    }

    /// How recent a modification time must be for the file's bytes to be compared too: beyond the
    /// coarsest time stamps in use (two seconds), with room for a file server's clock.
    static let recentSeconds = 5
    /// Files larger than this are compared by size, time and inode only.
    static let largestDigested = 8 << 20

    /// The site folder.
    package let root: String
    package let intervalMilliseconds: Int
    package let quietMilliseconds: Int
    /// Changes are handed over at the latest this long after the first one, even if writes go on.
    package let maximumWaitMilliseconds: Int
    private let wakeRead: Int32
    private let wakeWrite: Int32
    /// The previous scan, by site-relative path.
    private let previous: Lock<[String: Stamp]>

    package init(
        root: String, intervalMilliseconds: Int = 500, quietMilliseconds: Int = 50, maximumWaitMilliseconds: Int = 1000
    ) throws {
        self.root = root
        self.intervalMilliseconds = max(10, intervalMilliseconds)
        self.quietMilliseconds = quietMilliseconds
        self.maximumWaitMilliseconds = maximumWaitMilliseconds
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw ServedFolderError("cannot create a pipe: \(POSIXFiles.errorText())") }
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
        previous = Lock(Self.scan(root))
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    /// Number of files and folders the last scan saw.
    package var scannedCount: Int { previous.withLock { $0.count } }

    package func stop() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    package func nextBatch() -> WatchBatch? {
        var batch = WatchBatch()
        var first: UInt64?
        var last: UInt64 = 0
        while true {
            // Every interval while nothing has changed; once something has, again after the quiet
            // time, until a scan finds nothing new (editors write several times per save).
            var timeout = intervalMilliseconds
            if let first {
                let now = SiteWatcher.milliseconds()
                let quietLeft = Int(last) + quietMilliseconds - Int(now)
                let waitLeft = Int(first) + maximumWaitMilliseconds - Int(now)
                if waitLeft <= 0 { return batch }
                timeout = max(1, min(quietLeft, waitLeft))
            }
            var wake = pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)
            let ready = poll(&wake, 1, Int32(timeout))
            if ready < 0, errno != EINTR { return nil }
            if ready > 0, wake.revents != 0 { return nil }
            let changed = rescan()
            if changed.isEmpty {
                if first != nil { return batch }
                continue
            }
            batch.paths.formUnion(changed)
            last = SiteWatcher.milliseconds()
            if first == nil { first = last }
        }
    }

    /// Scans again; the paths that appeared, disappeared or changed since the previous scan.
    private func rescan() -> Set<String> {
        let now = Self.scan(root)
        return previous.withLock { before in
            defer { before = now }
            var changed = Set<String>()
            for (path, stamp) in now {
                guard let old = before[path] else {
                    changed.insert(path)
                    continue
                }
                // A folder's own time changes with its entries, which are compared one by one.
                if stamp.isFolder && old.isFolder { continue }
                if !stamp.isUnchanged(from: old) { changed.insert(path) }
            }
            for path in before.keys where now[path] == nil { changed.insert(path) }
            return changed
        }
    }

    /// mieruka.yml and every file and folder under the watched folders that concerns the site.
    static func scan(_ root: String) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        for top in [SiteLayout.configFile] + SiteWatcher.watchedFolders {
            walk(root: root, relative: top, now: Int(now.tv_sec), into: &stamps)
        }
        return stamps
    }

    private static func walk(root: String, relative: String, now: Int, into stamps: inout [String: Stamp]) {
        guard SiteWatcher.concernsSite(relative) else { return }
        let path = root + "/" + relative
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
        let seconds = Int(info.st_mtim.tv_sec)
        let isRecent = seconds >= now - recentSeconds
        let digest =
            !isFolder && isRecent && (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) <= largestDigested
            ? digestOfFile(path) : nil
        stamps[relative] = Stamp(
            size: Int64(info.st_size), seconds: seconds, nanoseconds: Int(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino), isFolder: isFolder, digest: digest)
        guard isFolder, let directory = opendir(path) else { return }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        for name in names { walk(root: root, relative: relative + "/" + name, now: now, into: &stamps) }
    }

    /// FNV-1a over the file's bytes (a change detector, not a security measure); nil when the file
    /// cannot be read (then size, time and inode decide).
    static func digestOfFile(_ path: String) -> UInt64? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return hash }
            for byte in buffer[..<count] {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
    }
}
