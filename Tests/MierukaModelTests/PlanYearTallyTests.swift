import MierukaDiagnostics
import MierukaModel
import Testing

/// Made-up plans (test data): two top-level policies, one with a sub-policy.
@Suite struct PlanYearTallyTests {
    let here = SourceLocation(file: "test")
    let year = FiscalYear(2024)

    func policy(_ id: String, level: Int, parent: Int?, children: [Int]) -> Policy {
        Policy(
            id: id, number: nil, title: id, description: nil, level: level, parent: parent, children: children, kpis: [],
            slug: id, location: here)
    }

    func item(_ number: String, listings: [(String, Int)], grade: Int?, effect: Effect? = nil) -> Item {
        Item(
            slug: number, title: number,
            listings: listings.enumerated().map { Listing(number: $1.0, policy: $1.1, isRelisting: $0 > 0) },
            departments: [], kpis: [],
            results: [
                YearResult(
                    year: year, grade: grade, progress: nil, factors: nil, nextSteps: nil, effect: effect, location: here)
            ], summary: nil, body: "", bodyLocation: here, location: here)
    }

    func plan(_ items: [Item]) -> Plan {
        Plan(
            slug: "p", city: "テスト市", title: "計画", subtitle: nil, period: FiscalYearRange(FiscalYear(2023), FiscalYear(2027)),
            yearStyle: .wareki, moneyUnit: .thousandYen,
            grades: GradeScale([Grade(code: "A", label: "a"), Grade(code: "B", label: "b")]), levelNames: [],
            policies: [
                policy("1", level: 0, parent: nil, children: [1]), policy("1-1", level: 1, parent: 0, children: []),
                policy("2", level: 0, parent: nil, children: []),
            ], items: items, declared: [], summary: nil, body: "", bodyLocation: here, order: 0, location: here)
    }

    @Test func relistingsCountUnderEachPolicyButMoneyOnlyOnce() {
        let tally = PlanYearTally(
            plan: plan([
                item("1", listings: [("1", 1), ("9", 2)], grade: 0, effect: Effect(expected: Money(yen: 1000), actual: Money(yen: 1500))),
                item("2", listings: [("2", 0)], grade: 1),
                item("3", listings: [("3", 2)], grade: nil, effect: Effect(expected: Money(yen: 500), actual: nil)),
            ]), year: year)
        // Policy 1 (with its sub-policy 1-1): item 1 graded A, item 2 graded B.
        #expect(tally.listingCounts[0] == [1, 1, 0])
        // Policy 2: item 1's relisting (A) and item 3 without grade.
        #expect(tally.listingCounts[2] == [1, 0, 1])
        #expect(tally.totalCounts == [2, 1, 1])
        #expect(tally.totalListings == 4)
        #expect(tally.totalRelistings == 1)
        // Item 1's money is under its primary listing (1-1, so policy 1) only.
        #expect(tally.expected[0] == Money(yen: 1000))
        #expect(tally.expected[2] == Money(yen: 500))
        #expect(tally.totalExpected == Money(yen: 1500))
        #expect(tally.totalActual == Money(yen: 1500))

        let table = tally.distribution(rows: [0, 2])
        #expect(table.rows.map(\.total) == [2, 2])
        #expect(table.total.relisted == 1)
        #expect(table.hasUngraded)
        let effects = tally.effects(rows: [0, 2])
        #expect(effects.total.rate?.formatted() == "100.0%")
    }

    /// 「全N項目（うち再掲M項目）」 counts graded listings, so its 再掲 must be the graded ones: an
    /// item listed twice but not graded this year is 未評価 under both policies, not a graded 再掲.
    @Test func relistingsAreCountedPerSlotSoGradedAndUngradedOnesCanBeToldApart() {
        let tally = PlanYearTally(
            plan: plan([
                item("1", listings: [("1", 1), ("9", 2)], grade: nil),
                item("2", listings: [("2", 0)], grade: 1),
                item("3", listings: [("3", 2), ("7", 0)], grade: 0),
            ]), year: year)
        #expect(tally.totalRelistings == 2)
        #expect(tally.totalRelistingSlots == [1, 0, 1])
        #expect(tally.totalGradedRelistings == 1)
        let table = tally.distribution(rows: [0, 2])
        // Policy 2 holds item 1's ungraded relisting: it is one of its 未評価 listings.
        #expect(table.rows[1].relisted == 1)
        #expect(table.rows[1].gradedRelisted == 0)
        #expect(table.total.gradedRelisted == 1)
    }
}
