import Foundation
import MierukaParallel
import MierukaServe
import MierukaTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Watching by reading the folders again (`--poll`, and where inotify cannot watch every folder).
@Suite struct PollingWatcherTests {
    /// The next batch, read off the test's thread; nil when the watcher stopped. A batch that
    /// does not come within `seconds` is a failure of the test, and stops the watcher so that
    /// nothing waits for it any longer.
    static func next(
        _ watcher: PollingWatcher, seconds: Double = 30 * TestHTTPClient.timeoutFactor,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async -> WatchBatch? {
        let answered = Lock(false)
        let batch = await withCheckedContinuation { (continuation: CheckedContinuation<WatchBatch??, Never>) in
            @Sendable func answer(_ value: WatchBatch??) {
                if answered.withLock({ done in defer { done = true }; return !done }) { continuation.resume(returning: value) }
            }
            Thread { answer(.some(watcher.nextBatch())) }.start()
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { answer(.none) }
        }
        guard let batch else {
            Issue.record("no batch of changes within \(Int(seconds)) s", sourceLocation: sourceLocation)
            watcher.stop()
            return nil
        }
        return batch
    }

    @Test func editsNewFoldersAndRemovalsAreSeenAndHiddenFilesAreNot() async throws {
        let site = TemporaryDirectory("mieruka-poll")
        try site.write([
            "mieruka.yml": "title: x\n", "content/plan/_index.md": "a\n", "content/plan/001.md": "b\n", "seeds/plan/R6.yml": "c\n",
            "outside.txt": "not an input\n",
        ])
        let watcher = try PollingWatcher(root: site.path, intervalMilliseconds: 20, quietMilliseconds: 20)
        #expect(watcher.scannedCount == 8)  // mieruka.yml, content, content/plan, 2 files, seeds, seeds/plan, 1 file

        // Same size, new contents: seen by the modification time.
        try await Task.sleep(for: .milliseconds(20))
        try site.write("content/plan/001.md", "B\n")
        try site.write("content/plan/.001.md.swp", "editor\n")
        try site.write("content/plan/001.md~", "backup\n")
        try site.write("outside.txt", "still not an input\n")
        #expect(await Self.next(watcher)?.paths == ["content/plan/001.md"])

        try site.write("content/new-plan/_index.md", "d\n")
        try FileManager.default.removeItem(atPath: site.path + "/seeds/plan/R6.yml")
        #expect(await Self.next(watcher)?.paths == ["content/new-plan", "content/new-plan/_index.md", "seeds/plan/R6.yml"])

        try site.write("mieruka.yml", "title: y\n")
        #expect(await Self.next(watcher)?.paths == ["mieruka.yml"])

        let stopped = Task { await Self.next(watcher) }
        watcher.stop()
        #expect(await stopped.value == nil)
    }

    /// A file system that keeps modification times to the second or two (FAT, exFAT, some network
    /// shares): a save of the same size within that time leaves size, time and inode as they
    /// were. Made here by setting the time back after the save.
    @Test func aSaveThatKeepsSizeAndTimeIsSeenByItsBytes() async throws {
        let site = TemporaryDirectory("mieruka-poll")
        try site.write(["mieruka.yml": "title: x\n", "content/plan/001.md": "grade: A\n"])
        let path = site.path + "/content/plan/001.md"
        var before = stat()
        try #require(stat(path, &before) == 0)
        let watcher = try PollingWatcher(root: site.path, intervalMilliseconds: 20, quietMilliseconds: 20)

        try site.write("content/plan/001.md", "grade: B\n")
        var times = [before.st_atim, before.st_mtim]
        try #require(utimensat(AT_FDCWD, path, &times, 0) == 0)
        var after = stat()
        try #require(stat(path, &after) == 0)
        try #require(after.st_size == before.st_size && after.st_ino == before.st_ino)
        try #require(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)

        #expect(await Self.next(watcher)?.paths == ["content/plan/001.md"])
        watcher.stop()
    }

    @Test func serveReadsTheFoldersWhenInotifyCannotWatch() throws {
        let site = TemporaryDirectory("mieruka-poll")
        try site.write(["mieruka.yml": "title: x\n", "content/_index.md": "a\n"])
        struct Refused: Error, CustomStringConvertible {
            var description: String { "the system's limit of inotify instances is reached" }
        }
        let options = ServeOptions(source: site.path, displaySource: "")
        let (watcher, line) = try ServeSession.watcher(for: options) { throw Refused() }
        #expect(watcher is PollingWatcher)
        #expect(
            line.hasPrefix(
                "mieruka: note: cannot watch with inotify: the system's limit of inotify instances is reached; watching mieruka.yml, content/, seeds/, templates/ and static/ by reading them every 0.5 s instead"
            ), "\(line)")

        let (chosen, said) = try ServeSession.watcher(for: options) { try SiteWatcher(root: site.path) }
        #expect(chosen is SiteWatcher)
        #expect(said == "mieruka: watching mieruka.yml, content/, seeds/, templates/ and static/ for changes")

        var polled = options
        polled.pollMilliseconds = 250
        let (asked, told) = try ServeSession.watcher(for: polled) { Issue.record("inotify used with --poll"); throw Refused() }
        #expect((asked as? PollingWatcher)?.intervalMilliseconds == 250)
        #expect(told.hasSuffix("by reading them every 0.25 s (--poll)"), "\(told)")
    }

    /// A folder made while serving that inotify refuses (the system's watches used up, here by a
    /// limit as many as the site's folders): serve says so and reads the inputs from then on, so
    /// that changes in that folder are still taken in.
    @Test func aFolderInotifyRefusesWhileServingSwitchesToReading() async throws {
        let probe = TemporaryDirectory("mieruka-poll")
        try FileTree.overlay(Fixtures.path("base"), onto: probe.path)
        let folders = try SiteWatcher(root: probe.path).watchCount
        let live = try await LiveServe.start(inotifyWatchLimit: folders)
        #expect(live.captured.all.last == "mieruka: watching mieruka.yml, content/, seeds/, templates/ and static/ for changes")

        var rebuilds = live.finishedRebuilds
        try live.work.write("static/notes/a.txt", "one\n")
        try await live.waitForRebuild(after: rebuilds)
        let note = live.captured.all.first { $0.hasPrefix("mieruka: note: cannot watch static") }
        #expect(
            note?.contains("with inotify: the system's limit of inotify watches is reached (fs.inotify.max_user_watches); watching "
                + "mieruka.yml, content/, seeds/, templates/ and static/ by reading them every 0.5 s instead") == true,
            "\(live.captured.all)")
        #expect(try await live.get("/kaikaku/notes/a.txt").text == "one\n")

        rebuilds = live.finishedRebuilds
        try live.work.write("static/notes/a.txt", "two, longer\n")
        try await live.waitForRebuild(after: rebuilds)
        #expect(try await live.get("/kaikaku/notes/a.txt").text == "two, longer\n")
        try await live.apply([("content/test-plan/003.md", "title: 基金の確保", "title: 基金の確保と活用")])
        let (served, built) = try live.servedAndBuilt()
        #expect(served.keys.sorted() == built.keys.sorted())
        #expect(served.filter { built[$0.key] != $0.value }.keys.sorted() == [])
        try await live.stop()
    }

    @Test func aServedSiteWatchedByPollingIsTheBuiltSiteAfterChanges() async throws {
        let live = try await LiveServe.start(pollMilliseconds: 30)
        #expect(live.captured.all.contains { $0.hasSuffix("by reading them every 0.03 s (--poll)") }, "\(live.captured.all)")
        let changes: [(String, String, String)] = [
            ("content/test-plan/003.md", "title: 基金の確保", "title: 基金の確保と活用"),
            ("seeds/test-plan/R6.yml", "    grade: A", "    grade: B"),
        ]
        try await live.apply(changes)
        #expect(try await live.get("/kaikaku/test-plan/003/").text.contains("基金の確保と活用"))
        let (served, built) = try live.servedAndBuilt()
        #expect(served.keys.sorted() == built.keys.sorted())
        #expect(served.filter { built[$0.key] != $0.value }.keys.sorted() == [])
        try await live.stop()
    }
}
