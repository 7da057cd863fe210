/// What the path of a request asks for, decided from the path alone, before the disk is touched.
///
/// The path is split on "/" as it was sent (percent-encoded), and each segment decoded on its
/// own, so an encoded slash (`%2f`) can never join two segments. Segments that are "." or "..",
/// in any encoding, and segments holding NUL, a backslash or a slash once decoded, are refused;
/// so are empty segments ("//") and hidden names (".git", the served folder's temporary files).
/// What remains names a file inside the site folder; `SiteFiles` then makes sure, on disk, that
/// it really is there (no symbolic link leading out).
enum RequestPath: Equatable {
    /// A file or folder of the site, relative to the served folder ("" for the base path,
    /// "plan/" for a folder, "assets/mieruka.css"); `raw` is the path as requested.
    case site(relative: String, raw: String)
    /// The same page under its canonical address (the base path, or a folder with its slash).
    case redirect(location: String)
    /// The stream of reload events.
    case events
    /// The page listing the current errors.
    case errors
    /// Outside the site (not under the base path).
    case notFound
    /// A path that tries to leave the site or cannot be decoded.
    case badRequest

    static let eventsPath = "/__mieruka/events"
    static let errorsPath = "/__mieruka/errors"

    /// - Parameters:
    ///   - raw: the request target's path, still percent-encoded ("/kaikaku/%E4%BC%81/").
    ///   - basePath: the path the site is served under ("/kaikaku/", decoded).
    static func resolve(_ raw: String, basePath: String) -> RequestPath {
        guard raw.hasPrefix("/") else { return .badRequest }
        if raw == eventsPath { return .events }
        if raw == errorsPath { return .errors }
        let rawSegments = raw.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var segments: [String] = []
        for (offset, rawSegment) in rawSegments.enumerated() {
            let isLast = offset == rawSegments.count - 1
            guard let bytes = percentDecode(rawSegment) else { return .badRequest }
            if bytes.contains(0) || bytes.contains(UInt8(ascii: "/")) || bytes.contains(UInt8(ascii: "\\")) {
                return .badRequest
            }
            guard let segment = String(validating: bytes, as: UTF8.self) else { return .badRequest }
            if segment == "." || segment == ".." { return .badRequest }
            if segment.isEmpty {
                // Only the final segment may be empty: the slash that ends a folder's path.
                if isLast { continue }
                return .badRequest
            }
            segments.append(segment)
        }
        let isFolder = raw.hasSuffix("/")
        let decoded = "/" + segments.joined(separator: "/") + (isFolder && !segments.isEmpty ? "/" : "")
        let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
        if base != "/" && (decoded == "/" || decoded + "/" == base) {
            return .redirect(location: base)
        }
        guard decoded.hasPrefix(base) || decoded == base else { return .notFound }
        let relative = String(decoded.dropFirst(base.count))
        if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return .notFound }
        return .site(relative: relative, raw: raw)
    }

    /// The bytes a percent-encoded segment stands for, or nil when an escape is malformed.
    static func percentDecode(_ text: Substring) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
