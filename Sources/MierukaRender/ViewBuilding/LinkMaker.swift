import MierukaSite
import MierukaModel

/// Makes the links of a page: paths under the site's base URL, percent-encoded so that Japanese
/// URL segments (企画部) work on every server.
package struct LinkMaker: Sendable {
    package let baseURL: BaseURL

    package init(baseURL: BaseURL) {
        self.baseURL = baseURL
    }

    /// "/kaikaku/kodaira-3/001/" for the route "kodaira-3/001/".
    package func href(_ route: String) -> String {
        baseURL.link(SiteRoutes.percentEncode(route))
    }

    /// The absolute URL, when the base URL names a host.
    package func canonical(_ route: String) -> String? {
        baseURL.absolute(SiteRoutes.percentEncode(route))
    }
}
