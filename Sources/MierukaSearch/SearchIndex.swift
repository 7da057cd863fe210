/// What the site search looks in: one document per item, plan, policy, year report, standalone
/// page and committee opinion, and for every token the documents that hold it and where. Written as `search/index.json` (`SearchIndexBuilder.json`).
package struct SearchIndex: Sendable {
    package let plans: [Plan]
    package let documents: [Document]
    /// Sorted by the tokens' UTF-8 bytes; each posting list is in document order.
    package let postings: [(token: String, postings: [Posting])]

    /// A plan, shared by its items' documents.
    package struct Plan: Sendable, Hashable {
        /// 「小平市 第3次行財政再構築プラン」
        package let title: String
        /// The plan page's address (an item's is this followed by its `path`).
        package let url: String
        /// The grading scale in the plan's order: (code, label).
        package let grades: [Grade]
        /// Whether the plan ranks its scale best first (`grade_order: best_first`).
        package let ranked: Bool
        /// The fiscal years the documents name, as the plan writes them (「平成29年度」).
        package let years: [String]
    }

    package struct Grade: Sendable, Hashable {
        /// Nil on a scale of words only (the word is the label, shown once).
        package let code: String?
        package let label: String
    }

    /// What kind of page a document is, as a result names it.
    package enum Kind: String, Sendable, CaseIterable {
        case item, plan, policy, report, page
        /// An opinion a committee gave on a year's results or an item (委員会などの意見).
        case opinion

        package var label: String {
            switch self {
            case .item: "取組項目"
            case .plan: "計画"
            case .policy: "施策"
            case .report: "年度の進捗状況"
            case .page: "ページ"
            case .opinion: "委員会などの意見"
            }
        }
    }

    /// A page, with what a result shows.
    package struct Document: Sendable, Hashable {
        package var kind: Kind = .item
        /// What a result calls the page when its plan names it (a policy of a plan whose
        /// `policy_levels:` call that level 基本方針); nil for the kind's own word.
        package var label: String? = nil
        /// Index in `plans`; nil for a standalone page.
        package let plan: Int?
        /// An item's number under its primary listing; empty for other pages.
        package let number: String
        package let title: String
        /// The page's address after the plan's ("20/", "policies/1/", "reports/2023/", an opinion's
        /// "reports/2023/#opinions"), or for a
        /// standalone page its whole address ("/about/").
        package let path: String
        /// The latest grade: index on the plan's scale, and the year it was given (index in the
        /// plan's `years`).
        package let grade: Int?
        package let gradeYear: Int?
        /// 「財務部、企画部」
        package let departments: String
        package let snippets: [Snippet]
    }

    /// The beginning of a text of the item, shown under a result that matched in it.
    package struct Snippet: Sendable, Hashable {
        package let field: SearchField
        /// Index in the plan's `years`; nil for the KPIs.
        package let year: Int?
        package let text: String
    }

    /// A document that holds a token, and the fields it is in.
    package struct Posting: Sendable, Hashable {
        package let document: Int
        /// `SearchField.bit`s.
        package let fields: UInt8
    }

    /// The documents that hold `token` (exactly that token).
    package func postings(for token: String) -> [Posting] {
        postings.first { $0.token == token }?.postings ?? []
    }
}
