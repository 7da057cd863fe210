import MierukaDiagnostics
import MierukaModel
import MierukaSite
import MierukaTestSupport
import Testing

/// Merging a plan's `revisions:` (made-up plans): targets and periods chained to where the plan
/// stands now, each item added or taken out once.
@Suite struct RevisionMergeTests {
    func merge(revisions: String, items: [String: String] = [:]) -> (MergedSite?, Diagnostics) {
        let plan = InMemorySite.plan.replacingOccurrences(of: "---\n本文", with: "revisions:\n\(revisions)---\n本文")
        return InMemorySite.merge(
            ["mieruka.yml": InMemorySite.config, "content/p/_index.md": plan].merging(items) { $1 })
    }

    let kpiItem = InMemorySite.item("1", extra: "kpis:\n  - {id: k, name: 件数, unit: 件, target: 30件}\n")

    @Test func revisedTargetsChainToTheKPIsTarget() throws {
        let (merged, diagnostics) = merge(
            revisions: """
                  - year: R6
                    targets:
                      - {item: 1, before: 10件, after: 20件}
                  - year: R8
                    targets:
                      - {item: 1, kpi: k, before: 20件, after: 30件}

                """, items: ["content/p/a.md": kpiItem])
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        let plan = try #require(merged?.site.plans.first)
        let current = plan.items[0].kpis[0].target
        #expect(plan.revisions.target(item: 0, kpi: 0, in: FiscalYear(2023), current: current)?.value.number == DecimalNumber(10))
        #expect(plan.revisions.target(item: 0, kpi: 0, in: FiscalYear(2025), current: current)?.value.number == DecimalNumber(20))
        #expect(plan.revisions.target(item: 0, kpi: 0, in: FiscalYear(2026), current: current)?.value.number == DecimalNumber(30))
    }

    @Test func aKPITargetThatIsNotTheLastRevisedOneIsAnError() {
        let (_, diagnostics) = merge(
            revisions: """
                  - year: R6
                    targets:
                      - {item: 1, before: 10件, after: 20件}
                  - year: R8
                    targets:
                      - {item: 1, before: 25件, after: 40件}

                """, items: ["content/p/a.md": kpiItem])
        #expect(
            diagnostics.errors.map(\.message) == [
                "the KPI \"件数\" of the item 1 has the target 30件, but its last revision sets 40件"
            ])
        // The chain's own contradiction, between two published figures, is a warning.
        #expect(diagnostics.all.filter { $0.severity == .warning }.map(\.message) == [
            "the target before this revision is published as 25件, but the revision before it set 20件"
        ])
    }

    @Test func anItemIsAddedOnceAndTakenOutOnce() {
        let (_, diagnostics) = merge(
            revisions: """
                  - year: R6
                    added: [1]
                    deleted: [2]
                  - year: R7
                    added: [1]
                    finished: [2]

                """,
            items: ["content/p/a.md": InMemorySite.item("1"), "content/p/b.md": InMemorySite.item("2")])
        #expect(
            diagnostics.errors.map(\.message).sorted() == [
                "the item 1 is added by two revisions", "the item 2 is taken out of the plan by two revisions",
            ])
    }

    @Test func twoRevisionsFromOneYearAreAnError() {
        let (_, diagnostics) = merge(
            revisions: """
                  - year: R6
                    deleted: [{title: 甲}]
                  - year: 令和6年度
                    added: [{title: 乙}]

                """)
        #expect(diagnostics.errors.map(\.message) == ["the plan has two revisions holding from 令和6年度"])
    }
    /// A rescheduled item stays in the plan: its years are read as if the revision did not move it.
    @Test func aRescheduledItemStaysInThePlanWithItsYearsAndNumber() throws {
        let (merged, diagnostics) = merge(
            revisions: """
                  - year: R6
                    rescheduled:
                      - {item: 1, number: 1-(1)-(1), from: R6, to: R7, reason: 調整のため}
                      - {title: 甲, number: 2-(1)-(3), part: 9.乙, from: R6, to: R8}

                """, items: ["content/p/a.md": InMemorySite.item("1")])
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        let plan = try #require(merged?.site.plans.first)
        let moves = try #require(plan.revisions.revisions.first).items(.rescheduled)
        #expect(moves.map(\.item) == [0, nil])
        #expect(moves.map(\.referenceNumber) == ["1-(1)-(1)", "2-(1)-(3)"])
        #expect(moves.map(\.part) == [nil, "9.乙"])
        #expect(moves.map(\.move) == [
            ScheduleMove(from: FiscalYear(2024), to: FiscalYear(2025)), ScheduleMove(from: FiscalYear(2024), to: FiscalYear(2026)),
        ])
        for year in 2023...2027 { #expect(plan.revisions.isInPlan(0, in: FiscalYear(year))) }
        #expect(plan.revisions.addedYear(of: 0) == nil && plan.revisions.removal(of: 0) == nil)
    }

    @Test func aMoveOfAnItemOutOfThePlanOrListedTwiceIsAnError() {
        let (_, diagnostics) = merge(
            revisions: """
                  - year: R6
                    deleted: [2]
                  - year: R7
                    added: [3]
                    rescheduled:
                      - {item: 1, from: R7, to: R8}
                      - {item: 1, from: R7, to: R9}
                      - {item: 1, part: 一部, from: R7, to: R9}
                      - {item: 2, from: R7, to: R8}
                      - {item: 3, from: R7, to: R8}
                  - year: R5
                    rescheduled:
                      - {item: 3, from: R5, to: R6}

                """,
            items: [
                "content/p/a.md": InMemorySite.item("1"), "content/p/b.md": InMemorySite.item("2"),
                "content/p/c.md": InMemorySite.item("3"),
            ])
        #expect(
            diagnostics.errors.map(\.message) == [
                "the item 1 is rescheduled twice by the same revision",
                "the item 3 is rescheduled by the revision that also adds, deletes or finishes it",
                "the revision of 令和5年度 reschedules the item 3, which the revision of 令和7年度 adds to the plan later",
                "the revision of 令和7年度 reschedules the item 2, which is out of the plan from 令和6年度",
            ])
    }
}
