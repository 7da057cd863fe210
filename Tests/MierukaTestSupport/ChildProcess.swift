import Foundation
import MierukaParallel

#if canImport(Glibc)
import Glibc
#endif

/// A program run by the tests, started with `posix_spawn` directly rather than Foundation's
/// `Process`: `Process.run` reads past the end of a buffer of its own when it lists
/// /proc/self/fd (AddressSanitizer stops the suite there, scripts/sanitizers.sh), and its
/// output handlers can deliver the last output after `waitUntilExit` has returned.
///
/// Standard output and standard error are pipes (or one pipe for both, as a terminal shows them);
/// every descriptor this process holds is opened close-on-exec, so the child gets only these.
///
/// No child outlives its time limit: a watchdog kills it then (SIGKILL), so that every read of
/// its output and every wait for its exit ends, and a test of a program that hangs fails with
/// the limit named (`killedByTimeLimit`) instead of holding the whole run until CI gives up.
package final class ChildProcess: @unchecked Sendable {
    package let pid: pid_t
    /// Read end of the child's standard output (and standard error, when merged).
    package let output: Int32
    /// Read end of the child's standard error; -1 when merged into `output`.
    package let errors: Int32
    /// Seconds the child may run before the watchdog kills it.
    package let timeLimit: Double
    private let exit = Lock<Int32?>(nil)
    private let watchdog: Watchdog

    /// How long a child may run unless a test says otherwise: far beyond what any test's program
    /// needs on a loaded machine (a debug build of the demo site takes seconds), times
    /// MIERUKA_TEST_TIMEOUT_FACTOR (sanitizers slow everything down many times).
    package static let defaultTimeLimit: Double = 600 * timeoutFactor

    /// MIERUKA_TEST_TIMEOUT_FACTOR, at least 1 (scripts/sanitizers.sh sets it).
    package static let timeoutFactor: Double = {
        guard let text = ProcessInfo.processInfo.environment["MIERUKA_TEST_TIMEOUT_FACTOR"], let factor = Double(text),
            factor >= 1
        else { return 1 }
        return factor
    }()

    /// Kills the child once its time is up, unless it has exited by then. The child is marked
    /// exited before it is reaped (`waitid` with `WNOWAIT`), so the watchdog never signals a
    /// process id the system has given to another process.
    final class Watchdog: @unchecked Sendable {
        private let state = Lock<(exited: Bool, killed: Bool)>((false, false))
        private let done = DispatchSemaphore(value: 0)

        func start(_ pid: pid_t, seconds: Double) {
            Thread { [self] in
                guard done.wait(timeout: .now() + seconds) == .timedOut else { return }
                state.withLock {
                    guard !$0.exited else { return }
                    $0.killed = true
                    kill(pid, SIGKILL)
                }
            }.start()
        }

        /// The child has exited (not yet reaped): the watchdog stands down.
        func exited() {
            let first = state.withLock { state -> Bool in
                defer { state.exited = true }
                return !state.exited
            }
            if first { done.signal() }
        }

        var killed: Bool { state.withLock { $0.killed } }
    }

    /// The watchdog ended the child because it outran `timeLimit`.
    package var killedByTimeLimit: Bool { watchdog.killed }

    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    /// Starts `program` (a path) in `directory`, with this process's environment and `environment`
    /// over it.
    package init(
        _ program: String, _ arguments: [String], in directory: String, environment: [String: String] = [:],
        mergingErrors: Bool = false, timeLimit: Double = ChildProcess.defaultTimeLimit
    ) throws {
        self.timeLimit = timeLimit
        watchdog = Watchdog()
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        guard let pipe2 = GNU.pipe2, let addChdir = GNU.addChdir else {
            throw Failure(description: "this C library has no pipe2 or posix_spawn_file_actions_addchdir_np")
        }
        guard pipe2(&outputPipe, O_CLOEXEC) == 0 else { throw Failure(description: "pipe: \(String(cString: strerror(errno)))") }
        if !mergingErrors, pipe2(&errorPipe, O_CLOEXEC) != 0 {
            let code = errno
            close(outputPipe[0])
            close(outputPipe[1])
            throw Failure(description: "pipe: \(String(cString: strerror(code)))")
        }
        defer {
            close(outputPipe[1])
            if errorPipe[1] >= 0 { close(errorPipe[1]) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, mergingErrors ? outputPipe[1] : errorPipe[1], 2)
        _ = addChdir(&actions, directory)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with the default signal dispositions and no signal blocked, whatever
        // this process's threads have set.
        var defaults = sigset_t()
        sigfillset(&defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        var argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, program, &actions, &attributes, &argv, &envp)
        guard status == 0 else {
            close(outputPipe[0])
            if errorPipe[0] >= 0 { close(errorPipe[0]) }
            throw Failure(description: "cannot run \(program): \(String(cString: strerror(status)))")
        }
        pid = child
        output = outputPipe[0]
        errors = errorPipe[0]
        watchdog.start(child, seconds: timeLimit)
    }

    /// glibc functions that Swift does not import (declared for _GNU_SOURCE only), looked up by name.
    enum GNU {
        typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
        typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        static let pipe2: Pipe2? = dlsym(nil, "pipe2").map { unsafeBitCast($0, to: Pipe2.self) }
        static let addChdir: AddChdir? = dlsym(nil, "posix_spawn_file_actions_addchdir_np").map {
            unsafeBitCast($0, to: AddChdir.self)
        }
    }

    deinit {
        close(output)
        if errors >= 0 { close(errors) }
        if exit.withLock({ $0 }) == nil {
            kill(pid, SIGKILL)
            _ = waitForExit()
        }
    }

    /// Sends a signal (SIGINT: Ctrl-C).
    package func signal(_ number: Int32) {
        if exit.withLock({ $0 }) == nil { kill(pid, number) }
    }

    /// The next bytes of `descriptor` (`output` or `errors`), waiting for them; nil at the end.
    package static func read(_ descriptor: Int32) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { return Array(buffer[..<count]) }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }

    /// Reads standard output and standard error to their ends (both at once, so that a child
    /// writing much to one is never blocked while the other is read).
    package func readToEnd() -> (output: [UInt8], errors: [UInt8]) {
        var collected: [Int32: [UInt8]] = [output: [], errors: []]
        var open = [output] + (errors >= 0 ? [errors] : [])
        while !open.isEmpty {
            var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for entry in descriptors where entry.revents != 0 {
                if let bytes = Self.read(entry.fd) {
                    collected[entry.fd, default: []] += bytes
                } else {
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        return (collected[output] ?? [], errors >= 0 ? collected[errors] ?? [] : [])
    }

    /// Waits for the child to end; its exit code, or 128 + the signal that ended it.
    @discardableResult
    package func waitForExit() -> Int32 {
        if let known = exit.withLock({ $0 }) { return known }
        // Wait for the exit without reaping, tell the watchdog, then reap.
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0, errno == EINTR {}
        watchdog.exited()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        exit.withLock { $0 = code }
        return code
    }
}
