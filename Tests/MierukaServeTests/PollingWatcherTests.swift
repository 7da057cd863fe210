import Foundation
import MierukaServe
import MierukaTestSupport
import Testing

/// Watching by reading the folders again (`--poll`, and where inotify cannot watch every folder).
@Suite struct PollingWatcherTests {
    /// The next batch, read off the test's thread; nil when the watcher stopped.
    static func next(_ watcher: PollingWatcher) async -> WatchBatch? {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: watcher.nextBatch()) }.start()
        }
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
