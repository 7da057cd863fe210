/// What the site search looks in: one document per item, plan, policy, year report and
/// standalone page, and for every token the documents that hold it and where. Written as `search/index.json` (`SearchIndexBuilder.json`).
public struct SearchIndex: Sendable {
    public let plans: [Plan]
    public let documents: [Document]
    /// Sorted by the tokens' UTF-8 bytes; each posting list is in document order.
    public let postings: [(token: String, postings: [Posting])]

    /// A plan, shared by its items' documents.
    public struct Plan: Sendable, Hashable {
        /// 「小平市 第3次行財政再構築プラン」
        public let title: String
        /// The plan page's address (an item's is this followed by its `path`).
        public let url: String
        /// The grading scale, best first: (code, label).
        public let grades: [Grade]
        /// The fiscal years the documents name, as the plan writes them (「平成29年度」).
        public let years: [String]
    }

    public struct Grade: Sendable, Hashable {
        public let code: String
        public let label: String
    }

    /// What kind of page a document is, as a result names it.
    public enum Kind: String, Sendable, CaseIterable {
        case item, plan, policy, report, page

        public var label: String {
            switch self {
            case .item: "取組項目"
            case .plan: "計画"
            case .policy: "施策"
            case .report: "年度の進捗状況"
            case .page: "ページ"
            }
        }
    }

    /// A page, with what a result shows.
    public struct Document: Sendable, Hashable {
        public var kind: Kind = .item
        /// Index in `plans`; nil for a standalone page.
        public let plan: Int?
        /// An item's number under its primary listing; empty for other pages.
        public let number: String
        public let title: String
        /// The page's address after the plan's ("20/", "policies/1/", "reports/2023/"), or for a
        /// standalone page its whole address ("/about/").
        public let path: String
        /// The latest grade: index on the plan's scale, and the year it was given (index in the
        /// plan's `years`).
        public let grade: Int?
        public let gradeYear: Int?
        /// 「財務部、企画部」
        public let departments: String
        public let snippets: [Snippet]
    }

    /// The beginning of a text of the item, shown under a result that matched in it.
    public struct Snippet: Sendable, Hashable {
        public let field: SearchField
        /// Index in the plan's `years`; nil for the KPIs.
        public let year: Int?
        public let text: String
    }

    /// A document that holds a token, and the fields it is in.
    public struct Posting: Sendable, Hashable {
        public let document: Int
        /// `SearchField.bit`s.
        public let fields: UInt8
    }

    /// The documents that hold `token` (exactly that token).
    public func postings(for token: String) -> [Posting] {
        postings.first { $0.token == token }?.postings ?? []
    }
}
