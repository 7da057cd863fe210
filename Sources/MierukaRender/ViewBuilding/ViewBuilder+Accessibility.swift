import MierukaModel
import MierukaSite

extension ViewBuilder {
    var accessibilityOrganization: String {
        let config = index.config
        return config.accessibility.organization ?? config.publisher ?? config.title
    }

    func accessibilityPolicy(_ page: PlannedPage) -> (PageMetaView, any TemplateView) {
        let settings = index.config.accessibility
        let results = settings.results
        let summary = results.map { results in
            let passed = results.pages.filter(\.passed).count
            let pages = results.pages.count
            return "\(Self.japaneseDate(results.checkedAt))の自動試験では、"
                + (passed == pages ? "試験した\(pages)ページすべてで問題は見つかりませんでした。" : "試験した\(pages)ページのうち\(pages - passed)ページで問題が見つかりました。")
        }
        let view = AccessibilityPolicyView(
            organization: accessibilityOrganization, level: settings.targetLevel.rawValue,
            scope: settings.scope ?? "このサイト（\(index.config.title)）のすべてのページ", exceptions: settings.exceptions,
            contact: settings.contact, date: settings.policyDate, resultsURL: links.href(SiteRoutes.accessibilityResults),
            resultsSummary: summary)
        return (
            meta(page, title: "アクセシビリティ方針", description: "\(accessibilityOrganization)のウェブアクセシビリティへの取組", trail: [], kind: "accessibility"),
            view
        )
    }

    func accessibilityResults(_ page: PlannedPage) -> (PageMetaView, any TemplateView) {
        let settings = index.config.accessibility
        let policyCrumb = LinkView(title: "アクセシビリティ方針", url: links.href(SiteRoutes.accessibility))
        let view = AccessibilityResultsView(
            organization: accessibilityOrganization, level: settings.targetLevel.rawValue,
            policyURL: links.href(SiteRoutes.accessibility), checked: settings.results.map { checked($0, level: settings.targetLevel) })
        return (
            meta(
                page, title: "アクセシビリティ試験結果", description: "このサイトのウェブアクセシビリティの試験結果",
                trail: [policyCrumb], kind: "accessibility-results"),
            view
        )
    }

    func checked(_ results: AccessibilityResults, level: WCAGLevel) -> AccessibilityResultsView.CheckedView {
        var tally: [String: Int] = [:]
        let criteria = WCAGCriterion.all.filter { $0.level <= level }.map { criterion in
            let (outcome, style) = Self.words(results.outcome(of: criterion.number))
            tally[outcome.components(separatedBy: "（").first ?? outcome, default: 0] += 1
            let rules = results.rules.filter { $0.criteria.contains(criterion.number) }.count + (criterion.number == "4.1.1" ? 1 : 0)
            return AccessibilityResultsView.CriterionView(
                number: criterion.number, name: criterion.name, level: criterion.level.rawValue, outcome: outcome,
                outcomeClass: style, rules: rules == 0 ? "—" : "\(rules)件")
        }
        let order = ["問題あり", "要確認", "自動試験で問題なし", "該当なし", "自動試験の対象外"]
        let summary = order.compactMap { name in tally[name].map { "\(name) \($0)項目" } }.joined(separator: "、")
        let passed = results.pages.filter(\.passed).count
        let pages = results.pages.count
        return AccessibilityResultsView.CheckedView(
            date: Self.japaneseDate(results.checkedAt),
            tools: results.tools.map { AccessibilityResultsView.ToolView(name: Self.toolName($0.name), version: $0.version) },
            widths: results.widths.map { "\($0)px" }.joined(separator: "と"), pageCount: "\(pages)ページ",
            passedPages: passed == pages ? "\(pages)ページすべて" : "\(pages)ページ中\(passed)ページ", criteria: criteria,
            criteriaSummary: summary,
            criteriaLevel: level == .aaa ? WCAGLevel.aa.rawValue : level.rawValue,
            criteriaNote: level == .aaa
                ? "目標とする適合レベルはAAAですが、この表はレベルAとAAの達成基準を示しています。レベルAAAの達成基準は自動試験の対象外で、人による確認が必要です。"
                : nil,
            pages: results.pages.map { page in
                var problems: [String] = []
                if page.violations > 0 { problems.append("axe \(page.violations)件") }
                if page.nuErrors > 0 { problems.append("Nu \(page.nuErrors)件") }
                return AccessibilityResultsView.PageRowView(
                    path: page.path,
                    result: page.passed ? "問題なし" : "問題あり（" + (problems.isEmpty ? "読み込めないファイル" : problems.joined(separator: "、")) + "）")
            })
    }

    /// The words for an outcome, and a class for it.
    static func words(_ outcome: AccessibilityResults.Outcome) -> (String, String) {
        switch outcome {
        case .failed(let pages): ("問題あり（\(pages)ページ）", "outcome-failed")
        case .passed: ("自動試験で問題なし", "outcome-passed")
        case .undecided: ("要確認（自動では判定できない箇所あり）", "outcome-undecided")
        case .notApplicable: ("該当なし（対象となる内容がない）", "outcome-na")
        case .notTested: ("自動試験の対象外（人による確認が必要）", "outcome-untested")
        }
    }

    /// "2026-11-23" → 「2026年11月23日」 (other forms are shown as written).
    static func japaneseDate(_ date: String) -> String {
        let parts = date.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return date }
        return "\(year)年\(month)月\(day)日"
    }

    static func toolName(_ name: String) -> String {
        switch name {
        case "axe-core": "axe-core（WCAG 2.0・2.1 のA・AAの規則）"
        case "vnu": "Nu HTML Checker（W3C）"
        case "chromium": "Chromium（ヘッドレス）"
        case "selenium": "Selenium"
        default: name
        }
    }
}
