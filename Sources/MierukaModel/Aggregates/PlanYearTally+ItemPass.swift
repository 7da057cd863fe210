extension PlanYearTally {
    /// The one pass over a year's items in which every count and sum of a `PlanYearTally` starts:
    /// what each policy's own listings give, before its subtree's are added. Its state changes
    /// only in `add(_:result:)`.
    struct ItemPass {
        /// One kind's amounts per policy, and whether one of them was written as an increase.
        typealias Amounts = (expected: [Money?], actual: [Money?], increase: Bool)
        /// The policies with an approximate amount (「約…」) in each column.
        typealias ApproximateMarks = (expected: Set<Int>, actual: Set<Int>)

        let gradeCount: Int
        let policyCount: Int
        /// Slots per policy: one per grade, then 未評価 (no grade), then one per state of the plan.
        let slots: Int
        /// Per policy: its own listings per slot.
        private(set) var counts: [[Int]]
        /// Per policy: its own 再掲 listings per slot.
        private(set) var relistings: [[Int]]
        /// Per policy: its own listings whose grade the report gives but could not be read.
        private(set) var unreadable: [Int]
        /// Per kind, the amounts of each policy's items (an item's under its primary listing).
        private(set) var amountsByKind: [EffectKind?: Amounts] = [:]
        /// Per kind, the policies with an approximate amount in a column: no sum there.
        private(set) var approximateByKind: [EffectKind?: ApproximateMarks] = [:]
        /// Distinct items with a result this year.
        private(set) var itemsWithResult = 0
        /// True when an amount did not fit into a sum.
        private(set) var overflowed = false

        init(plan: Plan) {
            gradeCount = plan.grades.count
            policyCount = plan.policies.count
            slots = plan.grades.count + 1 + plan.states.count
            counts = [[Int]](repeating: [Int](repeating: 0, count: slots), count: policyCount)
            relistings = counts
            unreadable = [Int](repeating: 0, count: policyCount)
        }

        /// An item of the plan as it stands this year, with its result this year (nil when none).
        mutating func add(_ item: Item, result: YearResult?) {
            if result != nil { itemsWithResult += 1 }
            count(item.listings, result: result)
            guard let policy = item.primaryPolicy, policy < policyCount else { return }
            for effect in result?.effects ?? [] where !effect.isEmpty { add(effect, to: policy) }
        }

        /// Grades are counted per listing, as the cities count them (再掲 under each policy).
        private mutating func count(_ listings: [Listing], result: YearResult?) {
            if result?.gradeUnreadable != nil {
                // Graded by the report, but unreadable: in no count, and said so under the tables.
                for listing in listings where listing.policy < policyCount { unreadable[listing.policy] += 1 }
                return
            }
            let slot = result?.grade ?? result?.state.map { gradeCount + 1 + $0 } ?? gradeCount
            for listing in listings where listing.policy < policyCount {
                counts[listing.policy][slot] += 1
                if listing.isRelisting { relistings[listing.policy][slot] += 1 }
            }
        }

        /// Each kind into its own sums: an item's 単年度 and 継続 amounts are never added together.
        private mutating func add(_ effect: Effect, to policy: Int) {
            if effect.hasApproximate {
                var marked = approximateByKind[effect.kind] ?? ([], [])
                if effect.expectedApproximate != nil { marked.expected.insert(policy) }
                if effect.actualApproximate != nil { marked.actual.insert(policy) }
                approximateByKind[effect.kind] = marked
            }
            // Added in place: taking the kind's amounts out and putting them back copied both
            // arrays for every amount (and looked the kind up twice).
            let policyCount = policyCount
            Self.add(
                effect, at: policy, to: &amountsByKind[effect.kind, default: Self.noAmounts(policyCount)], overflowed: &overflowed)
        }

        /// A kind's amounts before its first one: none under any policy.
        private static func noAmounts(_ policyCount: Int) -> Amounts {
            ([Money?](repeating: nil, count: policyCount), [Money?](repeating: nil, count: policyCount), false)
        }

        private static func add(_ effect: Effect, at policy: Int, to amounts: inout Amounts, overflowed: inout Bool) {
            if effect.hasIncrease { amounts.increase = true }
            amounts.expected[policy] = PlanYearTally.sum(amounts.expected[policy], effect.expected, &overflowed)
            amounts.actual[policy] = PlanYearTally.sum(amounts.actual[policy], effect.actual, &overflowed)
        }
    }
}
