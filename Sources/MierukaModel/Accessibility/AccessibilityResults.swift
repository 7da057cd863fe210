/// The results of the site's automated accessibility checks (scripts/check-site.py: axe-core in
/// headless Chromium, the reflow check and the Nu HTML checker), as published on the test-results
/// page. They say what the tools found; criteria that need a person to judge are marked so.
package struct AccessibilityResults: Sendable {
    /// The day of the checks, as the file gives it ("2026-11-23").
    package let checkedAt: String
    package let tools: [Tool]
    /// The window widths the pages were checked at (CSS px).
    package let widths: [Int]
    package let pages: [PageResult]
    package let rules: [RuleResult]
    /// Errors of the Nu HTML checker over all pages (WCAG 2.1's 4.1.1 構文解析).
    package let nuErrors: Int

    package init(checkedAt: String, tools: [Tool], widths: [Int], pages: [PageResult], rules: [RuleResult], nuErrors: Int) {
        self.checkedAt = checkedAt
        self.tools = tools
        self.widths = widths
        self.pages = pages
        self.rules = rules
        self.nuErrors = nuErrors
    }

    package struct Tool: Sendable, Hashable {
        package let name: String
        package let version: String

        package init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    package struct PageResult: Sendable, Hashable {
        /// The page's path on the site as checked ("/kodaira-3/").
        package let path: String
        package let passed: Bool
        package let violations: Int
        package let nuErrors: Int

        package init(path: String, passed: Bool, violations: Int, nuErrors: Int) {
            self.path = path
            self.passed = passed
            self.violations = violations
            self.nuErrors = nuErrors
        }
    }

    /// One rule of the checks with the success criteria it tests and its outcome in pages.
    package struct RuleResult: Sendable, Hashable {
        package let id: String
        package let help: String
        /// Success criteria by number ("1.4.3").
        package let criteria: [String]
        package let passed: Int
        package let violated: Int
        package let incomplete: Int
        package let inapplicable: Int

        package init(
            id: String, help: String, criteria: [String], passed: Int, violated: Int, incomplete: Int, inapplicable: Int
        ) {
            self.id = id
            self.help = help
            self.criteria = criteria
            self.passed = passed
            self.violated = violated
            self.incomplete = incomplete
            self.inapplicable = inapplicable
        }
    }

    /// What the checks say about one success criterion.
    package enum Outcome: Sendable, Hashable {
        /// A rule found a problem on this many pages.
        case failed(pages: Int)
        /// Every rule that applied passed.
        case passed
        /// A rule could not decide (a person must look), and none failed.
        case undecided
        /// The rules for it found nothing to check on any page.
        case notApplicable
        /// No automated rule tests it: only a person can.
        case notTested
    }

    /// The outcome for a criterion ("4.1.1" is the Nu checker's).
    package func outcome(of criterion: String) -> Outcome {
        var outcome = Outcome.notTested
        if criterion == "4.1.1" { outcome = nuErrors > 0 ? .failed(pages: pages.filter { $0.nuErrors > 0 }.count) : .passed }
        let applying = rules.filter { $0.criteria.contains(criterion) }
        let violated = applying.map(\.violated).max() ?? 0
        if violated > 0 {
            if case .failed(let pages) = outcome { return .failed(pages: max(pages, violated)) }
            return .failed(pages: violated)
        }
        if case .failed = outcome { return outcome }
        if applying.contains(where: { $0.incomplete > 0 }) { return .undecided }
        if applying.contains(where: { $0.passed > 0 }) || outcome == .passed { return .passed }
        if !applying.isEmpty { return .notApplicable }
        return outcome
    }
}
