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
///     /404.html                           not found
public enum SiteRoutes {
    /// Top-level names the site uses itself (assets and future data downloads).
    public static let reservedTopLevel: Set<String> = ["assets", "search", "data", "404"]

    public static func plan(_ plan: String) -> String { "\(plan)/" }
    public static func item(_ plan: String, _ item: String) -> String { "\(plan)/\(item)/" }
    public static func policy(_ plan: String, _ policy: String) -> String { "\(plan)/policies/\(policy)/" }
    public static func report(_ plan: String, year: Int) -> String { "\(plan)/reports/\(year)/" }
    public static func departments(_ plan: String) -> String { "\(plan)/departments/" }
    public static func department(_ plan: String, _ department: String) -> String {
        "\(plan)/departments/\(department)/"
    }
    public static func page(_ slug: String) -> String { "\(slug)/" }
    public static let home = ""
    public static let notFound = "404.html"
    public static let stylesheet = "assets/mieruka.css"

    /// The file a route is written to ("plan/item/" → "plan/item/index.html").
    public static func outputFile(for route: String) -> String {
        if route.isEmpty { return "index.html" }
        if route.hasSuffix("/") { return route + "index.html" }
        return route
    }
}
