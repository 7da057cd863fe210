import Dispatch
import FlyingFox
import FlyingSocks
import Foundation
import MierukaDiagnostics
import Synchronization

/// The options of `mieruka serve`.
public struct ServeOptions: Sendable {
    /// The site folder.
    public var source: String
    /// How the site folder is shown in messages ("" for the current folder).
    public var displaySource: String
    public var host: String
    /// 0 lets the system choose a free port (printed when serving starts).
    public var port: UInt16
    /// How long the inputs must be quiet before a rebuild starts.
    public var quietMilliseconds: Int
    /// Print how long each stage of each build took.
    public var timings: Bool

    public init(
        source: String, displaySource: String, host: String = "127.0.0.1", port: UInt16 = 8080,
        quietMilliseconds: Int = 50, timings: Bool = false
    ) {
        self.source = source
        self.displaySource = displaySource
        self.host = host
        self.port = port
        self.quietMilliseconds = quietMilliseconds
        self.timings = timings
    }
}

/// Why serving could not start (exit code 2).
public struct ServeError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) { self.description = description }
}

/// `mieruka serve`: builds the site into a private folder, serves it over HTTP, watches its
/// files, rebuilds what a change alters, and tells the open pages to reload.
public final class ServeSession: Sendable {
    public let options: ServeOptions
    let console: Console
    let folder: ServedFolder
    let builder: SiteBuilder
    let state: ServeState
    let hub = ReloadHub()
    private let running = Mutex<Running?>(nil)
    private let stopped = DispatchSemaphore(value: 0)
    private let stopRequested = Atomic<Bool>(false)
    private let builds = Mutex<(count: Int, idle: Int, last: BuildOutcome?)>((0, 0, nil))

    struct Running: Sendable {
        let server: HTTPServer
        let serverTask: Task<Void, Never>
        let heartbeat: Task<Void, Never>
        let watcher: SiteWatcher
        let builderDone: DispatchSemaphore
    }

    /// Where messages go: standard output and standard error by default.
    public struct Console: Sendable {
        public var out: @Sendable (String) -> Void
        public var error: @Sendable (String) -> Void

        public init(out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
            self.out = out
            self.error = error
        }

        public static let standard = Console(
            out: { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            },
            error: { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            })
    }

    public init(options: ServeOptions, console: Console = .standard) throws {
        self.options = options
        self.console = console
        folder = try ServedFolder()
        builder = SiteBuilder(source: options.source, displaySource: options.displaySource, folder: folder)
        state = ServeState(basePath: "/")
    }

    /// Builds the site and starts serving and watching; returns the port served on.
    /// Throws `ServeError` when the site cannot be served at all (exit code 2).
    public func start() throws -> UInt16 {
        let address: any SocketAddress
        do {
            address = try Self.address(host: options.host, port: options.port)
        } catch {
            folder.delete()
            throw ServeError("--host \(options.host) is not an IP address (use 127.0.0.1, 0.0.0.0 or ::1)")
        }
        if let problem = siteProblem() {
            folder.delete()
            throw ServeError(problem)
        }

        // Listen first, so that a port in use is said at once; until the first build is done,
        // pages say that the site is being built (and reload when it is).
        let server = HTTPServer(
            address: address, timeout: 30, logger: .disabled, handler: SiteRequestHandler(folder: folder, state: state, hub: hub))
        let failure = Shared<(any Error)?>(nil)
        let serverTask = Task {
            do {
                try await server.run()
            } catch {
                failure.value = error
            }
        }
        let port: UInt16
        do {
            port = try Self.waitForListening(server, failure: failure)
        } catch {
            serverTask.cancel()
            folder.delete()
            if case SocketError.failed(_, let code, _) = error, code == EADDRINUSE {
                throw ServeError("port \(options.port) is in use; choose another with --port")
            }
            if case SocketError.failed(_, let code, _) = error, code == EACCES {
                throw ServeError("port \(options.port) may not be used by this user; choose another with --port (above 1023)")
            }
            throw ServeError("cannot serve on \(options.host):\(options.port): \(error)")
        }

        // Watch before the first build, so that a file saved while it runs is not missed.
        let watcher: SiteWatcher
        do {
            watcher = try SiteWatcher(root: options.source, quietMilliseconds: options.quietMilliseconds)
        } catch {
            serverTask.cancel()
            folder.delete()
            throw ServeError("\(error)")
        }

        let first = builder.build()
        if case .notASite(let message) = first.status {
            serverTask.cancel()
            Self.wait { await server.stop(timeout: 0) }
            folder.delete()
            throw ServeError(message)
        }
        report(first)
        if let generation = state.update(
            basePath: builder.basePath, hasSite: builder.hasSite, failure: first.status == .built ? nil : first.diagnostics,
            outputChanged: true)
        {
            hub.reload(generation: generation)
        }

        let hub = self.hub
        let heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                hub.heartbeat()
            }
        }
        let builderDone = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            while let batch = watcher.nextBatch() {
                rebuild(batch)
            }
            builderDone.signal()
        }
        thread.name = "mieruka-serve-builder"
        thread.start()
        running.withLock {
            $0 = Running(server: server, serverTask: serverTask, heartbeat: heartbeat, watcher: watcher, builderDone: builderDone)
        }
        if stopRequested.load(ordering: .relaxed) {
            // Ctrl-C while starting.
            stop()
            return port
        }
        let shownHost = options.host.contains(":") ? "[\(options.host)]" : options.host
        console.out("mieruka: serving \(shownDisplaySource) at http://\(shownHost):\(port)\(state.snapshot.basePath) (Ctrl-C to stop)")
        console.out("mieruka: watching mieruka.yml, content/, seeds/, templates/ and static/ for changes")
        return port
    }

    /// Serves until Ctrl-C (SIGINT) or SIGTERM, then stops cleanly. Returns the exit code.
    public func run() -> Int32 {
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in stop() }
            source.resume()
            sources.append(source)
        }
        do {
            _ = try start()
        } catch {
            console.error("mieruka: error: \(error)")
            return 2
        }
        waitUntilStopped()
        for source in sources { source.cancel() }
        console.out("mieruka: stopped")
        return 0
    }

    /// Stops serving and watching, and removes the served folder.
    public func stop() {
        stopRequested.store(true, ordering: .relaxed)
        guard let running = running.withLock({ state in defer { state = nil }; return state }) else { return }
        running.watcher.stop()
        running.heartbeat.cancel()
        hub.finish()
        Self.wait {
            await running.server.stop(timeout: 0.3)
            running.serverTask.cancel()
        }
        running.builderDone.wait()
        folder.delete()
        stopped.signal()
    }

    public func waitUntilStopped() {
        stopped.wait()
        stopped.signal()
    }

    /// Builds reported so far (the first included), and the last one.
    public var buildCount: Int { builds.withLock { $0.count } }
    /// Rebuilds finished (site-wide files included), reported or not: grows each time the
    /// builder has taken in a batch of changes and gone idle.
    public var finishedRebuilds: Int { builds.withLock { $0.idle } }
    public var lastBuild: BuildOutcome? { builds.withLock { $0.last } }
    /// The folder the site is built into and served from (removed when serving stops).
    public var servedPath: String { folder.path }

    // MARK: - Rebuilds

    func rebuild(_ batch: SiteWatcher.Batch) {
        // The pages first, and the open pages told to reload; then the files made from the whole
        // site (the search index, the sitemap), before the next change is taken in.
        let outcome = builder.build(changed: batch.overflowed ? nil : batch.paths, siteFilesLater: true)
        defer {
            let late = builder.finishSiteFiles()
            if !late.diagnostics.isEmpty { console.error(DiagnosticFormatter().format(late.diagnostics)) }
            builds.withLock { $0.idle += 1 }
        }
        if outcome.status == .built, !outcome.isFull, outcome.changedFiles.isEmpty, !outcome.changesOutput,
            state.snapshot.failure == nil
        {
            // Only files the site does not read changed (a folder, an editor's temporary file).
            // (Not after a failure: deleting the file that broke the build fixes it.)
            builds.withLock { $0.last = outcome }
            return
        }
        report(outcome)
        let generation = state.update(
            basePath: builder.basePath, hasSite: builder.hasSite,
            failure: outcome.status == .built ? nil : outcome.diagnostics, outputChanged: outcome.changesOutput)
        if let generation { hub.reload(generation: generation) }
    }

    private let printed = Mutex<Diagnostics?>(nil)

    func report(_ outcome: BuildOutcome) {
        let count = builds.withLock { builds -> Int in
            builds.count += 1
            builds.last = outcome
            return builds.count
        }
        let formatter = DiagnosticFormatter()
        let summary = formatter.summary(outcome.diagnostics)
        let alreadyPrinted = printed.withLock { printed in
            defer { printed = outcome.diagnostics }
            return printed == outcome.diagnostics
        }
        if !outcome.diagnostics.isEmpty, !(alreadyPrinted && outcome.status == .built) {
            console.error(formatter.format(outcome.diagnostics))
        }
        let took = Self.duration(outcome.seconds)
        if count > 1, !outcome.changedFiles.isEmpty {
            let shown = outcome.changedFiles.prefix(5).joined(separator: ", ")
            let more = outcome.changedFiles.count > 5 ? " and \(outcome.changedFiles.count - 5) more" : ""
            console.out("mieruka: changed: \(shown)\(more)")
        }
        switch outcome.status {
        case .built:
            var line: String
            if count == 1 {
                line = "mieruka: built \(outcome.totalPages) pages in \(took)"
            } else {
                let pages = outcome.updatedPages.map { pageURL($0) }
                line = "mieruka: rebuilt in \(took): rendered \(outcome.renderedPages) of \(outcome.totalPages) pages"
                line += outcome.isFull ? " (all: settings or templates changed)" : ""
                line += ", \(pages.count) updated"
                if !pages.isEmpty {
                    line += ": " + pages.prefix(8).joined(separator: " ")
                    if pages.count > 8 { line += " … (\(pages.count - 8) more)" }
                }
                let files = outcome.updatedFiles.count + outcome.removedFiles.count
                if files > 0 { line += "; \(files) other file\(files == 1 ? "" : "s") updated or removed" }
            }
            if !outcome.diagnostics.isEmpty { line += "; \(summary)" }
            console.out(line)
        case .failed:
            let kept = builder.hasSite ? "still serving the last good site" : "nothing to serve yet"
            console.error("mieruka: \(summary); \(kept) (the browser shows the errors) (\(took))")
        case .notASite(let message):
            console.error("mieruka: error: \(message)")
        }
        if options.timings, !outcome.stages.isEmpty {
            let width = outcome.stages.map(\.name.count).max() ?? 0
            console.out(
                "timings:\n"
                    + outcome.stages.map { stage in
                        "  " + stage.name + String(repeating: " ", count: width - stage.name.count) + "  "
                            + Self.duration(stage.seconds)
                    }.joined(separator: "\n"))
        }
    }

    /// Why the source folder is not a site, as `mieruka build` says it.
    func siteProblem() -> String? {
        let shown = options.displaySource.isEmpty ? options.source : options.displaySource
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.source, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "no such folder: \(shown)"
        }
        guard FileManager.default.fileExists(atPath: options.source + "/mieruka.yml") else {
            let folder = options.displaySource.isEmpty ? "the current folder" : options.displaySource
            return "\(folder) is not a Mieruka site: it has no mieruka.yml "
                + "(a site folder holds mieruka.yml, content/, seeds/ and optionally templates/)"
        }
        return nil
    }

    /// Runs async work from a thread that is not part of Swift's task pool, and waits for it.
    static func wait(_ work: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await work()
            done.signal()
        }
        done.wait()
    }

    func pageURL(_ outputFile: String) -> String {
        let base = state.snapshot.basePath
        let route = outputFile.hasSuffix("index.html") ? String(outputFile.dropLast("index.html".count)) : outputFile
        return base + route
    }

    var shownDisplaySource: String {
        options.displaySource.isEmpty ? "the site in the current folder" : options.displaySource
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\(Double(Int(seconds * 100)) / 100) s"
    }

    static func address(host: String, port: UInt16) throws -> any SocketAddress {
        let ip = host == "localhost" ? "127.0.0.1" : host
        if ip.contains(":") { return try sockaddr_in6.inet6(ip6: ip, port: port) }
        return try sockaddr_in.inet(ip4: ip, port: port)
    }

    /// Waits until the server listens, or fails to (the port is taken); returns the port.
    static func waitForListening(_ server: HTTPServer, failure: Shared<(any Error)?>) throws -> UInt16 {
        let result = Shared<Result<UInt16, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            var outcome: Result<UInt16, any Error> = .failure(ServeError("the server did not start listening"))
            for _ in 0..<1000 {
                if let error = failure.value {
                    outcome = .failure(error)
                    break
                }
                if await server.isListening {
                    switch await server.listeningAddress {
                    case .ip4(_, let port)?: outcome = .success(port)
                    case .ip6(_, let port)?: outcome = .success(port)
                    default: outcome = .success(0)
                    }
                    break
                }
                try? await Task.sleep(for: .milliseconds(10))
            }
            result.value = outcome
            done.signal()
        }
        done.wait()
        return try result.value?.get() ?? 0
    }
}

/// A value shared between threads and tasks, behind a lock.
final class Shared<Value: Sendable>: Sendable {
    private let lock: Mutex<Value>

    init(_ value: Value) { lock = Mutex(value) }

    var value: Value {
        get { lock.withLock { $0 } }
        set { lock.withLock { $0 = newValue } }
    }
}
