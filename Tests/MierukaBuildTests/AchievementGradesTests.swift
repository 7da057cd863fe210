import Foundation
import MierukaTestSupport
import Testing

/// An achievement count tied to the plan's grades (`grades: [A, B]` on a count, as 大田原市's
/// 「完了及び順調」 is A and B): shown beside the count's words and spelled out under the table,
/// carried by `plan.json` and `achievements.csv`, and compared by `check` with the items' grades
/// only for a single year whose graded listings are all on the site. Built through the real
/// executable from the made-up fixture Tests/Fixtures/fidelity/achievement-grades.
@Suite struct AchievementGradesTests {
    @Test func aCountTiedToGradesIsShownAndInTheOpenData() throws {
        let (result, site) = try ReportedOpenDataTests.build(["achievement-grades"])
        #expect(result.status == 0, "\(result.standardError)")
        let page = site.page("test-plan/index.html")
        #expect(page.contains("<th scope=\"row\">計画どおり以上（A・B）</th>"))
        #expect(
            page.contains(
                "「計画どおり以上」は、計画の評価の「A 計画を上回る」と「B 概ね計画どおり」の項目の数です。件数と割合は市の公表値で、Mieruka が各項目の評価から数えたものではありません。"))
        #expect(page.contains("<th scope=\"row\">遅れ</th>"))

        let plan = try ReportedOpenDataTests.json(site, "test-plan")
        let counts = try #require((plan["achievements"] as? [[String: Any]])?.first?["counts"] as? [[String: Any]])
        // Written B, A: kept in the scale's order; a count not tied to grades has no key.
        #expect(counts[0]["grades"] as? [String] == ["A", "B"])
        #expect(counts[1]["grades"] == nil)

        let csv = try ReportedOpenDataTests.csv(site, "test-plan/data/achievements.csv")
        #expect(csv.map { $0["計画の評価"] } == ["A・B", "", "A・B"])
        #expect(csv.map { $0["件数"] } == ["1", "2", "3"])
        #expect(site.page("test-plan/data/index.html").contains("計画の評価"))
    }

    @Test func checkComparesOnlyAYearWhoseGradesAreAllOnTheSite() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/achievement-grades"), onto: work.path)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 0, "\(result.standardError)")
        let warnings = result.standardError.split(separator: "\n").filter { $0.contains("warning:") }
        // R6: the four graded listings are A, B, C, C, so 2 are A or B, not the published 1. The
        // span's count (3) is the city's evaluation of the span, and is not compared.
        #expect(
            warnings == [
                "content/test-plan/_index.md:57:9: warning: the achievement count 「取組の達成状況」, 計画どおり以上: the published count is 1, but 2 of the 4 listings graded in the items are graded A・B"
            ])
    }

    @Test func aPlanWithoutTiedCountsKeepsItsAchievementColumns() throws {
        let (result, site) = try ReportedOpenDataTests.build(["reported-figures"])
        #expect(result.status == 0, "\(result.standardError)")
        let header = try #require(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: site.root + "/money-plan/data/achievements.csv")), as: UTF8.self)
                .split(separator: "\r\n").first)
        #expect(!header.contains("計画の評価"))
    }
}
