import Foundation
import MierukaServe
import MierukaTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// serve's folder is deleted after serve stops, without keeping Ctrl-C waiting, and a folder left
/// behind (serve killed, or its deletion cut short) is deleted by the next serve.
@Suite struct ServedFolderTests {
    /// Waits (blocking) until nobody holds the folder's lock: at once when it is gone.
    /// Waits until nobody holds the folder's lock (or it is gone); false if it is still held
    /// after `seconds`.
    @discardableResult
    static func waitUntilUnlocked(_ path: String, seconds: Double = 120 * TestHTTPClient.timeoutFactor) -> Bool {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return true }
        defer { close(descriptor) }
        let deadline = Date().addingTimeInterval(seconds)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code != EWOULDBLOCK && code != EINTR { return true }
            if Date() >= deadline { return false }
            usleep(10_000)
        }
        return true
    }

    static func makeFolder(_ path: String, files: Int) throws {
        try FileManager.default.createDirectory(atPath: path + "/sub", withIntermediateDirectories: true)
        for number in 0..<files {
            try Data("<p>\(number)</p>\n".utf8).write(to: URL(fileURLWithPath: path + "/sub/\(number).html"))
        }
    }

    @Test func aDetachedDeletionHoldsTheLockUntilTheFolderIsGone() async throws {
        var path = ""
        var deleter: pid_t = 0
        do {
            let folder = try ServedFolder()
            path = folder.path
            for number in 0..<2000 { try folder.write("plan/\(number)/index.html", Array("<p>\(number)</p>\n".utf8)) }
            deleter = folder.deleteDetached()
        }
        #expect(deleter > 0, "deleted by a process of its own")
        // The folder's own value is released: only the deleting process can hold the lock now.
        let deleted = path
        #expect(try await offPool { Self.waitUntilUnlocked(deleted) }, "\(deleted) is still locked")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func leftoversNobodyOwnsAreDeletedAndFoldersInUseAreNot() throws {
        let parent = TemporaryDirectory("mieruka-served-leftovers")
        // A process that has ended: its folder is nobody's.
        let ended = try ChildProcess("/bin/true", [], in: parent.path)
        ended.waitForExit()
        let abandoned = parent.path + "/mieruka-serve-\(ended.pid)-1"
        try Self.makeFolder(abandoned, files: 50)
        // A serve running now (this process), holding its lock.
        let inUse = parent.path + "/mieruka-serve-\(getpid())-2"
        try Self.makeFolder(inUse, files: 3)
        let lock = open(inUse, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { close(lock) }
        try #require(flock(lock, LOCK_EX | LOCK_NB) == 0)
        // Just made by a running serve that has not locked it yet.
        let starting = parent.path + "/mieruka-serve-\(getpid())-3"
        try Self.makeFolder(starting, files: 1)
        // Not a served folder at all.
        let other = parent.path + "/mieruka-serve-site-4"
        try Self.makeFolder(other, files: 1)

        ServedFolder.removeLeftovers(in: parent.path)
        #expect(!FileManager.default.fileExists(atPath: abandoned), "the folder of a serve that ended")
        #expect(FileManager.default.fileExists(atPath: inUse + "/sub/2.html"), "a locked folder is in use")
        #expect(FileManager.default.fileExists(atPath: starting), "a recent folder of a running process")
        #expect(FileManager.default.fileExists(atPath: other))
    }

    /// `build` and `check` delete what serves that no longer run left in the temporary folder
    /// (TMPDIR), each folder by an `rm -rf` of its own that holds its lock; a folder whose lock
    /// another process holds (here as the `rm` after a serve's Ctrl-C holds it, under the name of
    /// the serve that ended) is left alone until that process is gone.
    @Test func buildAndCheckDeleteWhatEndedServesLeftButNotAFolderStillLocked() async throws {
        let parent = TemporaryDirectory("mieruka-build-leftovers")
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let ended = try ChildProcess("/bin/true", [], in: parent.path)
        ended.waitForExit()
        let abandoned = parent.path + "/mieruka-serve-\(ended.pid)-1"
        try Self.makeFolder(abandoned, files: 300)
        let locked = parent.path + "/mieruka-serve-\(ended.pid)-2"
        try Self.makeFolder(locked, files: 3)
        // Another process holds the second folder's lock until it is killed.
        let holder = try ChildProcess(
            "/usr/bin/python3",
            ["-c", "import fcntl, os, signal; fcntl.flock(os.open('\(locked)', os.O_RDONLY), fcntl.LOCK_EX); print('locked', flush=True); signal.pause()"],
            in: parent.path)
        defer {
            holder.signal(SIGKILL)
            holder.waitForExit()
        }
        let said = try await offPool { () -> String in
            var text = ""
            while !text.contains("\n"), let chunk = ChildProcess.read(holder.output) { text += String(decoding: chunk, as: UTF8.self) }
            return text
        }
        try #require(said == "locked\n", "the lock is held")
        let environment = ["TMPDIR": parent.path]

        let built = try await offPool {
            try CommandRunner.run(CommandRunner.executable, ["build"], in: work.path, environment: environment)
        }
        #expect(built.status == 0, "\(built.standardError)")
        #expect(try await offPool { Self.waitUntilUnlocked(abandoned) }, "\(abandoned) is still locked")
        #expect(!FileManager.default.fileExists(atPath: abandoned), "build deleted the folder nobody owns")
        #expect(FileManager.default.fileExists(atPath: locked + "/sub/2.html"), "a locked folder is left alone")

        holder.signal(SIGKILL)
        holder.waitForExit()
        let checked = try await offPool {
            try CommandRunner.run(CommandRunner.executable, ["check"], in: work.path, environment: environment)
        }
        #expect(checked.status == 0, "\(checked.standardError)")
        #expect(try await offPool { Self.waitUntilUnlocked(locked) }, "\(locked) is still locked")
        #expect(!FileManager.default.fileExists(atPath: locked), "check deleted it once its lock was free")
        #expect(built.standardOutput.hasPrefix("mieruka: built "), "the build itself was made")
    }
}
