/// The bounds `serve` keeps against slow, large or many requests, so that a server started with
/// `--host 0.0.0.0` (to preview on a phone) keeps serving everyone else, in bounded memory, whatever
/// one client sends. A browser's request head is under 2 KB; its pages keep a handful of
/// connections each (one of them the reload event stream).
package struct HTTPLimits: Sendable {
    /// Longest request line ("GET /path HTTP/1.1"); longer: 414.
    package var requestLineBytes = 8 * 1024
    /// Longest request head (request line and headers); longer: 431.
    package var headBytes = 16 * 1024
    /// Most header lines in a request; more: 431.
    package var headerCount = 100
    /// A request must be complete this long after its first byte; later: 408 and closed.
    package var headSeconds = 10.0
    /// A kept-alive connection with no new request for this long is closed (also a new
    /// connection that sends nothing).
    package var idleSeconds = 15.0
    /// A client that reads nothing of a response for this long is dropped.
    package var sendSeconds = 15.0
    /// Connections open at once (each page's event stream is one); beyond: 503 and closed.
    package var connections = 512

    package init() {}
}
