import Foundation
import MierukaTestSupport
import Testing

/// The plan's own KPIs (`plan_kpis:`) on the made-up plan in Tests/Fixtures/fidelity/plan-kpis:
/// every figure as written, provisional values marked, and a comparison with the target only
/// where it is exact, marked as Mieruka's.
@Suite struct PlanKPIFixtureTests {
    @Test func plansOwnKPIsAreShownAsWrittenAndComparedOnlyWhereExact() throws {
        let (result, site) = try FidelityFixtureTests.build("plan-kpis")
        #expect(result.status == 0, "\(result.standardError)")
        let plan = site.page("kpi-plan/index.html")
        #expect(plan.contains("<caption>主要目標 <span class=\"declared-mark\">町の公表値</span></caption>"))
        #expect(
            plan.contains(
                "<th scope=\"col\" class=\"num\">実績（令和3年度）</th>\n<th scope=\"col\" class=\"num\">実績（令和4年度）</th>\n<th scope=\"col\" class=\"num\">累計（令和2年度～令和4年度）</th>\n<th scope=\"col\" class=\"num\">進捗率・達成率（公表値）</th>\n<th scope=\"col\">目標との比較</th>"
            ))
        // Targets and actuals as written; the interim target and the provisional mark beside the value.
        #expect(plan.contains("<td class=\"num\">90%未満<br><small>（令和4年度）</small></td>"))
        #expect(plan.contains("<td class=\"num\">91.0%<br><small>（目標 92%）</small></td>"))
        #expect(plan.contains("<td class=\"num\">1億9,999万円<br><small class=\"provisional\">速報値</small></td>"))
        #expect(plan.contains("<td class=\"num\">31人</td>"))
        #expect(plan.contains("<td class=\"num\">103.3%（達成率）（令和2年度～令和4年度）</td>"))
        // 経常収支比率 met, 基金残高 provisional (not judged), 職員数 not an inequality,
        // 公債費比率 outside its 10%台 (which side is better is not written), 実質公債費比率 inside it,
        // 将来負担比率 written with a remark, 収納率 95パーセント ≥ 95%.
        let table = plan.components(separatedBy: "<table class=\"plan-kpi-table\">").dropFirst().first?
            .components(separatedBy: "</table>")[0] ?? ""
        let comparisons = table.components(separatedBy: "\n<td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
        #expect(comparisons == ["達成", "—", "—", "—", "達成", "—", "達成"])
        #expect(site.cells(plan, table: "plan-kpi-table", column: -1).first == "110.0%（進捗率）")
        #expect(plan.contains("「見込み」・「速報値」とある値は、町が確定値ではないとして公表したものです。"))
        #expect(plan.contains("目標との比較は町の公表値ではなく、"))
        let problems = site.pages().flatMap { FigureMarking.problems(in: $0.html, page: $0.path) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func theAuditCatchesAComparisonWithoutItsNote() {
        let unmarked = """
            <table class="plan-kpi-table">
            <caption>主要目標 <span class="declared-mark">町の公表値</span></caption>
            <thead><tr><th scope="col">目標との比較</th></tr></thead>
            <tbody><tr><td>達成</td></tr></tbody>
            </table>
            </div>
            </section>
            """
        #expect(FigureMarking.problems(in: unmarked, page: "x") == ["x: a plan-kpi-table (主要目標) without a note on what Mieruka computed"])
    }
}
