#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// One client connection, on its own thread: reads request heads within `HTTPLimits`, answers
/// each with one write, keeps the connection alive between requests, and turns into the reload
/// event stream when that is asked for.
///
/// Requests that break a limit are answered with their status (400, 405, 408, 414, 431, 505) and
/// the connection closed, so a client can never hold more than one head's worth of memory or keep
/// a thread past the time limits.
final class HTTPConnection {
    let socket: Int32
    let limits: HTTPLimits
    let handler: SiteRequestHandler
    let hub: ReloadHub
    private var buffer: [UInt8] = []

    init(socket: Int32, limits: HTTPLimits, handler: SiteRequestHandler, hub: ReloadHub) {
        self.socket = socket
        self.limits = limits
        self.handler = handler
        self.hub = hub
        buffer.reserveCapacity(4096)
    }

    func run() {
        var first = true
        while true {
            let head: HTTPRequestHead
            switch readHead(idleSeconds: first ? limits.headSeconds : limits.idleSeconds) {
            case .closed:
                return
            case .refused(let response):
                _ = send(response.encoded(keepAlive: false, head: false))
                return
            case .head(let parsed):
                head = parsed
            }
            first = false
            let isHead = head.method == "HEAD"
            guard head.method == "GET" || isHead else {
                _ = send(SiteResponse.text(405, "only GET and HEAD", extra: [("Allow", "GET, HEAD")]).encoded(keepAlive: false, head: false))
                return
            }
            let (path, query) = head.pathAndQuery
            let response = handler.respond(path: path, query: query)
            if response.isEventStream {
                streamEvents(response, head: isHead)
                return
            }
            let keepAlive = head.keepsAlive
            guard send(response.encoded(keepAlive: keepAlive, head: isHead)), keepAlive else { return }
        }
    }

    enum HeadResult {
        case head(HTTPRequestHead)
        /// The other side closed, or sent nothing for the idle time.
        case closed
        case refused(SiteResponse)
    }

    /// Reads until a whole request head is in the buffer. The idle time runs until the first byte;
    /// from then, the head must be complete within `limits.headSeconds`.
    func readHead(idleSeconds: Double) -> HeadResult {
        var scanned = 0
        var deadline: DispatchTime? = buffer.isEmpty ? nil : .now() + limits.headSeconds
        let idleDeadline = DispatchTime.now() + idleSeconds
        while true {
            if let end = HTTPRequestHead.end(in: buffer, from: scanned) {
                let headBytes = buffer[..<end]
                defer { buffer.removeFirst(end) }
                if end > limits.headBytes { return .refused(SiteResponse.text(431, "request head too large")) }
                if headBytes.count(where: { $0 == 10 }) > limits.headerCount + 2 {
                    return .refused(SiteResponse.text(431, "too many header lines"))
                }
                do {
                    return .head(try HTTPRequestHead.parse(headBytes))
                } catch {
                    switch error {
                    case .versionNotSupported: return .refused(SiteResponse.text(505, "only HTTP/1.0 and HTTP/1.1"))
                    case .badRequest(let reason): return .refused(SiteResponse.text(400, reason))
                    }
                }
            }
            scanned = Swift.max(0, buffer.count - 3)
            if buffer.firstIndex(of: 10) == nil, buffer.count > limits.requestLineBytes {
                return .refused(SiteResponse.text(414, "request line too long"))
            }
            if buffer.count > limits.headBytes { return .refused(SiteResponse.text(431, "request head too large")) }
            switch receive(until: deadline ?? idleDeadline) {
            case .data:
                if deadline == nil { deadline = .now() + limits.headSeconds }
            case .closed:
                return .closed
            case .timedOut:
                // Nothing yet: an idle connection, closed quietly; part of a head: too slow.
                return deadline == nil ? .closed : .refused(SiteResponse.text(408, "request not complete in time"))
            }
        }
    }

    enum Received { case data, closed, timedOut }

    /// Appends what the socket has (up to 16 KB), waiting for it until `deadline`.
    func receive(until deadline: DispatchTime) -> Received {
        let chunk = 16 * 1024
        while true {
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: chunk))
            let count = buffer.withUnsafeMutableBytes { raw in
                recv(socket, raw.baseAddress! + start, chunk, Int32(MSG_DONTWAIT))
            }
            let failure = errno
            buffer.removeLast(chunk - Swift.max(count, 0))
            if count > 0 { return .data }
            if count == 0 { return .closed }
            if failure == EINTR { continue }
            guard failure == EAGAIN || failure == EWOULDBLOCK else { return .closed }
            let now = DispatchTime.now()
            guard now < deadline else { return .timedOut }
            let milliseconds = Int32(clamping: (deadline.uptimeNanoseconds - now.uptimeNanoseconds) / 1_000_000 + 1)
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0, errno != EINTR { return .closed }
        }
    }

    /// Writes all of `bytes`; false when the other side is gone or stopped reading for
    /// `limits.sendSeconds` (the socket's send timeout).
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                Glibc.send(socket, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += sent
        }
        return true
    }

    /// The reload events to one open page, until the page goes away or the server stops. Between
    /// events the socket is looked at once a second, so that a closed page frees its thread.
    func streamEvents(_ response: SiteResponse, head: Bool) {
        guard send(response.encoded(keepAlive: false, head: true)), !head else { return }
        let state = handler.state
        let client = hub.subscribe { state.snapshot.generation }
        defer { hub.unsubscribe(client) }
        while true {
            switch client.next(waiting: 1) {
            case .event(let bytes):
                guard send(bytes) else { return }
            case .finished:
                return
            case .quiet:
                var byte: UInt8 = 0
                let peeked = recv(socket, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
                if peeked == 0 || (peeked < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) { return }
                if peeked > 0 {
                    // The page sent something more (it should not): discard it, bounded.
                    var sink = [UInt8](repeating: 0, count: 4096)
                    _ = recv(socket, &sink, sink.count, Int32(MSG_DONTWAIT))
                }
            }
        }
    }
}
