/// The URL layout of a built site, relative to the base URL.
///
///     /                                   home
///     /<page>/                            standalone page (content/<page>.md)
///     /<plan>/                            plan
///     /<plan>/<item>/                     item
///     /<plan>/policies/<policy>/          policy
///     /<plan>/reports/<year>/             year report (Western year of the fiscal year)
///     /<plan>/departments/                departments of the plan
///     /<plan>/departments/<department>/   one department
///     /<plan>/data/                       open data: downloads and their field dictionary
///     /<plan>/data/<file>                 a download (results.csv, plan.json …)
///     /<plan>/feed.xml                    Atom feed of the yearly reports (when the origin is known)
///     /sitemap.xml                        sitemap (when the origin is known)
///     /search/                            site search (search/index.json, read by assets/search.js)
///     /404.html                           not found
package enum SiteRoutes {
    /// Top-level names the site uses itself (assets and future data downloads).
    package static let reservedTopLevel: Set<String> = ["accessibility", "assets", "search", "data", "404"]

    package static func plan(_ plan: String) -> String { "\(plan)/" }
    package static func item(_ plan: String, _ item: String) -> String { "\(plan)/\(item)/" }
    package static func policy(_ plan: String, _ policy: String) -> String { "\(plan)/policies/\(policy)/" }
    package static func report(_ plan: String, year: Int) -> String { "\(plan)/reports/\(year)/" }
    package static func departments(_ plan: String) -> String { "\(plan)/departments/" }
    package static func department(_ plan: String, _ department: String) -> String {
        "\(plan)/departments/\(department)/"
    }
    package static func page(_ slug: String) -> String { "\(slug)/" }
    package static func data(_ plan: String) -> String { "\(plan)/data/" }
    package static func dataFile(_ plan: String, _ file: String) -> String { "\(plan)/data/\(file)" }
    package static func feed(_ plan: String) -> String { "\(plan)/feed.xml" }
    package static let sitemap = "sitemap.xml"
    package static let search = "search/"
    package static let searchIndex = "search/index.json"
    package static let searchScript = "assets/search.js"
    package static let home = ""
    package static let notFound = "404.html"
    package static let stylesheet = "assets/mieruka.css"
    package static let filterScript = "assets/filter.js"
    package static let accessibility = "accessibility/"
    package static let accessibilityResults = "accessibility/results/"

    /// The file a route is written to ("plan/item/" → "plan/item/index.html").
    package static func outputFile(for route: String) -> String {
        if route.isEmpty { return "index.html" }
        if route.hasSuffix("/") { return route + "index.html" }
        return route
    }

    /// Encodes everything but unreserved ASCII and "/" (RFC 3986).
    package static func percentEncode(_ path: String) -> String {
        // Most paths are plain ASCII segments: nothing to encode.
        if path.utf8.allSatisfy(isUnreserved) { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count * 3)
        for byte in path.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }
}
