/// The results of the site's automated accessibility checks (scripts/check-site.py: axe-core in
/// headless Chromium, the reflow check and the Nu HTML checker), as published on the test-results
/// page. They say what the tools found; criteria that need a person to judge are marked so.
public struct AccessibilityResults: Sendable {
    /// The day of the checks, as the file gives it ("2026-11-23").
    public let checkedAt: String
    public let tools: [Tool]
    /// The window widths the pages were checked at (CSS px).
    public let widths: [Int]
    public let pages: [PageResult]
    public let rules: [RuleResult]
    /// Errors of the Nu HTML checker over all pages (WCAG 2.1's 4.1.1 構文解析).
    public let nuErrors: Int

    public init(checkedAt: String, tools: [Tool], widths: [Int], pages: [PageResult], rules: [RuleResult], nuErrors: Int) {
        self.checkedAt = checkedAt
        self.tools = tools
        self.widths = widths
        self.pages = pages
        self.rules = rules
        self.nuErrors = nuErrors
    }

    public struct Tool: Sendable, Hashable {
        public let name: String
        public let version: String

        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    public struct PageResult: Sendable, Hashable {
        /// The page's path on the site as checked ("/kodaira-3/").
        public let path: String
        public let passed: Bool
        public let violations: Int
        public let nuErrors: Int

        public init(path: String, passed: Bool, violations: Int, nuErrors: Int) {
            self.path = path
            self.passed = passed
            self.violations = violations
            self.nuErrors = nuErrors
        }
    }

    /// One rule of the checks with the success criteria it tests and its outcome in pages.
    public struct RuleResult: Sendable, Hashable {
        public let id: String
        public let help: String
        /// Success criteria by number ("1.4.3").
        public let criteria: [String]
        public let passed: Int
        public let violated: Int
        public let incomplete: Int
        public let inapplicable: Int

        public init(
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
    public enum Outcome: Sendable, Hashable {
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
    public func outcome(of criterion: String) -> Outcome {
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
