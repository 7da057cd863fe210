import Foundation
import MierukaTestSupport
import Testing

/// The fixture sites under Tests/Fixtures/fidelity: each overlays `base/` with what one fidelity
/// rule is about, and is built with the real `mieruka` executable. The figures asserted are
/// made-up (the fixtures say so); what is tested is which figures appear and how they are marked.
@Suite struct FidelityFixtureTests {
    /// Builds `base/` overlaid with `fidelity/<name>/` (none for the base site alone).
    static func build(_ name: String?, command: [String] = ["build"]) throws -> (result: CommandRunner.Result, site: BuiltSite) {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        if let name { try FileTree.overlay(Fixtures.path("fidelity/" + name), onto: work.path) }
        let result = try CommandRunner.mieruka(command, in: work.path)
        return (result, BuiltSite(root: work.path + "/public", work: work))
    }

    // MARK: Shares of grades

    @Test func noShareOfGradesWhenThePlanNamesNone() throws {
        let (result, site) = try Self.build(nil)
        #expect(result.status == 0, "\(result.standardError)")
        for page in ["test-plan/index.html", "test-plan/reports/2023/index.html", "test-plan/reports/2024/index.html"] {
            let html = site.page(page)
            #expect(!html.contains("の割合</th>"), "\(page) shows a share no one named")
            #expect(!html.contains("A・Bの割合"), "\(page)")
        }
    }

    @Test func aNamedShareIsShownInTheCitysWordsWithItsDenominator() throws {
        let (result, site) = try Self.build("named-share")
        #expect(result.status == 0, "\(result.standardError)")
        let plan = site.page("test-plan/index.html")
        #expect(plan.contains("<th scope=\"col\" class=\"num\">「計画以上」か「概ね計画どおり」の割合</th>"))
        // Published counts: 1 (A1 B3 of 5) 80.0%, 2 (A1 B1 of 3) 66.7%, 3 (B2 of 2) 100.0%, 計 8 of 10.
        #expect(site.cells(plan, table: "grade-table", column: -1) == ["80.0%", "66.7%", "100.0%", "80.0%"])
        #expect(
            plan.contains(
                "「計画以上」か「概ね計画どおり」の割合は、評価した10項目（再掲の1項目を含む）のうちA・Bの評価の件数が占める割合で、Mieruka が公表された件数から計算したものです（未評価の項目は含めません）。"
            ))
        #expect(plan.contains("<p class=\"table-note\">「計画以上」か「概ね計画どおり」：8割（8項目） <span class=\"declared-mark\">市の公表値</span></p>"))
        // A year counted from the items: the same share, computed from the items' grades.
        let report = site.page("test-plan/reports/2023/index.html")
        #expect(report.contains("Mieruka が各項目の評価から計算したものです"))
        #expect(report.contains("評価した1項目（再掲の項目は掲載ごとに数えます）のうちA・Bの評価の件数"))
    }

    @Test func checkWarnsWhenAPublishedShareContradictsThePublishedCounts() throws {
        let (result, site) = try Self.build("contradicting-share", command: ["check"])
        #expect(result.status == 0)
        #expect(
            result.standardError.contains(
                "warning: the published share for 令和6年度 counts 9, but the published counts of A・B add up to 8"),
            "\(result.standardError)")
        _ = site
        let (built, builtSite) = try Self.build("contradicting-share")
        #expect(built.status == 0)
        // Both shown: the city's figure as published, Mieruka's computed from the counts.
        let plan = builtSite.page("test-plan/index.html")
        #expect(plan.contains("「計画以上」か「概ね計画どおり」：9割（9項目）"))
        #expect(builtSite.cells(plan, table: "grade-table", column: -1).last == "80.0%")
    }

    @Test func aPublishedTotalThatContradictsItsRowsIsShownAsPublishedAndWarned() throws {
        // The made-up table's 計 row says 7 × B where its rows add up to 6 (3, 1, 2).
        let (checked, _) = try Self.build("contradicting-table", command: ["check"])
        #expect(checked.status == 0, "\(checked.standardError)")
        #expect(
            checked.standardError.contains(
                "warning: the declared table for 令和6年度 gives 7 × B in total, but its rows add up to 6"),
            "\(checked.standardError)")
        #expect(!checked.standardError.contains("error:"), "\(checked.standardError)")
        let (built, site) = try Self.build("contradicting-table")
        #expect(built.status == 0, "\(built.standardError)")
        #expect(built.standardError.contains("warning: the declared table for 令和6年度 gives 7 × B"))
        let plan = site.page("test-plan/index.html")
        // Each figure as published: the rows' B, and the total row's 7, not the rows' sum.
        #expect(site.cells(plan, table: "grade-table", column: 1) == ["3", "1", "2", "7"])
        #expect(plan.contains("全11項目（うち再掲1項目）"))
    }

    // MARK: Scales

    @Test func aScaleOfWordsIsShownOnce() throws {
        let (result, site) = try Self.build("words-only-scale")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        let plan = site.page("test-plan/index.html")
        #expect(plan.contains("<span class=\"grade grade-unranked\"><span class=\"grade-label\">達成</span></span></th>"))
        #expect(!plan.contains("grade-code\">達成"))
        #expect(!plan.contains("達成 達成"))
        let item = site.page("test-plan/001/index.html")
        #expect(item.contains("<span class=\"grade grade-unranked\"><span class=\"grade-label\">達成</span></span>"))
        let report = site.page("test-plan/reports/2024/index.html")
        #expect(report.contains("<h2 id=\"grade-2\">概ね達成（1項目）</h2>"))
        #expect(report.contains("2項目が「達成」、6項目が「概ね達成」、2項目が「未達成」、0項目が「着手せず」でした。"))
        // The chart's text equivalent names each word once too.
        #expect(report.contains("概ね達成 1項目") || plan.contains("概ね達成 3項目"))
        #expect(!plan.contains("概ね達成 概ね達成"))
    }

    // MARK: Running totals

    @Test func runningTotalsOnlyOverUnbrokenYearsOfOneKind() throws {
        let (_, site) = try Self.build(nil)
        // Item 1 has amounts for R5 and R6, the plan's first two years: a 累計 row.
        let first = site.page("test-plan/001/index.html")
        #expect(first.contains("<th scope=\"row\">累計（令和5年度～令和6年度）</th>"))
        // Item 2 has R6 only: no 累計, and the table says which years it holds.
        let second = site.page("test-plan/002/index.html")
        #expect(!second.contains("累計（"))
        #expect(!second.contains("<tfoot>\n<tr>\n<th scope=\"row\">累計"))
        #expect(second.contains("この表は令和6年度の1年度分です。計画の初年度（令和5年度）から年度がそろっていないため"))
        #expect(site.cells(second, table: "effect-by-year", column: -1) == ["—"])
        // The plan: R5 is Mieruka's sum of the items, R6 the city's total: never added together.
        let plan = site.page("test-plan/index.html")
        #expect(site.cells(plan, table: "effect-by-year", column: -1) == ["250", "—"])
        #expect(plan.contains("市の公表値と Mieruka の集計が混じるため"))
    }

    @Test func aPublishedRunningTotalIsShownAsPublished() throws {
        let (result, site) = try Self.build("published-cumulative")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty, "the published 累計 agrees with its years: no warning")
        let plan = site.page("test-plan/index.html")
        #expect(site.cells(plan, table: "effect-by-year", column: -1) == ["700", "2,600<br><small>公表値</small>", "2,600"])
        #expect(plan.contains("<th scope=\"row\">累計（令和5年度～令和6年度）</th>"))
    }

    @Test func checkWarnsWhenAPublishedRunningTotalContradictsItsYears() throws {
        let (result, _) = try Self.build("contradicting-cumulative", command: ["check"])
        #expect(result.status == 0)
        #expect(
            result.standardError.contains(
                "content/test-plan/_index.md:38:5: warning: the published 実績効果額 累計 for 令和6年度 is 2,700千円, but the published years 令和5年度～令和6年度 add up to 2,600千円"
            ), "\(result.standardError)")
        #expect(!result.standardError.contains("効果見込額 累計"))
        let (built, site) = try Self.build("contradicting-cumulative")
        #expect(built.status == 0)
        // Shown as the city published it, never "fixed".
        #expect(site.cells(site.page("test-plan/index.html"), table: "effect-by-year", column: -1)[1] == "2,700<br><small>公表値</small>")
    }

    // MARK: Effects written as increases (「…の増」)

    @Test func anIncreaseIsShownAsPublishedAndCountsAgainstTheSums() throws {
        let (result, site) = try Self.build("effect-increase")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
        let rule = "「…の増」とある額は公表どおりの表記で、支出などが増えた額（効果のマイナス）として、Mieruka の合計・累計・差額・達成率では差し引いています"
        // The plan's years: each published amount as written; Mieruka's 累計 counts them as negative.
        let plan = site.page("test-plan/index.html")
        #expect(site.cells(plan, table: "effect-by-year", column: 1) == ["30万円の増", "300の増", "150"])
        #expect(site.cells(plan, table: "effect-by-year", column: -1) == ["△300", "△600", "—"])
        #expect(plan.contains(rule))
        #expect(plan.contains(">30万円の増</text>"), "the chart writes the amount as published")
        // A year's published table: rows and total as written, never as a saving.
        let r6 = site.page("test-plan/reports/2024/index.html")
        #expect(site.cells(r6, table: "effect-table", column: 1) == ["1,200の増", "900", "0", "300の増"])
        #expect(site.cells(r6, table: "effect-table", column: 2) == ["△2,200", "400", "0", "△1,800"])
        #expect(r6.contains(rule))
        // A year Mieruka sums from the items (R7, from a CSV): 「50の増」 is subtracted, and said so.
        let r7 = site.page("test-plan/reports/2025/index.html")
        #expect(site.cells(r7, table: "effect-table", column: 1) == ["△50", "200", "—", "150"])
        #expect(r7.contains(rule))
        // An item's amount, in its sentence and its table.
        let item = site.page("test-plan/002/index.html")
        #expect(item.contains("効果見込額 500千円、実績効果額 10万円の増"))
        #expect(site.cells(item, table: "effect-by-year", column: 1) == ["10万円の増"])
        #expect(item.contains(rule))
        // The downloads write the amounts as published.
        let results = site.page("test-plan/data/results.csv")
        #expect(results.contains(",500,10万円の増,"))
        #expect(results.contains(",100,50の増,"))
        let effects = site.page("test-plan/data/effects.csv")
        #expect(effects.contains("test-plan,2023,令和5年度,公表値,計画全体,,合計,800,30万円の増"))
        #expect(effects.contains("公表値,基本方針,1,行政サービスの最適化,1000,\"1,200の増\""))
        let json = site.page("test-plan/data/plan.json")
        #expect(json.contains("\"effect_actual_yen\":-100000,\"effect_actual_text\":\"10万円の増\""))
        #expect(json.contains("\"actual_yen\":-300000,\"actual_text\":\"300の増\""))
        // A plan without one keeps its files as they were: no 表記 of increases.
        let (_, plain) = try Self.build(nil)
        #expect(!plain.page("test-plan/data/plan.json").contains("_text\""))
        #expect(!plain.page("test-plan/index.html").contains("「…の増」"))
    }

    // MARK: Effects of different kinds (単年度 / 継続)

    @Test func amountsOfDifferentKindsAreNeverAddedTogether() throws {
        let (result, site) = try Self.build("effect-kinds")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
        let rule = "単年度効果額と継続的効果額（と種類の示されていない額）は足し合わせられないため、Mieruka は種類ごとに合計し、種類の異なる額を一つの合計・累計・差額・達成率にしません。"
        // The plan's years: one table per kind, each with its own 累計; none across kinds.
        let plan = site.page("test-plan/index.html")
        #expect(plan.contains("<caption>年度別の財政効果額（単年度効果額）（単位：千円）</caption>"))
        #expect(plan.contains("<caption>年度別の財政効果額（継続的効果額）（単位：千円）</caption>"))
        #expect(plan.contains("<caption>年度別の財政効果額（種類の記載なし）（単位：千円）</caption>"))
        // Actual amounts, 単年度 (R5–R9), 継続 (R6–R9), then those that say no kind (R7, and R9's 合計 of both).
        #expect(
            site.cellsOfEvery(plan, table: "effect-by-year", column: 1)
                == ["400", "800", "200", "1,100", "150", "280", "150", "2,100", "250", "60", "400"])
        // 単年度: 400, +800, +200 from the items (集計), then the city's own 累計 for R8 (公表値), and
        // none after a published year; 継続 starts after the plan's first year, so it has none.
        #expect(
            site.cellsOfEvery(plan, table: "effect-by-year", column: -1)
                == ["400", "1,200", "1,400", "2,800<br><small>公表値</small>", "—", "—", "—", "—", "—", "—", "—"])
        #expect(plan.contains(rule))
        #expect(plan.contains("図：年度別の財政効果額（継続的効果額）"), "the chart's text names the kind")
        // A year with both kinds' totals published: a table per kind, each as published.
        let r8 = site.page("test-plan/reports/2026/index.html")
        #expect(r8.contains("財政効果額（令和8年度・単年度効果額・公表値）"))
        #expect(r8.contains("財政効果額（令和8年度・継続的効果額・公表値）"))
        #expect(site.cellsOfEvery(r8, table: "effect-table", column: 1) == ["700", "400", "1,100", "2,100", "2,100"])
        #expect(!r8.contains("3,200"), "no total of both kinds is derived (1,100 + 2,100)")
        // A published 合計 that does not say its kind (it adds both) is shown as published, alone.
        let r9 = site.page("test-plan/reports/2027/index.html")
        #expect(r9.contains("財政効果額（令和9年度・種類の記載なし・公表値）"))
        #expect(site.cellsOfEvery(r9, table: "effect-table", column: 1) == ["150", "150", "250", "250", "400"])
        // A year Mieruka sums from the items: per kind, never 800 + 280.
        let r6 = site.page("test-plan/reports/2024/index.html")
        #expect(site.cellsOfEvery(r6, table: "effect-table", column: 1) == ["△100", "900", "—", "800", "280", "—", "—", "280"])
        #expect(!r6.contains("1,080"))
        #expect(r6.contains(rule))
        // An item's amounts: the kind beside them, and a table per kind.
        let item = site.page("test-plan/001/index.html")
        #expect(item.contains("効果見込額 300千円、実績効果額 280千円（継続的効果額）"))
        #expect(item.contains("<caption>財政効果額の推移（単年度効果額）（単位：千円）</caption>"))
        #expect(item.contains("<caption>財政効果額の推移（継続的効果額）（単位：千円）</caption>"))
        // The downloads carry the kind of every amount and sum per kind.
        let results = site.page("test-plan/data/results.csv")
        #expect(results.contains(",効果見込額（千円）,効果額（千円）,効果額の種類,"))
        #expect(results.contains("test-plan,2025,令和7年度,2,庁内事務の効率化,C,計画どおり進捗せず,,,,50,60,,"))
        let effects = site.page("test-plan/data/effects.csv")
        #expect(effects.contains("test-plan,2024,令和6年度,掲載項目の集計,計画全体,,合計,700,800,単年度"))
        #expect(effects.contains("test-plan,2024,令和6年度,掲載項目の集計,計画全体,,合計,300,280,継続"))
        #expect(effects.contains("test-plan,2027,令和9年度,公表値,計画全体,,合計,300,400,\r\n") || effects.contains("test-plan,2027,令和9年度,公表値,計画全体,,合計,300,400,\n"))
        let json = site.page("test-plan/data/plan.json")
        #expect(json.contains("\"effect_actual_yen\":280000,\"effect_kind\":\"continuing\""))
        #expect(json.contains("\"effects_by_kind\":[{\"kind\":\"single_year\",\"effect_expected_yen\":700000,\"effect_actual_yen\":800000"))
        // The year with two kinds has no one computed total.
        #expect(json.contains("\"effect_expected_yen\":null,\"effect_actual_yen\":null,\"policies\""))
        // A plan whose amounts say no kind keeps its pages and files as they were.
        let (_, plain) = try Self.build(nil)
        #expect(!plain.page("test-plan/data/results.csv").contains("効果額の種類"))
        #expect(!plain.page("test-plan/data/plan.json").contains("\"kind\""))
        #expect(!plain.page("test-plan/index.html").contains("単年度"))
    }

    // MARK: States that are not grades

    @Test func statesAreShownButOutsideGradeCounts() throws {
        let (result, site) = try Self.build("states")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        // R5: item 1 is 目標年度が未到来, not graded: no grade counted, the table says one is outside.
        let r5 = site.page("test-plan/reports/2023/index.html")
        #expect(site.cells(r5, table: "grade-table", column: -1).last == "3", "計 counts the 3 ungraded listings only")
        #expect(site.cells(r5, table: "grade-table", column: 0).last == "0", "no A any more")
        #expect(r5.contains("評価の対象外の1項目（目標年度が未到来 1項目）は、計にも割合にも含めていません。"))
        #expect(r5.contains("<h2 id=\"state-1\">目標年度が未到来（1項目・評価の対象外）</h2>"))
        // R6: item 3 is 対象外; the published table stays as published, the sentence says what is outside.
        let r6 = site.page("test-plan/reports/2024/index.html")
        #expect(r6.contains("掲載している取組項目のうち、評価の対象外は1項目（対象外 1項目）です（評価の件数には含めていません）。"))
        #expect(r6.contains("<h2 id=\"state-2\">対象外（1項目・評価の対象外）</h2>"))
        #expect(!r6.contains("grade-A\""))
        let item = site.page("test-plan/003/index.html")
        #expect(item.contains("<h3>令和6年度 <span class=\"grade-state\">対象外（評価の対象外）</span></h3>"))
        // The open data writes the state where the grade would be, so that it reads back the same.
        let results = site.page("test-plan/data/results.csv")
        #expect(results.contains(",対象外,対象外,"))
        // plan.json counts them apart from the grades: R6's computed counts have 対象外 1.
        #expect(site.page("test-plan/data/plan.json").contains("\"states\":{\"目標年度が未到来\":0,\"対象外\":1}"))
    }

    /// `states_heading:`: the (made-up) report's own heading over its states, 《達成状況が確定できないもの》,
    /// is what every page and the downloads call them, in place of 「評価の対象外」.
    @Test func theReportsOwnHeadingOverItsStatesNamesThem() throws {
        let (result, site) = try Self.build("states-heading")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        let heading = "達成状況が確定できないもの"
        let r5 = site.page("test-plan/reports/2023/index.html")
        #expect(r5.contains("\(heading)の1項目（目標年度が未到来 1項目）は、計にも割合にも含めていません。"))
        #expect(r5.contains("<h2 id=\"state-1\">目標年度が未到来（1項目・\(heading)）</h2>"))
        let r6 = site.page("test-plan/reports/2024/index.html")
        #expect(r6.contains("掲載している取組項目のうち、\(heading)は1項目（対象外 1項目）です（評価の件数には含めていません）。"))
        let item = site.page("test-plan/003/index.html")
        #expect(item.contains("<h3>令和6年度 <span class=\"grade-state\">対象外（\(heading)）</span></h3>"))
        for page in ["test-plan/reports/2023/index.html", "test-plan/reports/2024/index.html", "test-plan/003/index.html", "test-plan/index.html"] {
            #expect(!site.page(page).contains("評価の対象外"), "\(page) still calls the states 評価の対象外")
        }
        #expect(site.page("test-plan/data/plan.json").contains("\"states_heading\":\"\(heading)\""))
        // Without the key, the same plan says 「評価の対象外」 and plan.json has no states_heading.
        let (_, plain) = try Self.build("states")
        #expect(plain.page("test-plan/003/index.html").contains("対象外（評価の対象外）"))
        #expect(!plain.page("test-plan/data/plan.json").contains("states_heading"))
    }

    /// The report's own counts per state (`state_total:`) over two states: their total is Mieruka's
    /// sum of published figures, and the table's note and the year's sentence say so (a report that
    /// prints 6, 5 and 1 under 《達成状況が確定できないもの》 never prints 12). Made-up counts.
    @Test func aTotalOverPublishedStateCountsIsMarkedAsTheirSum() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/states"), onto: work.path)
        let plan = work.path + "/content/test-plan/_index.md"
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        let total = "    grade_total: {A: 2, B: 6, C: 2, D: 0}\n"
        #expect(text.contains("    listings: 10\n") && text.contains(total))
        try text.replacingOccurrences(of: "    listings: 10\n", with: "    listings: 13\n")
            .replacingOccurrences(of: total, with: total + "    state_total: {目標年度が未到来: 2, 対象外: 1}\n")
            .write(toFile: plan, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["build"], in: work.path)
        #expect(result.status == 0, "\(result.standardError)")
        let r6 = BuiltSite(root: work.path + "/public", work: work).page("test-plan/reports/2024/index.html")
        let outside = "3項目（目標年度が未到来 2項目、対象外 1項目。計は公表値の和）"
        #expect(r6.contains("うち評価の対象外\(outside)は、評価ごとの件数と計に含めていません"), "\(r6)")
        #expect(r6.contains("このうち評価の対象外は\(outside)です"))
        // One published state's count is the city's own figure: no sum to mark.
        try text.replacingOccurrences(of: "    listings: 10\n", with: "    listings: 11\n")
            .replacingOccurrences(of: total, with: total + "    state_total: {対象外: 1}\n")
            .write(toFile: plan, atomically: true, encoding: .utf8)
        #expect(try CommandRunner.mieruka(["build"], in: work.path).status == 0)
        let single = BuiltSite(root: work.path + "/public", work: work).page("test-plan/reports/2024/index.html")
        #expect(single.contains("うち評価の対象外1項目（対象外 1項目）は"))
        #expect(!single.contains("公表値の和"))
    }

    // MARK: The home page's own title

    @Test func theHomeDocumentsTitleHeadsTheHomePage() throws {
        let (result, site) = try Self.build("home-title")
        #expect(result.status == 0, "\(result.standardError)")
        let home = site.page("index.html")
        #expect(home.contains("<h1>架空市の行財政改革の進み具合</h1>"))
        #expect(home.contains("<title>架空市の行財政改革の進み具合 | テスト用サイト</title>"))
    }

    // MARK: Every figure is published or marked as derived

    @Test(arguments: [nil, "named-share", "words-only-scale", "published-cumulative", "home-title", "states", "states-heading", "published-rates", "year-against-year", "contradicting-table", "published-change", "reported-figures", "publisher-kind", "snapshots", "plan-kpis", "status-axes", "money-grid", "money-brackets", "committee-opinions", "effect-increase", "effect-kinds", "grouped-counts", "unreadable-grade", "kpi-provisional"])
    func everyAggregateOnEveryFixturePageIsMarked(_ name: String?) throws {
        let (result, site) = try Self.build(name)
        #expect(result.status == 0, "\(result.standardError)")
        let problems = site.pages().flatMap { FigureMarking.problems(in: $0.html, page: $0.path) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func everyAggregateOnEveryDemoPageIsMarked() throws {
        let work = TemporaryDirectory()
        let result = try CommandRunner.mieruka(
            ["build", "--source", Fixtures.repositoryRoot, "--output", work.path + "/public"], in: work.path)
        #expect(result.status == 0, "\(result.standardError)")
        let site = BuiltSite(root: work.path + "/public", work: work)
        let pages = site.pages()
        #expect(pages.count > 20)
        let problems = pages.flatMap { FigureMarking.problems(in: $0.html, page: $0.path) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // The towns' tables are the towns' published figures, the cities' the cities'.
        for page in pages {
            let plan = page.path.split(separator: "/").first.map(String.init) ?? ""
            let marks = FigureMarking.publishedMarks(in: page.html)
            if ["sakae", "samukawa-5"].contains(plan) {
                #expect(!page.html.contains("市の公表"), "\(page.path)")
                #expect(marks.allSatisfy { $0 == "町の公表値" }, "\(page.path): \(marks)")
            } else if [
                "kodaira-3", "isehara-6", "sanda-shin", "sanda-dankou", "komatsu", "tsukubamirai", "iwaki", "yonago", "yonago-2",
                "yonago-3", "ohtawara-1", "ohtawara-3",
            ].contains(plan) {
                #expect(marks.allSatisfy { $0 == "市の公表値" }, "\(page.path): \(marks)")
            }
        }
        #expect(FigureMarking.publishedMarks(in: site.page("sakae/index.html")) == ["町の公表値"])
        #expect(FigureMarking.publishedMarks(in: site.page("samukawa-5/index.html")) == ["町の公表値"])
        #expect(FigureMarking.publishedMarks(in: site.page("sanda-shin/index.html")) == ["市の公表値"])
        // いわき市: its 実施率 and its 効果額 table, both the city's.
        #expect(FigureMarking.publishedMarks(in: site.page("iwaki/index.html")) == ["市の公表値"])
        // 米子市 and 大田原市: their counts and effect tables (and 米子市's revision), all the cities'.
        for plan in ["yonago", "yonago-2", "yonago-3", "ohtawara-1"] {
            #expect(FigureMarking.publishedMarks(in: site.page(plan + "/index.html")) == ["市の公表値"], "\(plan)")
        }
    }

    @Test func theAuditCatchesAnUnmarkedTable() {
        let unmarked = """
            <table class="grade-table">
            <caption>評価の分布（令和6年度）</caption>
            <tbody><tr><td>3</td></tr></tbody>
            </table>
            </div>
            <p class="table-note">計3項目</p>
            </section>
            """
        #expect(FigureMarking.problems(in: unmarked, page: "x").count == 2)
        let share = """
            <table class="grade-table">
            <caption>評価の分布 <span class="derived-mark">集計</span></caption>
            <tr><th scope="col" class="num">A・Bの割合</th></tr>
            </table>
            <p class="table-note derived-note">この表は集計です。</p>
            """
        #expect(FigureMarking.problems(in: share, page: "x") == ["x: a share column (A・Bの割合) without a note saying what it is of"])
        #expect(FigureMarking.problems(in: "<li>指標：20%、進捗率 25.0%</li>", page: "x").count == 1)
    }
}

/// A built site's pages.
struct BuiltSite {
    let root: String
    /// Keeps the temporary folder alive as long as the site is read.
    let work: TemporaryDirectory

    func page(_ path: String) -> String {
        (try? String(contentsOfFile: root + "/" + path, encoding: .utf8)) ?? "(no page \(path))"
    }

    /// Every HTML page, by its path under the output folder.
    func pages() -> [(path: String, html: String)] {
        FileTree.snapshot(root).filter { $0.key.hasSuffix(".html") }.sorted { $0.key < $1.key }.map {
            ($0.key, String(decoding: $0.value, as: UTF8.self))
        }
    }

    /// The cells of one column of every table of `table`'s class, in the page's order.
    func cellsOfEvery(_ html: String, table: String, column: Int) -> [String] {
        html.components(separatedBy: "<table class=\"\(table)\"").dropFirst().flatMap {
            cells("<table class=\"\(table)\"" + $0, table: table, column: column)
        }
    }

    /// The cells of one column of the first table of `table`'s class (`-1`: the last column),
    /// body and footer rows, as written in the HTML.
    func cells(_ html: String, table: String, column: Int) -> [String] {
        guard let start = html.range(of: "<table class=\"\(table)\""),
            let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex)
        else { return [] }
        let body = html[start.upperBound..<end.lowerBound]
        guard let tbody = body.range(of: "<tbody>") else { return [] }
        return body[tbody.upperBound...].components(separatedBy: "<tr>").dropFirst().compactMap { row in
            let cells = row.components(separatedBy: "<td class=\"num\">").dropFirst().map {
                $0.components(separatedBy: "</td>")[0]
            }
            guard !cells.isEmpty else { return nil }
            return column < 0 ? cells[cells.count + column] : cells[column]
        }
    }
}

/// A published 再掲 count (`relisted:`) is of the listings the published table counts, the graded
/// ones, as the year's sentence counts them (Tests/Fixtures/fidelity/relisted-graded, made-up).
@Suite struct PublishedRelistingTests {
    @Test func aRelistingWithoutAGradeIsNotInThePublishedCount() throws {
        let (result, site) = try FidelityFixtureTests.build("relisted-graded", command: ["check"])
        #expect(result.status == 1)
        let errors = result.standardError
        // R5: item 2 (with its 再掲 listing) has no grade, so the published 再掲 0 agrees.
        #expect(!errors.contains("令和5年度"), "\(errors)")
        // R6: every listing is graded in the items, one of them 再掲, where the table says 2.
        #expect(
            errors.contains(
                "content/test-plan/_index.md:43:5: error: 令和6年度: 1 graded listing is 再掲 in the items, but the published table says 2\n    hint: every listing of the published count is graded in the items; check relisted: in the items, or in the declared table (it counts graded 再掲 listings only)"
            ), "\(errors)")
        #expect(errors.contains("mieruka check: 1 error"), "\(errors)")
        _ = site
        let (built, builtSite) = try FidelityFixtureTests.build("relisted-graded")
        #expect(built.status == 0, "\(built.standardError)")
        // The sentence and the check count alike: R5's published count has no 再掲.
        #expect(builtSite.page("test-plan/reports/2023/index.html").contains("全1項目の取組のうち、1項目が「計画を上回る」"))
        #expect(builtSite.page("test-plan/reports/2024/index.html").contains("全4項目（うち再掲2項目）の取組のうち"))
    }
}
