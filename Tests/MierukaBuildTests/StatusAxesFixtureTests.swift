import Foundation
import MierukaTestSupport
import Testing

/// Several status axes per item and year (Tests/Fixtures/fidelity/status-axes: made-up 着手状況, a
/// scale of words graded by 自己評価, and 達成度 A/B/C, ranked, with a state and a named share,
/// graded by 内部評価 with one result saying 委員会評価; R5 and R6 in YAML, R7 from a CSV): each axis
/// gets its own counts, table, chart and comparison on the year's report, and its values on the item
/// page, beside the plan's own grades, which stay as they were.
@Suite struct StatusAxesFixtureTests {
    /// The text of each body and footer row's cells of the table whose caption starts with `caption`.
    static func rows(_ html: String, caption: String) -> [[String]] {
        guard let at = html.range(of: "<caption>" + caption),
            let start = html.range(of: "<table", options: .backwards, range: html.startIndex..<at.lowerBound),
            let end = html.range(of: "</table>", range: at.upperBound..<html.endIndex)
        else { return [] }
        let table = String(html[start.lowerBound..<end.upperBound])
        guard let body = table.range(of: "<tbody>") else { return [] }
        return YearComparisonFixtureTests.bodyRows(table[body.upperBound...])
    }

    @Test func eachAxisHasItsOwnCountsTableAndChartOnTheYearsReport() throws {
        let (result, site) = try FidelityFixtureTests.build("status-axes")
        #expect(result.status == 0, "\(result.standardError)")
        let report = site.page("test-plan/reports/2024/index.html")
        // The plan's own grades are unchanged: the published table of the base fixture.
        #expect(report.contains("<caption>評価の分布（令和6年度・公表値）"))
        #expect(report.contains("<section class=\"status-axis\" aria-labelledby=\"axis-1\">\n<h2 id=\"axis-1\">着手状況</h2>\n<p class=\"graded-by\">評価者：自己評価</p>"))
        #expect(report.contains("<h2 id=\"axis-2\">達成度</h2>\n<p class=\"graded-by\">評価者：内部評価</p>"))
        // Words only: each word once, as a column header with its scope.
        #expect(report.contains("<caption>着手状況の分布（令和6年度） <span class=\"derived-mark\">集計</span></caption>"))
        #expect(report.contains("<th scope=\"col\" class=\"num\"><span class=\"grade grade-unranked\"><span class=\"grade-label\">未着手</span></span></th>"))
        #expect(
            Self.rows(report, caption: "着手状況の分布（令和6年度）") == [
                ["1 行政サービスの最適化", "0", "1", "1", "2"], ["2 健全な財政運営", "0", "1", "1", "2"],
                ["3 公共施設の最適化", "0", "0", "0", "0"], ["計", "0", "2", "2", "4"],
            ])
        // 達成度 with its own named share (「達成」: A of the graded listings) and its denominator.
        #expect(
            Self.rows(report, caption: "達成度の分布（令和6年度）") == [
                ["1 行政サービスの最適化", "0", "1", "1", "2", "0.0%"], ["2 健全な財政運営", "1", "0", "1", "2", "50.0%"],
                ["3 公共施設の最適化", "0", "0", "0", "0", "—"], ["計", "1", "1", "2", "4", "25.0%"],
            ])
        #expect(report.contains("<th scope=\"col\" class=\"num\">「達成」の割合</th>"))
        #expect(report.contains("「達成」の割合は、評価した4項目（再掲の項目は掲載ごとに数えます）のうちAの評価の件数が占める割合で"))
        // Each chart has its own ids and its text equivalent (title and desc), and names its grades in words.
        #expect(report.contains("<title id=\"c") && report.contains("-title\">着手状況の分布（令和6年度）</title>"))
        #expect(report.contains("-desc\">1 行政サービスの最適化：A 達成 0項目、B 一部達成 1項目、C 未達成 1項目。"))
        #expect(report.contains("<figcaption>図：達成度の分布（令和6年度）（Mieruka の集計）。模様は評価を表し、数は下の表のとおりです。</figcaption>"))
        let ids = report.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(ids).count == ids.count, "ids repeat on the page: \(ids.sorted())")
    }

    @Test func eachAxisIsComparedWithThePreviousYearByItsOwnOrder() throws {
        let (_, site) = try FidelityFixtureTests.build("status-axes")
        let report = site.page("test-plan/reports/2024/index.html")
        #expect(report.contains("<h3 id=\"axis-2-comparison\">達成度：前年度（令和5年度）からの変化</h3>"))
        // Ranked (grade_order: best_first): rose and fell; to or from a state only 「変わった」.
        #expect(
            report.contains(
                "Mieruka が両年度の評価を比べると、両年度に結果を掲載している3項目のうち、評価が上がった項目は2項目、下がった項目は0項目、変わらない項目は0項目です（ほかに評価の対象外との間で変わった項目が1項目あります）。"
            ))
        #expect(
            Self.rows(report, caption: "達成度：評価ごとの件数の増減（令和5年度→令和6年度）") == [
                ["A 達成", "1", "0", "+1"], ["B 一部達成", "1", "1", "0"], ["C 未達成", "2", "1", "+1"], ["計", "4", "2", "+2"],
            ])
        #expect(report.contains("評価の対象外（令和5年度は2項目（目標年度が未到来 2項目））は、件数にも増減にも含めていません。"))
        // Not ranked: only 「変わった」.
        #expect(
            Self.rows(report, caption: "着手状況：前年度から評価が変わった取組項目（令和5年度→令和6年度）") == [
                ["1", "窓口のオンライン化 &lt;テスト&gt;", "取組中", "完了", "変わった"],
                ["2", "庁内事務の効率化", "未着手", "取組中", "変わった"],
                ["3", "基金の確保", "取組中", "完了", "変わった"],
            ])
    }

    @Test func whoGradedIsShownWhereTheResultSaysIt() throws {
        let (_, site) = try FidelityFixtureTests.build("status-axes")
        let report = site.page("test-plan/reports/2023/index.html")
        #expect(report.contains("<p class=\"graded-by\">評価者：内部評価（うち1項目は委員会評価）</p>"))
        #expect(
            report.contains(
                "<dt>達成度</dt>\n<dd><span class=\"grade grade-rank-2 grade-of-3\"><span class=\"grade-code\">C</span> <span class=\"grade-label\">未達成</span></span> <span class=\"graded-by\">（委員会評価）</span></dd>"
            ))
        #expect(report.contains("<dd><span class=\"grade-state\">目標年度が未到来（評価の対象外）</span> <span class=\"graded-by\">（内部評価）</span></dd>"))
        // The plan's own grades: its graded_by:, and a result that says otherwise.
        let r6 = site.page("test-plan/reports/2024/index.html")
        #expect(r6.contains("<h2 id=\"grades\">評価の分布</h2>\n<p class=\"graded-by\">評価者：内部評価（うち1項目は委員会評価）</p>"))
        #expect(r6.contains("<dt>評価</dt>\n<dd><span class=\"grade grade-unranked\"><span class=\"grade-code\">A</span> <span class=\"grade-label\">計画を上回る</span></span> <span class=\"graded-by\">（委員会評価）</span></dd>"))
        let item = site.page("test-plan/003/index.html")
        #expect(item.contains("<h3>令和6年度 <span class=\"grade grade-unranked\"><span class=\"grade-code\">A</span> <span class=\"grade-label\">計画を上回る</span></span> <span class=\"graded-by\">（委員会評価）</span></h3>"))
        #expect(site.page("test-plan/002/index.html").contains("<span class=\"graded-by\">（内部評価）</span></h3>"))
    }

    @Test func whoGradedIsNeverGuessed() throws {
        // The base fixture says nowhere who graded: no page says it.
        let (_, site) = try FidelityFixtureTests.build(nil)
        for page in site.pages() { #expect(!page.html.contains("graded-by"), "\(page.path)") }
    }

    @Test func aResultsSheetGivesEachAxisItsColumn() throws {
        let (_, site) = try FidelityFixtureTests.build("status-axes")
        // R7.csv: 着手状況 by the axis's name, 達成度（内部評価） by the axis's columns:.
        let report = site.page("test-plan/reports/2025/index.html")
        #expect(Self.rows(report, caption: "着手状況の分布（令和7年度）").last == ["計", "0", "0", "4", "4"])
        #expect(Self.rows(report, caption: "達成度の分布（令和7年度）").last == ["計", "2", "2", "0", "4", "50.0%"])
    }

    @Test func anItemPageShowsItsValuesOnEachAxisAndTheirHistory() throws {
        let (_, site) = try FidelityFixtureTests.build("status-axes")
        let item = site.page("test-plan/001/index.html")
        #expect(item.contains("<th scope=\"row\">着手状況（令和7年度）</th>"))
        #expect(item.contains("<h2 id=\"axis-2-history\">達成度の推移</h2>"))
        #expect(
            Self.rows(item, caption: "達成度の推移") == [
                ["令和5年度", "C 未達成", "—"], ["令和6年度", "B 一部達成", "上がった"], ["令和7年度", "A 達成", "上がった"],
            ])
        #expect(
            Self.rows(item, caption: "着手状況の推移") == [
                ["令和5年度", "取組中", "—"], ["令和6年度", "完了", "変わった"], ["令和7年度", "完了", "変わらない"],
            ])
        #expect(item.contains("<dl class=\"axis-values\">\n<dt>着手状況</dt>"))
    }

    @Test func wrongAxesAreReportedWithTheirPlaceAndHowToFixThem() throws {
        let (result, _) = try FidelityFixtureTests.build("status-axes-invalid", command: ["check"])
        #expect(result.status == 1)
        let errors = result.standardError
        #expect(errors.contains("content/test-plan/_index.md:17:5: error: a status axis has no \"name\"\n    hint: name the axis as the plan's report does"))
        #expect(errors.contains("content/test-plan/_index.md:20:11: error: the status axis \"着手状況\" is declared twice"))
        #expect(errors.contains("seeds/test-plan/R5.yml:5:32: error: the plan test-plan has no status axis \"着手\"\n    hint: did you mean \"着手状況\"?"))
        #expect(errors.contains("seeds/test-plan/R5.yml:6:39: error: \"済\" is not on the scale of the status axis 「着手状況」 (未着手, 取組中, 完了)"))
        #expect(errors.contains("seeds/test-plan/R7.csv:3:3: error: \"完\" is not on the scale of the status axis 「着手状況」"))
        #expect(errors.contains("mieruka check: 5 errors"))
    }

    @Test func aPlanGradedOnItsAxesOnlyListsItsItemsWithoutCallingThemUngraded() throws {
        // The fixture's plan without grades: (and so without the published grade table): made up.
        let site = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: site.path)
        try FileTree.overlay(Fixtures.path("fidelity/status-axes"), onto: site.path)
        let planPath = site.path + "/content/test-plan/_index.md"
        var plan = try String(contentsOfFile: planPath, encoding: .utf8)
        let grades = try #require(plan.range(of: "grades:\n  - {code: A, label: 計画を上回る}"))
        let gradedBy = try #require(plan.range(of: "graded_by: 内部評価\n"))
        plan.removeSubrange(grades.lowerBound..<gradedBy.lowerBound)
        let declared = try #require(plan.range(of: "declared:\n"))
        let end = try #require(plan.range(of: "---\n", range: declared.upperBound..<plan.endIndex))
        plan.removeSubrange(declared.lowerBound..<end.lowerBound)
        plan = plan.replacingOccurrences(of: "\ngraded_by: 内部評価\n", with: "\n")
        try plan.write(toFile: planPath, atomically: true, encoding: .utf8)
        for path in ["/seeds/test-plan/R5.yml", "/seeds/test-plan/R6.yml", "/content/test-plan/items/001.md"] {
            let text = try String(contentsOfFile: site.path + path, encoding: .utf8)
            try text.replacingOccurrences(of: "grade: C, axes", with: "axes").replacingOccurrences(of: "grade: B, axes", with: "axes")
                .replacingOccurrences(of: "    grade: A\n    graded_by: 委員会評価\n", with: "").replacingOccurrences(of: "    grade: [ABC]\n", with: "", options: .regularExpression)
                .replacingOccurrences(of: "{kpi: hours, value: 65分, grade: D}", with: "{kpi: hours, value: 65分}")
                .write(toFile: site.path + path, atomically: true, encoding: .utf8)
        }
        try "番号,着手状況,達成度（内部評価）\r\n1,完了,A\r\n".write(toFile: site.path + "/seeds/test-plan/R7.csv", atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["build"], in: site.path)
        #expect(result.status == 0, "\(result.standardError)")
        let report = try String(contentsOfFile: site.path + "/public/test-plan/reports/2024/index.html", encoding: .utf8)
        #expect(report.contains("<h2 id=\"ungraded\">取組項目（3項目）</h2>"))
        #expect(!report.contains("評価なし"))
        #expect(!report.contains("<h2 id=\"grades\">"))
        #expect(report.contains("<caption>達成度の分布（令和6年度） <span class=\"derived-mark\">集計</span></caption>"))
    }
}

/// Who graded a single grade or axis value, written in a results sheet: 評価者 beside 評価, and
/// 「<axis>の評価者」 beside an axis's column (made-up graders, in
/// Tests/Fixtures/fidelity/status-axes-graders*/seeds/test-plan/R7.csv, in place of the status axes
/// fixture's R7.csv).
@Suite struct AxisGraderColumnTests {
    static func build(_ overlay: String, command: [String] = ["build"]) throws -> (result: CommandRunner.Result, site: BuiltSite) {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/status-axes"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/" + overlay), onto: work.path)
        let result = try CommandRunner.mieruka(command, in: work.path)
        return (result, BuiltSite(root: work.path + "/public", work: work))
    }

    @Test func aSheetSaysWhoGradedOneGradeAndOneAxisValue() throws {
        let (result, site) = try Self.build("status-axes-graders")
        #expect(result.status == 0, "\(result.standardError)")
        let report = site.page("test-plan/reports/2025/index.html")
        // 達成度 (graded_by: 内部評価) with item 1's value given by 委員会評価, from 「達成度の評価者」 beside the column 「達成度（内部評価）」.
        #expect(report.contains("<p class=\"graded-by\">評価者：内部評価（うち1項目は委員会評価）</p>"))
        #expect(
            report.contains(
                "<dt>達成度</dt>\n<dd><span class=\"grade grade-rank-0 grade-of-3\"><span class=\"grade-code\">A</span> <span class=\"grade-label\">達成</span></span> <span class=\"graded-by\">（委員会評価）</span></dd>"
            ))
        // The plan's grade of item 2, from 評価者.
        #expect(report.contains("<h2 id=\"grades\">評価の分布</h2>\n<p class=\"graded-by\">評価者：内部評価（うち1項目は委員会評価）</p>"))
        let item2 = site.page("test-plan/002/index.html")
        #expect(
            item2.contains(
                "<h3>令和7年度 <span class=\"grade grade-unranked\"><span class=\"grade-code\">B</span> <span class=\"grade-label\">概ね計画どおり</span></span> <span class=\"graded-by\">（委員会評価）</span></h3>"
            ))
        // Without a grader cell, the plan's (or the axis's) graded_by: holds.
        #expect(
            site.page("test-plan/003/index.html").contains(
                "<h3>令和7年度 <span class=\"grade grade-unranked\"><span class=\"grade-code\">A</span> <span class=\"grade-label\">計画を上回る</span></span> <span class=\"graded-by\">（内部評価）</span></h3>"
            ))
    }

    @Test func aGraderWithoutTheGradeItNamesIsAnErrorAtItsCell() throws {
        let (result, _) = try Self.build("status-axes-graders-invalid", command: ["check"])
        #expect(result.status == 1)
        let errors = result.standardError
        #expect(
            errors.contains(
                "seeds/test-plan/R7.csv:3:3: error: cell C3 (評価者): \"委員会評価\" says who graded, but item 2 has no value in 「評価」 for the year"
            ), "\(errors)")
        #expect(
            errors.contains(
                "seeds/test-plan/R7.csv:2:5: error: cell E2 (達成度の評価者): \"委員会評価\" says who graded, but item 1 has no value in the status axis 「達成度」 for the year"
            ), "\(errors)")
        #expect(
            errors.contains(
                "seeds/test-plan/R7.csv:5:6: error: cell F5 (着手状況の評価者): \"外部評価\" differs from \"自己評価\" in cell F4, on another row of item 3 for the same year"
            ), "\(errors)")
        #expect(errors.contains("mieruka check: 3 errors"), "\(errors)")
    }
}

/// Counts a report publishes on a status axis (`declared:` → `axes:`), in
/// Tests/Fixtures/fidelity/status-axes-declared (made-up): shown as published (公表値) beside the
/// counts Mieruka makes from the items, and compared with them by `check`.
@Suite struct DeclaredAxisCountsTests {
    @Test func publishedCountsOnAnAxisAreShownBesideTheComputedOnes() throws {
        let (result, site) = try AxisGraderColumnTests.build("status-axes-declared")
        #expect(result.status == 0, "\(result.standardError)")
        let report = site.page("test-plan/reports/2024/index.html")
        #expect(report.contains("<caption>着手状況の分布（令和6年度・公表値） <span class=\"declared-mark\">市の公表値</span></caption>"))
        #expect(report.contains("<caption>着手状況の分布（令和6年度） <span class=\"derived-mark\">集計</span></caption>"))
        #expect(report.contains("<caption>達成度の分布（令和6年度・公表値） <span class=\"declared-mark\">市の公表値</span></caption>"))
        #expect(report.contains("<caption>達成度の分布（令和6年度） <span class=\"derived-mark\">集計</span></caption>"))
        // The plan's own published table stays as it was.
        #expect(report.contains("<caption>評価の分布（令和6年度・公表値） <span class=\"declared-mark\">市の公表値</span></caption>"))
        // A year without published axis counts shows Mieruka's only.
        let r5 = site.page("test-plan/reports/2023/index.html")
        #expect(!r5.contains("着手状況の分布（令和5年度・公表値）"))
        #expect(r5.contains("<caption>着手状況の分布（令和5年度） <span class=\"derived-mark\">集計</span></caption>"))
    }

    @Test func checkWarnsWhereThePublishedAxisCountsContradictTheItems() throws {
        let (result, _) = try AxisGraderColumnTests.build("status-axes-declared", command: ["check"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardError.contains(
                "warning: 令和6年度（達成度）, 2 健全な財政運営: the published table has 0 × A, but 1 transcribed listing is graded A"),
            "\(result.standardError)")
        #expect(!result.standardError.contains("（着手状況）"), "\(result.standardError)")
    }

    @Test func anAxisThePlanDoesNotHaveIsAnError() throws {
        let work = TemporaryDirectory()
        for folder in ["base", "fidelity/status-axes", "fidelity/status-axes-declared"] {
            try FileTree.overlay(Fixtures.path(folder), onto: work.path)
        }
        let path = work.path + "/content/test-plan/_index.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "      - axis: 着手状況\n", with: "      - axis: 着手\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "error: the plan has no status axis \"着手\"\n    hint: did you mean \"着手状況\"? the plan's axes are start（着手状況）, achievement（達成度）"),
            "\(result.standardError)")
    }
}

/// A share and a 増減 a report publishes on a status axis (`declared:` → `axes:` → `grade_share:`,
/// `grade_change:`), in Tests/Fixtures/fidelity/status-axes-published-share (made-up): shown as
/// published (公表値) in the axis's section, and compared by `check` with the published counts or,
/// where the year publishes none, with the items.
@Suite struct DeclaredAxisShareAndChangeTests {
    @Test func aPublishedShareOnAnAxisIsShownWithItsDenominator() throws {
        let (result, site) = try AxisGraderColumnTests.build("status-axes-published-share")
        #expect(result.status == 0, "\(result.standardError)")
        // R5 publishes 達成度's share (with what it is of) and no counts: it is shown under Mieruka's count.
        let r5 = site.page("test-plan/reports/2023/index.html")
        #expect(
            r5.contains(
                "<p class=\"table-note\">「達成」：0%（0項目）（分母：目標年度を迎えた2項目） <span class=\"declared-mark\">市の公表値</span></p>"),
            "\(r5)")
        let r6 = site.page("test-plan/reports/2024/index.html")
        #expect(r6.contains("<p class=\"table-note\">「達成」：25.0%（1項目） <span class=\"declared-mark\">市の公表値</span></p>"))
        // The plan's own tables show no share (the plan names none), nor the axis's published one.
        #expect(r6.components(separatedBy: "「達成」：").count == 2)
    }

    @Test func aPublishedChangeOnAnAxisIsShownAsPublished() throws {
        let (result, site) = try AxisGraderColumnTests.build("status-axes-published-share")
        #expect(result.status == 0, "\(result.standardError)")
        let r6 = site.page("test-plan/reports/2024/index.html")
        #expect(
            r6.contains(
                "<caption>着手状況：評価ごとの件数の増減（令和5年度→令和6年度） <span class=\"declared-mark\">市の公表値</span></caption>"))
        #expect(r6.contains("<th scope=\"col\" class=\"num\">令和5年度（公表値）</th>"))
        #expect(
            r6.contains(
                "<caption>達成度：評価ごとの件数の増減（令和5年度→令和6年度） <span class=\"declared-mark\">市の公表値</span></caption>"))
        // 着手状況's published 増減 as written (▲2, 0, +3), not the counts' difference (+2 for 完了).
        let start = try #require(r6.range(of: "着手状況：評価ごとの件数の増減"))
        let table = String(r6[start.lowerBound...].prefix(4000))
        #expect(site.cells(table, table: "grade-change-table", column: 2).prefix(3) == ["▲2", "0", "+3"], "\(table)")
    }

    @Test func checkComparesAnAxissShareAndChangeWithCountsOrItems() throws {
        let (result, _) = try AxisGraderColumnTests.build("status-axes-published-share", command: ["check"])
        #expect(result.status == 0, "\(result.standardError)")
        let errors = result.standardError
        // R5's counts are published, R6's are all graded in the items (listings: 4): 完了 0 → 2.
        #expect(
            errors.contains(
                "content/test-plan/_index.md:67:9: warning: the published 増減 of 完了 for 令和6年度（着手状況） is 3, but the counts (published or all graded in the items) of 令和5年度 and 令和6年度 differ by 2"
            ), "\(errors)")
        #expect(errors.components(separatedBy: "warning:").count == 2, "only that one: \(errors)")
    }

    @Test func aShareThatContradictsTheItemsIsWarnedAndAShareWithoutANamedScaleIsAnError() throws {
        let work = TemporaryDirectory()
        for folder in ["base", "fidelity/status-axes", "fidelity/status-axes-published-share"] {
            try FileTree.overlay(Fixtures.path(folder), onto: work.path)
        }
        let path = work.path + "/content/test-plan/_index.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // R6: every listing is graded on 達成度 in the items, and one of them A: a published count of 2 contradicts it.
        try text.replacingOccurrences(of: "grade_share: {rate: 25.0%, count: 1}", with: "grade_share: {rate: 50.0%, count: 2}")
            .replacingOccurrences(of: "      - axis: 着手状況\n        grade_change:", with: "      - axis: 着手状況\n        grade_share: {count: 2}\n        grade_change:")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        let errors = result.standardError
        #expect(
            errors.contains(
                "warning: the published share for 令和6年度（達成度） counts 2, but 1 transcribed listing is graded A"), "\(errors)")
        #expect(
            errors.contains(
                "error: a published share on the status axis 「着手状況」, but the axis does not say which grades it counts\n    hint: add grade_share: {grades: […], label: …} to the axis under axes:, with the report's wording"
            ), "\(errors)")
    }
}
