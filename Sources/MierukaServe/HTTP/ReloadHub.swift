import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// Server-Sent Events to the open pages: `hello` with the current generation when a page
/// connects, `reload` with the new one after each build that changed something. A page reloads
/// when the generation it receives differs from the one it was served with, so a build that ends
/// between serving a page and its connecting is not missed, and a restarted server is noticed.
public final class ReloadHub: Sendable {
    private let clients = Mutex<[Int: AsyncStream<[UInt8]>.Continuation]>([:])
    private let nextID = Atomic<Int>(0)

    public init() {}

    public var clientCount: Int { clients.withLock { $0.count } }

    /// A new client's stream of event bytes, starting with `hello` and the generation as it is
    /// once the client is registered: a build that ends while a page connects is either in the
    /// `hello` or sent as a `reload`, never missed.
    func subscribe(generation: @Sendable () -> String) -> AsyncStream<[UInt8]> {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(32))
        continuation.onTermination = { [weak self] _ in
            _ = self?.clients.withLock { $0.removeValue(forKey: id) }
        }
        clients.withLock { $0[id] = continuation }
        continuation.yield(Array("retry: 500\nevent: hello\ndata: \(generation())\n\n".utf8))
        return stream
    }

    /// Tells every open page about a new generation.
    public func reload(generation: String) {
        send(Array("event: reload\ndata: \(generation)\n\n".utf8))
    }

    /// A comment line, so that connections closed by the other side are noticed and dropped.
    public func heartbeat() {
        send(Array(": keep-alive\n\n".utf8))
    }

    /// Ends every stream (when the server stops).
    public func finish() {
        let all = clients.withLock { clients in
            defer { clients.removeAll() }
            return Array(clients.values)
        }
        for continuation in all { continuation.finish() }
    }

    private func send(_ bytes: [UInt8]) {
        let all = clients.withLock { Array($0) }
        for (id, continuation) in all {
            if case .terminated = continuation.yield(bytes) {
                _ = clients.withLock { $0.removeValue(forKey: id) }
            }
        }
    }
}

/// A stream of event bytes as the body of a chunked HTTP response: each event is sent as soon as
/// it is yielded.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let events: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard await fill() else { return nil }
            return pending.popFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            guard await fill() else { return nil }
            let taken = pending.prefix(Swift.max(count, 1))
            pending = pending.dropFirst(taken.count)
            return taken
        }

        private mutating func fill() async -> Bool {
            while pending.isEmpty {
                guard let event = await events.next() else { return false }
                pending = event[...]
            }
            return true
        }
    }
}
