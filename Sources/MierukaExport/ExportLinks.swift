import MierukaModel
import MierukaSite

/// Addresses written into data files: absolute when the site's origin is known (so that a row
/// copied elsewhere still leads to its page), else the path on the site.
package struct ExportLinks: Sendable {
    package let baseURL: BaseURL

    package init(baseURL: BaseURL) {
        self.baseURL = baseURL
    }

    package func url(_ route: String) -> String {
        let encoded = SiteRoutes.percentEncode(route)
        return baseURL.absolute(encoded) ?? baseURL.link(encoded)
    }
}
