import Foundation
import MierukaTestSupport
import Testing

/// How a grade was reached and the members' own grades behind it (佐渡市's committee averages its
/// members' grades), on a result's grade and on a value on a status axis: shown beside the grade,
/// kept in the downloads, never counted (made-up values in Tests/Fixtures/fidelity/grade-composition*,
/// over the status axes fixture).
@Suite struct GradeCompositionTests {
    static func build(_ overlay: String, command: [String] = ["build"]) throws -> (result: CommandRunner.Result, site: BuiltSite) {
        try AxisGraderColumnTests.build(overlay, command: command)
    }

    /// The text of a page from `start` to the end of the first table after it.
    static func section(_ html: String, from start: String) -> String? {
        guard let begin = html.range(of: start),
            let end = html.range(of: "</table>", range: begin.upperBound..<html.endIndex)
        else { return nil }
        return String(html[begin.lowerBound..<end.upperBound])
    }

    @Test func theItemPageShowsHowTheGradeWasReachedBesideIt() throws {
        let (result, site) = try Self.build("grade-composition")
        #expect(result.status == 0, "\(result.standardError)")
        let item1 = site.page("test-plan/001/index.html")
        #expect(
            item1.contains(
                "<p class=\"grade-composition\">評価の方法：委員5人の評価を平均化。委員ごとの評価：A、B、B、C、B（5件。評価の分布には数えていません）</p>"
            ), "\(item1)")
        // On 達成度, with the members named as printed.
        #expect(
            item1.contains(
                "<br><span class=\"grade-composition\">評価の方法：委員の評価の多数。委員ごとの評価：甲委員 A、乙委員 B、丙委員 B（3件。評価の分布には数えていません）</span></dd>"
            ))
        // The method alone, where the report prints no members' grades.
        #expect(site.page("test-plan/002/index.html").contains("<p class=\"grade-composition\">評価の方法：委員の評価を平均化</p>"))
        // Without the keys, nothing is said.
        #expect(!site.page("test-plan/003/index.html").contains("grade-composition"))
    }

    /// The year's report repeats the plan grade's method under the grade where it lists the item,
    /// as it does for an axis value's.
    @Test func theYearReportShowsHowThePlansGradeWasReached() throws {
        let (result, site) = try Self.build("grade-composition")
        #expect(result.status == 0, "\(result.standardError)")
        let report = site.page("test-plan/reports/2024/index.html")
        #expect(
            report.contains(
                "<br><span class=\"grade-composition\">評価の方法：委員5人の評価を平均化。委員ごとの評価：A、B、B、C、B（5件。評価の分布には数えていません）</span></dd>"
            ), "\(report)")
        #expect(report.contains("<br><span class=\"grade-composition\">評価の方法：委員の評価を平均化</span></dd>"))
        // The axis value's own stays with it.
        #expect(report.contains("評価の方法：委員の評価の多数。委員ごとの評価：甲委員 A、乙委員 B、丙委員 B"))
        // Item 3 says nothing of a method.
        let item3 = try #require(report.range(of: "/003/\">"))
        let next = report[item3.upperBound...].components(separatedBy: "</article>")[0]
        #expect(!next.contains("grade-composition"), "\(next)")
    }

    @Test func theMembersGradesAreNeverCounted() throws {
        let (result, site) = try Self.build("grade-composition")
        #expect(result.status == 0, "\(result.standardError)")
        let (_, plain) = try Self.build("status-axes")
        let report = site.page("test-plan/reports/2024/index.html")
        let before = plain.page("test-plan/reports/2024/index.html")
        // The distribution of grades and of each axis is the one of the printed grades alone.
        for start in ["<h2 id=\"grades\">", "<h2 id=\"axis-1\">", "<h2 id=\"axis-2\">"] {
            let counted = Self.section(report, from: start)
            #expect(counted != nil, "\(start)")
            #expect(counted == Self.section(before, from: start), "\(start)")
        }
        #expect(site.page("test-plan/index.html").contains("grade-composition") == false)
    }

    @Test func theDownloadsKeepTheMethodAndTheMembersGrades() throws {
        let (result, site) = try Self.build("grade-composition")
        #expect(result.status == 0, "\(result.standardError)")
        let csv = site.page("test-plan/data/results.csv")
        let header = csv.components(separatedBy: "\r\n").first ?? ""
        #expect(header.hasSuffix(",評価者,達成度の評価者,評価の方法,委員ごとの評価,達成度の評価の方法,達成度の委員ごとの評価"), "\(header)")
        #expect(csv.contains(",委員5人の評価を平均化,A、B、B、C、B,委員の評価の多数,甲委員：A、乙委員：B、丙委員：B\r\n"))
        #expect(csv.contains(",委員の評価を平均化,,,\r\n"))
        let json = site.page("test-plan/data/plan.json")
        #expect(
            json.contains(
                "\"grade_composition\":{\"method\":\"委員5人の評価を平均化\",\"member_grades\":[{\"member\":null,\"grade\":\"A\"},{\"member\":null,\"grade\":\"B\"}"
            ), "\(json.prefix(3000))")
        #expect(json.contains("\"axis_grade_compositions\":[{\"axis\":\"achievement\",\"method\":\"委員の評価の多数\",\"member_grades\":[{\"member\":\"甲委員\",\"grade\":\"A\"}"))
    }

    /// results.csv, saved in place of the results it was made from, builds the same site.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func theFixtureRebuildsFromItsExportedResults(file: String) throws {
        let site = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: site.path)
        try FileTree.overlay(Fixtures.path("fidelity/status-axes"), onto: site.path)
        try FileTree.overlay(Fixtures.path("fidelity/grade-composition"), onto: site.path)
        let outputs = try OpenDataRoundTripTests().roundTrip(
            site, plan: "test-plan", file: file,
            removing: ["seeds/test-plan/R5.yml", "seeds/test-plan/R6.yml", "seeds/test-plan/R7.csv"]
        ) { root in
            try OpenDataRoundTripTests.removeFrontMatterResults(ofFirstItemIn: root)
        }
        #expect(outputs.original["test-plan/001/index.html"].map { String(decoding: $0, as: UTF8.self).contains("委員5人の評価を平均化") } == true)
        OpenDataRoundTripTests().expectSame(outputs)
    }

    @Test func aMembersGradeOffTheScaleOrWithoutAGradeIsAnErrorAtIt() throws {
        let (result, _) = try Self.build("grade-composition-invalid", command: ["check"])
        #expect(result.status == 1)
        let errors = result.standardError
        #expect(errors.contains("seeds/test-plan/R6.yml:8:24: error: member_grades: grade \"E\" is not on the plan's scale (A, B, C, D)"), "\(errors)")
        #expect(errors.contains("seeds/test-plan/R6.yml:11:50: error: member_grades: grade \"D\" is not on the scale of the status axis 「達成度」 (A, B, C)"))
        #expect(
            errors.contains(
                "seeds/test-plan/R6.yml:13:5: error: the result says how its grade was reached (grading:, member_grades:), but gives no grade"))
    }
}
