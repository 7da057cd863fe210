#if canImport(Glibc)
import Glibc
#endif

/// The staging folders that builds leave beside the output when they are killed (a CI timeout,
/// SIGTERM, a power cut): `.<output>.mieruka-staging-<pid>` (and `…-previous`, from the fallback
/// of a swap). A running build holds an exclusive `flock` on its staging folder, which the system
/// releases when the process ends, however it ends; so a folder whose lock can be taken belongs
/// to no running build. To leave alone one that a build has made but not yet locked (a few
/// microseconds), it must also be older than a minute or carry the pid of no running process.
///
/// `serve` keeps its served folders in the system's temporary folder by the same rule
/// (`mieruka-serve-<pid>-…`, locked while serving and while being deleted after it).
package enum LeftoverStaging {
    static func prefix(forOutputNamed name: String) -> String {
        "." + name + ".mieruka-staging-"
    }

    /// Locks a staging folder for as long as the returned descriptor is open; -1 when the file
    /// system cannot lock (the folder is then cleaned by pid and age only).
    package static func lock(_ path: String) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return -1 }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            close(descriptor)
            return -1
        }
        return descriptor
    }

    /// Removes every staging folder in `parent` with the given prefix that no running build owns.
    package static func removeAbandoned(in parent: String, prefix: String) {
        forEachAbandoned(in: parent, prefix: prefix) { path, _ in POSIXFiles.removeTree(path) }
    }

    /// Calls `body` with the path of every folder in `parent` with the given prefix that no
    /// running process owns, and a descriptor of it that holds its lock until `body` returns (a
    /// process started by `body` that inherits the descriptor keeps the folder locked longer).
    package static func forEachAbandoned(
        in parent: String, prefix: String, _ body: (_ path: String, _ lock: Int32) -> Void
    ) {
        for name in POSIXFiles.entries(parent) ?? [] where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
            guard let pid = Int32(digits) else { continue }
            let path = parent + "/" + name
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
            if !isRunning(pid) || isOlderThanAMinute(descriptor) {
                body(path, descriptor)
            }
        }
    }

    static func isRunning(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    private static func isOlderThanAMinute(_ descriptor: Int32) -> Bool {
        var info = stat()
        var now = timespec()
        guard fstat(descriptor, &info) == 0, clock_gettime(CLOCK_REALTIME, &now) == 0 else { return false }
        return now.tv_sec - info.st_mtim.tv_sec > 60
    }
}
