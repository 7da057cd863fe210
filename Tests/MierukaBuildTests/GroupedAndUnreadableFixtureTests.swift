import Foundation
import MierukaTestSupport
import Testing

/// Two structures of real reports, on made-up fixture sites (their figures are invented):
/// counts published under the report's own grouping (`grouped_by:`/`groups:`,
/// Tests/Fixtures/fidelity/grouped-counts), and a grade the report gives that the copy does not
/// show (`grade_unreadable:`, Tests/Fixtures/fidelity/unreadable-grade).
@Suite struct GroupedAndUnreadableFixtureTests {
    // MARK: Counts per group of the report's own grouping

    @Test func groupedCountsAreShownAsPublishedUnderTheReportsHeading() throws {
        let (result, site) = try FidelityFixtureTests.build("grouped-counts")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("warning"), "\(result.standardError)")
        let report = site.page("test-plan/reports/2024/index.html")
        #expect(report.contains("<caption>評価の分布（令和6年度・公表値）"))
        #expect(report.contains("<th scope=\"col\">所管区分</th>"), "\(report)")
        // The groups as published, linked to no policy page; the total row is the published one.
        #expect(report.contains("<th scope=\"row\">局が評価する項目</th>"))
        #expect(report.contains("<th scope=\"row\">委員会が評価する項目</th>"))
        #expect(
            site.cells(report, table: "grade-table", column: 0) == ["2", "0", "2"],
            "\(site.cells(report, table: "grade-table", column: 0))")
        // The share computed from the published counts, and the report's own beside it.
        #expect(site.cells(report, table: "grade-table", column: -1) == ["85.7%", "66.7%", "80.0%"])
        #expect(report.contains("「計画以上」か「概ね計画どおり」：8割（8項目）"))
        // The published 増減, against R5's counts: the sum of R5's groups, marked as such.
        #expect(report.contains("<th scope=\"col\" class=\"num\">令和5年度（公表値の和）</th>"), "\(report)")
        #expect(
            YearComparisonFixtureTests.rows(report, table: "grade-change-table") == [
                ["A 計画を上回る", "2", "1", "+1"], ["B 概ね計画どおり", "6", "5", "+1"], ["C 計画どおり進捗せず", "2", "3", "▲1"],
                ["D 進捗がほぼなし", "0", "1", "▲1"], ["計", "10", "10", "0"],
            ])
        #expect(report.contains("「公表値の和」とある年度の件数は、市が区分ごとに公表した件数を Mieruka が評価ごとに足したものです。"))
        // R5: no total row, so 計 is the groups' sum and says so.
        let r5 = site.page("test-plan/reports/2023/index.html")
        #expect(r5.contains("<th scope=\"col\">所管区分</th>"))
        #expect(r5.contains("計の列と計の行は、公表された評価ごとの件数の和です。"))
        #expect(site.cells(r5, table: "grade-table", column: 0) == ["1", "0", "1"])
        // Never matched to policies: a policy page counts its own items (集計), not a group.
        let policy = site.page("test-plan/policies/1/index.html")
        #expect(!policy.contains("局が評価する項目"))
        #expect(!policy.contains("評価の分布（令和6年度・公表値）"))
        #expect(policy.contains("評価の分布（令和6年度）"))
        let problems = site.pages().flatMap { FigureMarking.problems(in: $0.html, page: $0.path) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func groupedCountsAreInTheDownloads() throws {
        let (result, site) = try FidelityFixtureTests.build("grouped-counts")
        #expect(result.status == 0, "\(result.standardError)")
        let csv = try ReportedOpenDataTests.csv(site, "test-plan/data/grade-counts.csv")
        let groupRows = csv.filter { $0["集計元"] == "公表値" && $0["方針の階層"] == "所管区分" }
        #expect(groupRows.count == 16)
        let r5Committee = groupRows.filter { $0["年度"] == "2023" && $0["方針"] == "委員会が評価する項目" }
        #expect(r5Committee.map { $0["項目数"] ?? "" } == ["0", "2", "1", "0"])
        #expect(r5Committee.allSatisfy { $0["方針番号"] == "" })
        // No published per-policy rows: the groups are not policies.
        #expect(!csv.contains { $0["集計元"] == "公表値" && $0["方針の階層"] == "基本方針" })
        let r5Total = csv.filter { $0["年度"] == "2023" && $0["集計元"] == "公表値" && $0["方針"] == "合計" }
        #expect(r5Total.map { $0["項目数"] ?? "" } == ["1", "5", "3", "1"])
        #expect(FileManager.default.fileExists(atPath: site.root + "/test-plan/data/grade-counts.xlsx"))

        let json = try ReportedOpenDataTests.json(site, "test-plan")
        let years = try #require(json["years"] as? [[String: Any]])
        let published = years.compactMap { $0["published"] as? [String: Any] }
        #expect(published.count == 2)
        #expect(published.allSatisfy { $0["grouped_by"] as? String == "所管区分" })
        let groups = try #require(published.last?["group_counts"] as? [[String: Any]])
        #expect(groups.map { $0["group"] as? String } == ["局が評価する項目", "委員会が評価する項目"])
        #expect(groups.first?["counts"] as? [String: Int] == ["A": 2, "B": 4, "C": 1, "D": 0])
        #expect((published.last?["grade_counts"] as? [Any])?.isEmpty == true)
        #expect(published.first?["grade_totals"] as? [String: Int] == ["A": 1, "B": 5, "C": 3, "D": 1])
    }

    @Test func malformedGroupsAreLocatedErrors() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("invalid/declared-groups"), onto: work.path)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        let errors = result.standardError
        #expect(errors.contains("content/test-plan/_index.md:39:7: error: published counts per group (groups:), but the table does not say what its groups are"), "\(errors)")
        #expect(errors.contains("error: the declared counts give no number for D"), "\(errors)")
        #expect(errors.contains("content/test-plan/_index.md:45:17: error: the group \"委員会管理項目\" has two rows in the declared table"), "\(errors)")
        #expect(errors.contains("error: the row \"市長部局\" of the published counts per group has no \"counts\""), "\(errors)")
        #expect(errors.contains("error: the declared table gives its rows both per policy (grades:) and per group (groups:)"), "\(errors)")
        #expect(errors.contains("error: grouped_by: \"管理区分\" names a grouping, but the table has no groups:"), "\(errors)")
    }

    // MARK: A grade the report gives that could not be read

    @Test func anUnreadableGradeIsShownAsSuchAndLeftOutOfTheCounts() throws {
        let (result, site) = try FidelityFixtureTests.build("unreadable-grade")
        #expect(result.status == 0, "\(result.standardError)")
        let reason = "架空の写しが表の途中で切れていて、評価の欄が読めない"
        let item = site.page("test-plan/002/index.html")
        #expect(item.contains("<span class=\"grade-unreadable\">評価：読み取れず</span>"), "\(item)")
        #expect(item.contains("報告書では評価されていますが、このサイトでは評価を読み取れませんでした（\(reason)）。"))
        let report = site.page("test-plan/reports/2024/index.html")
        #expect(report.contains("<h2 id=\"unreadable\">評価を読み取れなかった項目（1項目）</h2>"))
        #expect(report.contains("<dd class=\"grade-unreadable\">読み取れず（\(reason)）</dd>"))
        #expect(!report.contains("id=\"ungraded\""))
        // Item 2 is listed twice (1-2 and, 再掲, 2): two listings out of the counts, none 未評価.
        #expect(!report.contains("<th scope=\"col\" class=\"num\">未評価</th>"))
        #expect(site.cells(report, table: "grade-table", column: -2) == ["1", "1", "0", "2"])
        #expect(site.cells(report, table: "grade-table", column: -1) == ["100.0%", "100.0%", "—", "100.0%"])
        #expect(
            report.contains(
                "報告書では評価されているものの、評価が読み取れなかった2項目（\(reason)）は、未評価にも計にも割合にも含めていません。"))
        #expect(report.contains("掲載している取組項目のうち、評価が読み取れなかった2項目は、評価の件数に含めていません。"))
        // The 増減 against R5 (both years counted from the items) leaves them out too, and says so.
        #expect(
            report.contains("評価が読み取れなかった項目（令和6年度は2項目。理由は各年度の報告のとおり）は、件数にも増減にも含めていません。"),
            "\(report)")
        // The policy the item is listed under says so too.
        let policy = site.page("test-plan/policies/2/index.html")
        #expect(policy.contains("評価が読み取れなかった1項目（\(reason)）は、未評価にも計にも割合にも含めていません。"), "\(policy)")
        let problems = site.pages().flatMap { FigureMarking.problems(in: $0.html, page: $0.path) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")

        let json = try ReportedOpenDataTests.json(site, "test-plan")
        let items = try #require(json["items"] as? [[String: Any]])
        let results = items.compactMap { $0["results"] as? [[String: Any]] }.flatMap { $0 }
        #expect(results.compactMap { $0["grade_unreadable"] as? String } == [reason])
        let csv = try ReportedOpenDataTests.csv(site, "test-plan/data/results.csv")
        let row = try #require(csv.first { $0["番号"] == "2" })
        #expect(row["評価"] == "")
        #expect(row["評価の内容"] == "")
        #expect(row["評価を読み取れない理由"] == reason)
        #expect(csv.filter { $0["番号"] != "2" }.allSatisfy { $0["評価を読み取れない理由"] == "" })
    }

    @Test func aSheetsUnreadableGradeBesideAGradeIsAnErrorAtItsCell() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileManager.default.removeItem(atPath: work.path + "/seeds/test-plan/R6.yml")
        try "計画,年度,番号,評価,評価を読み取れない理由\ntest-plan,R6,2,C,写しが切れている\ntest-plan,R6,3,,写しが切れている\n"
            .write(toFile: work.path + "/seeds/test-plan/R6.csv", atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "seeds/test-plan/R6.csv:2:5: error: cell E2 (評価を読み取れない理由): the row says the grade could not be read, but cell D2 (評価) gives \"C\""),
            "\(result.standardError)")
        // Item 3's row is read: its grade is unreadable, not an error.
        #expect(!result.standardError.contains("R6.csv:3:"), "\(result.standardError)")
    }

    @Test func anUnreadableGradeNeedsAReasonAndNoGrade() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("invalid/grade-unreadable"), onto: work.path)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "seeds/test-plan/R6.yml:7:5: error: the result gives the grade \"B\" and says it could not be read (grade_unreadable:)"),
            "\(result.standardError)")
        #expect(result.standardError.contains("error: grade_unreadable: gives no reason"), "\(result.standardError)")
    }
}
