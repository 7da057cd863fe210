import MierukaModel
import MierukaRender
import Testing

/// A year against the year before, on the demo's real reports. 相模原市's アクションプラン has two graded
/// years from the city's own newsletters (平成22・23年度, counts per grade published both years), so
/// its 平成23年度 report shows the 増減 per grade, computed by Mieruka and marked so
/// (`SagamiharaTests` checks every figure). Plans with one year on the site (小平市 H29, 伊勢原市 R6)
/// must say that they do not compare, never invent a 増減.
@Suite struct YearComparisonDemoTests {
    let site = DemoSite.shared

    @Test func sagamiharaH23IsComparedWithH22FromTwoRealReports() throws {
        let report = try #require(site.page("sagamihara-ap/reports/2011/", as: ReportPageView.self))
        let counts = try #require(report.comparison?.countTable)
        #expect(counts.rows.map(\.difference) == ["△11", "+5", "△3", "+3"])
        #expect(counts.differenceHeading == "増減")
        #expect(counts.isPublished == false)
    }

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
        // An item's 評価の推移 needs two years with a grade or a state (相模原市's two years have
        // counts only, no items).
        for plan in ["kodaira-3"] {
            for number in ["01", "07", "20", "28"] {
                let item = site.page("\(plan)/\(number)/", as: ItemPageView.self)
                #expect(item?.gradeHistory == nil, "\(plan)/\(number)/")
            }
        }
    }
}
