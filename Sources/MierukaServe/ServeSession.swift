import Dispatch
import Foundation
import MierukaBuild
import MierukaDiagnostics
import MierukaParallel
import Synchronization

/// The options of `mieruka serve`.
package struct ServeOptions: Sendable {
    /// The site folder.
    package var source: String
    /// How the site folder is shown in messages ("" for the current folder).
    package var displaySource: String
    package var host: String
    /// 0 lets the system choose a free port (printed when serving starts).
    package var port: UInt16
    /// How long the inputs must be quiet before a rebuild starts.
    package var quietMilliseconds: Int
    /// Print how long each stage of each build took.
    package var timings: Bool
    /// Watch by scanning the inputs this often instead of with inotify (`--poll`); nil: inotify,
    /// or scanning every `defaultPollMilliseconds` where inotify cannot watch every folder.
    package var pollMilliseconds: Int?
    package static let defaultPollMilliseconds = 500
    /// Folders inotify may watch before it refuses one, as when the system's limit is used up
    /// (for tests); nil: the system's limit.
    package var inotifyWatchLimit: Int?
    /// Bounds on requests and connections.
    package var limits: HTTPLimits

    package init(
        source: String, displaySource: String, host: String = "127.0.0.1", port: UInt16 = 8080,
        quietMilliseconds: Int = 50, timings: Bool = false, limits: HTTPLimits = HTTPLimits(), pollMilliseconds: Int? = nil
    ) {
        self.limits = limits
        self.pollMilliseconds = pollMilliseconds
        self.source = source
        self.displaySource = displaySource
        self.host = host
        self.port = port
        self.quietMilliseconds = quietMilliseconds
        self.timings = timings
    }
}

/// Why serving could not start (exit code 2).
package struct ServeError: Error, CustomStringConvertible, Sendable {
    package let description: String

    init(_ description: String) { self.description = description }
}

/// `mieruka serve`: builds the site into a private folder, serves it over HTTP, watches its
/// files, rebuilds what a change alters, and tells the open pages to reload.
package final class ServeSession: Sendable {
    package let options: ServeOptions
    let console: Console
    let folder: ServedFolder
    let builder: SiteBuilder
    let state: ServeState
    let hub = ReloadHub()
    private let running = Lock<Running>(Running())
    private let stopped = DispatchSemaphore(value: 0)
    private let startEnded = DispatchSemaphore(value: 0)
    private let stopRequested = Atomic<Bool>(false)
    private let builds = Lock<(count: Int, idle: Int, last: BuildOutcome?)>((0, 0, nil))
    /// Signalled each time the builder goes idle after a rebuild (tests wait on it, not on time).
    private let rebuildFinished = NSCondition()

    /// The parts of serving started so far (see `start()`), and whether serving has stopped.
    struct Running: Sendable {
        var server: SiteServer?
        var watcher: (any InputWatcher)?
        var heartbeat: Task<Void, Never>?
        var isStopped = false
    }

    /// Where messages go: standard output and standard error by default.
    package struct Console: Sendable {
        package var out: @Sendable (String) -> Void
        package var error: @Sendable (String) -> Void

        package init(out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
            self.out = out
            self.error = error
        }

        package static let standard = Console(
            out: { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            },
            error: { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            })
    }

    /// - Parameter hooks: points where a test holds the builder (none outside tests).
    package init(options: ServeOptions, console: Console = .standard, hooks: SiteBuilder.Hooks = SiteBuilder.Hooks()) throws {
        self.options = options
        self.console = console
        folder = try ServedFolder()
        builder = SiteBuilder(source: options.source, displaySource: options.displaySource, folder: folder, hooks: hooks)
        state = ServeState(basePath: "/")
    }

    /// Builds the site and starts serving and watching; returns the port served on.
    /// Throws `ServeError` when the site cannot be served at all (exit code 2).
    ///
    /// Each part (the server, the watcher, the heartbeat) is registered as it starts, so that
    /// `stop()` ends whatever has started, even during the first build; a part started after
    /// `stop()` is ended here.
    package func start() throws -> UInt16 {
        defer { startEnded.signal() }
        removeLeftoversMeanwhile()
        if let problem = siteProblem() {
            folder.delete()
            throw ServeError(problem)
        }
        // Listen first, so that a port in use is said at once; until the first build is done,
        // pages say that the site is being built (and reload when it is).
        let server = try listen()
        server.start()
        // Watch before the first build, so that a file saved while it runs is not missed.
        let watcher: any InputWatcher
        let watching: String
        do {
            (watcher, watching) = try Self.watcher(for: options) {
                try SiteWatcher(
                    root: options.source, quietMilliseconds: options.quietMilliseconds, watchLimit: options.inotifyWatchLimit)
            }
        } catch {
            server.stop()
            folder.delete()
            throw ServeError("\(error)")
        }
        guard register({ $0.server = server; $0.watcher = watcher }) else {
            watcher.stop()
            server.stop()
            return server.port
        }
        try firstBuild()
        startRebuilding(watcher)
        whileServing {
            let shownHost = options.host.contains(":") ? "[\(options.host)]" : options.host
            console.out(
                "mieruka: serving \(shownDisplaySource) at http://\(shownHost):\(server.port)\(state.snapshot.basePath) (Ctrl-C to stop)")
            console.out(watching)
        }
        return server.port
    }

    /// The folders of earlier serves that nobody owns any more, deleted meanwhile.
    private func removeLeftoversMeanwhile() {
        let leftovers = Thread { ServedFolder.removeLeftovers() }
        leftovers.name = "mieruka-serve-leftovers"
        leftovers.start()
    }

    /// The server, listening (not yet accepting).
    private func listen() throws -> SiteServer {
        do {
            return try SiteServer(
                host: options.host, port: options.port, limits: options.limits,
                handler: SiteRequestHandler(folder: folder, state: state), hub: hub)
        } catch {
            folder.delete()
            switch error.code {
            case EADDRINUSE: throw ServeError("port \(options.port) is in use; choose another with --port")
            case EACCES: throw ServeError("port \(options.port) may not be used by this user; choose another with --port (above 1023)")
            case EINVAL where error.description == "not an IP address":
                throw ServeError("--host \(options.host) is not an IP address (use 127.0.0.1, 0.0.0.0 or ::1)")
            default: throw ServeError("cannot serve on \(options.host):\(options.port): \(error.description)")
            }
        }
    }

    /// Builds the whole site into the served folder and reports it (unless serving stopped
    /// meanwhile); throws when the folder turned out not to be a site.
    private func firstBuild() throws {
        let first = builder.build()
        if case .notASite(let message) = first.status {
            if let parts = takeParts() {
                parts.watcher?.stop()
                parts.server?.stop()
            }
            folder.delete()
            throw ServeError(message)
        }
        guard first.status != .stopped else { return }
        whileServing {
            report(first)
            if let generation = state.update(
                basePath: builder.basePath, hasSite: builder.hasSite, failure: first.status == .built ? nil : first.diagnostics,
                outputChanged: true)
            {
                hub.reload(generation: generation)
            }
        }
    }

    /// The heartbeat of the open pages' event streams, and the thread that rebuilds after each
    /// batch of changes (until the watcher stops).
    private func startRebuilding(_ watcher: any InputWatcher) {
        let hub = self.hub
        let heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                hub.heartbeat()
            }
        }
        guard register({ $0.heartbeat = heartbeat }) else {
            heartbeat.cancel()
            return
        }
        let thread = Thread { [self] in
            var current = watcher
            while let batch = current.nextBatch() {
                // A folder made since the start that inotify refused to watch: from now on the
                // inputs are read every half second (read before this rebuild, so that nothing
                // saved while it runs is missed), and this rebuild reads every file again.
                guard let refused = (current as? SiteWatcher)?.unwatchedFolder else {
                    rebuild(batch)
                    continue
                }
                guard let polling = switchToPolling(from: current, because: refused) else { return }
                current = polling
                rebuild(WatchBatch(paths: batch.paths, overflowed: true))
            }
        }
        thread.name = "mieruka-serve-builder"
        thread.start()
    }

    /// The watcher serve uses, and the line that says how it watches: inotify, or a scan every
    /// `pollMilliseconds` when `--poll` asks for it or inotify cannot watch every folder (the
    /// system's limits are reached), said with the reason and what to do about it.
    package static func watcher(
        for options: ServeOptions, inotify: () throws -> SiteWatcher
    ) throws -> (watcher: any InputWatcher, line: String) {
        let inputs = "mieruka.yml, content/, seeds/, templates/ and static/"
        func polling(_ milliseconds: Int) throws -> any InputWatcher {
            try PollingWatcher(root: options.source, intervalMilliseconds: milliseconds, quietMilliseconds: options.quietMilliseconds)
        }
        if let milliseconds = options.pollMilliseconds {
            return (try polling(milliseconds), "mieruka: watching \(inputs) for changes by reading them every \(Self.interval(milliseconds)) (--poll)")
        }
        let reason: String
        do {
            let watcher = try inotify()
            guard let refused = watcher.unwatchedFolder else {
                return (watcher, "mieruka: watching \(inputs) for changes")
            }
            watcher.stop()
            reason = "cannot watch \(refused.folder) with inotify: \(refused.reason)"
        } catch {
            reason = "cannot watch with inotify: \(error)"
        }
        return (try polling(ServeOptions.defaultPollMilliseconds), pollingNote(reason))
    }

    /// A polling interval as serve prints it: "2 s", "0.5 s".
    static func interval(_ milliseconds: Int) -> String {
        milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(Double(milliseconds) / 1000) s"
    }

    /// What serve says when it reads the inputs every half second because inotify cannot watch.
    static func pollingNote(_ reason: String) -> String {
        "mieruka: note: \(reason); watching mieruka.yml, content/, seeds/, templates/ and static/ by reading them every "
            + "\(interval(ServeOptions.defaultPollMilliseconds)) instead "
            + "(changes show a little later; raise the limit, or close other programs that watch many files)"
    }

    /// Replaces the inotify watcher, which refused a folder made while serving, with one that
    /// reads the inputs; says so. Nil when serving has stopped meanwhile.
    private func switchToPolling(
        from watcher: any InputWatcher, because refused: (folder: String, reason: String)
    ) -> (any InputWatcher)? {
        let polling: PollingWatcher
        do {
            polling = try PollingWatcher(
                root: options.source, intervalMilliseconds: ServeOptions.defaultPollMilliseconds,
                quietMilliseconds: options.quietMilliseconds)
        } catch {
            whileServing { console.error("mieruka: cannot watch \(refused.folder) (\(refused.reason)), nor read the folders: \(error)") }
            return watcher
        }
        guard register({ $0.watcher = polling }) else {
            polling.stop()
            return nil
        }
        watcher.stop()
        whileServing { console.out(Self.pollingNote("cannot watch \(refused.folder) with inotify: \(refused.reason)")) }
        return polling
    }

    /// Registers a part that has started; false when serving has stopped already (then the
    /// caller ends the part).
    private func register(_ add: (inout Running) -> Void) -> Bool {
        running.withLock { running in
            guard !running.isStopped else { return false }
            add(&running)
            return true
        }
    }

    /// The parts started so far, taken once: nil after the first call.
    private func takeParts() -> Running? {
        running.withLock { running in
            guard !running.isStopped else { return nil }
            defer { running = Running(isStopped: true) }
            return running
        }
    }

    /// Serves until Ctrl-C (SIGINT) or SIGTERM, then stops cleanly. Returns the exit code.
    package func run() -> Int32 {
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in stop() }
            source.resume()
            sources.append(source)
        }
        let code = serveUntilStopped()
        for source in sources { source.cancel() }
        return code
    }

    /// Starts serving on a thread of its own and returns when serving stops (`stop()`: Ctrl-C),
    /// also during the first build, which is not waited for. Returns the exit code: 2 when the
    /// site could not be served.
    package func serveUntilStopped() -> Int32 {
        let failure = Lock<String?>(nil)
        let starter = Thread { [self] in
            do {
                _ = try start()
            } catch {
                failure.withLock { $0 = "\(error)" }
                stopped.signal()
            }
        }
        starter.name = "mieruka-serve-start"
        starter.start()
        waitUntilStopped()
        if !stopRequested.load(ordering: .relaxed), let message = failure.withLock({ $0 }) {
            console.error("mieruka: error: \(message)")
            return 2
        }
        console.out("mieruka: stopped")
        return 0
    }

    /// Stops serving and watching, and has the served folder removed (by a process of its own,
    /// so that Ctrl-C does not wait for it: see `ServedFolder.deleteDetached`).
    ///
    /// A build in progress (the first build, or a rebuild after a save) is not waited for: told to
    /// stop, it ends at its next stage or page, and once the served folder is closed (before it is
    /// deleted; closing waits only for the file being written, if one is) it writes nothing more
    /// and reports nothing. Waiting for it made Ctrl-C as slow as a rebuild with its search index
    /// (over a second at 1,000 pages on a busy machine), or as the whole first build.
    package func stop() {
        stopRequested.store(true, ordering: .relaxed)
        builder.stop()
        quiet.withLock { $0 = true }
        guard let parts = takeParts() else { return }
        parts.watcher?.stop()
        parts.heartbeat?.cancel()
        hub.finish()
        parts.server?.stop()
        folder.deleteDetached()
        stopped.signal()
    }

    /// Waits until `start()` has returned or thrown; false when `seconds` passed first.
    package func waitUntilStartEnded(seconds: Double) -> Bool {
        guard startEnded.wait(timeout: .now() + seconds) == .success else { return false }
        startEnded.signal()
        return true
    }

    package func waitUntilStopped() {
        stopped.wait()
        stopped.signal()
    }

    /// Builds reported so far (the first included), and the last one.
    package var buildCount: Int { builds.withLock { $0.count } }
    /// Rebuilds finished (site-wide files included), reported or not: grows each time the
    /// builder has taken in a batch of changes and gone idle.
    package var finishedRebuilds: Int { builds.withLock { $0.idle } }
    package var lastBuild: BuildOutcome? { builds.withLock { $0.last } }

    /// Waits until more than `count` rebuilds have finished (see `finishedRebuilds`); false when
    /// `seconds` passed first. Woken by the builder itself, not by polling.
    package func waitForRebuild(after count: Int, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        rebuildFinished.lock()
        defer { rebuildFinished.unlock() }
        while finishedRebuilds <= count {
            guard rebuildFinished.wait(until: deadline) else { return finishedRebuilds > count }
        }
        return true
    }

    /// Connections open to the server now (event streams included).
    package var connectionCount: Int { running.withLock { $0.server?.connectionCount ?? 0 } }
    /// The folder the site is built into and served from (removed when serving stops).
    package var servedPath: String { folder.path }
    /// True once serving has stopped and nothing more is written in the served folder.
    package var servedFolderIsClosed: Bool { folder.isClosed }

    // MARK: - Rebuilds

    func rebuild(_ batch: SiteWatcher.Batch) {
        // The pages first, and the open pages told to reload; then the files made from the whole
        // site (the search index, the sitemap), before the next change is taken in.
        let outcome = builder.build(changed: batch.overflowed ? nil : batch.paths, siteFilesLater: true)
        defer {
            if outcome.status != .stopped {
                let late = builder.finishSiteFiles()
                if !late.diagnostics.isEmpty { whileServing { console.error(DiagnosticFormatter().format(late.diagnostics)) } }
            }
            builds.withLock { $0.idle += 1 }
            rebuildFinished.lock()
            rebuildFinished.broadcast()
            rebuildFinished.unlock()
        }
        // Serving stopped while it ran: nothing to report, nobody to tell.
        guard outcome.status != .stopped else { return }
        if outcome.status == .built, !outcome.isFull, outcome.changedFiles.isEmpty, !outcome.changesOutput,
            state.snapshot.failure == nil
        {
            // Only files the site does not read changed (a folder, an editor's temporary file).
            // (Not after a failure: deleting the file that broke the build fixes it.)
            builds.withLock { $0.last = outcome }
            return
        }
        whileServing {
            report(outcome)
            let generation = state.update(
                basePath: builder.basePath, hasSite: builder.hasSite,
                failure: outcome.status == .built ? nil : outcome.diagnostics, outputChanged: outcome.changesOutput)
            if let generation { hub.reload(generation: generation) }
        }
    }

    /// True once `stop()` has begun; a rebuild's report is made under this lock, so that `stop()`
    /// waits for one being printed, and none is printed after it (after "mieruka: stopped").
    private let quiet = Lock<Bool>(false)

    /// Runs `body` (a rebuild's report) unless serving has stopped.
    private func whileServing(_ body: () -> Void) {
        quiet.withLock { stopped in
            if !stopped { body() }
        }
    }

    private let printed = Lock<Diagnostics?>(nil)

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
        let took = DurationText.brief(outcome.seconds)
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
        case .stopped:
            break
        }
        if options.timings, !outcome.stages.isEmpty {
            console.out("timings:\n" + DurationText.stages(outcome.stages))
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

    func pageURL(_ outputFile: String) -> String {
        let base = state.snapshot.basePath
        let route = outputFile.hasSuffix("index.html") ? String(outputFile.dropLast("index.html".count)) : outputFile
        return base + route
    }

    var shownDisplaySource: String {
        options.displaySource.isEmpty ? "the site in the current folder" : options.displaySource
    }
}
