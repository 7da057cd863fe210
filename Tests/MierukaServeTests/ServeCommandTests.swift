import Foundation
import MierukaTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `mieruka serve` as a user runs it: the real binary, stopped with Ctrl-C.
@Suite struct ServeCommandTests {
    /// The binary running `serve`, with what it prints gathered as it comes.
    final class Running: @unchecked Sendable {
        let process: ChildProcess
        private let output = CapturedLines()
        /// Set when the output has ended (the process has closed it: it has exited).
        private var ended = false
        /// Signalled whenever output arrives or ends, so that `wait(for:)` waits on events
        /// rather than polling.
        private let arrived = NSCondition()

        init(_ arguments: [String], in directory: String) throws {
            process = try ChildProcess(
                CommandRunner.executable, ["serve"] + arguments, in: directory, mergingErrors: true,
                timeLimit: 300 * TestHTTPClient.timeoutFactor)
            let thread = Thread { [self] in
                while let chunk = ChildProcess.read(process.output) {
                    arrived.lock()
                    output.append(String(decoding: chunk, as: UTF8.self))
                    arrived.broadcast()
                    arrived.unlock()
                }
                arrived.lock()
                ended = true
                arrived.broadcast()
                arrived.unlock()
            }
            thread.start()
        }

        var text: String { output.all.joined() }
        var pid: pid_t { process.pid }

        func interrupt() { process.signal(SIGINT) }

        /// Waits (off the task pool) until the output contains `needle`, woken by each arrival;
        /// `timeout` only ends a hang (sanitizers slow everything down many times).
        func wait(for needle: String, timeout: Double = 300) async throws {
            let found = try await offPool { [self] () -> Bool in
                let deadline = Date().addingTimeInterval(timeout)
                arrived.lock()
                defer { arrived.unlock() }
                while !text.contains(needle), !ended {
                    guard arrived.wait(until: deadline) else { break }
                }
                return text.contains(needle)
            }
            if !found { throw TestHTTPClient.Failure(description: "no \"\(needle)\" in: \(text)") }
        }

        /// Waits until the process has exited and all it printed has been read; its exit code.
        /// (The child's own time limit kills a serve that never exits, which ends its output.)
        func exit() async throws -> Int32 {
            let code = try await offPool { [self] () -> Int32 in
                arrived.lock()
                while !ended { arrived.wait() }
                arrived.unlock()
                return process.waitForExit()
            }
            if process.killedByTimeLimit {
                throw TestHTTPClient.Failure(description: "serve did not exit within \(Int(process.timeLimit)) s: \(text)")
            }
            return code
        }
    }

    @Test func ctrlCStopsCleanlyWithExitCodeZero() async throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let serve = try Running(["--port", "0"], in: work.path)
        try await serve.wait(for: "(Ctrl-C to stop)")
        #expect(serve.text.contains("mieruka: built 2"))
        let match = try #require(serve.text.firstMatch(of: /serving the site in the current folder at http:\/\/127\.0\.0\.1:(\d+)\/kaikaku\//))
        let port = try #require(UInt16(match.1))
        let page = try await offPool { try TestHTTPClient(port: port).get("/kaikaku/") }
        #expect(page.status == 200)
        let pid = serve.pid
        let folders = { (try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)) ?? [] }
        let served = try #require(folders().first { $0.hasPrefix("mieruka-serve-\(pid)-") })
        let path = FileManager.default.temporaryDirectory.path + "/" + served

        serve.interrupt()
        #expect(try await serve.exit() == 0)
        #expect(serve.text.contains("mieruka: stopped"))
        // Deleted by a process of its own that holds the folder's lock until it is done.
        #expect(try await offPool { ServedFolderTests.waitUntilUnlocked(path) }, "\(path) is still locked")
        #expect(!FileManager.default.fileExists(atPath: path), "the served folder is removed")
        #expect(!work.exists("public"), "serve never writes public/")
    }

    /// 200 open pages, each holding its event stream: a save reloads every one of them, a page is
    /// still served beside them, and Ctrl-C (right after another save, so that a rebuild may be
    /// under way) ends every stream, exits 0 and leaves no served folder (the time it takes is
    /// measured by bench/serve-change.sh, not here; the bounds below only stop a hang).
    @Test func twoHundredOpenPagesReloadAndCtrlCClosesThemAndExitsZero() async throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let serve = try Running(["--port", "0"], in: work.path)
        try await serve.wait(for: "(Ctrl-C to stop)")
        let match = try #require(serve.text.firstMatch(of: /at http:\/\/127\.0\.0\.1:(\d+)\/kaikaku\//))
        let port = try #require(UInt16(match.1))
        let pages = try await offPool { () -> [TestHTTPClient.EventStream] in
            let pages = try (0..<200).map { _ in try TestHTTPClient.EventStream(port: port) }
            for page in pages { _ = try page.next("hello") }
            return pages
        }
        #expect(try await offPool { try TestHTTPClient(port: port).get("/kaikaku/test-plan/002/") }.status == 200)

        let item = work.path + "/content/test-plan/003.md"
        let text = try String(contentsOfFile: item, encoding: .utf8)
        try text.replacingOccurrences(of: "title: 基金の確保", with: "title: 基金の確保と活用").write(toFile: item, atomically: false, encoding: .utf8)
        let reloaded = try await offPool { () -> Int in
            var count = 0
            for page in pages where (try? page.next("reload")) != nil { count += 1 }
            return count
        }
        #expect(reloaded == 200, "every open page is told to reload")
        let pid = serve.pid
        let served = try #require(
            (try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path))
                .first { $0.hasPrefix("mieruka-serve-\(pid)-") })

        try text.replacingOccurrences(of: "title: 基金の確保", with: "title: 基金の確保と見直し").write(toFile: item, atomically: false, encoding: .utf8)
        serve.interrupt()
        #expect(try await serve.exit() == 0)
        #expect(serve.text.hasSuffix("mieruka: stopped\n"), "nothing printed after stopping: \(serve.text.suffix(300))")
        let ended = try await offPool { () -> Int in
            let deadline = Date().addingTimeInterval(10 * TestHTTPClient.timeoutFactor)
            // (A reload for the last save may come before the end.)
            return pages.filter { page in
                do {
                    while try page.connection.receive(until: deadline) != nil {}
                    return true
                } catch {
                    return false
                }
            }.count
        }
        #expect(ended == 200, "every event stream is ended")
        let path = FileManager.default.temporaryDirectory.path + "/" + served
        #expect(try await offPool { ServedFolderTests.waitUntilUnlocked(path) }, "\(path) is still locked")
        #expect(!FileManager.default.fileExists(atPath: path), "the served folder is deleted")
    }

    @Test func aPortInUseIsAUsageError() async throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        // Hold a port.
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                try #require(bind(holder, $0, length) == 0)
                try #require(listen(holder, 1) == 0)
                try #require(getsockname(holder, $0, &length) == 0)
            }
        }
        let port = UInt16(bigEndian: address.sin_port)
        let result = try await offPool { try CommandRunner.mieruka(["serve", "--port", String(port)], in: work.path) }
        #expect(result.status == 2)
        #expect(result.standardError == "mieruka: error: port \(port) is in use; choose another with --port\n")
    }

    @Test func aFolderThatIsNotASiteIsAUsageError() async throws {
        let empty = TemporaryDirectory()
        let result = try await offPool { try CommandRunner.mieruka(["serve", "--port", "0"], in: empty.path) }
        #expect(result.status == 2)
        #expect(result.standardError.contains("is not a Mieruka site: it has no mieruka.yml"))
        let missing = try await offPool { try CommandRunner.mieruka(["serve", "--source", "nowhere"], in: empty.path) }
        #expect(missing.status == 2)
        #expect(missing.standardError == "mieruka: error: no such folder: nowhere\n")
    }

    @Test func helpNamesServe() throws {
        let result = try CommandRunner.mieruka(["serve", "--help"], in: Fixtures.root)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("--port"))
        #expect(result.standardOutput.contains("--host"))
    }
}
