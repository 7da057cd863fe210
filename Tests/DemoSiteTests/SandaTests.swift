import MierukaModel
import MierukaRender
import Testing

/// 三田市「平成20年度 行政改革効果額実績について」「新行政改革プランの4年間の成果」「平成19年度 行政改革効果額実績について」,
/// as the demo site shows them: money per 分野 (not the policy tree) in 百万円 with one decimal,
/// and a count of achieved items over the stated 149 改革項目, for the four years together.
@Suite struct SandaTests {
    let site = DemoSite.shared

    @Test func effectsPerFieldAreExactlyAsPublished() throws {
        let plan = try #require(site.page("sanda-shin/", as: PlanPageView.self))
        let table = try #require(plan.moneyTables.first)
        #expect(table.title == "行政改革効果額（分野別）")
        #expect(table.years == "平成20年度")
        #expect(table.unit == "（単位：百万円）")
        #expect(table.basis == "一般財源ベース")
        #expect(table.rowHeading == "分野")
        #expect(table.headings == ["計画額a", "実績額b", "差b-a", "達成率(金額ベース)b/a*100"])
        #expect(
            table.rows.map { [$0.label] + $0.cells } == [
                ["【適正化】職員に関すること", "347.0", "400.3", "53.3", "115.4%"],
                ["【効率化】内部管理経費の見直し、歳入の確保等", "310.4", "292.8", "-17.6", "94.3%"],
                ["【協働化】市民負担・サービスに関すること", "45.1", "40.3", "-4.8", "89.4%"],
            ])
        #expect(table.total.map { [$0.label] + $0.cells } == ["合計", "702.5", "733.4", "30.9", "104.4%"])
        #expect(table.spanNote == nil)
        #expect(table.source?.hasSuffix("https://www.city.sanda.lg.jp/zaisei/kaikaku/h20_koukagaku.html") == true)
    }

    @Test func theFourYearsAreShownAsASpanNeverAsOneYear() throws {
        let plan = try #require(site.page("sanda-shin/", as: PlanPageView.self))
        let achievement = try #require(plan.achievements.first)
        #expect(achievement.years == "平成20年度～平成23年度")
        #expect(
            achievement.rows.map { [$0.label] + $0.cells } == [
                ["期間内に目標を達成、又は事業完了", "132", "88.6%"],
                ["計画期間内に目標を達成できなかった", "17", "11.4%"],
            ])
        #expect([achievement.total.label] + achievement.total.cells == ["改革項目の数", "149", "—"])
        #expect(achievement.spanNote == "この表は平成20年度～平成23年度の期間についての公表値で、単年度の数値ではありません。")
        let money = try #require(plan.moneyTables.last)
        #expect(money.years == "平成20年度～平成23年度")
        #expect(money.unit == nil)
        #expect(money.headings == ["当初計画", "成果", "当初計画との差"])
        #expect(money.rows.map(\.cells) == [["47億5,920万円", "48億360万円", "4千440万円"]])
        #expect(money.spanNote != nil)
        // The plan has no yearly results, but it has published figures: no "not yet published" notice.
        #expect(plan.noResultsNote == nil)
    }

    /// The earlier plan's H19 table prints one 差 without its decimal (13): shown as printed.
    @Test func theEarlierPlansTableKeepsItsFiguresAsPrinted() throws {
        let plan = try #require(site.page("sanda-dankou/", as: PlanPageView.self))
        let table = try #require(plan.moneyTables.first)
        #expect(table.headings == ["計画額a", "決算額b", "差b-a", "達成率(金額ベース)b/a*100"])
        #expect(
            table.rows.map(\.cells) == [
                ["130.7", "153.8", "23.1", "117.7%"], ["391.3", "357.8", "-33.5", "91.4%"], ["104.3", "117.3", "13", "112.5%"],
            ])
        #expect(table.total?.cells == ["626.3", "628.9", "2.6", "100.4%"])
    }
}
