import Foundation
import MierukaTestSupport
import Testing

/// Years a plan written before 2019 names in 平成, past the era's end (平成32年度 = 令和2年度, as
/// 大田原市's third plan writes its last year), through the real `mieruka` executable on the made-up
/// plan in Tests/Fixtures/fidelity/era-past-end: spans keep the city's form beside the year they
/// are, the year's own pages and URLs use the standard name, and plan.json keeps years as numbers.
@Suite struct EraPastEndFixtureTests {
    @Test func spansKeepTheCitysFormAndTheYearsPagesUseTheStandardName() throws {
        let (result, site) = try FidelityFixtureTests.build("era-past-end")
        #expect(result.status == 0, "\(result.standardError)")
        let plan = site.page("era-plan/index.html")
        #expect(plan.contains("平成28年度～平成32年度（令和2年度）"))
        // The results file H32.csv is the year 2020: its report is at reports/2020, headed 令和2年度.
        let report = site.page("era-plan/reports/2020/index.html")
        #expect(report.contains("令和2年度"))
        #expect(report.contains("<h1>令和2年度の進捗状況</h1>"))
        let item = site.page("era-plan/01/index.html")
        // H31 is a year 平成 reached (as 令和元年度): only the year past the end keeps its form.
        #expect(item.contains("<th scope=\"row\">令和元年度～平成32年度（令和2年度）</th>"), "the schedule's span as written")
        #expect(item.contains("20分<br><small>（平成32年度（令和2年度））</small>"), "the KPI's target year as written")
        #expect(item.contains("実績 25分（令和2年度）"), "a result's year is the year itself")
        #expect(site.page("era-plan/data/schedule.csv").contains("era-plan,1,窓口の見直し,2019,2020,令和元年度～平成32年度（令和2年度）,実施"))

        let json = site.page("era-plan/data/plan.json")
        #expect(json.contains("\"period\":{\"first\":2016,\"last\":2020,\"written\":\"平成28年度～平成32年度\"}"))
    }

    @Test func aHeiseiYearBeyondWhatIsReadIsAnErrorThatSaysWhy() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/era-past-end"), onto: work.path)
        let path = work.path + "/content/era-plan/_index.md"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "to: H32}", with: "to: H99}")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("content/era-plan/_index.md:6:25: error: \"H99\" is not a fiscal year"), "\(result.standardError)")
        #expect(result.standardError.contains("hint: 平成99 is past 平成60"), "\(result.standardError)")
    }
}
