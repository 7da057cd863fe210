import MierukaSite
import MierukaModel

/// Makes the links of a page: paths under the site's base URL, percent-encoded so that Japanese
/// URL segments (企画部) work on every server.
public struct LinkMaker: Sendable {
    public let baseURL: BaseURL

    public init(baseURL: BaseURL) {
        self.baseURL = baseURL
    }

    /// "/kaikaku/kodaira-3/001/" for the route "kodaira-3/001/".
    public func href(_ route: String) -> String {
        baseURL.link(SiteRoutes.percentEncode(route))
    }

    /// The absolute URL, when the base URL names a host.
    public func canonical(_ route: String) -> String? {
        baseURL.absolute(SiteRoutes.percentEncode(route))
    }
}
