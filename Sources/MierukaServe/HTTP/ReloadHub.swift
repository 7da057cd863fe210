import Dispatch
import MierukaParallel

/// Server-Sent Events to the open pages: `hello` with the current generation when a page
/// connects, `reload` with the new one after each build that changed something. A page reloads
/// when the generation it receives differs from the one it was served with, so a build that ends
/// between serving a page and its connecting is not missed, and a restarted server is noticed.
///
/// Each open page's connection waits on its own `Client` queue on its own thread; a queue keeps at
/// most the newest 32 events, so a page that stopped reading costs bounded memory.
package final class ReloadHub: Sendable {
    private let clients = Lock<(all: [Int: Client], nextID: Int, finished: Bool)>(([:], 0, false))

    package init() {}

    package var clientCount: Int { clients.withLock { $0.all.count } }

    /// One open page's queue of events.
    final class Client: Sendable {
        let id: Int
        private let queue = Lock<(events: [[UInt8]], finished: Bool)>(([], false))
        private let wake = DispatchSemaphore(value: 0)

        init(id: Int) { self.id = id }

        func push(_ event: [UInt8]) {
            let pushed = queue.withLock { queue -> Bool in
                guard !queue.finished else { return false }
                queue.events.append(event)
                if queue.events.count > 32 { queue.events.removeFirst() }
                return true
            }
            if pushed { wake.signal() }
        }

        func finish() {
            queue.withLock { $0.finished = true }
            wake.signal()
        }

        enum Next {
            case event([UInt8])
            case quiet
            case finished
        }

        /// The next event; `quiet` when none came within `seconds`; `finished` when the server stops.
        func next(waiting seconds: Double) -> Next {
            let deadline = DispatchTime.now() + seconds
            while true {
                let taken = queue.withLock { queue -> Next? in
                    if !queue.events.isEmpty { return .event(queue.events.removeFirst()) }
                    return queue.finished ? .finished : nil
                }
                if let taken { return taken }
                if wake.wait(timeout: deadline) == .timedOut { return .quiet }
            }
        }
    }

    /// A new client's queue, starting with `hello` and the generation as it is once the client is
    /// registered: a build that ends while a page connects is either in the `hello` or sent as a
    /// `reload`, never missed.
    func subscribe(generation: () -> String) -> Client {
        let client = clients.withLock { clients -> Client in
            clients.nextID += 1
            let client = Client(id: clients.nextID)
            if clients.finished { client.finish() } else { clients.all[client.id] = client }
            return client
        }
        client.push(Array("retry: 500\nevent: hello\ndata: \(generation())\n\n".utf8))
        return client
    }

    func unsubscribe(_ client: Client) {
        _ = clients.withLock { $0.all.removeValue(forKey: client.id) }
    }

    /// Tells every open page about a new generation.
    package func reload(generation: String) {
        send(Array("event: reload\ndata: \(generation)\n\n".utf8))
    }

    /// A comment line, so that connections closed by the other side are noticed and dropped.
    package func heartbeat() {
        send(Array(": keep-alive\n\n".utf8))
    }

    /// Ends every stream (when the server stops); later subscribers are ended at once.
    package func finish() {
        let all = clients.withLock { clients in
            defer {
                clients.all.removeAll()
                clients.finished = true
            }
            return Array(clients.all.values)
        }
        for client in all { client.finish() }
    }

    private func send(_ bytes: [UInt8]) {
        for client in clients.withLock({ Array($0.all.values) }) { client.push(bytes) }
    }
}
