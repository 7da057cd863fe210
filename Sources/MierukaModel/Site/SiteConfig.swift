/// The site-wide settings of `mieruka.yml`.
package struct SiteConfig: Sendable {
    package let title: String
    package let description: String?
    package let baseURL: BaseURL
    /// The `lang` of every page ("ja").
    package let language: String
    /// Raw HTML in Markdown passes through only when the site says its authors are trusted.
    package let allowRawHTML: Bool
    /// Who publishes the site (shown in the footer), e.g. 「小平市 企画政策部」.
    package let publisher: String?
    /// Optional ASCII URL segments for department names (企画部 → kikaku).
    package let departmentSlugs: [String: String]
    /// How yearly results saved from Excel as CSV are read (`csv:`).
    package let csv: CSVSettings
    /// Which sheets of Excel workbooks in seeds/ are read (`xlsx:`).
    package let xlsx: XLSXSettings
    /// How the open data downloads are published (`data:`).
    package let data: DataSettings
    /// The accessibility policy and the published results of its checks (`accessibility:`).
    package let accessibility: AccessibilitySettings

    package init(
        title: String, description: String?, baseURL: BaseURL, language: String, allowRawHTML: Bool,
        publisher: String?, departmentSlugs: [String: String], csv: CSVSettings = CSVSettings(),
        data: DataSettings = DataSettings(), accessibility: AccessibilitySettings = AccessibilitySettings(),
        xlsx: XLSXSettings = XLSXSettings()
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.allowRawHTML = allowRawHTML
        self.publisher = publisher
        self.departmentSlugs = departmentSlugs
        self.csv = csv
        self.xlsx = xlsx
        self.data = data
        self.accessibility = accessibility
    }

    /// The same settings published at another address (`mieruka build --base-url`, as CI knows it).
    package func with(baseURL: BaseURL) -> SiteConfig {
        SiteConfig(
            title: title, description: description, baseURL: baseURL, language: language, allowRawHTML: allowRawHTML,
            publisher: publisher, departmentSlugs: departmentSlugs, csv: csv, data: data, accessibility: accessibility,
            xlsx: xlsx)
    }

    /// The same settings with the accessibility check results read from their file.
    package func with(accessibilityResults results: AccessibilityResults?) -> SiteConfig {
        SiteConfig(
            title: title, description: description, baseURL: baseURL, language: language, allowRawHTML: allowRawHTML,
            publisher: publisher, departmentSlugs: departmentSlugs, csv: csv, data: data,
            accessibility: accessibility.with(results: results), xlsx: xlsx)
    }
}

/// Where the site is published. Links in pages are paths under `path`; canonical links are absolute.
package struct BaseURL: Sendable, Hashable {
    /// "https://www.city.example.lg.jp" (empty for a site published at an unknown host).
    package let origin: String
    /// "/kaikaku/": always starts and ends with "/".
    package let path: String

    package init(origin: String, path: String) {
        self.origin = origin
        var normalized = path.hasPrefix("/") ? path : "/" + path
        if !normalized.hasSuffix("/") { normalized += "/" }
        self.path = normalized
    }

    package static let root = BaseURL(origin: "", path: "/")

    /// The link to a site path ("plan/item/" → "/kaikaku/plan/item/").
    package func link(_ sitePath: String) -> String {
        path + sitePath
    }

    /// The absolute URL, when the origin is known.
    package func absolute(_ sitePath: String) -> String? {
        origin.isEmpty ? nil : origin + path + sitePath
    }
}
