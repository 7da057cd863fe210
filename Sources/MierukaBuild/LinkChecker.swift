import Foundation
import MierukaDiagnostics
import MierukaModel
import MierukaSite

/// Finds internal links in rendered pages that lead nowhere.
///
/// Every href and src that points inside the site (relative, or under the base URL's path) must
/// name a page or file of the output. A broken link is reported in the document it was written
/// in, at its line when the link text is found there.
struct LinkChecker: Sendable {
    let basePath: String
    /// Every file of the output, relative to the output folder ("kodaira-3/index.html").
    let files: Set<String>

    /// Internal links of `html` that do not resolve, as written.
    func brokenLinks(in html: String, pageRoute: String) -> [String] {
        var broken: [String] = []
        var seen: Set<String> = []
        for link in Self.links(in: html) where seen.insert(link).inserted {
            guard let target = resolve(link, from: pageRoute) else { continue }
            if !exists(target) { broken.append(link) }
        }
        return broken
    }

    /// The output file a link points to, or nil for links outside the site.
    func resolve(_ link: String, from pageRoute: String) -> String? {
        let lower = link.lowercased()
        if lower.isEmpty || link.hasPrefix("#") || link.hasPrefix("//") { return nil }
        if let colon = lower.firstIndex(of: ":"), !lower[..<colon].contains("/") { return nil }  // scheme:
        var path = link
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        if path.isEmpty { return nil }
        let absolute: String
        if path.hasPrefix("/") {
            absolute = path
        } else {
            let pageDirectory = basePath + (pageRoute.hasSuffix("/") || pageRoute.isEmpty ? pageRoute : Self.directory(of: pageRoute))
            absolute = pageDirectory + path
        }
        let normalized = Self.normalize(Self.percentDecode(absolute))
        guard normalized.hasPrefix(basePath) || normalized + "/" == basePath else {
            // A root-relative link outside the base path: it cannot be part of this site.
            return "\u{0}outside:" + normalized
        }
        return String(normalized.dropFirst(min(basePath.count, normalized.count)))
    }

    func exists(_ target: String) -> Bool {
        if target.hasPrefix("\u{0}outside:") { return false }
        if target.isEmpty || target.hasSuffix("/") { return files.contains(target + "index.html") }
        return files.contains(target) || files.contains(target + "/index.html")
    }

    static func directory(of route: String) -> String {
        guard let slash = route.lastIndex(of: "/") else { return "" }
        return String(route[...slash])
    }

    /// Values of href="…" and src="…" attributes.
    static func links(in html: String) -> [String] {
        var links: [String] = []
        let bytes = Array(html.utf8)
        let patterns: [[UInt8]] = [Array(" href=\"".utf8), Array(" src=\"".utf8)]
        var index = 0
        while index < bytes.count {
            var matched: Int?
            for pattern in patterns where index + pattern.count <= bytes.count && bytes[index] == UInt8(ascii: " ") {
                if bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                    matched = pattern.count
                    break
                }
            }
            guard let length = matched else {
                index += 1
                continue
            }
            let start = index + length
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            links.append(unescape(String(decoding: bytes[start..<end], as: UTF8.self)))
            index = end
        }
        return links
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func percentDecode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
                let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Resolves "." and ".." segments, keeping a trailing slash.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        let joined = "/" + parts.joined(separator: "/")
        return path.hasSuffix("/") && joined != "/" ? joined + "/" : joined
    }
}
