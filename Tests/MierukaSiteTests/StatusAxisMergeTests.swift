import MierukaDiagnostics
import MierukaModel
import MierukaSite
import MierukaTestSupport
import Testing

/// A plan's status axes (`axes:`) and results' values on them, merged and checked.
@Suite struct StatusAxisMergeTests {
    static let axes = """
        axes:
          - id: start
            name: 着手状況
            grades: [未着手, 取組中, 完了]
            graded_by: 自己評価
          - name: 達成度
            grades:
              - {code: A, label: 達成}
              - {code: B, label: 未達成}
            states: [目標年度が未到来]
            grade_order: best_first
            grade_share: {grades: [A], label: 「達成」}

        """

    func merge(plan: String = InMemorySite.plan, _ extra: [String: String]) -> (MergedSite?, Diagnostics) {
        InMemorySite.merge(["mieruka.yml": InMemorySite.config, "content/p/_index.md": plan].merging(extra) { $1 })
    }

    var planWithAxes: String { InMemorySite.plan.replacingOccurrences(of: "policies:\n", with: Self.axes + "policies:\n") }

    @Test func axesAreMergedWithTheirOwnScalesAndResultsGiveValuesOnThem() throws {
        let (merged, diagnostics) = merge(
            plan: planWithAxes,
            [
                "content/p/a.md": InMemorySite.item("1", extra: "results:\n  - {year: R5, grade: A, axes: {着手状況: 取組中, 達成度: 目標年度が未到来}}\n"),
                "seeds/p/r6.yml": "plan: p\nyear: R6\nresults:\n  - item: 1\n    axes: {start: 完了, 達成度: {grade: Ａ, graded_by: 委員会評価}}\n",
            ])
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        let plan = try #require(merged?.site.plans.first)
        #expect(plan.axes.map(\.name) == ["着手状況", "達成度"])
        #expect(plan.axes.map(\.key) == ["start", "達成度"])
        #expect(plan.axes[0].grades.grades.map(\.hasCode) == [false, false, false])
        #expect(plan.axes[0].gradedBy == "自己評価")
        #expect(plan.axes[1].grades.isRanked)
        #expect(plan.axes[1].gradeShare?.grades == [0])
        let item = try #require(plan.items.first)
        #expect(item.results[0].grade == 0)
        #expect(item.results[0].axisValues == [AxisValue(axis: 0, grade: 1, state: nil), AxisValue(axis: 1, grade: nil, state: 0)])
        // A result may give values on axes and no grade; full-width Ａ is A; who graded is kept.
        #expect(item.results[1].grade == nil)
        #expect(
            item.results[1].axisValues
                == [AxisValue(axis: 0, grade: 2, state: nil), AxisValue(axis: 1, grade: 0, state: nil, gradedBy: "委員会評価")])
    }

    @Test func theProjectionCountsAnAxisByTheRulesOfTheGrades() throws {
        let (merged, diagnostics) = merge(
            plan: planWithAxes,
            [
                "content/p/a.md": InMemorySite.item("1", extra: "relisted:\n  - {number: 9, policy: \"2\"}\n"),
                "content/p/b.md": InMemorySite.item("2"),
                "content/p/c.md": InMemorySite.item("3", policy: "2"),
                "seeds/p/r6.yml": """
                    plan: p
                    year: R6
                    results:
                      - {item: 1, grade: A, axes: {start: 完了, 達成度: B}}
                      - {item: 2, grade: B, axes: {start: 完了, 達成度: 目標年度が未到来}}
                      - {item: 3, grade: B}

                    """,
            ])
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        let plan = try #require(merged?.site.plans.first)
        let start = plan.projected(onto: 0)
        #expect(start.grades.grades.map(\.label) == ["未着手", "取組中", "完了"])
        #expect(start.items.map(\.number) == plan.items.map(\.number), "the same items in the same order")
        let tally = PlanYearTally(plan: start, year: FiscalYear(2024))
        // 未着手, 取組中, 完了, then 未評価 (item 3 has a result but no value on the axis): item 1 counts twice (再掲).
        #expect(tally.totalCounts == [0, 0, 3, 1])
        let achievement = PlanYearTally(plan: plan.projected(onto: 1), year: FiscalYear(2024))
        // A, B, 未評価, 目標年度が未到来 (a state: outside the counts).
        #expect(achievement.totalCounts == [0, 2, 1, 1])
        #expect(achievement.totalGraded == 2)
        #expect(plan.projected(onto: 1).gradeShare?.label == "「達成」")
        #expect(start.declared.isEmpty && start.axes.isEmpty)
    }

    @Test func wrongAxesAndValuesAreErrorsAtTheirPlace() {
        let plan = planWithAxes.replacingOccurrences(
            of: "policies:\n",
            with: "  - {id: start, name: 別名, grades: [x, y]}\n  - {name: 空, grades: []}\n  - {id: \"a b\", name: 三, grades: [x, y]}\npolicies:\n")
        let (_, diagnostics) = merge(
            plan: plan,
            [
                "content/p/a.md": InMemorySite.item("1"),
                "seeds/p/r6.yml": "plan: p\nyear: R6\nresults:\n  - {item: 1, axes: {start: 済, 達成: A, 達成度: C}}\n",
            ])
        let errors = diagnostics.errors.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(errors.contains { $0.hasSuffix("the status axis \"start\" is declared twice") })
        #expect(errors.contains { $0.hasSuffix("the status axis id \"a b\" cannot be used in a page's anchors") })
        #expect(errors.contains("4:29 \"済\" is not on the scale of the status axis 「着手状況」 (未着手, 取組中, 完了)"))
        #expect(errors.contains("4:32 the plan p has no status axis \"達成\""))
        #expect(errors.contains("4:44 \"C\" is not on the scale of the status axis 「達成度」 (A, B)"))
        #expect(diagnostics.errors.first { $0.message.contains("has no status axis") }?.hint?.hasPrefix("did you mean \"達成度\"?") == true)
    }

    /// A code that is not on an axis's scale, in the axis's `grade_share:` or in its published
    /// counts (`declared: axes:`), is reported naming the axis, not "the plan's scale"; the plan's
    /// own scale is still called the plan's.
    @Test func aCodeOffAnAxissScaleIsReportedWithTheAxissName() {
        let plan = planWithAxes.replacingOccurrences(of: "grade_share: {grades: [A], label: 「達成」}", with: "grade_share: {grades: [Z], label: 「達成」}")
            .replacingOccurrences(
                of: "policies:\n",
                with: """
                    declared:
                      - year: R6
                        grade_total: {A: 1, B: 1, Q: 0}
                        axes:
                          - {axis: 達成度, grade_total: {A: 1, X: 2}}
                    policies:

                    """)
        let (_, diagnostics) = merge(plan: plan, ["content/p/a.md": InMemorySite.item("1")])
        let messages = diagnostics.errors.map(\.message)
        #expect(messages.contains("grade \"Z\" is not on the scale of the status axis 「達成度」 (A, B)"), "\(messages)")
        #expect(messages.contains("grade \"X\" is not on the scale of the status axis 「達成度」 (A, B)"), "\(messages)")
        #expect(messages.contains("grade \"Q\" is not on the plan's scale (A, B, C)"), "\(messages)")
        #expect(!messages.contains { $0.contains("\"Z\" is not on the plan's scale") || $0.contains("\"X\" is not on the plan's scale") })
    }

    @Test func valuesOnAxesNeedAPlanThatDeclaresThem() {
        let (merged, diagnostics) = merge([
            "content/p/a.md": InMemorySite.item("1"),
            "seeds/p/r6.yml": "plan: p\nyear: R6\nresults:\n  - {item: 1, grade: A, axes: {着手状況: 完了}}\n",
        ])
        #expect(diagnostics.errors.map(\.message) == ["the plan p declares no status axes, but the result gives \"着手状況\""])
        #expect(merged?.site.plans.first?.items.first?.results.isEmpty == true, "no partial result is kept")
    }

    @Test func anAxisWithoutANameOrGradesIsReported() {
        let plan = InMemorySite.plan.replacingOccurrences(of: "policies:\n", with: "axes:\n  - {id: start}\npolicies:\n")
        let (_, diagnostics) = merge(plan: plan, [:])
        let messages = diagnostics.errors.map(\.message)
        #expect(messages.contains("a status axis has no \"name\""))
        #expect(messages.contains("a status axis has no \"grades\""))
    }

    @Test func whoGradedTheGradeIsKeptAndNeedsAGrade() throws {
        let plan = InMemorySite.plan.replacingOccurrences(of: "policies:\n", with: "graded_by: 内部評価\npolicies:\n")
        let (merged, diagnostics) = merge(
            plan: plan,
            [
                "content/p/a.md": InMemorySite.item("1"),
                "content/p/b.md": InMemorySite.item("2"),
                "seeds/p/r6.yml": "plan: p\nyear: R6\nresults:\n  - {item: 1, grade: A, graded_by: 委員会評価}\n  - {item: 2, graded_by: 自己評価}\n",
            ])
        #expect(diagnostics.errors.map { "\($0.location.line):\($0.location.column) \($0.message)" } == ["5:26 the result says who graded (自己評価), but gives no grade"])
        let site = try #require(merged?.site.plans.first)
        #expect(site.gradedBy == "内部評価")
        #expect(site.items.first?.results.first?.gradedBy == "委員会評価")
    }
}
