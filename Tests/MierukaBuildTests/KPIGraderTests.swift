import Foundation
import MierukaTestSupport
import Testing

/// Who gave a KPI's own grade (佐渡市: the 部局長's 自己評価 per target, beside the committee's
/// grades of the plan), in an item's `actuals:` and in a result's `kpis:` (made-up values in
/// Tests/Fixtures/fidelity/kpi-graders*, over the status axes fixture).
@Suite struct KPIGraderTests {
    /// The base fixture with the status axes fixture and `overlay` over it (as `AxisGraderColumnTests` builds it).
    static func build(_ overlay: String, command: [String] = ["build"]) throws -> (result: CommandRunner.Result, site: BuiltSite) {
        try AxisGraderColumnTests.build(overlay, command: command)
    }

    @Test func theKPITableSaysWhoGaveEachGrade() throws {
        let (result, site) = try Self.build("kpi-graders")
        #expect(result.status == 0, "\(result.standardError)")
        // In the item's actuals: B, given by 自己評価, while the plan's own grades are 内部評価.
        let item1 = site.page("test-plan/001/index.html")
        #expect(
            item1.contains(
                "<td class=\"num\">20.0%<br><span class=\"grade grade-unranked\"><span class=\"grade-code\">B</span> <span class=\"grade-label\">概ね計画どおり</span></span><br><small class=\"graded-by\">（自己評価）</small></td>"
            ))
        // In a result's kpis: D for 65分, given by 自己評価.
        let item2 = site.page("test-plan/002/index.html")
        #expect(item2.contains("<span class=\"grade-label\">進捗がほぼなし</span></span><br><small class=\"graded-by\">（自己評価）</small></td>"))
        // A grade without graded_by says nothing of who gave it (the plan's 内部評価 is about items).
        let base = try Self.build("status-axes-graders")
        #expect(!base.site.page("test-plan/002/index.html").contains("<small class=\"graded-by\">"))
    }

    @Test func aGraderWithoutAGradeIsAnErrorAtIt() throws {
        let (result, _) = try Self.build("kpi-graders-invalid", command: ["check"])
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "content/test-plan/items/001.md:16:44: error: a KPI actual says who graded it (\"自己評価\"), but it has no grade"))
        #expect(result.standardError.contains("hint: add grade: with the grade that was given, or leave graded_by: out"))
    }
}
