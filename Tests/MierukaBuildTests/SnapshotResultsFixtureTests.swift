import Foundation
import MierukaTestSupport
import Testing

/// Several published tables in one year, one per point (`declared:` with `as_of:`), and items'
/// results at a point (`as_of:` in a results file), on the made-up plan in
/// Tests/Fixtures/fidelity/snapshot-results: each shown at its point, never as the year's, counted
/// and compared only with figures at the same point.
@Suite struct SnapshotResultsFixtureTests {
    @Test func eachPointOfAYearHasItsOwnTableInTheYearsOrder() throws {
        let (result, site) = try FidelityFixtureTests.build("snapshot-results")
        #expect(result.status == 0, "\(result.standardError)")
        let report = site.page("test-plan/reports/2024/index.html")
        // The year's end is the year's table.
        #expect(report.contains("<caption>評価の分布（令和6年度・公表値）"))
        // Each point apart, in the order of the year: 6月末, then 9月末.
        let june = try #require(report.range(of: "<caption>評価の分布（令和6年度・6月末時点・公表値）"))
        let september = try #require(report.range(of: "<caption>評価の分布（令和6年度・9月末時点・公表値）"))
        #expect(june.lowerBound < september.lowerBound)
        #expect(report.contains("<h2 id=\"snapshots\">年度途中の時点の評価</h2>"))
        #expect(report.contains("<h3 id=\"snapshot-6\">令和6年度・6月末時点</h3>"))
        #expect(report.contains("<h3 id=\"snapshot-9\">令和6年度・9月末時点</h3>"))
        // The year's own counts stay the year's end's (A2 B6 C2 D0), never merged with a point's.
        #expect(report.contains("全10項目（うち再掲1項目）の取組のうち、2項目が「計画を上回る」、6項目が「概ね計画どおり」"))
        let problems = site.pages().flatMap { FigureMarking.problems(in: $0.html, page: $0.path) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func itemsResultsAtAPointAreCountedAtThatPointOnly() throws {
        let (result, site) = try FidelityFixtureTests.build("snapshot-results")
        #expect(result.status == 0, "\(result.standardError)")
        let report = site.page("test-plan/reports/2024/index.html")
        // Mieruka's count of the results at 9月末 (items 1 C, 2 B, 3 B), marked as its own.
        #expect(report.contains("<caption>評価の分布（令和6年度・9月末時点）"))
        #expect(
            report.contains(
                "この表は、掲載している取組項目の9月末時点の評価を Mieruka が数えた集計で、市の公表値でも年度末の数値でもありません。"))
        // The year's end results are unchanged by them: item 1 is B at the year's end.
        let item = site.page("test-plan/001/index.html")
        let atPoint = try #require(item.range(of: "<h3>令和6年度・9月末時点"))
        let yearEnd = try #require(item.range(of: "<h3>令和6年度 "))
        // Latest first: the year's end, then its 9月末.
        #expect(yearEnd.lowerBound < atPoint.lowerBound)
        #expect(item.contains("申請の受付を準備している。"))
        // The effect at 9月末 (200 / 100) is shown under its point, but the effects by year hold the
        // year's-end amounts only (200 / 900).
        let effects = site.page("test-plan/003/index.html")
        #expect(effects.contains("<p class=\"effect\">効果見込額 200千円、実績効果額 100千円</p>"))
        #expect(site.cells(effects, table: "effect-by-year", column: 1) == ["900"])
        // The open data carries the point: a 時点 column, and `snapshots` in plan.json.
        let csv = site.page("test-plan/data/results.csv")
        #expect(csv.contains("計画,年度,和暦年度,時点,番号,"))
        #expect(csv.contains("test-plan,2024,令和6年度,9月末,1,窓口のオンライン化 <テスト>,C,計画どおり進捗せず,申請の受付を準備している。,"))
        let json = site.page("test-plan/data/plan.json")
        #expect(json.contains("\"snapshots\":[{\"year\":2024,\"as_of\":{\"text\":\"9月末\",\"month\":9,\"day\":null},\"grade\":\"C\""))
        // The year's published tables at its other points follow the year's own, each with its point.
        #expect(json.contains("\"published_at_points\":[{\"as_of\":{\"text\":\"6月末\",\"month\":6,\"day\":null}"))
    }

    /// A year with results at a point only (R7 at 8月末) has its report page, with that point's
    /// count and no table of the year: the results are never taken for the year's.
    @Test func aYearWithResultsAtAPointOnlyHasThemAndNoYearTable() throws {
        let (result, site) = try FidelityFixtureTests.build("snapshot-results")
        #expect(result.status == 0, "\(result.standardError)")
        let report = site.page("test-plan/reports/2025/index.html")
        #expect(report.contains("<h3 id=\"snapshot-8\">令和7年度・8月末時点</h3>"))
        #expect(report.contains("<caption>評価の分布（令和7年度・8月末時点）"))
        #expect(!report.contains("<caption>評価の分布（令和7年度）"))
        #expect(!report.contains("report-summary"))
        // The item's page links to that part of the report, and the link is checked.
        #expect(site.page("test-plan/003/index.html").contains("reports/2025/#snapshots"))
        #expect(site.page("test-plan/data/results.csv").contains("test-plan,2025,令和7年度,8月末,3,基金の確保,B,"))
        let check = try FidelityFixtureTests.build("snapshot-results", command: ["check"]).result
        #expect(check.status == 0, "\(check.standardError)")
    }

    /// A status axis checked at a point (大阪市's 取組の進捗状況 at 8月末) beside grades at the year's
    /// end: fidelity/snapshot-axes laid over fidelity/status-axes.
    @Test func anAxisCheckedAtAPointIsCountedAndShownAtThatPoint() throws {
        let work = TemporaryDirectory()
        for folder in ["base", "fidelity/status-axes", "fidelity/snapshot-axes"] {
            try FileTree.overlay(Fixtures.path(folder), onto: work.path)
        }
        let result = try CommandRunner.mieruka(["build"], in: work.path)
        #expect(result.status == 0, "\(result.standardError)")
        let site = BuiltSite(root: work.path + "/public", work: work)
        let report = site.page("test-plan/reports/2024/index.html")
        // The axis's published counts are at 8月末 only: its section shows them at that point.
        #expect(report.contains("<caption>着手状況の分布（令和6年度・8月末時点・公表値）"))
        #expect(!report.contains("<caption>着手状況の分布（令和6年度・公表値）"))
        // Mieruka's count of the items' 着手状況 at 8月末, apart from the year's-end count.
        #expect(report.contains("<caption>着手状況の分布（令和6年度・8月末時点）"))
        #expect(report.contains("<caption>着手状況の分布（令和6年度）"))
        // The grades stay the year's end's.
        #expect(report.contains("<caption>評価の分布（令和6年度・公表値）"))
        #expect(!report.contains("評価の分布（令和6年度・8月末時点"))
        #expect(site.page("test-plan/001/index.html").contains("<h3>令和6年度・8月末時点</h3>"))
        let check = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(check.status == 0, "\(check.standardError)")
        #expect(!check.standardError.contains("warning"), "\(check.standardError)")
    }

    /// Without points, nothing changes: the base fixture's open data has no 時点 column, no snapshots.
    @Test func aPlanWithoutPointsKeepsItsOpenDataAsItWas() throws {
        let (result, site) = try FidelityFixtureTests.build(nil)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!site.page("test-plan/data/results.csv").contains("時点"))
        #expect(!site.page("test-plan/data/plan.json").contains("\"snapshots\""))
        #expect(!site.page("test-plan/data/plan.json").contains("published_at_points"))
        #expect(!site.page("test-plan/data/index.html").contains("published_at_points"))
        #expect(!site.page("test-plan/reports/2024/index.html").contains("年度途中の時点の評価"))
    }

    @Test func aPublishedChangeIsComparedWithThePreviousYearAtTheSamePoint() throws {
        let (result, _) = try FidelityFixtureTests.build("snapshot-results", command: ["check"])
        // R6 at 9月末 publishes +3 B against R5 at 9月末 (B 2 → 5): right. Against R5's end (B 2) it
        // would also be +3 for B, but A 0 against (1 − 2) would not: no warning means like with like.
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("増減"), "\(result.standardError)")
        #expect(!result.standardError.contains("warning"), "\(result.standardError)")
    }
}
