import Foundation

/// The head of an HTTP/1.x request (RFC 9112): the request line and the few headers `serve` acts on.
/// `serve` reads no request bodies: a request announcing one is answered and its connection closed.
struct HTTPRequestHead: Equatable {
    var method: String
    /// The request target as sent ("/kaikaku/%E4%BC%81/?q=1").
    var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    var minorVersion: Int
    var connection: String?
    /// True when a body follows (Content-Length above 0, or Transfer-Encoding).
    var hasBody: Bool

    /// Whether the connection stays open after the response.
    var keepsAlive: Bool {
        if hasBody { return false }
        let tokens = (connection ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return minorVersion >= 1 ? !tokens.contains("close") : tokens.contains("keep-alive")
    }

    /// The target's path, still percent-encoded, and its query.
    var pathAndQuery: (path: String, query: String) {
        guard let mark = target.firstIndex(of: "?") else { return (target, "") }
        return (String(target[..<mark]), String(target[target.index(after: mark)...]))
    }

    /// Why a head cannot be answered normally: the status to answer with (the connection is then closed).
    enum Refusal: Error, Equatable {
        case badRequest(String)
        case versionNotSupported
    }

    /// Where the head ends in `bytes` (just after its empty line), or nil when it is not complete.
    /// Lines may end in CRLF or, leniently, LF alone. `from` is where the previous search stopped.
    static func end(in bytes: [UInt8], from: Int) -> Int? {
        var index = Swift.max(from, 1)
        while index < bytes.count {
            if bytes[index] == 10 {
                if bytes[index - 1] == 10 { return index + 1 }
                if index >= 2, bytes[index - 1] == 13, bytes[index - 2] == 10 { return index + 1 }
            }
            index += 1
        }
        return nil
    }

    static func parse(_ head: ArraySlice<UInt8>) throws(Refusal) -> HTTPRequestHead {
        var lines = head.split(separator: 10, omittingEmptySubsequences: false).map { line -> ArraySlice<UInt8> in
            line.last == 13 ? line.dropLast() : line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let requestLine = lines.first else { throw .badRequest("empty request") }
        let parts = requestLine.split(separator: 32, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .badRequest("the request line is not \"METHOD /path HTTP/1.1\"")
        }
        guard parts[0].allSatisfy(isTokenByte) else { throw .badRequest("the method is not a token") }
        guard parts[1].allSatisfy({ $0 > 32 && $0 < 127 }) else { throw .badRequest("the target has spaces or control bytes") }
        let version = String(decoding: parts[2], as: UTF8.self)
        let minor: Int
        switch version {
        case "HTTP/1.1": minor = 1
        case "HTTP/1.0": minor = 0
        default:
            if version.hasPrefix("HTTP/") { throw .versionNotSupported }
            throw .badRequest("unknown protocol \(version.prefix(16))")
        }
        var request = HTTPRequestHead(
            method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
            minorVersion: minor, connection: nil, hasBody: false)
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: 58) else { throw .badRequest("a header line has no colon") }
            let name = line[line.startIndex..<colon]
            guard !name.isEmpty, name.allSatisfy(isTokenByte) else { throw .badRequest("a header's name is not a token") }
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            switch String(decoding: name, as: UTF8.self).lowercased() {
            case "connection":
                request.connection = request.connection.map { $0 + "," + value } ?? value
            case "content-length":
                guard let length = Int(value), length >= 0 else { throw .badRequest("Content-Length is not a number") }
                if length > 0 { request.hasBody = true }
            case "transfer-encoding":
                request.hasBody = true
            default:
                continue
            }
        }
        return request
    }

    /// RFC 9110's token characters: letters, digits and !#$%&'*+-.^_`|~.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case 33, 35, 36, 37, 38, 39, 42, 43, 45, 46, 94, 95, 96, 124, 126:  // ! # $ % & ' * + - . ^ _ ` | ~
            return true
        default:
            return false
        }
    }
}
