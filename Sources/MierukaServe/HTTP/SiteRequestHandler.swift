import FlyingFox
import Foundation
import MierukaDiagnostics

/// Answers requests from the served folder: GET and HEAD, the site under its base path, folders
/// by their index.html, the site's 404 page, and serve's own event stream and error page.
///
/// FlyingFox's DirectoryHTTPHandler is not used: it serves files outside its folder.
public struct SiteRequestHandler: HTTPHandler {
    let files: SiteFiles
    let state: ServeState
    let hub: ReloadHub

    public init(folder: ServedFolder, state: ServeState, hub: ReloadHub) {
        self.files = SiteFiles(root: folder.path)
        self.state = state
        self.hub = hub
    }

    public func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let isHead = request.method == .HEAD
        guard request.method == .GET || isHead else {
            return Self.response(
                .methodNotAllowed, type: "text/plain; charset=utf-8", body: Array("only GET and HEAD\n".utf8), head: isHead,
                headers: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let snapshot = state.snapshot
        let rawPath = request.target.path()
        switch RequestPath.resolve(rawPath, basePath: snapshot.basePath) {
        case .events:
            var headers = HTTPHeaders()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-store"
            if isHead { return HTTPResponse(statusCode: .ok, headers: headers) }
            let state = self.state
            let stream = hub.subscribe { state.snapshot.generation }
            return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventStreamBody(events: stream)))
        case .errors:
            return Self.response(
                .ok, type: ContentType.html,
                body: ServePage.errorPage(snapshot.failure, generation: snapshot.generation, building: !snapshot.hasSite),
                head: isHead)
        case .redirect(let location):
            return Self.redirect(to: location, query: request.target.query(), head: isHead)
        case .badRequest:
            return Self.response(
                .badRequest, type: "text/plain; charset=utf-8", body: Array("bad request path\n".utf8), head: isHead)
        case .notFound:
            return notFound(snapshot, head: isHead)
        case .site(let relative, let raw):
            guard snapshot.hasSite else {
                // No build has succeeded yet: every page shows the errors, or that the first
                // build is still running (and reloads when it is done).
                return Self.response(
                    snapshot.failure == nil ? .serviceUnavailable : .internalServerError, type: ContentType.html,
                    body: ServePage.errorPage(snapshot.failure, generation: snapshot.generation, building: true),
                    head: isHead)
            }
            switch files.locate(relative) {
            case .file(let path):
                guard let bytes = SiteFiles.read(path) else { return notFound(snapshot, head: isHead) }
                return page(bytes, path: path, status: .ok, snapshot: snapshot, head: isHead)
            case .folder:
                return Self.redirect(to: raw + "/", query: request.target.query(), head: isHead)
            case .outside:
                return Self.response(
                    .forbidden, type: "text/plain; charset=utf-8", body: Array("outside the site\n".utf8), head: isHead)
            case .missing:
                return notFound(snapshot, head: isHead)
            }
        }
    }

    /// The site's own 404 page (404.html), with status 404.
    func notFound(_ snapshot: ServeState.Snapshot, head: Bool) -> HTTPResponse {
        if snapshot.hasSite, case .file(let path) = files.locate("404.html"), let bytes = SiteFiles.read(path) {
            return page(bytes, path: path, status: .notFound, snapshot: snapshot, head: head)
        }
        return Self.response(.notFound, type: "text/plain; charset=utf-8", body: Array("not found\n".utf8), head: head)
    }

    func page(_ bytes: [UInt8], path: String, status: HTTPStatusCode, snapshot: ServeState.Snapshot, head: Bool) -> HTTPResponse {
        let type = ContentType.of(path: path, bytes: bytes)
        guard type == ContentType.html else { return Self.response(status, type: type, body: bytes, head: head) }
        let html = ServePage.inject(into: bytes, generation: snapshot.generation, failure: snapshot.failure)
        return Self.response(status, type: type, body: html, head: head)
    }

    static func redirect(to location: String, query: String, head: Bool) -> HTTPResponse {
        let target = query.isEmpty ? location : location + "?" + query
        return response(
            .found, type: "text/plain; charset=utf-8", body: Array("see \(target)\n".utf8), head: head,
            headers: [.location: target])
    }

    /// A response with its length; HEAD gets the same headers and no body.
    static func response(
        _ status: HTTPStatusCode, type: String, body: [UInt8], head: Bool, headers extra: [HTTPHeader: String] = [:]
    ) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        headers[.contentLength] = String(body.count)
        headers[.cacheControl] = "no-store"
        for (name, value) in extra { headers[name] = value }
        return HTTPResponse(statusCode: status, headers: headers, body: head ? Data() : Data(body))
    }
}
