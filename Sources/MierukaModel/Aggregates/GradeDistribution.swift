/// Counts per policy × grade with totals (Kodaira's 表1, Isehara's table of 74 items).
public struct GradeDistribution: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// Index in `Plan.policies`; nil for the total row.
        public let policy: Int?
        /// One count per grade, best first.
        public let counts: [Int]
        /// Listings without a grade in the year.
        public let ungraded: Int
        /// How many of the listings are 再掲.
        public let relisted: Int
        /// Listings with a state instead of a grade, per state of the plan: outside `total`.
        public let outside: [Int]

        public init(policy: Int?, counts: [Int], ungraded: Int, relisted: Int, outside: [Int] = []) {
            self.policy = policy
            self.counts = counts
            self.ungraded = ungraded
            self.relisted = relisted
            self.outside = outside
        }

        public var graded: Int { counts.reduce(0, +) }
        /// Listings graded or awaiting a grade; listings with a state are not among them.
        public var total: Int { graded + ungraded }
    }

    public let rows: [Row]
    public let total: Row

    public init(rows: [Row], total: Row) {
        self.rows = rows
        self.total = total
    }

    /// True when some listing has no grade in the year (the table then shows a 未評価 column).
    public var hasUngraded: Bool { total.ungraded > 0 }
}
