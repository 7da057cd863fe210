import Foundation
import MierukaTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.1 client on a socket: the request target is sent exactly as given (URLSession
/// would clean `..` and encodings up before they reach the server).
struct TestHTTPClient: Sendable {
    struct Response: Sendable {
        let status: Int
        let headers: [String: String]
        let body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let port: UInt16

    /// How much longer than their written bounds the serve tests wait, from
    /// MIERUKA_TEST_TIMEOUT_FACTOR (scripts/sanitizers.sh sets it under ThreadSanitizer, where every
    /// thread runs many times slower); 1 otherwise. The bounds only stop a hang: nothing is timed.
    static var timeoutFactor: Double { ChildProcess.timeoutFactor }

    func get(_ target: String) throws -> Response { try request("GET", target) }
    func head(_ target: String) throws -> Response { try request("HEAD", target) }

    func request(_ method: String, _ target: String, timeout: Double = 10) throws -> Response {
        let connection = try Connection(port: port)
        defer { connection.close() }
        try connection.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout * Self.timeoutFactor)
        while let chunk = try connection.receive(until: deadline) { bytes += chunk }
        return try Self.parse(bytes, head: method == "HEAD")
    }

    static func parse(_ bytes: [UInt8], head: Bool) throws -> Response {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
            throw Failure(description: "no response head in \(String(decoding: bytes, as: UTF8.self))")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Array(bytes[(end + 4)...]))
    }

    /// A connection to the server's event stream, read as it arrives.
    final class EventStream: @unchecked Sendable {
        let connection: Connection
        var buffer = ""

        init(port: UInt16) throws {
            connection = try Connection(port: port)
            try connection.send("GET /__mieruka/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        }

        deinit { connection.close() }

        /// Waits for the next event named `name`; returns its data.
        func next(_ name: String, timeout: Double = 15) throws -> String {
            let deadline = Date().addingTimeInterval(timeout * TestHTTPClient.timeoutFactor)
            while true {
                if let range = buffer.range(of: "event: \(name)\ndata: "),
                    let end = buffer[range.upperBound...].range(of: "\n\n")
                {
                    let data = String(buffer[range.upperBound..<end.lowerBound])
                    buffer = String(buffer[end.upperBound...])
                    return data
                }
                guard let chunk = try connection.receive(until: deadline) else {
                    throw Failure(description: "the event stream closed; received \(buffer)")
                }
                buffer += String(decoding: chunk, as: UTF8.self)
            }
        }
    }

    final class Connection: @unchecked Sendable {
        let socket: Int32

        init(port: UInt16) throws {
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else {
                Glibc.close(socket)
                throw Failure(description: "cannot connect to port \(port): \(String(cString: strerror(errno)))")
            }
        }

        func send(_ text: String) throws {
            let bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
                guard sent > 0 else { throw Failure(description: "send failed") }
                offset += sent
            }
        }

        /// The next bytes, or nil at the end of the stream.
        func receive(until deadline: Date) throws -> [UInt8]? {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            guard poll(&descriptor, 1, left) > 0 else { throw Failure(description: "timed out") }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            return Array(buffer[0..<count])
        }

        func close() { Glibc.close(socket) }
    }
}
