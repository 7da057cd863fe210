import Foundation
import MierukaTestSupport
import Testing

/// Plan revisions (Tests/Fixtures/fidelity/revisions, made-up: revised from R7 with an item added,
/// one deleted, one finished that the site does not detail, a KPI target raised and two scheduled
/// years moved, with made-up 整理番号, then extended a year from R10): each year read against the
/// plan as it stood, the revisions shown as declared, and mistakes in them located.
@Suite struct RevisionFixtureTests {
    /// Builds `base/`, overlaid with `fidelity/revisions/` and then each of `more`.
    static func build(_ more: [String] = [], command: [String] = ["build"]) throws -> (result: CommandRunner.Result, site: BuiltSite) {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        for name in ["revisions"] + more { try FileTree.overlay(Fixtures.path("fidelity/" + name), onto: work.path) }
        let result = try CommandRunner.mieruka(command, in: work.path)
        return (result, BuiltSite(root: work.path + "/public", work: work))
    }

    static func rows(_ html: String, table: String) -> [[String]] { YearComparisonFixtureTests.rows(html, table: table) }

    @Test func thePlanPageShowsEachRevisionAsDeclared() throws {
        let (result, site) = try Self.build()
        #expect(result.status == 0, "\(result.standardError)")
        let plan = site.page("test-plan/index.html")
        #expect(plan.contains("<h2 id=\"revisions\">計画の見直し</h2>"))
        #expect(plan.contains("<h3 id=\"revision-2025\">令和7年度からの見直し（令和7年3月）</h3>"))
        #expect(plan.contains("<caption>見直しで追加・削除・予定年度を変更した取組項目（令和7年度から） <span class=\"declared-mark\">市の公表値</span></caption>"))
        #expect(plan.contains("<th scope=\"col\">整理番号</th>") && plan.contains("<th scope=\"col\">変更前の予定年度</th>"))
        #expect(
            Self.rows(plan, table: "revision-table") == [
                ["追加", "4", "—", "キャッシュレス決済の導入", "—", "—", "新たな課題に対応するため"],
                ["削除", "5", "—", "施設予約の電話受付", "—", "—", "経常業務として実施するため"],
                ["完了（進捗管理の終了）", "—", "1-(2)-(1)", "紙の申請書の削減", "—", "—", "目標を達成したため"],
                ["予定年度の変更", "2", "—", "庁内事務の効率化", "令和7年度", "令和8年度", "関係課との調整に時間を要するため"],
                ["予定年度の変更", "—", "1-(1)-(3)", "窓口アンケートの実施 のうち「2.電子アンケート」", "令和7年度", "令和9年度", "—"],
            ])
        #expect(plan.contains("<th scope=\"row\">紙の申請書の削減</th>"), "an item the site does not detail has no link")
        #expect(plan.contains("この表の取組項目は追加1項目、削除1項目、完了1項目、予定年度の変更2項目です（Mieruka が表の行を数えた集計）。"))
        // The published counts, and both targets.
        #expect(plan.contains("<dt>取組項目の数（変更前・市の公表値）</dt>\n<dd>5項目</dd>"))
        #expect(
            Self.rows(plan, table: "target-revision-table") == [
                ["1", "窓口のオンライン化 &lt;テスト&gt;", "オンライン申請割合", "50.0%", "60.0%", "前倒しで進んだため"]
            ])
        // The extension: the period before and after.
        #expect(plan.contains("<h3 id=\"revision-2028\">令和10年度からの見直し（令和9年2月）</h3>"))
        #expect(plan.contains("<dt>計画期間（変更前）</dt>\n<dd>令和5年度～令和9年度</dd>\n<dt>計画期間（変更後）</dt>\n<dd>令和5年度～令和10年度</dd>"))
    }

    @Test func aYearIsReadAgainstThePlanAsItStoodThatYear() throws {
        let (_, site) = try Self.build()
        // R6: item 4 (added in R7) is neither counted nor 未評価; item 5 (deleted from R7) is.
        let before = site.page("test-plan/reports/2024/index.html")
        #expect(before.contains("全5項目（うち再掲1項目）の取組のうち、1項目が「計画を上回る」、1項目が「概ね計画どおり」、3項目が「計画どおり進捗せず」"))
        #expect(!before.contains("キャッシュレス決済の導入"))
        #expect(before.contains("令和6年度の時点の計画期間は令和5年度～令和9年度です"))
        // R7: item 5 is out of the plan; item 2 (not reported in R7) is 未評価 under the plan of R7.
        let after = site.page("test-plan/reports/2025/index.html")
        // Item 2, the relisted one, has no grade in R7: none of the 3 graded listings is 再掲.
        #expect(after.contains("全3項目の取組のうち、1項目が「計画を上回る」、2項目が「概ね計画どおり」"))
        #expect(!after.contains("施設予約の電話受付</a></h3>"))
        // The year comparison lists what the revision changed, as declared, with Mieruka's count.
        #expect(after.contains("<h2 id=\"year-comparison\">前年度（令和6年度）からの変化</h2>"))
        #expect(
            Self.rows(after, table: "revision-table") == [
                ["追加", "4", "—", "キャッシュレス決済の導入", "—", "—", "新たな課題に対応するため"],
                ["削除", "5", "—", "施設予約の電話受付", "—", "—", "経常業務として実施するため"],
                ["完了（進捗管理の終了）", "—", "1-(2)-(1)", "紙の申請書の削減", "—", "—", "目標を達成したため"],
                ["予定年度の変更", "2", "—", "庁内事務の効率化", "令和7年度", "令和8年度", "関係課との調整に時間を要するため"],
                ["予定年度の変更", "—", "1-(1)-(3)", "窓口アンケートの実施 のうち「2.電子アンケート」", "令和7年度", "令和9年度", "—"],
            ])
        #expect(after.contains("見直しによる前年度からの変化は、追加1項目、削除1項目、完了1項目、予定年度の変更2項目です（市が公表した見直しの取組項目を Mieruka が数えた集計）。"))
        #expect(after.contains("予定年度を変更した取組項目は計画に残るため、件数は変わりません。"))
        // 進捗率 against the target in force: R6 (30 − 10) ÷ (50 − 10), R7 (45 − 10) ÷ (60 − 10).
        #expect(before.contains("オンライン申請割合：30.0%（目標 50.0%、令和6年度の時点の目標）、進捗率 50.0%（Mieruka の計算）"))
        #expect(after.contains("オンライン申請割合：45.0%（目標 60.0%、令和7年度の時点の目標）、進捗率 70.0%（Mieruka の計算）"))
        // The year counts of the plan page follow the same rule.
        #expect(!site.page("test-plan/reports/2023/index.html").contains("revision-table"))
    }

    @Test func itemPagesShowTheirHistory() throws {
        let (_, site) = try Self.build()
        let added = site.page("test-plan/004/index.html")
        #expect(added.contains("<h2 id=\"revision-history\">計画の見直しによる変更</h2>"))
        #expect(added.contains("この取組項目は、令和7年度からの見直しで計画に加わりました。"))
        #expect(Self.rows(added, table: "item-revision-table") == [["令和7年度から（令和7年3月）", "追加", "新たな課題に対応するため"]])
        #expect(added.contains("<a href=\"/kaikaku/test-plan/#revision-2025\">令和7年度から</a>"))
        let deleted = site.page("test-plan/005/index.html")
        #expect(deleted.contains("この取組項目は、令和7年度からの見直しで削除され、令和7年度以降の計画にはありません。"))
        #expect(Self.rows(deleted, table: "item-revision-table") == [["令和7年度から（令和7年3月）", "削除", "経常業務として実施するため"]])
        let revised = site.page("test-plan/001/index.html")
        #expect(Self.rows(revised, table: "target-revision-table") == [["オンライン申請割合", "50.0%", "60.0%", "令和7年度から", "前倒しで進んだため"]])
        #expect(!site.page("test-plan/003/index.html").contains("revision-history"))
        // A move of the scheduled year is in the item's history, and the item stays in the plan.
        let moved = site.page("test-plan/002/index.html")
        #expect(
            Self.rows(moved, table: "item-revision-table") == [
                ["令和7年度から（令和7年3月）", "予定年度の変更：令和7年度から令和8年度へ", "関係課との調整に時間を要するため"]
            ])
        #expect(!moved.contains("revision-status"))
        // Lists of items say which a revision added or took out.
        let plan = site.page("test-plan/index.html")
        #expect(plan.contains("施設予約の電話受付</a> <span class=\"revision-mark\">（令和7年度から削除）</span></th>"))
        #expect(plan.contains("キャッシュレス決済の導入</a> <span class=\"revision-mark\">（令和7年度から追加）</span></th>"))
        #expect(!plan.contains("基金の確保</a> <span class=\"revision-mark\">"))
    }

    @Test func mistakesInRevisionsAreLocatedWithAFix() throws {
        let (result, _) = try Self.build(["revisions-invalid"], command: ["check"])
        #expect(result.status == 1)
        let errors = result.standardError
        for expected in [
            "content/test-plan/_index.md:28:11: error: the revision holding from 令和12年度 is outside the plan period 令和5年度～令和10年度",
            "content/test-plan/_index.md:33:16: error: the plan test-plan has no item number 99",
            "content/test-plan/_index.md:37:24: error: the item 1 has no KPI \"nope\"",
            "content/test-plan/_index.md:39:36: error: the last revision sets the period to 令和5年度～令和11年度, but the plan's period: is 令和5年度～令和10年度",
            "seeds/test-plan/R6-added.yml:5:5: error: a result for the item 4 in 令和6年度, before the revision of 令和7年度 added it to the plan",
            "seeds/test-plan/R7.yml:6:5: error: a result for the item 5 in 令和7年度, after the revision of 令和7年度 deleted it",
            "content/test-plan/_index.md:40:5: error: the plan revision of 令和8年度 says nothing that changed",
            "content/test-plan/_index.md:43:9: error: an item of a revision has neither \"item\" nor \"title\"",
            "hint: give the number of an item of test-plan (1, 2, 3, 4, 5, 10), or, for an item the site does not detail, its title: instead of item:",
        ] {
            #expect(errors.contains(expected), "missing: \(expected)\n\(errors)")
        }
        #expect(errors.contains("mieruka check: 8 errors"), "\(errors)")
    }

    @Test func checkWarnsWhenAPublishedItemCountContradictsTheItemsListed() throws {
        let (result, site) = try Self.build(["revisions-contradicting"], command: ["check"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardError.contains(
                "content/test-plan/_index.md:34:31: warning: the revision publishes 5 items before and 5 after, but lists 1 added and 2 deleted or finished (5 + 1 − 2 = 4)"
            ), "\(result.standardError)")
        _ = site
        // Shown as published.
        let (_, built) = try Self.build(["revisions-contradicting"])
        #expect(built.page("test-plan/index.html").contains("<dt>取組項目の数（変更後・市の公表値）</dt>\n<dd>5項目</dd>"))
    }

    /// A rescheduled item stays in the plan: every year's counts are those without the move (the
    /// fixture without `rescheduled:`, revisions-contradicting, counts the same), and the plan
    /// page of a revision without moves or 整理番号 keeps its table as it was.
    @Test func aRescheduledItemChangesNoCountAndPlansWithoutMovesKeepTheirTable() throws {
        let (_, site) = try Self.build()
        let (_, without) = try Self.build(["revisions-contradicting"])
        for year in ["2023", "2024", "2025"] {
            let counts = { (built: BuiltSite) in
                Self.rows(built.page("test-plan/reports/\(year)/index.html"), table: "grade-table")
            }
            #expect(counts(site) == counts(without), "\(year)")
            #expect(!counts(site).isEmpty, "\(year)")
        }
        let plan = without.page("test-plan/index.html")
        #expect(plan.contains("<caption>見直しで追加・削除した取組項目（令和7年度から） <span class=\"declared-mark\">市の公表値</span></caption>"))
        #expect(!plan.contains("整理番号") && !plan.contains("予定年度"))
        #expect(
            Self.rows(plan, table: "revision-table") == [
                ["追加", "4", "キャッシュレス決済の導入", "新たな課題に対応するため"],
                ["削除", "5", "施設予約の電話受付", "経常業務として実施するため"],
                ["完了（進捗管理の終了）", "—", "紙の申請書の削減", "目標を達成したため"],
            ])
        let csv = try String(contentsOfFile: without.root + "/test-plan/data/revisions.csv", encoding: .utf8)
        #expect(!csv.contains("整理番号") && !csv.contains("対象の部分") && !csv.contains("予定年度"))
        let json = try String(contentsOfFile: without.root + "/test-plan/data/plan.json", encoding: .utf8)
        #expect(!json.contains("rescheduled") && !json.contains("reference_number"))
        #expect(!without.page("test-plan/data/index.html").contains("revisions[].rescheduled[]"))
        #expect(site.page("test-plan/data/index.html").contains("revisions[].rescheduled[]"))
    }

    @Test func everyFigureOnTheRevisedSiteIsMarked() throws {
        let (_, site) = try Self.build()
        var problems: [String] = []
        for (path, html) in site.pages() { problems += FigureMarking.problems(in: html, page: path) }
        #expect(problems.isEmpty, "\(problems)")
    }
}
