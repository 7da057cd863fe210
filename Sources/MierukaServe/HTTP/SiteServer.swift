#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import MierukaParallel

/// The HTTP/1.1 server of `mieruka serve`: a listening socket, a thread that accepts, and a thread
/// per connection (`HTTPConnection`), at most `HTTPLimits.connections` at once.
///
/// Written here rather than taken from FlyingFox 0.27.1, which `serve` used before: its request
/// reader has no bound on a line's length or the number of headers, no time limit on reading a
/// request, no bound on connections, and sent the response head and body in separate writes
/// without TCP_NODELAY, so every response on a kept-alive connection waited 44 ms for the other
/// side's delayed acknowledgement (Nagle's algorithm). Here each response is one write on a socket
/// with TCP_NODELAY.
final class SiteServer: Sendable {
    let limits: HTTPLimits
    let handler: SiteRequestHandler
    let hub: ReloadHub
    private let listener: Int32
    /// The port listened on (the one the system chose when 0 was asked).
    let port: UInt16
    private let open = Lock<(sockets: Set<Int32>, stopping: Bool)>(([], false))
    private let connections = DispatchGroup()
    private let acceptorDone = DispatchSemaphore(value: 0)

    struct ListenError: Error {
        let code: Int32
        let description: String
    }

    /// Binds and listens at once (so that a port in use is known before anything else starts).
    init(host: String, port: UInt16, limits: HTTPLimits, handler: SiteRequestHandler, hub: ReloadHub) throws(ListenError) {
        self.limits = limits
        self.handler = handler
        self.hub = hub
        let ip = host == "localhost" ? "127.0.0.1" : host
        let isIPv6 = ip.contains(":")
        let descriptor = Glibc.socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw ListenError(code: errno, description: "cannot open a socket") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        // Accepted sockets inherit it on Linux; it is set on each of them too.
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, ip, &address.sin6_addr) == 1 else {
                Glibc.close(descriptor)
                throw ListenError(code: EINVAL, description: "not an IP address")
            }
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            guard inet_pton(AF_INET, ip, &address.sin_addr) == 1 else {
                Glibc.close(descriptor)
                throw ListenError(code: EINVAL, description: "not an IP address")
            }
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard bound == 0, listen(descriptor, 1024) == 0 else {
            let code = errno
            Glibc.close(descriptor)
            throw ListenError(code: code, description: String(cString: strerror(code)))
        }
        listener = descriptor
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.port = withUnsafePointer(to: &storage) { pointer in
            isIPv6
                ? pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
                : pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }

    /// Starts accepting connections, on a thread of its own.
    func start() {
        let thread = Thread { [self] in
            acceptLoop()
            acceptorDone.signal()
        }
        thread.name = "mieruka-serve-accept"
        thread.start()
    }

    /// Connections open now.
    var connectionCount: Int { open.withLock { $0.sockets.count } }

    private func acceptLoop() {
        while true {
            let socket = accept(listener, nil, nil)
            if socket < 0 {
                let code = errno
                if open.withLock({ $0.stopping }) { return }
                switch code {
                case EINTR, ECONNABORTED, EPROTO: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    usleep(10_000)  // out of descriptors: let connections end
                    continue
                default: return
                }
            }
            let admitted = open.withLock { open -> Bool in
                guard !open.stopping, open.sockets.count < limits.connections else { return false }
                open.sockets.insert(socket)
                return true
            }
            guard admitted else {
                let refusal = SiteResponse.text(503, "too many connections", extra: [("Retry-After", "1")])
                    .encoded(keepAlive: false, head: false)
                _ = refusal.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT | MSG_NOSIGNAL)) }
                Glibc.close(socket)
                continue
            }
            _ = fcntl(socket, F_SETFD, FD_CLOEXEC)
            var yes: Int32 = 1
            setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            var timeout = timeval(tv_sec: Int(limits.sendSeconds), tv_usec: Int((limits.sendSeconds.truncatingRemainder(dividingBy: 1)) * 1e6))
            setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            connections.enter()
            let thread = Thread { [self] in
                HTTPConnection(socket: socket, limits: limits, handler: handler, hub: hub).run()
                open.withLock { open in
                    open.sockets.remove(socket)
                    Glibc.close(socket)
                }
                connections.leave()
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }

    /// Stops accepting, ends every connection (event streams included), and waits for their
    /// threads, at most `seconds`.
    func stop(waiting seconds: Double = 1) {
        let sockets = open.withLock { open -> Set<Int32> in
            open.stopping = true
            // Under the lock: a socket in the set is not closed yet, so its number is not reused.
            for socket in open.sockets { shutdown(socket, Int32(SHUT_RDWR)) }
            return open.sockets
        }
        _ = sockets
        shutdown(listener, Int32(SHUT_RDWR))
        _ = acceptorDone.wait(timeout: .now() + seconds)
        Glibc.close(listener)
        hub.finish()
        _ = connections.wait(timeout: .now() + seconds)
    }
}
