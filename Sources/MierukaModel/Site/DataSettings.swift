/// How the site publishes its open data (`data:` in `mieruka.yml`).
package struct DataSettings: Sendable, Hashable {
    /// The licence every download is published under, as named on the data pages.
    package let license: String
    /// Where the licence's text is.
    package let licenseURL: String?
    /// Also write a Shift_JIS (CP932) copy of each CSV, for versions of Excel that do not read UTF-8.
    package let shiftJISCopies: Bool

    package init(license: String = Self.defaultLicense, licenseURL: String? = Self.defaultLicenseURL, shiftJISCopies: Bool = false) {
        self.license = license
        self.licenseURL = licenseURL
        self.shiftJISCopies = shiftJISCopies
    }

    /// The licence 政府標準利用規約（第2.0版） is compatible with, and what most cities use.
    package static let defaultLicense = "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）"
    package static let defaultLicenseURL: String? = "https://creativecommons.org/licenses/by/4.0/legalcode.ja"
}
