import MierukaModel
import MierukaRender
import Testing

/// A year against the year before, on the demo's real reports. None of the demo's plans has two
/// graded years transcribed yet (小平市 H29 is the only year of its plan on the site, 伊勢原市 R6 the
/// only one of its plan), so the demo must say that it does not compare, never invent a 増減.
@Suite struct YearComparisonDemoTests {
    let site = DemoSite.shared

    @Test func kodairaH29IsNotComparedWithAYearTheSiteDoesNotHave() throws {
        let report = try #require(site.page("kodaira-3/reports/2017/", as: ReportPageView.self))
        let comparison = try #require(report.comparison)
        #expect(comparison.heading == "前年度（平成28年度）からの変化")
        #expect(comparison.summary == "平成28年度の評価はこのサイトに掲載されていないため、前年度との比較はしていません。")
        #expect(comparison.countTable == nil)
        #expect(comparison.itemTable == nil)
    }

    @Test func iseharaR6IsNotComparedEither() throws {
        let report = try #require(site.page("isehara-6/reports/2024/", as: ReportPageView.self))
        #expect(report.comparison?.countTable == nil)
        #expect(report.comparison?.itemTable == nil)
        #expect(report.comparison?.summary == "令和5年度の評価はこのサイトに掲載されていないため、前年度との比較はしていません。")
    }

    @Test func noDemoItemHasAGradeHistoryOfOneYear() {
        // An item's 評価の推移 needs two years with a grade or a state.
        for plan in ["kodaira-3"] {
            for number in ["01", "07", "20", "28"] {
                let item = site.page("\(plan)/\(number)/", as: ItemPageView.self)
                #expect(item?.gradeHistory == nil, "\(plan)/\(number)/")
            }
        }
    }
}
