import MierukaDiagnostics
import MierukaModel
import Testing

/// Made-up revisions (test data): how a plan's declared revisions decide what the plan was in a year.
@Suite struct PlanRevisionTests {
    let here = SourceLocation(file: "test")

    func point(_ value: Int) -> KPIPoint {
        KPIPoint(years: nil, value: KPIValue(number: DecimalNumber(units: Int64(value), scale: 0), text: nil))
    }

    func revision(_ year: Int, items: [RevisedItem] = [], targets: [TargetRevision] = [], period: PeriodChange? = nil) -> PlanRevision {
        PlanRevision(
            year: FiscalYear(year), date: nil, title: nil, note: nil, source: nil, period: period, itemCount: nil, items: items,
            targets: targets, location: here)
    }

    func entry(_ kind: RevisedItem.Kind, _ item: Int?) -> RevisedItem {
        RevisedItem(kind: kind, item: item, title: "t", number: item.map(String.init), reason: nil, location: here)
    }

    @Test func anItemIsInThePlanFromTheYearItWasAddedAndUntilTheYearItWasTakenOut() {
        let revisions = PlanRevisions([
            revision(2025, items: [entry(.added, 0), entry(.deleted, 1), entry(.finished, nil)]),
            revision(2027, items: [entry(.finished, 0)]),
        ])
        #expect(!revisions.isInPlan(0, in: FiscalYear(2024)))
        #expect(revisions.isInPlan(0, in: FiscalYear(2025)))
        #expect(revisions.isInPlan(0, in: FiscalYear(2026)))
        #expect(!revisions.isInPlan(0, in: FiscalYear(2027)))
        #expect(revisions.isInPlan(1, in: FiscalYear(2024)))
        #expect(!revisions.isInPlan(1, in: FiscalYear(2025)))
        // An item no revision names is in the plan every year.
        #expect(revisions.isInPlan(2, in: FiscalYear(2020)))
        #expect(revisions.addedYear(of: 0) == FiscalYear(2025))
        #expect(revisions.removal(of: 0)?.kind == .finished)
        #expect(revisions.removal(of: 1)?.year == FiscalYear(2025))
        #expect(revisions.revisions(in: FiscalYear(2025)).count == 1)
        #expect(revisions.revisions(in: FiscalYear(2026)).isEmpty)
    }

    @Test func thePeriodInForceIsTheOneBeforeTheFirstExtensionUntilItHolds() {
        let first = FiscalYearRange(FiscalYear(2020), FiscalYear(2024))
        let extended = FiscalYearRange(FiscalYear(2020), FiscalYear(2025))
        let revisions = PlanRevisions([revision(2025, period: PeriodChange(before: first, after: extended))])
        #expect(revisions.period(in: FiscalYear(2022)) == first)
        #expect(revisions.period(in: FiscalYear(2024)) == first)
        #expect(revisions.period(in: FiscalYear(2025)) == extended)
        #expect(PlanRevisions([revision(2025, items: [entry(.added, 0)])]).period(in: FiscalYear(2025)) == nil)
    }

    @Test func aYearIsComparedWithTheTargetInForceThatYear() {
        let revisions = PlanRevisions([
            revision(2026, targets: [TargetRevision(item: 0, kpi: 0, before: point(60), after: point(70), reason: nil, location: here)]),
            revision(2024, targets: [TargetRevision(item: 0, kpi: 0, before: point(50), after: point(60), reason: nil, location: here)]),
        ])
        let current = point(70)
        #expect(revisions.target(item: 0, kpi: 0, in: FiscalYear(2023), current: current) == point(50))
        #expect(revisions.target(item: 0, kpi: 0, in: FiscalYear(2024), current: current) == point(60))
        #expect(revisions.target(item: 0, kpi: 0, in: FiscalYear(2025), current: current) == point(60))
        #expect(revisions.target(item: 0, kpi: 0, in: FiscalYear(2026), current: current) == point(70))
        // Another KPI, never revised: its own target.
        #expect(revisions.target(item: 0, kpi: 1, in: FiscalYear(2023), current: point(5)) == point(5))
        // 進捗率 against the target in force: (30 − 10) ÷ (50 − 10), not ÷ (70 − 10).
        let kpi = KPI(
            id: "k", name: "k", unit: "", direction: .increase, baseline: point(10), target: current, actuals: [], note: nil,
            location: here)
        let actual = KPIActual(year: FiscalYear(2023), value: point(30).value, grade: nil, location: here)
        #expect(kpi.withTarget(revisions.target(item: 0, kpi: 0, in: FiscalYear(2023), current: current)).progress(of: actual)?.formatted() == "50.0%")
        #expect(kpi.progress(of: actual)?.formatted() == "33.3%")
    }

    @Test func aYearsCountsLeaveOutItemsNotInThePlanThatYear() {
        let grades = GradeScale([Grade(code: "A", label: "a"), Grade(code: "B", label: "b")])
        func item(_ number: String, _ results: [(Int, Int?)]) -> Item {
            Item(
                slug: number, title: number, listings: [Listing(number: number, policy: 0, isRelisting: false)], departments: [],
                kpis: [],
                results: results.map {
                    YearResult(year: FiscalYear($0.0), grade: $0.1, progress: nil, factors: nil, nextSteps: nil, effect: nil, location: here)
                }, summary: nil, body: "", bodyLocation: here, location: here)
        }
        var plan = Plan(
            slug: "p", city: "テスト市", title: "計画", subtitle: nil, period: FiscalYearRange(FiscalYear(2023), FiscalYear(2027)),
            yearStyle: .wareki, moneyUnit: .thousandYen, grades: grades, levelNames: [],
            policies: [Policy(id: "1", number: nil, title: "1", description: nil, level: 0, parent: nil, children: [], kpis: [], slug: "1", location: here)],
            items: [item("1", [(2024, 0), (2025, 1)]), item("2", []), item("3", [(2024, 1)])], declared: [], summary: nil, body: "",
            bodyLocation: here, order: 0, location: here)
        // Without revisions, item 2 (added in 2025) would be 未評価 in 2024.
        #expect(PlanYearTally(plan: plan, year: FiscalYear(2024)).totalUngraded == 1)
        plan.revisions = PlanRevisions([revision(2025, items: [entry(.added, 1), entry(.deleted, 2)])])
        let before = PlanYearTally(plan: plan, year: FiscalYear(2024))
        #expect(before.totalCounts == [1, 1, 0])
        let after = PlanYearTally(plan: plan, year: FiscalYear(2025))
        // Item 2 is in the plan and not graded; item 3 is out of it, not even 未評価.
        #expect(after.totalCounts == [0, 1, 1])
        #expect(after.totalListings == 2)
    }
}
