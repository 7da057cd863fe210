import MierukaModel
import MierukaSite

/// `sitemap.xml` (sitemaps.org 0.9): every page of the site except the 404 page, in page order.
/// Written only when `base_url` gives the origin, since a sitemap lists absolute addresses.
/// No `lastmod`: the build knows no true modification dates, and output must not depend on the
/// clock.
struct Sitemap {
    let pages: [PlannedPage]
    let baseURL: BaseURL

    var xml: String? {
        guard baseURL.absolute("") != nil else { return nil }
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for page in pages where page.kind != .notFound {
            guard let url = baseURL.absolute(SiteRoutes.percentEncode(page.route)) else { continue }
            xml += "  <url><loc>\(XMLText.escaped(url))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
