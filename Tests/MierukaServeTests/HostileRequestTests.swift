import Foundation
import MierukaServe
import MierukaTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `serve` started with `--host 0.0.0.0` meets clients that are not browsers: each request that
/// breaks a rule is answered with its status or closed, and the server keeps serving others.
/// Raw sockets on 127.0.0.1, so that every byte is sent exactly as written.
@Suite struct HostileRequestTests {
    typealias Connection = TestHTTPClient.Connection

    /// Sends `request` on a new connection and reads until the server closes it (or `timeout`).
    static func exchange(_ port: UInt16, _ request: [UInt8], timeout: Double = 10) throws -> (response: TestHTTPClient.Response?, closed: Bool) {
        let connection = try Connection(port: port)
        defer { connection.close() }
        try send(connection, request)
        return try readToClose(connection, timeout: timeout * TestHTTPClient.timeoutFactor)
    }

    static func send(_ connection: Connection, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(connection.socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            // The server may close while a too-long request is still being sent: what it answered is read below.
            guard sent > 0 else { return }
            offset += sent
        }
    }

    static func readToClose(_ connection: Connection, timeout: Double) throws -> (response: TestHTTPClient.Response?, closed: Bool) {
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        var closed = false
        while Date() < deadline {
            var descriptor = pollfd(fd: connection.socket, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) > 0 else { break }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = buffer.withUnsafeMutableBytes { recv(connection.socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 {
                closed = true
                break
            }
            bytes += buffer[0..<count]
        }
        return (bytes.isEmpty ? nil : try TestHTTPClient.parse(bytes, head: false), closed)
    }

    /// The site still answers a normal request.
    static func stillServing(_ live: LiveServe) async throws {
        let page = try await live.get("/kaikaku/test-plan/002/")
        #expect(page.status == 200, "the server keeps serving others")
    }

    @Test func anOversizedRequestLineIs414() async throws {
        let live = try await LiveServe.start()
        let port = live.client.port
        let (response, closed) = try await offPool {
            try Self.exchange(port, Array(("GET /kaikaku/" + String(repeating: "a", count: 20_000)).utf8))
        }
        #expect(response?.status == 414)
        #expect(response?.header("Connection") == "close")
        #expect(closed)
        try await Self.stillServing(live)
        try await live.stop()
    }

    @Test func oversizedOrTooManyHeadersAre431() async throws {
        let live = try await LiveServe.start()
        let port = live.client.port
        let big = "GET /kaikaku/ HTTP/1.1\r\nHost: x\r\nCookie: " + String(repeating: "c", count: 40_000) + "\r\n\r\n"
        let many = "GET /kaikaku/ HTTP/1.1\r\n" + (0..<500).map { "X-\($0): y\r\n" }.joined() + "\r\n"
        // And one that never ends its headers.
        let endless = "GET /kaikaku/ HTTP/1.1\r\n" + String(repeating: "X-A: b\r\n", count: 3000)
        for request in [big, many, endless] {
            let (response, closed) = try await offPool { try Self.exchange(port, Array(request.utf8)) }
            #expect(response?.status == 431)
            #expect(closed)
        }
        try await Self.stillServing(live)
        try await live.stop()
    }

    @Test func aSlowClientIsAnswered408AndClosedWhileOthersAreServed() async throws {
        var limits = HTTPLimits()
        limits.headSeconds = 0.5
        limits.idleSeconds = 0.5
        let live = try await LiveServe.start(limits: limits)
        let port = live.client.port
        // Starts a request and never finishes it.
        let slow = try await offPool { () -> Connection in
            let connection = try Connection(port: port)
            try connection.send("GET /kaikaku/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            return connection
        }
        try await Self.stillServing(live)
        let started = Date()
        let (response, closed) = try await offPool { try Self.readToClose(slow, timeout: 10) }
        slow.close()
        #expect(response?.status == 408)
        #expect(closed)
        #expect(Date().timeIntervalSince(started) < 5)

        // A connection that sends nothing at all is closed without an answer.
        let (silent, silentClosed) = try await offPool {
            let connection = try Connection(port: port)
            defer { connection.close() }
            return try Self.readToClose(connection, timeout: 10)
        }
        #expect(silent == nil)
        #expect(silentClosed)
        try await Self.stillServing(live)
        try await live.stop()
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "BREW"])
    func methodsOtherThanGetAndHeadAre405WithAllow(method: String) async throws {
        let live = try await LiveServe.start()
        let port = live.client.port
        // With a body the server does not read: the connection is closed after the answer.
        let request = "\(method) /kaikaku/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello"
        let (response, closed) = try await offPool { try Self.exchange(port, Array(request.utf8)) }
        #expect(response?.status == 405)
        #expect(response?.header("Allow") == "GET, HEAD")
        #expect(closed)
        try await Self.stillServing(live)
        try await live.stop()
    }

    @Test(arguments: [
        "/kaikaku/%zz/", "/kaikaku/%", "/kaikaku/%4", "/kaikaku/%E4%BC/", "/kaikaku/%C0%AE%C0%AE/", "/kaikaku/a%00b/",
        "/kaikaku/%2e%2e/%2e%2e/etc/hostname",
    ])
    func malformedPercentEncodingIs400(path: String) async throws {
        let live = try await LiveServe.start()
        let response = try await live.get(path)
        #expect(response.status == 400, "\(path)")
        try await Self.stillServing(live)
        try await live.stop()
    }

    @Test(arguments: [
        ("GARBAGE\r\n\r\n", 400), ("GET /kaikaku/\r\n\r\n", 400), ("GET  /kaikaku/ HTTP/1.1\r\n\r\n", 400),
        ("GET /kaikaku/ HTTP/2.0\r\n\r\n", 505), ("GET /kaikaku/ SPDY/3\r\n\r\n", 400),
        ("GET /kaikaku/ HTTP/1.1\r\nno colon here\r\n\r\n", 400), ("GET /kaikaku/ HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400),
        ("G\u{1}T /kaikaku/ HTTP/1.1\r\n\r\n", 400),
    ])
    func malformedRequestsAre400AndClosed(request: String, status: Int) async throws {
        let live = try await LiveServe.start()
        let port = live.client.port
        let (response, closed) = try await offPool { try Self.exchange(port, Array(request.utf8)) }
        #expect(response?.status == status, "\(request.debugDescription)")
        #expect(closed)
        try await Self.stillServing(live)
        try await live.stop()
    }

    @Test func connectionsBeyondTheCapAre503AndTheServerRecovers() async throws {
        var limits = HTTPLimits()
        limits.connections = 16
        let live = try await LiveServe.start(limits: limits)
        let port = live.client.port
        let session = try #require(live.session)
        // Two thousand connections at once, none sending anything.
        let (held, refused) = try await offPool { () -> ([Connection], Int) in
            var connections: [Connection] = []
            for _ in 0..<2000 { connections.append(try Connection(port: port)) }
            // The server admits 16 and answers the others 503 (or closes them).
            var refused = 0
            for connection in connections.suffix(100) {
                let (response, closed) = try Self.readToClose(connection, timeout: 5)
                if closed, response == nil || response?.status == 503 { refused += 1 }
            }
            return (connections, refused)
        }
        #expect(refused == 100, "the last hundred are refused")
        #expect(session.connectionCount <= 16)
        for connection in held { connection.close() }
        // Once they are gone, the server serves again.
        let served = try await offPool { () -> Int in
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if let response = try? TestHTTPClient(port: port).get("/kaikaku/"), response.status == 200 { return 200 }
            }
            return 0
        }
        #expect(served == 200)
        try await live.stop()
    }

    /// Kept-alive and pipelined requests on one connection, each answered whole and in order.
    @Test func keptAliveRequestsAreAnsweredInOrderOnOneConnection() async throws {
        let live = try await LiveServe.start()
        let port = live.client.port
        let request = "GET /kaikaku/test-plan/002/ HTTP/1.1\r\nHost: x\r\n\r\n" + "HEAD /kaikaku/assets/mieruka.css HTTP/1.1\r\nHost: x\r\n\r\n"
            + "GET /kaikaku/nowhere/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        let (response, closed) = try await offPool { try Self.exchange(port, Array(request.utf8)) }
        let first = try #require(response)
        #expect(first.status == 200)
        #expect(first.header("Connection") == "keep-alive")
        let text = first.text
        let length = try #require(first.header("Content-Length").flatMap(Int.init))
        let rest = String(decoding: first.body.dropFirst(length), as: UTF8.self)
        #expect(rest.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/css; charset=utf-8\r\n"), "\(rest.prefix(200))")
        #expect(rest.contains("HTTP/1.1 404 Not Found\r\n"))
        #expect(text.contains("庁内事務の効率化"))
        #expect(closed, "Connection: close is honoured")
        try await live.stop()
    }
}
