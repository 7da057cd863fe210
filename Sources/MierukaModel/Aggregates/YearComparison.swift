/// What changed in a plan from one fiscal year to the next, item by item: the basis of a year's
/// 「前年度からの変化」. Only two consecutive years that both have results are compared; a year
/// missing in between means no comparison (Mieruka never compares across a gap).
///
/// A change of grade is a rise or a fall only on a scale the plan itself says runs from best to
/// worst (`GradeScale.isRanked`); on any other scale it is only a change. A state that is not a
/// grade (対象外 …) is never a rise or a fall, and is outside the counts.
package struct YearComparison: Sendable {
    package enum Direction: Sendable, Hashable {
        /// A better grade than the year before (on a ranked scale only).
        case rose
        /// A worse grade than the year before (on a ranked scale only).
        case fell
        /// Another grade on a scale without an order, or a state where there was a grade (or the
        /// other way round, or another state).
        case changed
        case same
    }

    /// One item's grade (or state) in the two years.
    package struct ItemChange: Sendable, Hashable {
        /// Index in `Plan.items`.
        package let item: Int
        package let previousGrade: Int?
        package let previousState: Int?
        package let grade: Int?
        package let state: Int?
        package let direction: Direction
    }

    package let year: FiscalYear
    package let previous: FiscalYear
    /// Items with a grade or a state in both years, in plan order (unchanged ones included).
    package let items: [ItemChange]

    /// Compares `year` with the fiscal year before it, from the items' own results.
    package init(plan: Plan, year: FiscalYear) {
        self.year = year
        self.previous = FiscalYear(year.year - 1)
        var items: [ItemChange] = []
        for (index, item) in plan.items.enumerated() {
            guard let now = item.result(in: year), let before = item.result(in: previous),
                now.grade != nil || now.state != nil, before.grade != nil || before.state != nil
            else { continue }
            items.append(
                ItemChange(
                    item: index, previousGrade: before.grade, previousState: before.state, grade: now.grade,
                    state: now.state,
                    direction: Self.direction(
                        from: (before.grade, before.state), to: (now.grade, now.state), ranked: plan.grades.isRanked)))
        }
        self.items = items
    }

    /// How a grade or state changed: a rise or a fall only between two grades of a ranked scale
    /// (a smaller index is better); a change otherwise.
    package static func direction(from: (grade: Int?, state: Int?), to: (grade: Int?, state: Int?), ranked: Bool) -> Direction {
        if from.grade == to.grade, from.state == to.state { return .same }
        guard ranked, let before = from.grade, let now = to.grade else { return .changed }
        return now < before ? .rose : .fell
    }

    /// The items whose grade or state changed.
    package var changes: [ItemChange] { items.filter { $0.direction != .same } }

    package func count(_ direction: Direction) -> Int { items.filter { $0.direction == direction }.count }

    /// Per grade: this year's count minus the previous year's (増減), for two rows of counts of the
    /// same kind (both published, or both counted from the items).
    package static func differences(_ counts: [Int], previous: [Int]) -> [Int] {
        zip(counts, previous).map { $0 - $1 }
    }
}
