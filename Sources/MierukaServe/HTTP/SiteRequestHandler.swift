import MierukaDiagnostics

/// Answers requests from the served folder: GET and HEAD, the site under its base path, folders
/// by their index.html, the site's 404 page, and serve's own event stream and error page.
///
/// Responses are made whole in memory (the served files are pages, styles and data files of a
/// site) and sent in one write by `HTTPConnection`.
struct SiteRequestHandler: Sendable {
    let files: SiteFiles
    let state: ServeState

    init(folder: ServedFolder, state: ServeState) {
        self.files = SiteFiles(root: folder.path)
        self.state = state
    }

    /// - Parameters:
    ///   - method: GET or HEAD (others are answered 405 before they get here).
    ///   - path: the target's path, still percent-encoded; `query` what followed "?".
    func respond(path rawPath: String, query: String) -> SiteResponse {
        let snapshot = state.snapshot
        switch RequestPath.resolve(rawPath, basePath: snapshot.basePath) {
        case .events:
            return SiteResponse(
                status: 200, headers: [("Content-Type", "text/event-stream; charset=utf-8"), ("Cache-Control", "no-store")],
                body: [], isEventStream: true)
        case .errors:
            return Self.response(
                200, type: ContentType.html,
                body: ServePage.errorPage(snapshot.failure, generation: snapshot.generation, building: !snapshot.hasSite))
        case .redirect(let location):
            return Self.redirect(to: location, query: query)
        case .badRequest:
            return SiteResponse.text(400, "bad request path")
        case .notFound:
            return notFound(snapshot)
        case .site(let relative, let raw):
            guard snapshot.hasSite else {
                // No build has succeeded yet: every page shows the errors, or that the first
                // build is still running (and reloads when it is done).
                return Self.response(
                    snapshot.failure == nil ? 503 : 500, type: ContentType.html,
                    body: ServePage.errorPage(snapshot.failure, generation: snapshot.generation, building: true))
            }
            switch files.locate(relative) {
            case .file(let path):
                guard let bytes = SiteFiles.read(path) else { return notFound(snapshot) }
                return page(bytes, path: path, status: 200, snapshot: snapshot)
            case .folder:
                return Self.redirect(to: raw + "/", query: query)
            case .outside:
                return SiteResponse.text(403, "outside the site")
            case .missing:
                return notFound(snapshot)
            }
        }
    }

    /// The site's own 404 page (404.html), with status 404.
    func notFound(_ snapshot: ServeState.Snapshot) -> SiteResponse {
        if snapshot.hasSite, case .file(let path) = files.locate("404.html"), let bytes = SiteFiles.read(path) {
            return page(bytes, path: path, status: 404, snapshot: snapshot)
        }
        return SiteResponse.text(404, "not found")
    }

    func page(_ bytes: [UInt8], path: String, status: Int, snapshot: ServeState.Snapshot) -> SiteResponse {
        let type = ContentType.of(path: path, bytes: bytes)
        guard type == ContentType.html else { return Self.response(status, type: type, body: bytes) }
        let html = ServePage.inject(into: bytes, generation: snapshot.generation, failure: snapshot.failure)
        return Self.response(status, type: type, body: html)
    }

    static func redirect(to location: String, query: String) -> SiteResponse {
        let target = query.isEmpty ? location : location + "?" + query
        return SiteResponse.text(302, "see \(target)", extra: [("Location", target)])
    }

    /// A response with its length.
    static func response(_ status: Int, type: String, body: [UInt8]) -> SiteResponse {
        SiteResponse(
            status: status, headers: [("Content-Type", type), ("Content-Length", String(body.count)), ("Cache-Control", "no-store")],
            body: body)
    }
}
