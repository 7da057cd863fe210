/// The accessibility policy (アクセシビリティ方針) from `accessibility:` in `mieruka.yml`.
package struct AccessibilityPolicyView: TemplateView {
    package let organization: String
    /// 「AA」
    package let level: String
    package let scope: String
    package let exceptions: [String]
    package let contact: String?
    package let date: String?
    package let resultsURL: String
    /// One sentence on the latest checks, or nil when there are none yet.
    package let resultsSummary: String?

    package static let fields = FieldTable<AccessibilityPolicyView>(
        "accessibility policy",
        [
            .text("organization") { $0.organization },
            .text("level") { $0.level },
            .text("scope") { $0.scope },
            .texts("exceptions") { $0.exceptions },
            .flag("hasExceptions") { !$0.exceptions.isEmpty },
            .text("contact") { $0.contact },
            .text("date") { $0.date },
            .text("resultsURL") { $0.resultsURL },
            .text("resultsSummary") { $0.resultsSummary },
        ])
}

/// The results of the site's automated accessibility checks, per success criterion and per page.
package struct AccessibilityResultsView: TemplateView {
    package let organization: String
    package let level: String
    package let policyURL: String
    /// Nil before the site is first checked.
    package let checked: CheckedView?

    package static let fields = FieldTable<AccessibilityResultsView>(
        "accessibility results",
        [
            .text("organization") { $0.organization },
            .text("level") { $0.level },
            .text("policyURL") { $0.policyURL },
            .view("checked", CheckedView.self) { $0.checked },
        ])

    package struct CheckedView: TemplateView {
        /// 「2026年11月23日」
        package let date: String
        package let tools: [ToolView]
        /// 「1,280px と 320px」
        package let widths: String
        /// 「78ページ」
        package let pageCount: String
        /// 「78ページすべて」 or 「78ページ中75ページ」
        package let passedPages: String
        package let criteria: [CriterionView]
        /// 「自動試験で問題なし 20項目、…」
        package let criteriaSummary: String
        /// The highest level the table lists: the target level, or AA when the target is AAA.
        package let criteriaLevel: String
        /// Why the table stops short of the target level (AAA), or nil.
        package let criteriaNote: String?
        package let pages: [PageRowView]

        package static let fields = FieldTable<CheckedView>(
            "accessibility checks",
            [
                .text("date") { $0.date },
                .list("tools", ToolView.self) { $0.tools },
                .text("widths") { $0.widths },
                .text("pageCount") { $0.pageCount },
                .text("passedPages") { $0.passedPages },
                .list("criteria", CriterionView.self) { $0.criteria },
                .text("criteriaSummary") { $0.criteriaSummary },
                .text("criteriaLevel") { $0.criteriaLevel },
                .text("criteriaNote") { $0.criteriaNote },
                .list("pages", PageRowView.self) { $0.pages },
            ])
    }

    package struct ToolView: TemplateView {
        package let name: String
        package let version: String

        package static let fields = FieldTable<ToolView>(
            "tool", [.text("name") { $0.name }, .text("version") { $0.version }])
    }

    package struct CriterionView: TemplateView {
        package let number: String
        package let name: String
        package let level: String
        /// 「自動試験で問題なし」, 「問題あり（2ページ）」, 「自動試験の対象外（人による確認が必要）」 …
        package let outcome: String
        /// A class naming the outcome (never the only signal: the text says it).
        package let outcomeClass: String
        /// 「3件」: the automated rules that test it.
        package let rules: String

        package static let fields = FieldTable<CriterionView>(
            "criterion",
            [
                .text("number") { $0.number },
                .text("name") { $0.name },
                .text("level") { $0.level },
                .text("outcome") { $0.outcome },
                .text("outcomeClass") { $0.outcomeClass },
                .text("rules") { $0.rules },
            ])
    }

    package struct PageRowView: TemplateView {
        /// The page's path as checked (text, not a link: the results may be older than the pages).
        package let path: String
        /// 「問題なし」 or 「問題あり（axe 2件、Nu 1件）」
        package let result: String

        package static let fields = FieldTable<PageRowView>(
            "checked page", [.text("path") { $0.path }, .text("result") { $0.result }])
    }
}
