import Dispatch
import Foundation
import MierukaParallel
import MierukaServe
import MierukaTestSupport
import Synchronization
import Testing

/// `serve` while pages are being loaded and files are being saved, some saves breaking the build
/// and some fixing it: no request fails, every response is a whole file exactly as some complete
/// build wrote it (never half of one, never a mix of two builds), and every page open on the
/// event stream is told to reload after every rebuild that changed what it shows.
///
/// Small scale (8 loaders, 4 open pages, 12 saves); bench/serve-change.py runs the same rules at
/// 64 connections and 100 saves, and measures memory, descriptors and Ctrl-C.
/// Every wait is on an event (a rebuild finishing, an event arriving), never on a fixed time.
@Suite struct ServeUnderChangeTests {
    /// The saves, in order: the item's title takes one of three new forms, or a seed file gets a
    /// grade that is not on the plan's scale (the build fails) and then a valid one again.
    enum Save: CustomStringConvertible {
        case title(Int)
        case breakSeed
        case fixSeed

        static let item = "content/test-plan/003.md"
        static let seed = "seeds/test-plan/R6.yml"
        static let original = "title: 基金の確保\n"
        static func title(_ variant: Int) -> String { "title: 基金の確保（版\(variant)）\n" }
        static let broken = "    grade: \"<X>\""

        var description: String {
            switch self {
            case .title(let variant): "title form \(variant)"
            case .breakSeed: "a grade off the scale"
            case .fixSeed: "the grade fixed"
            }
        }
    }

    static let saves: [Save] = [
        .title(1), .breakSeed, .title(2), .fixSeed, .title(3), .breakSeed, .fixSeed, .title(0), .title(1), .breakSeed,
        .title(3), .fixSeed,
    ]

    @Test func pagesStayWholeAndEveryOpenPageReloadsWhileSavesBreakAndFixTheBuild() async throws {
        // Every version of every file that a complete build of a good state writes.
        let expected = try Self.everyBuiltVersion()
        let live = try await LiveServe.start()
        let pages = expected.keys.filter { $0.hasSuffix(".html") }.sorted()
        let targets = pages.map { "/kaikaku/" + ($0.hasSuffix("index.html") ? String($0.dropLast("index.html".count)) : $0) }
            + ["/kaikaku/assets/mieruka.css"]
        try #require(pages.count >= 5, "the fixture has pages to load: \(pages)")

        let streams = try await offPool { () -> [TestHTTPClient.EventStream] in
            let port = live.client.port
            let streams = try (0..<4).map { _ in try TestHTTPClient.EventStream(port: port) }
            for stream in streams { _ = try stream.next("hello") }
            return streams
        }

        let load = Load(client: live.client, targets: targets, expected: expected)
        load.start(connections: 8)

        // What the file says, and what the pages show: while the build fails, the last good site
        // with the errors over it (a save then changes nothing a page shows, and reloads nothing).
        var savedVariant = 0
        var shown = (variant: 0, broken: false)
        var reloads = 0
        var lastGeneration = try #require(ServeHTTPTests.generation(in: try await live.get("/kaikaku/test-plan/003/").text))
        for (step, save) in Self.saves.enumerated() {
            let rebuilds = live.finishedRebuilds
            let before = shown
            switch save {
            case .title(let variant):
                let from = savedVariant == 0 ? Save.original : Save.title(savedVariant)
                try live.edit(Save.item, replacing: from, with: variant == 0 ? Save.original : Save.title(variant))
                savedVariant = variant
                if !shown.broken { shown.variant = variant }
            case .breakSeed:
                try live.edit(Save.seed, replacing: "    grade: C", with: Save.broken)
                shown.broken = true
            case .fixSeed:
                try live.edit(Save.seed, replacing: Save.broken, with: "    grade: C")
                shown = (savedVariant, false)
            }
            if shown == before {
                // Taken in (the rebuild waited for), and the page as it was.
                try await live.waitForRebuild(after: rebuilds)
                continue
            }
            // Wait (on the builder's rebuild events) until the page shows what was saved. The
            // count is read before the page, so a rebuild ending in between is not waited for.
            let expected = shown
            func showsTheSave(_ text: String) -> Bool {
                (expected.variant == 0 ? !text.contains("基金の確保（版") : text.contains("基金の確保（版\(expected.variant)）"))
                    && text.contains("mieruka-serve-errors") == expected.broken
            }
            // (A page can show a rebuild's files a moment before the generation they make.)
            var count = rebuilds
            var page = try await live.get("/kaikaku/test-plan/003/")
            while !showsTheSave(page.text) || ServeHTTPTests.generation(in: page.text) == lastGeneration {
                do {
                    try await live.waitForRebuild(after: count)
                } catch {
                    Issue.record("step \(step + 1) (\(save)): not shown; serve printed \(live.captured.all.suffix(6))")
                    throw error
                }
                count = live.finishedRebuilds
                page = try await live.get("/kaikaku/test-plan/003/")
            }
            let generation = try #require(ServeHTTPTests.generation(in: page.text))
            lastGeneration = generation
            reloads += 1
            // Every open page is told to reload to this generation (after the reloads before it).
            let told = try await offPool { () -> Int in
                streams.filter { stream in
                    while let data = try? stream.next("reload", timeout: 20) {
                        if data == generation { return true }
                    }
                    return false
                }.count
            }
            #expect(told == streams.count, "step \(step + 1) (\(save)): \(told) of \(streams.count) open pages told to reload")
        }
        #expect(reloads >= 8, "most saves changed what the pages show (\(reloads))")

        let result = try await offPool { load.stop() }
        #expect(result.requests > 50, "the pages were being loaded throughout (\(result.requests) requests)")
        #expect(result.failures.count == 0, "\(result.failures.count) of \(result.requests) failed: \(result.failures.prefix(5))")
        #expect(result.incomplete.count == 0, "\(result.incomplete.count) were not a whole built file: \(result.incomplete.prefix(5))")
        try await live.stop()
    }

    /// The files `mieruka build` writes for each good state the saves pass through, by path.
    static func everyBuiltVersion() throws -> [String: Set<Data>] {
        let site = try ServeTestSite()
        var versions: [String: Set<Data>] = [:]
        var current = Save.original
        for variant in 0...3 {
            let next = variant == 0 ? Save.original : Save.title(variant)
            if next != current { try site.edit(Save.item, replacing: current, with: next) }
            current = next
            for (path, bytes) in try site.freshBuild().files { versions[path, default: []].insert(bytes) }
        }
        return versions
    }

    /// Connections loading the pages in turn until stopped, each response checked.
    final class Load: Sendable {
        struct Result: Sendable {
            var requests = 0
            var failures: [String] = []
            var incomplete: [String] = []
        }

        let client: TestHTTPClient
        let targets: [String]
        let expected: [String: Set<Data>]
        private let stopping = Atomic<Bool>(false)
        private let result = Lock(Result())
        private let done = DispatchGroup()

        init(client: TestHTTPClient, targets: [String], expected: [String: Set<Data>]) {
            self.client = client
            self.targets = targets
            self.expected = expected
        }

        func start(connections: Int) {
            for offset in 0..<connections {
                done.enter()
                Thread { [self] in
                    var index = offset
                    while !stopping.load(ordering: .relaxed) {
                        check(targets[index % targets.count])
                        index += 1
                    }
                    done.leave()
                }.start()
            }
        }

        func stop() -> Result {
            stopping.store(true, ordering: .relaxed)
            done.wait()
            return result.withLock { $0 }
        }

        private func check(_ target: String) {
            let file = String(target.dropFirst("/kaikaku/".count))
            let path = file.isEmpty || file.hasSuffix("/") ? file + "index.html" : file
            let response: TestHTTPClient.Response
            do {
                response = try client.get(target.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? target)
            } catch {
                result.withLock {
                    $0.requests += 1
                    $0.failures.append("\(target): \(error)")
                }
                return
            }
            var problem: String?
            var failed = false
            if response.status != 200 {
                failed = true
                problem = "\(target): status \(response.status)"
            } else if response.header("content-length") != String(response.body.count) {
                problem = "\(target): Content-Length \(response.header("content-length") ?? "none"), \(response.body.count) bytes"
            } else {
                let body = path.hasSuffix(".html") ? Self.withoutServeAdditions(response.body) : response.body
                if path.hasSuffix(".html"), !String(decoding: body.suffix(16), as: UTF8.self).hasSuffix("</html>\n") {
                    problem = "\(target): does not end with </html>"
                } else if expected[path]?.contains(Data(body)) != true {
                    problem = "\(target): \(body.count) bytes that no complete build wrote"
                }
            }
            result.withLock {
                $0.requests += 1
                if let problem {
                    if failed { $0.failures.append(problem) } else { $0.incomplete.append(problem) }
                }
            }
        }

        /// The page without what serve adds before `</body>` (the errors' overlay, the reload script).
        static func withoutServeAdditions(_ body: [UInt8]) -> [UInt8] {
            let text = String(decoding: body, as: UTF8.self)
            let start = text.range(of: "<div id=\"mieruka-serve-errors\"") ?? text.range(of: "<script data-mieruka-serve>")
            guard let start, let end = text[start.lowerBound...].range(of: "</script>\n") else { return body }
            return Array((text[..<start.lowerBound] + text[end.upperBound...]).utf8)
        }
    }
}
