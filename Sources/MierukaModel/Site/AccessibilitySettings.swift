/// The site's accessibility policy (`accessibility:` in `mieruka.yml`), published as the pages
/// アクセシビリティ方針 and 試験結果 that 総務省's みんなの公共サイト運用ガイドライン asks of a
/// public site.
package struct AccessibilitySettings: Sendable {
    /// Who makes the commitment (「〇〇市」); the site's publisher when not given.
    package let organization: String?
    /// The conformance level aimed at (JIS X 8341-3:2016 / WCAG 2.1).
    package let targetLevel: WCAGLevel
    /// 対象範囲: which pages the policy covers.
    package let scope: String?
    /// 例外事項: content the policy does not cover (PDF transcriptions, embedded maps …).
    package let exceptions: [String]
    /// Where to send problems (a section, a phone number, an address), shown as written.
    package let contact: String?
    /// 策定日 / 改定日, as written (「2026年11月1日」).
    package let policyDate: String?
    /// The results file scripts/check-site.py wrote (`--json`), relative to the site folder.
    package let resultsFile: String?
    /// Which of the sites in that file is this one (its folder's name when checked), when it holds several.
    package let resultsSite: String?
    /// The results read from `resultsFile` (nil when there is none yet).
    package let results: AccessibilityResults?

    package init(
        organization: String? = nil, targetLevel: WCAGLevel = .aa, scope: String? = nil, exceptions: [String] = [],
        contact: String? = nil, policyDate: String? = nil, resultsFile: String? = nil, resultsSite: String? = nil,
        results: AccessibilityResults? = nil
    ) {
        self.organization = organization
        self.targetLevel = targetLevel
        self.scope = scope
        self.exceptions = exceptions
        self.contact = contact
        self.policyDate = policyDate
        self.resultsFile = resultsFile
        self.resultsSite = resultsSite
        self.results = results
    }

    package func with(results: AccessibilityResults?) -> AccessibilitySettings {
        AccessibilitySettings(
            organization: organization, targetLevel: targetLevel, scope: scope, exceptions: exceptions, contact: contact,
            policyDate: policyDate, resultsFile: resultsFile, resultsSite: resultsSite, results: results)
    }
}

/// A conformance level of WCAG (and JIS X 8341-3).
package enum WCAGLevel: String, Sendable, CaseIterable, Comparable {
    case a = "A"
    case aa = "AA"
    case aaa = "AAA"

    package static func < (lhs: WCAGLevel, rhs: WCAGLevel) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
