/// One plan's counts and sums for one fiscal year, computed once in a single pass over its items,
/// so that every page (plan, policy, year report) reads its rows without scanning items again.
///
/// Grades are counted per listing, as the cities count them (an item listed again, 再掲, counts
/// under each policy it is listed under). Money is summed per item under its primary listing,
/// so that a relisted item's effect is not counted twice.
package struct PlanYearTally: Sendable {
    package let year: FiscalYear
    /// Number of grades on the plan's scale; counts have one more slot for 未評価 (no grade), then
    /// one per state of the plan (対象外 …), which are outside the grade counts.
    package let gradeCount: Int
    /// Per policy (its whole subtree): listings per grade index, then ungraded at `gradeCount`,
    /// then per state from `gradeCount + 1`.
    package let listingCounts: [[Int]]
    /// Per policy (subtree): how many of those listings are 再掲, graded or not.
    package let relistingCounts: [Int]
    /// Per policy (subtree): 再掲 listings per slot, as `listingCounts` (grade, 未評価, states), so
    /// that a sentence counting graded listings says how many of *those* are 再掲.
    package let relistingSlots: [[Int]]
    package let expected: [Money?]
    package let actual: [Money?]
    /// Whole plan.
    package let totalCounts: [Int]
    package let totalRelistings: Int
    /// The whole plan's 再掲 listings per slot.
    package let totalRelistingSlots: [Int]
    package let totalExpected: Money?
    package let totalActual: Money?
    /// Per policy (subtree): listings whose grade the report gives but could not be read
    /// (`grade_unreadable:`); outside every slot of `listingCounts`, 未評価 included.
    package let unreadableCounts: [Int]
    /// The whole plan's listings whose grade could not be read.
    package let totalUnreadable: Int
    /// Distinct items with a result this year.
    package let itemsWithResult: Int
    /// True when any amount did not fit (reported by validation; sums are then partial).
    package let overflowed: Bool
    /// True when an amount summed here was written as an increase (「…の増」), so that the sums
    /// count it as a negative effect (the tables say so).
    package let includesIncrease: Bool
    /// The items' amounts summed per kind (単年度 / 継続 / not said), one entry per kind present
    /// this year, in `EffectKind.ordered` order. `expected`, `actual` and their totals above are
    /// the one kind's when the year has amounts of a single kind, and empty when it has several:
    /// amounts of different kinds are never added together.
    package let effectSums: [EffectSums]

    package init(plan: Plan, year: FiscalYear) {
        var pass = ItemPass(plan: plan)
        for (index, item) in plan.items.enumerated() {
            // An item added by a later revision, or out of the plan by then, is not counted (not
            // even as 未評価): the year is read against the plan as it stood that year.
            guard plan.revisions.isInPlan(index, in: year) else { continue }
            pass.add(item, result: item.result(in: year))
        }
        let counts = Self.subtreeSums(pass.counts, plan: plan, adding: Self.addSlots)
        let relist = Self.subtreeSums(pass.relistings, plan: plan, adding: Self.addSlots)
        let unreadable = Self.subtreeSums(pass.unreadable, plan: plan, adding: +=)
        let totalCounts = Self.planTotals(counts, plan: plan, slots: pass.slots)
        let totalRelist = Self.planTotals(relist, plan: plan, slots: pass.slots)
        let policyCount = plan.policies.count
        var overflowed = pass.overflowed
        let effectSums = Self.effectSums(
            pass.amountsByKind, approximate: pass.approximateByKind, plan: plan, overflowed: &overflowed)
        let single = effectSums.count == 1 ? effectSums.first : nil

        self.year = year
        self.gradeCount = plan.grades.count
        self.listingCounts = counts
        self.relistingCounts = relist.map { $0.reduce(0, +) }
        self.relistingSlots = relist
        self.expected = single?.expected ?? [Money?](repeating: nil, count: policyCount)
        self.actual = single?.actual ?? [Money?](repeating: nil, count: policyCount)
        self.totalCounts = totalCounts
        self.totalRelistings = totalRelist.reduce(0, +)
        self.totalRelistingSlots = totalRelist
        self.totalExpected = single?.totalExpected
        self.totalActual = single?.totalActual
        self.unreadableCounts = unreadable
        self.totalUnreadable = plan.topLevelPolicies.reduce(0) { $0 + unreadable[$1] }
        self.itemsWithResult = pass.itemsWithResult
        self.overflowed = overflowed
        self.includesIncrease = single?.includesIncrease ?? false
        self.effectSums = effectSums
    }

    /// The items' amounts of one kind this year, when there are any.
    package func effectSums(of kind: EffectKind?) -> EffectSums? { effectSums.first { $0.kind == kind } }

    /// True when any item has an amount this year, of any kind.
    package var hasEffects: Bool { effectSums.contains { $0.totalExpected != nil || $0.totalActual != nil } }

    /// Listings counted for the whole plan, graded or not.
    package var totalListings: Int { totalCounts.reduce(0, +) }

    /// Listings without a grade this year (and without a state).
    package var totalUngraded: Int { totalCounts[gradeCount] }

    /// Listings graded this year.
    package var totalGraded: Int { totalCounts[0..<gradeCount].reduce(0, +) }

    /// 再掲 listings among the graded ones (「全43項目（うち再掲2項目）」 counts graded listings).
    package var totalGradedRelistings: Int { totalRelistingSlots[0..<gradeCount].reduce(0, +) }

    /// Listings with a state instead of a grade this year, per state of the plan.
    package var totalOutside: [Int] { Array(totalCounts[(gradeCount + 1)...]) }

    /// A grade-distribution table whose rows are the given policies (subtrees).
    package func distribution(rows policies: [Int]) -> GradeDistribution {
        GradeDistribution(
            rows: policies.map { policy in
                GradeDistribution.Row(
                    policy: policy, counts: Array(listingCounts[policy][0..<gradeCount]),
                    ungraded: listingCounts[policy][gradeCount], relisted: relistingSlots[policy][0...gradeCount].reduce(0, +),
                    gradedRelisted: relistingSlots[policy][0..<gradeCount].reduce(0, +),
                    outside: Array(listingCounts[policy][(gradeCount + 1)...]))
            },
            total: GradeDistribution.Row(
                policy: nil, counts: Array(totalCounts[0..<gradeCount]), ungraded: totalCounts[gradeCount],
                relisted: totalRelistingSlots[0...gradeCount].reduce(0, +), gradedRelisted: totalGradedRelistings,
                outside: totalOutside))
    }

    /// An expected-versus-actual table whose rows are the given policies (subtrees).
    package func effects(rows policies: [Int]) -> EffectSummary {
        EffectSummary(
            rows: policies.map { EffectSummary.Row(policy: $0, expected: expected[$0], actual: actual[$0]) },
            total: EffectSummary.Row(policy: nil, expected: totalExpected, actual: totalActual))
    }

    /// Money per kind: each kind's own subtree sums and totals, never one across kinds; a sum an
    /// approximate amount (「約…」) would be part of is nil (`EffectSums.withoutApproximate`).
    private static func effectSums(
        _ directByKind: [EffectKind?: ItemPass.Amounts], approximate approximateByKind: [EffectKind?: ItemPass.ApproximateMarks],
        plan: Plan,
        overflowed: inout Bool
    ) -> [EffectSums] {
        var effectSums: [EffectSums] = []
        for kind in EffectKind.ordered(directByKind.keys) {
            guard let direct = directByKind[kind] else { continue }
            let expected = subtreeSums(direct.expected, plan: plan) { $0 = sum($0, $1, &overflowed) }
            let actual = subtreeSums(direct.actual, plan: plan) { $0 = sum($0, $1, &overflowed) }
            var totalExpected: Money?
            var totalActual: Money?
            for index in plan.topLevelPolicies {
                totalExpected = sum(totalExpected, expected[index], &overflowed)
                totalActual = sum(totalActual, actual[index], &overflowed)
            }
            var sums = EffectSums(
                kind: kind, expected: expected, actual: actual, totalExpected: totalExpected, totalActual: totalActual,
                includesIncrease: direct.increase)
            if let marked = approximateByKind[kind] { sums = sums.withoutApproximate(marked, plan: plan) }
            effectSums.append(sums)
        }
        return effectSums
    }

    /// Each policy's figures with its whole subtree's added: children come after their parent in
    /// document order, so walking backwards adds a subtree into its parent before that parent is
    /// added into its own.
    private static func subtreeSums<Figures>(
        _ direct: [Figures], plan: Plan, adding add: (inout Figures, Figures) -> Void
    ) -> [Figures] {
        var sums = direct
        for index in stride(from: plan.policies.count - 1, through: 0, by: -1) {
            guard let parent = plan.policies[index].parent else { continue }
            let child = sums[index]
            add(&sums[parent], child)
        }
        return sums
    }

    /// Counts per slot added slot by slot.
    private static func addSlots(_ counts: inout [Int], _ more: [Int]) {
        for slot in counts.indices { counts[slot] += more[slot] }
    }

    /// The whole plan's counts per slot: its top-level policies' subtrees added up.
    private static func planTotals(_ counts: [[Int]], plan: Plan, slots: Int) -> [Int] {
        var totals = [Int](repeating: 0, count: slots)
        for index in plan.topLevelPolicies { addSlots(&totals, counts[index]) }
        return totals
    }

    static func sum(_ a: Money?, _ b: Money?, _ overflowed: inout Bool) -> Money? {
        guard let b else { return a }
        guard let a else { return b }
        guard let total = a.adding(b) else {
            overflowed = true
            return a
        }
        return total
    }
}

/// One kind's amounts of a year, summed over the items: per policy (its subtree) and in total.
package struct EffectSums: Sendable {
    package let kind: EffectKind?
    package let expected: [Money?]
    package let actual: [Money?]
    package let totalExpected: Money?
    package let totalActual: Money?
    /// True when an amount summed here was written as an increase (「…の増」).
    package let includesIncrease: Bool

    /// True when an amount of these policies' items is an approximate figure (「約…」): the sums
    /// it would be part of are nil.
    package var includesApproximate = false

    package init(
        kind: EffectKind?, expected: [Money?], actual: [Money?], totalExpected: Money?, totalActual: Money?,
        includesIncrease: Bool
    ) {
        self.kind = kind
        self.expected = expected
        self.actual = actual
        self.totalExpected = totalExpected
        self.totalActual = totalActual
        self.includesIncrease = includesIncrease
    }

    /// The sums with every one an approximate amount is part of taken out (nil): the amounts of
    /// `marked` policies' items, their parents' and the totals, column by column.
    func withoutApproximate(_ marked: (expected: Set<Int>, actual: Set<Int>), plan: Plan) -> EffectSums {
        // A parent comes before its children, so walking backwards reaches every ancestor.
        var expectedOut = marked.expected
        var actualOut = marked.actual
        for index in stride(from: plan.policies.count - 1, through: 0, by: -1) {
            guard let parent = plan.policies[index].parent else { continue }
            if expectedOut.contains(index) { expectedOut.insert(parent) }
            if actualOut.contains(index) { actualOut.insert(parent) }
        }
        var sums = EffectSums(
            kind: kind, expected: expected.enumerated().map { expectedOut.contains($0.offset) ? nil : $0.element },
            actual: actual.enumerated().map { actualOut.contains($0.offset) ? nil : $0.element },
            totalExpected: expectedOut.isEmpty ? totalExpected : nil, totalActual: actualOut.isEmpty ? totalActual : nil,
            includesIncrease: includesIncrease)
        sums.includesApproximate = true
        return sums
    }

    /// An expected-versus-actual table whose rows are the given policies (subtrees).
    package func effects(rows policies: [Int]) -> EffectSummary {
        EffectSummary(
            rows: policies.map { EffectSummary.Row(policy: $0, expected: expected[$0], actual: actual[$0]) },
            total: EffectSummary.Row(policy: nil, expected: totalExpected, actual: totalActual))
    }
}
