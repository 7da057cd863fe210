import Dispatch
import Foundation
import MierukaParallel
import MierukaServe
import MierukaTestSupport
import Synchronization
import Testing

/// Stopping serve (Ctrl-C) while a build is under way: serve does not wait for the build, every
/// open page's stream is ended, the build writes nothing more into the served folder and reports
/// nothing, and the folder is deleted.
///
/// How long stopping takes is measured by bench/serve-change.sh (Ctrl-C with 200 pages open on
/// the 1,000-page corpus), not here; the bounds below only turn a hang into a failure.
@Suite struct ServeStopTests {
    /// Holds the builder where a hook calls `here()`, once armed, until released.
    final class Hold: Sendable {
        private let armed = Atomic<Bool>(false)
        let reached = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)

        func arm() { armed.store(true, ordering: .sequentiallyConsistent) }

        func here() {
            guard armed.exchange(false, ordering: .sequentiallyConsistent) else { return }
            reached.signal()
            release.wait()
        }
    }

    static var factor: Double { TestHTTPClient.timeoutFactor }

    @Test func stoppingDuringARebuildEndsEveryStreamWithoutWaitingForTheRebuildWhichWritesNothingMore() async throws {
        let served = try await Self.stopDuringAHeldRebuild()
        // The served folder is deleted by a process of its own that holds the folder's lock (as
        // this process did until the session was gone).
        #expect(try await offPool { ServedFolderTests.waitUntilUnlocked(served) }, "\(served) is still locked")
        #expect(!FileManager.default.fileExists(atPath: served), "the served folder is deleted")
    }

    /// Serve with 20 open pages; a save whose rebuild is held before it writes the site-wide
    /// files; stop. Returns the served folder's path once the session is no longer referenced
    /// here (the test then waits for the folder's lock).
    static func stopDuringAHeldRebuild() async throws -> String {
        let hold = Hold()
        let live = try await LiveServe.start(hooks: SiteBuilder.Hooks(beforeWritingSiteFiles: { hold.here() }))
        let served = live.served
        let session = try #require(live.takeSession())
        let port = live.client.port
        let streams = try await offPool { () -> [TestHTTPClient.EventStream] in
            let streams = try (0..<20).map { _ in try TestHTTPClient.EventStream(port: port) }
            for stream in streams { _ = try stream.next("hello") }
            return streams
        }

        // A save: the rebuild writes its pages and tells the open pages to reload, then makes the
        // search index and the sitemap, and is held just before writing them (where Ctrl-C used
        // to wait for the search index of the whole site to be made).
        hold.arm()
        let rebuilds = session.finishedRebuilds
        try live.edit("content/test-plan/003.md", replacing: "title: 基金の確保", with: "title: 基金の確保と活用")
        let reached = try await offPool { hold.reached.wait(timeout: .now() + 60 * Self.factor) == .success }
        try #require(reached, "the rebuild came to its site-wide files")
        for stream in streams { _ = try await offPool { try stream.next("reload") } }
        let printed = live.captured.all
        #expect(printed.contains { $0.hasPrefix("mieruka: rebuilt in") }, "\(printed)")

        // Stop while the rebuild is held: stop returns without it.
        let stopped = DispatchSemaphore(value: 0)
        Thread {
            session.stop()
            stopped.signal()
        }.start()
        let returned = try await offPool { stopped.wait(timeout: .now() + 60 * Self.factor) == .success }
        let ended = try await offPool { () -> Int in
            let deadline = Date().addingTimeInterval(30 * Self.factor)
            return streams.filter { stream in
                do {
                    while try stream.connection.receive(until: deadline) != nil {}
                    return true
                } catch {
                    return false
                }
            }.count
        }
        let closedWhileHeld = session.servedFolderIsClosed
        hold.release.signal()
        if !returned { _ = try await offPool { stopped.wait(timeout: .now() + 60 * Self.factor) } }
        #expect(returned, "stop returned while the rebuild was still under way")
        #expect(ended == streams.count, "every event stream is ended")
        #expect(closedWhileHeld, "the served folder was closed before the rebuild went on")

        // The rebuild, let go, ends without writing or reporting anything.
        let finished = try await offPool { session.waitForRebuild(after: rebuilds, seconds: 60 * Self.factor) }
        #expect(finished, "the held rebuild ended")
        #expect(live.captured.all == printed, "nothing printed after stopping: \(live.captured.all.dropFirst(printed.count))")
        #expect(session.lastBuild?.status == .built, "the pages' build was the last reported")
        return served
    }

    /// Ctrl-C while serve's first build runs (30 s and more at 10,000 pages): serving ends
    /// without waiting for the build, which then writes nothing, prints nothing (not even
    /// "serving at"), and starts no rebuilding.
    @Test func stoppingDuringTheFirstBuildEndsServingWithoutWaitingForIt() async throws {
        let hold = Hold()
        hold.arm()
        let work = TemporaryDirectory("mieruka-serve-first-build")
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let captured = CapturedLines()
        let session = try ServeSession(
            options: ServeOptions(source: work.path, displaySource: "", port: 0, quietMilliseconds: 30),
            console: ServeSession.Console(out: { captured.append($0) }, error: { captured.append($0) }),
            hooks: SiteBuilder.Hooks(beforeWritingSiteFiles: { hold.here() }))
        let served = session.servedPath
        let code = Lock<Int32?>(nil)
        let ended = DispatchSemaphore(value: 0)
        Thread {
            let exit = session.serveUntilStopped()
            code.withLock { $0 = exit }
            ended.signal()
        }.start()
        let reached = try await offPool { hold.reached.wait(timeout: .now() + 60 * Self.factor) == .success }
        try #require(reached, "the first build came to its site-wide files")

        try await offPool { session.stop() }
        let returned = try await offPool { ended.wait(timeout: .now() + 60 * Self.factor) == .success }
        let closedWhileHeld = session.servedFolderIsClosed
        let printedWhileHeld = captured.all
        hold.release.signal()
        if !returned { _ = try await offPool { ended.wait(timeout: .now() + 60 * Self.factor) } }
        #expect(returned, "serving ended while the first build was still under way")
        #expect(code.withLock { $0 } == 0)
        #expect(closedWhileHeld, "the served folder was closed before the build went on")
        #expect(printedWhileHeld == ["mieruka: stopped"], "\(printedWhileHeld)")

        // The build, let go, ends; start() returns without serving, reporting or rebuilding.
        let startEnded = try await offPool { session.waitUntilStartEnded(seconds: 60 * Self.factor) }
        #expect(startEnded)
        #expect(captured.all == ["mieruka: stopped"], "nothing printed after stopping: \(captured.all)")
        #expect(session.connectionCount == 0)
        #expect(session.buildCount == 0, "the stopped first build is not reported")
        #expect(try await offPool { ServedFolderTests.waitUntilUnlocked(served) }, "\(served) is still locked")
        #expect(!FileManager.default.fileExists(atPath: served), "the served folder is deleted")
    }

    @Test func stoppingBeforeAFirstBuildEndsItAsStoppedWithNothingWritten() throws {
        let site = try ServeTestSite()
        site.builder.stop()
        let outcome = site.builder.build()
        #expect(outcome.status == .stopped)
        #expect(outcome.diagnostics.isEmpty)
        #expect(FileTree.snapshot(site.served.path).isEmpty, "nothing written")
        #expect(site.builder.finishSiteFiles().updatedFiles.isEmpty)
    }

    @Test func aRebuildAfterStopIsStoppedAndLeavesTheServedFilesAsTheyWere() throws {
        let site = try ServeTestSite()
        #expect(site.builder.build().status == .built)
        let before = FileTree.snapshot(site.served.path)
        try site.edit("content/test-plan/003.md", replacing: "title: 基金の確保", with: "title: 基金の確保と活用")
        site.builder.stop()
        let outcome = site.builder.build(changed: ["content/test-plan/003.md"], siteFilesLater: true)
        #expect(outcome.status == .stopped)
        #expect(outcome.updatedPages.isEmpty)
        #expect(site.builder.finishSiteFiles().updatedFiles.isEmpty)
        #expect(FileTree.snapshot(site.served.path) == before, "no file written or removed")
    }

    @Test func aClosedServedFolderRefusesWritesAndRemovals() throws {
        let parent = TemporaryDirectory("mieruka-served-closed")
        let folder = ServedFolder(existing: parent.path)
        try folder.write("plan/index.html", Array("<p>1</p>\n".utf8))
        folder.close()
        #expect(folder.isClosed)
        #expect(throws: ServedFolderError.self) { try folder.write("plan/index.html", Array("<p>2</p>\n".utf8)) }
        #expect(throws: ServedFolderError.self) { try folder.write("other/index.html", Array("<p>3</p>\n".utf8)) }
        folder.remove("plan/index.html")
        #expect(FileTree.snapshot(parent.path) == ["plan/index.html": Data("<p>1</p>\n".utf8)])
    }

    /// Closing waits for the writes in progress, and only for them.
    @Test func closingAGateWaitsForTheWritesInProgress() async throws {
        let gate = WriteGate()
        #expect(gate.enter())
        let closed = DispatchSemaphore(value: 0)
        Thread {
            gate.close()
            closed.signal()
        }.start()
        // Once the gate says it is closed, `close` is waiting for the write in progress (it marks
        // the gate closed and waits in one step under the gate's lock).
        try await offPool {
            let deadline = Date().addingTimeInterval(30 * Self.factor)
            while !gate.isClosed, Date() < deadline { sched_yield() }
        }
        #expect(gate.isClosed)
        #expect(!gate.enter(), "no new write once closed")
        #expect(closed.wait(timeout: .now()) == .timedOut, "close waits while a write is in progress")
        gate.leave()
        let done = try await offPool { closed.wait(timeout: .now() + 30 * Self.factor) == .success }
        #expect(done, "close returns when the write has ended")
    }
}
