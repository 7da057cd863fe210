/// What `serve` answers to a request: a whole response, written in one piece (head and body
/// together, so that no part waits for the other side's acknowledgement), or the reload event
/// stream, which stays open.
struct SiteResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]
    /// The event stream: the head is sent, then events as they come, until either side closes.
    var isEventStream = false

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 302: "Found"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status"
        }
    }

    /// A plain-text answer (errors of the request itself).
    static func text(_ status: Int, _ message: String, extra: [(name: String, value: String)] = []) -> SiteResponse {
        let body = Array((message + "\n").utf8)
        return SiteResponse(
            status: status,
            headers: [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", String(body.count)), ("Cache-Control", "no-store")]
                + extra,
            body: body)
    }

    /// The bytes to send: the head, then the body unless `head` (a HEAD request: same headers, no body).
    func encoded(keepAlive: Bool, head: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { text += name + ": " + value + "\r\n" }
        text += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        var bytes = Array(text.utf8)
        if !head {
            bytes.reserveCapacity(bytes.count + body.count)
            bytes.append(contentsOf: body)
        }
        return bytes
    }
}
