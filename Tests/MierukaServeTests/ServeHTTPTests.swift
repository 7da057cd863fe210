import Foundation
import MierukaParallel
import MierukaServe
import MierukaTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `serve` in this process on a copy of the base fixture (base_url https://example.test/kaikaku/),
/// on a free port, asked over plain sockets.
///
/// Everything that waits for the server (starting, requests, events, stopping) runs on a thread
/// of its own: the server runs on Swift's task pool, which a test must not block.
final class LiveServe: @unchecked Sendable {
    let work = TemporaryDirectory("mieruka-serve-live")
    let captured = CapturedLines()
    private(set) var session: ServeSession?
    private(set) var client = TestHTTPClient(port: 0)

    static func start(
        extraFiles: [String: String] = [:], limits: HTTPLimits = HTTPLimits(), hooks: SiteBuilder.Hooks = SiteBuilder.Hooks(),
        pollMilliseconds: Int? = nil, inotifyWatchLimit: Int? = nil
    ) async throws -> LiveServe {
        let live = LiveServe()
        try FileTree.overlay(Fixtures.path("base"), onto: live.work.path)
        try live.work.write(extraFiles)
        let captured = live.captured
        var options = ServeOptions(
            source: live.work.path, displaySource: "", port: 0, quietMilliseconds: 30, limits: limits, pollMilliseconds: pollMilliseconds)
        options.inotifyWatchLimit = inotifyWatchLimit
        let session = try ServeSession(
            options: options,
            console: ServeSession.Console(out: { captured.append($0) }, error: { captured.append($0) }), hooks: hooks)
        live.session = session
        live.client = TestHTTPClient(port: try await offPool { try session.start() })
        return live
    }

    deinit {
        if let session { Thread { session.stop() }.start() }
    }

    var served: String { session?.servedPath ?? "" }
    var finishedRebuilds: Int { session?.finishedRebuilds ?? 0 }
    var base: String { "/kaikaku/" }

    func get(_ target: String) async throws -> TestHTTPClient.Response {
        let client = self.client
        return try await offPool { try client.get(target) }
    }

    func head(_ target: String) async throws -> TestHTTPClient.Response {
        let client = self.client
        return try await offPool { try client.head(target) }
    }

    func request(_ method: String, _ target: String) async throws -> TestHTTPClient.Response {
        let client = self.client
        return try await offPool { try client.request(method, target) }
    }

    func events() async throws -> EventStream {
        let port = client.port
        return EventStream(try await offPool { try TestHTTPClient.EventStream(port: port) })
    }

    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try #require(work.read(relative))
        try #require(text.contains(old), "\"\(old)\" is not in \(relative)")
        try work.write(relative, text.replacingOccurrences(of: old, with: new))
    }

    /// Waits until the builder has taken in a change and gone idle: woken by the session's
    /// rebuild event, not by polling.
    /// Makes each change (file, text, its replacement) and waits for the rebuild it causes.
    func apply(_ changes: [(String, String, String)]) async throws {
        for (file, old, new) in changes {
            let count = finishedRebuilds
            try edit(file, replacing: old, with: new)
            try await waitForRebuild(after: count)
        }
    }

    /// The served folder and what `mieruka build` writes for the site as it is now, file by file.
    func servedAndBuilt() throws -> (served: [String: Data], built: [String: Data]) {
        let output = TemporaryDirectory("mieruka-serve-compare")
        let result = try CommandRunner.mieruka(["build", "--output", output.path + "/public"], in: work.path)
        try #require(result.status == 0, "\(result.standardError)")
        var built = FileTree.snapshot(output.path + "/public")
        built[".mieruka-output"] = nil
        return (FileTree.snapshot(served), built)
    }

    func waitForRebuild(after count: Int, timeout: Double = 20) async throws {
        guard let session else { return }
        let done = try await offPool { session.waitForRebuild(after: count, seconds: timeout) }
        if !done { throw TestHTTPClient.Failure(description: "no rebuild within \(timeout) s") }
    }

    /// The session, for a test that stops it itself (then it is no longer this value's).
    func takeSession() -> ServeSession? {
        defer { session = nil }
        return session
    }

    func stop() async throws {
        guard let session else { return }
        self.session = nil
        try await offPool { session.stop() }
    }

    /// The event stream, read on a thread of its own.
    final class EventStream: @unchecked Sendable {
        let stream: TestHTTPClient.EventStream

        init(_ stream: TestHTTPClient.EventStream) { self.stream = stream }

        func next(_ name: String, timeout: Double = 15) async throws -> String {
            try await offPool { try self.stream.next(name, timeout: timeout) }
        }
    }
}

/// Runs blocking work on a thread of its own and waits for it without blocking the task pool.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

final class CapturedLines: Sendable {
    private let lines = Lock<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

@Suite struct ServeHTTPTests {
    @Test func pagesAndFilesHaveTheirContentTypes() async throws {
        let live = try await LiveServe.start(extraFiles: [
            "static/images/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "static/js/extra.js": "console.log(1)\n",
            "static/data/table.csv": "a,b\n1,2\n", "static/images/dot.png": "\u{89}PNG",
        ])
        let expected: [(String, String)] = [
            ("", "text/html; charset=utf-8"),
            ("test-plan/002/", "text/html; charset=utf-8"),
            ("assets/mieruka.css", "text/css; charset=utf-8"),
            ("js/extra.js", "text/javascript; charset=utf-8"),
            ("images/logo.svg", "image/svg+xml; charset=utf-8"),
            ("images/dot.png", "image/png"),
            ("files/readme.txt", "text/plain; charset=utf-8"),
            ("data/table.csv", "text/csv; charset=utf-8"),
            ("test-plan/data/plan.json", "application/json; charset=utf-8"),
            ("test-plan/data/results.csv", "text/csv; charset=utf-8"),
            ("sitemap.xml", "application/xml; charset=utf-8"),
        ]
        for (path, type) in expected {
            let response = try await live.get(live.base + path)
            #expect(response.status == 200, "\(path)")
            #expect(response.header("Content-Type") == type, "\(path)")
            #expect(response.header("Content-Length") == String(response.body.count), "\(path)")
            let injected = response.text.contains("data-mieruka-serve")
            #expect(injected == type.hasPrefix("text/html"), "\(path): the reload script goes into HTML only")
        }
        // The files on disk are those build writes: the script is added as pages are sent.
        #expect(!(try String(contentsOfFile: live.served + "/index.html", encoding: .utf8)).contains("data-mieruka-serve"))
        try await live.stop()
    }

    @Test func foldersRedirectsAndTheSites404Page() async throws {
        let live = try await LiveServe.start()
        let root = try await live.get("/")
        #expect(root.status == 302)
        #expect(root.header("Location") == "/kaikaku/")
        let bare = try await live.get("/kaikaku")
        #expect(bare.status == 302)
        #expect(bare.header("Location") == "/kaikaku/")
        let plan = try await live.get("/kaikaku/test-plan?x=1")
        #expect(plan.status == 302)
        #expect(plan.header("Location") == "/kaikaku/test-plan/?x=1")
        let folder = try await live.get("/kaikaku/test-plan/")
        #expect(folder.status == 200)
        #expect(folder.text.contains("架空市行財政改革推進計画"))
        let department = try await live.get("/kaikaku/test-plan/departments/%E4%BC%81%E7%94%BB%E9%83%A8/")
        #expect(department.status == 200, "a Japanese URL segment, percent-encoded")

        for missing in ["/kaikaku/no-such-page/", "/kaikaku/test-plan/999/", "/elsewhere/", "/kaikaku/assets/none.css"] {
            let response = try await live.get(missing)
            #expect(response.status == 404, "\(missing)")
            #expect(response.text.contains("ページが見つかりません"), "\(missing): the site's own 404 page")
            #expect(response.text.contains("data-mieruka-serve"), "\(missing)")
        }
        let post = try await live.request("POST", "/kaikaku/")
        #expect(post.status == 405)
        #expect(post.header("Allow") == "GET, HEAD")
        try await live.stop()
    }

    @Test func headAnswersAsGetWithoutTheBody() async throws {
        let live = try await LiveServe.start()
        for path in ["/kaikaku/", "/kaikaku/assets/mieruka.css", "/kaikaku/no-such-page/"] {
            let get = try await live.get(path)
            let head = try await live.head(path)
            #expect(head.status == get.status, "\(path)")
            #expect(head.header("Content-Type") == get.header("Content-Type"), "\(path)")
            #expect(head.header("Content-Length") == String(get.body.count), "\(path)")
            #expect(head.body.isEmpty, "\(path)")
        }
        try await live.stop()
    }

    @Test func nothingOutsideTheSiteIsServed() async throws {
        let live = try await LiveServe.start()
        // A secret beside the served folder, and links from inside the site to it.
        let outside = TemporaryDirectory("mieruka-serve-secret")
        let secret = "secret-\(UUID().uuidString)"
        try outside.write("secret.txt", secret)
        let served = live.served
        let secretFolder = URL(fileURLWithPath: outside.path).resolvingSymlinksInPath().path
        let up = String(repeating: "../", count: served.split(separator: "/").count)
        let fromRoot = String(secretFolder.dropFirst()) + "/secret.txt"  // without its leading "/"
        let encodedUp = String(repeating: "%2e%2e/", count: served.split(separator: "/").count)
        #expect(symlink(secretFolder, served + "/leak") == 0)
        #expect(symlink(secretFolder + "/secret.txt", served + "/leak.txt") == 0)
        #expect(symlink(served + "/test-plan", served + "/alias") == 0)

        let attempts = [
            "/kaikaku/" + up + fromRoot,
            "/kaikaku/" + encodedUp + fromRoot,
            "/kaikaku/" + up.replacingOccurrences(of: "/", with: "%2f") + fromRoot,
            "/kaikaku/" + up.replacingOccurrences(of: "../", with: "%2E%2E%2F") + fromRoot,
            "/kaikaku/" + up.replacingOccurrences(of: "/", with: "%5c") + fromRoot,
            "/kaikaku/" + up.replacingOccurrences(of: "/", with: "\\") + fromRoot,
            "/kaikaku/..%2f..%2f..%2f..%2fetc%2fpasswd",
            "/kaikaku/%252e%252e/%252e%252e/etc/passwd",
            "/kaikaku/index.html%00.css",
            "/kaikaku/%00",
            "/kaikaku/./index.html",
            "/kaikaku//etc/passwd",
            "/kaikaku/%zz",
            "/" + up + fromRoot,
            "/kaikaku/leak/secret.txt",
            "/kaikaku/leak.txt",
            "/kaikaku/leak",
            "/kaikaku/.mieruka-output",
            "/__mieruka/../etc/passwd",
        ]
        for attempt in attempts {
            let response = try await live.get(attempt)
            #expect([400, 403, 404].contains(response.status), "\(attempt) → \(response.status)")
            #expect(!response.text.contains(secret), "\(attempt) served the secret")
            #expect(!response.text.contains("root:x:0:0"), "\(attempt) served /etc/passwd")
        }
        #expect(try await live.get("/kaikaku/leak/secret.txt").status == 403, "a link leading out of the site")
        #expect(try await live.get("/kaikaku/%2e%2e/x").status == 400, "an encoded ..")
        #expect(try await live.get("/kaikaku/alias/").status == 200, "a link inside the site is followed")
        try await live.stop()
    }

    @Test func aSavedChangeReloadsTheOpenPages() async throws {
        let live = try await LiveServe.start()
        let page = try await live.get("/kaikaku/test-plan/003/")
        let served = try #require(Self.generation(in: page.text))
        let events = try await live.events()
        #expect(try await events.next("hello") == served)

        try live.edit("content/test-plan/003.md", replacing: "title: 基金の確保", with: "title: 基金の確保と活用")
        var next = try await events.next("reload")
        #expect(next != served)
        var updated = try await live.get("/kaikaku/test-plan/003/")
        // As below: a save that reached inotify as two events is built twice.
        let savedDeadline = Date().addingTimeInterval(15)
        while !updated.text.contains("基金の確保と活用"), Date() < savedDeadline {
            guard let later = try? await events.next("reload", timeout: 2) else { continue }
            next = later
            updated = try await live.get("/kaikaku/test-plan/003/")
        }
        #expect(updated.text.contains("基金の確保と活用"))
        // The second build of such a save may have finished before the page was read: the page then
        // carries its generation, and its reload is still waiting to be read.
        let generation = Self.generation(in: updated.text)
        let announcedDeadline = Date().addingTimeInterval(15)
        while generation != next, Date() < announcedDeadline {
            guard let later = try? await events.next("reload", timeout: 2) else { continue }
            next = later
        }
        #expect(generation == next)
        #expect(live.captured.all.contains { $0.hasPrefix("mieruka: rebuilt in ") && $0.contains("/kaikaku/test-plan/003/") })

        // An editor that saves by writing another file and renaming it over the old one.
        let item = live.work.path + "/content/test-plan/002.md"
        let text = try String(contentsOfFile: item, encoding: .utf8)
        try text.replacingOccurrences(of: "庁内事務の効率化", with: "庁内事務の見直し")
            .write(toFile: item + ".tmp~", atomically: false, encoding: .utf8)
        #expect(rename(item + ".tmp~", item) == 0)
        _ = try await events.next("reload")
        #expect(try await live.get("/kaikaku/test-plan/002/").text.contains("庁内事務の見直し"))

        // Deleted (and the rebuild that takes the deletion in waited for), then written again.
        let count = live.finishedRebuilds
        try FileManager.default.removeItem(atPath: item)
        try await live.waitForRebuild(after: count)
        _ = try await events.next("reload")
        let rewritten = live.finishedRebuilds
        try text.write(toFile: item, atomically: false, encoding: .utf8)
        try await live.waitForRebuild(after: rewritten)
        _ = try await events.next("reload")
        let restored = try await live.get("/kaikaku/test-plan/002/")
        #expect(restored.status == 200)
        #expect(restored.text.contains("庁内事務の効率化"))

        // A new folder with a new plan.
        try live.work.write("content/new-plan/_index.md", InMemorySite.plan)
        try live.work.write("content/new-plan/1.md", InMemorySite.item("1"))
        let deadline = Date().addingTimeInterval(15)
        var newPlan = try await live.get("/kaikaku/new-plan/1/")
        while newPlan.status != 200, Date() < deadline {
            _ = try? await events.next("reload", timeout: 2)
            newPlan = try await live.get("/kaikaku/new-plan/1/")
        }
        #expect(newPlan.status == 200, "a file in a folder made after serving started")
        try await live.stop()
    }

    @Test func aBrokenFileShowsItsErrorsOverTheLastGoodPagesUntilFixed() async throws {
        let live = try await LiveServe.start()
        let events = try await live.events()
        _ = try await events.next("hello")
        try live.edit("seeds/test-plan/R6.yml", replacing: "    grade: C", with: "    grade: \"<X>\"")
        let message = "seeds/test-plan/R6.yml:13:12: error: grade \"<X>\" is not on the plan's scale"
        let escaped = "seeds/test-plan/R6.yml:13:12: error: grade &quot;&lt;X&gt;&quot; is not on the plan&#39;s scale"
        // The save can reach inotify as two events (the file emptied, then written), so the first
        // reload may be for a build of the half-written file: wait, on reload events, for the
        // build that read the whole of it. serve prints before it tells the pages to reload.
        let deadline = Date().addingTimeInterval(15)
        _ = try await events.next("reload")
        while !live.captured.all.contains(where: { $0.contains(message) }), Date() < deadline {
            _ = try? await events.next("reload", timeout: 2)
        }
        #expect(live.captured.all.contains { $0.contains(message) }, "the terminal prints it as build does")
        for path in ["/kaikaku/", "/kaikaku/test-plan/002/", "/kaikaku/about/"] {
            let page = try await live.get(path)
            #expect(page.status == 200, "\(path): the last good page is still served")
            #expect(page.text.contains("mieruka-serve-errors"), "\(path)")
            #expect(page.text.contains(escaped), "\(path): the error, located and HTML-escaped")
            #expect(!page.text.contains("\"<X>\""), "\(path)")
        }
        #expect(try await live.get("/kaikaku/test-plan/002/").text.contains("庁内事務の効率化"))
        #expect(try await live.get("/kaikaku/assets/mieruka.css").status == 200)
        let errors = try await live.get("/__mieruka/errors")
        #expect(errors.text.contains(escaped))

        try live.edit("seeds/test-plan/R6.yml", replacing: "    grade: \"<X>\"", with: "    grade: B")
        // The broken save may have been built twice (an editor's write can reach inotify as two
        // events), so a reload for the broken site can still be on its way: wait, on reload
        // events, for the one after which the page is whole again.
        let fixDeadline = Date().addingTimeInterval(15)
        _ = try await events.next("reload")
        var fixed = try await live.get("/kaikaku/test-plan/002/")
        while fixed.text.contains("mieruka-serve-errors"), Date() < fixDeadline {
            _ = try? await events.next("reload", timeout: 2)
            fixed = try await live.get("/kaikaku/test-plan/002/")
        }
        #expect(!fixed.text.contains("mieruka-serve-errors"))
        #expect(try await live.get("/__mieruka/errors").text.contains("エラーはありません"))
        try await live.stop()
    }

    @Test func deletingTheFileThatBrokeTheBuildTakesTheErrorsAway() async throws {
        let live = try await LiveServe.start()
        let events = try await live.events()
        _ = try await events.next("hello")
        // A static file in the place of a generated one: an error, though the site never read it.
        try live.work.write("static/404.html", "<p>x</p>\n")
        _ = try await events.next("reload")
        #expect(try await live.get("/kaikaku/about/").text.contains("mieruka-serve-errors"))

        try FileManager.default.removeItem(atPath: live.work.path + "/static/404.html")
        _ = try await events.next("reload")
        #expect(!(try await live.get("/kaikaku/about/").text.contains("mieruka-serve-errors")))
        #expect(try await live.get("/__mieruka/errors").text.contains("エラーはありません"))
        try await live.stop()
    }

    @Test func theServedSiteIsTheBuiltSiteAfterChangesTakenInByTheWatcher() async throws {
        let live = try await LiveServe.start()
        let changes: [(String, String, String)] = [
            ("content/test-plan/003.md", "title: 基金の確保", "title: 基金の確保と活用"),
            ("seeds/test-plan/R6.yml", "    grade: A", "    grade: B"),
            ("content/about.md", "title: このサイトについて", "title: このサイトの案内"),
        ]
        try await live.apply(changes)
        let (served, built) = try live.servedAndBuilt()
        #expect(served.keys.sorted() == built.keys.sorted())
        #expect(served.filter { built[$0.key] != $0.value }.keys.sorted() == [])
        #expect(!served.values.contains { String(decoding: $0, as: UTF8.self).contains("data-mieruka-serve") })
        try await live.stop()
    }

    static func generation(in html: String) -> String? {
        guard let start = html.range(of: "var g=\"")?.upperBound, let end = html[start...].firstIndex(of: "\"") else {
            return nil
        }
        return String(html[start..<end])
    }
}
