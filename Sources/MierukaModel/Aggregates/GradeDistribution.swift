/// Counts per policy × grade with totals (Kodaira's 表1, Isehara's table of 74 items).
package struct GradeDistribution: Sendable, Hashable {
    package struct Row: Sendable, Hashable {
        /// Index in `Plan.policies`; nil for the total row.
        package let policy: Int?
        /// One count per grade, best first.
        package let counts: [Int]
        /// Listings without a grade in the year.
        package let ungraded: Int
        /// How many of the listings counted in `total` (graded or 未評価) are 再掲; listings with a
        /// state are not among them.
        package let relisted: Int
        /// How many of the graded listings are 再掲.
        package let gradedRelisted: Int
        /// Listings with a state instead of a grade, per state of the plan: outside `total`.
        package let outside: [Int]

        package init(policy: Int?, counts: [Int], ungraded: Int, relisted: Int, gradedRelisted: Int? = nil, outside: [Int] = []) {
            self.policy = policy
            self.counts = counts
            self.ungraded = ungraded
            self.relisted = relisted
            self.gradedRelisted = gradedRelisted ?? relisted
            self.outside = outside
        }

        package var graded: Int { counts.reduce(0, +) }
        /// Listings graded or awaiting a grade; listings with a state are not among them.
        package var total: Int { graded + ungraded }
    }

    package let rows: [Row]
    package let total: Row

    package init(rows: [Row], total: Row) {
        self.rows = rows
        self.total = total
    }

    /// True when some listing has no grade in the year (the table then shows a 未評価 column).
    package var hasUngraded: Bool { total.ungraded > 0 }
}
