import MierukaTestSupport
import Testing

/// `opinions:` through the real `mieruka` executable, on the made-up plan in
/// Tests/Fixtures/fidelity/committee-opinions (its opinions are invented).
@Suite struct CommitteeOpinionFixtureTests {
    @Test func theYearsReportShowsItsOpinionsAsPublishedWithWhoGaveThem() throws {
        let (result, site) = try FidelityFixtureTests.build("committee-opinions")
        #expect(result.status == 0, "\(result.standardError)")
        let report = site.page("opinion-plan/reports/2024/index.html")
        #expect(report.contains("<h2 id=\"opinions\">委員会などの意見</h2>\n<p class=\"table-note\">意見は、市の公表どおりに掲載しています。</p>"))
        // The year's opinion first, then the item's, linked to the item; escaped like any content.
        #expect(
            report.contains(
                "<h3>架空市行政改革懇談会（令和7年7月）</h3>\n<p>全体として取組は進んでいる。<!-- raw HTML omitted -->引き続き<!-- raw HTML omitted -->、市民への説明に努められたい。</p>"
            ))
        #expect(report.contains("<p class=\"table-source\">出典：架空市「令和6年度 取組結果と懇談会の意見」（テスト用）</p>"))
        #expect(report.contains("<h3>架空市行政改革懇談会：<a href=\"/kaikaku/opinion-plan/2/\">No.2 窓口の見直し</a></h3>\n<p>窓口の待ち時間の実績も公表されたい。</p>"))
        let whole = try #require(report.range(of: "架空市行政改革懇談会（令和7年7月）"))
        let onItem = try #require(report.range(of: "架空市行政改革懇談会：<a"))
        #expect(whole.lowerBound < onItem.lowerBound)
        // Only the year's own opinions: R5's is on R5's report.
        #expect(!report.contains("架空市行政改革推進委員会"))
        #expect(site.page("opinion-plan/reports/2023/index.html").contains("<h3>架空市行政改革推進委員会（令和6年8月）：<a href=\"/kaikaku/opinion-plan/2/\">No.2 窓口の見直し</a></h3>"))
        // A plan without opinions has no such section.
        #expect(!site.page("test-plan/reports/2024/index.html").contains("委員会などの意見"))
    }

    @Test func anItemsPageShowsItsOpinionsLatestYearFirst() throws {
        let (result, site) = try FidelityFixtureTests.build("committee-opinions")
        #expect(result.status == 0, "\(result.standardError)")
        let item = site.page("opinion-plan/2/index.html")
        #expect(
            item.contains(
                "<h3>令和6年度　架空市行政改革懇談会</h3>\n<p>窓口の待ち時間の実績も公表されたい。</p>\n\n</article>\n<article class=\"opinion\">\n<h3>令和5年度　架空市行政改革推進委員会（令和6年8月）</h3>\n<p>取組の<strong>効果</strong>を数字で示すこと。</p>\n<ul>\n<li>利用者数</li>"
            ))
        // The year's opinion is not the item's.
        #expect(!item.contains("全体として取組は進んでいる"))
        #expect(!site.page("opinion-plan/1/index.html").contains("委員会などの意見"))
    }

    @Test func anOpinionOutsideThePeriodOrOnAnUnknownItemIsAnError() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/committee-opinions"), onto: work.path)
        let path = work.path + "/content/opinion-plan/_index.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "  - year: R5\n    item: 2", with: "  - year: R9\n    item: 2")
        text = text.replacingOccurrences(of: "    item: 2\n    by: 架空市行政改革懇談会", with: "    item: 7\n    by: 架空市行政改革懇談会")
        text = text.replacingOccurrences(of: "    date: 令和7年7月\n", with: "    date: 令和7年7月\n    text2: x\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        let errors = result.standardError
        #expect(errors.contains("error: an opinion is on 令和9年度, outside the plan period (令和5年度～令和7年度)"), "\(errors)")
        #expect(errors.contains("error: the plan opinion-plan has no item number 7"))
        #expect(errors.contains("hint: give the number of an item of opinion-plan (1, 2), or leave item: out for an opinion on the whole year"))
        #expect(errors.contains("text2"))
    }
}
