import Foundation
import MierukaTestSupport
import Testing

/// The charts drawn as inline SVG: what they say to a screen reader, that grades differ by pattern
/// and not only by colour, and that several charts on one page never share an id.
@Suite struct ChartTests {
    /// Made-up test data: a plan with a KPI (baseline, target, two actuals) and effects in two years.
    let files: [String: String] = [
        "mieruka.yml": "title: テスト\n",
        "content/p/_index.md": InMemorySite.plan.replacingOccurrences(
            of: "period: {from: R5, to: R9}", with: "period: {from: R5, to: R9}\nmoney_unit: 千円"),
        "content/p/a.md": InMemorySite.item(
            "1",
            extra: """
                departments: [企画課]
                kpis:
                  - {id: rate, name: 申請割合, unit: "%", baseline: {year: R4, value: 10}, target: {year: R9, value: 50}, actuals: {R5: 20, R6: 30}}
                results:
                  - {year: R5, grade: A, effect: {expected: 100, actual: 120}}
                  - {year: R6, grade: C, effect: {expected: 200, actual: "△50"}}

                """),
        "content/p/b.md": InMemorySite.item("2", policy: "2", extra: "departments: [財政課]\nresults:\n  - {year: R6, grade: B}\n"),
    ]

    func svgs(_ html: String) -> [String] {
        html.components(separatedBy: "<svg").dropFirst().map { "<svg" + ($0.components(separatedBy: "</svg>").first ?? "") }
    }

    @Test func gradeChartSpellsOutItsNumbersAndUsesPatterns() throws {
        let html = RenderTestSite(files).html("p/")
        let chart = try #require(svgs(html).first { $0.contains("chart-grades") })
        #expect(chart.contains("role=\"img\""))
        #expect(chart.contains("<title id=\""))
        // The text equivalent: every row and grade in words (the table has the same numbers).
        #expect(chart.contains("方針一：A 良い 0項目、B 普通 0項目、C 遅れ 1項目"))
        #expect(chart.contains("方針二：A 良い 0項目、B 普通 1項目、C 遅れ 0項目"))
        // Patterns: each grade after the first has its own (not just a colour).
        #expect(chart.contains("<pattern id=\""))
        #expect(chart.contains("-stripes)"))
        #expect(chart.contains("-dots)"))
        // The legend names each grade.
        for label in ["A 良い", "B 普通", "C 遅れ"] { #expect(chart.contains(">\(label)</text>")) }
        #expect(html.contains("<figcaption>図：評価の分布（令和6年度）"))
    }

    /// Colour says better and worse only where the plan ranks its scale: without
    /// `grade_order: best_first` every grade has one neutral colour, in the chart and in the marks,
    /// and the patterns still tell the grades apart.
    @Test func gradesAreColouredBetterAndWorseOnlyOnAScaleThePlanRanks() throws {
        let unranked = RenderTestSite(files)
        let chart = try #require(svgs(unranked.html("p/")).first { $0.contains("chart-grades") })
        for judged in ["chart-best", "chart-worst", "chart-middle", "chart-ink-worst", "chart-ink-middle"] {
            #expect(!chart.contains(judged), "an unranked scale's chart uses \(judged)")
        }
        #expect(chart.contains("chart-segment chart-unranked"))
        #expect(chart.contains("-stripes)") && chart.contains("-dots)"))
        let item = unranked.html("p/a/")
        #expect(item.contains("<span class=\"grade grade-unranked\"><span class=\"grade-code\">C</span>"))
        #expect(!item.contains("grade-rank-"))

        var rankedFiles = files
        rankedFiles["content/p/_index.md"] = files["content/p/_index.md"]?.replacingOccurrences(
            of: "policies:", with: "grade_order: best_first\npolicies:")
        let ranked = RenderTestSite(rankedFiles)
        let rankedChart = try #require(svgs(ranked.html("p/")).first { $0.contains("chart-grades") })
        #expect(rankedChart.contains("chart-segment chart-worst"))
        #expect(rankedChart.contains("-crosshatch)"))  // the worst grade, cross-hatched
        #expect(!rankedChart.contains("chart-unranked"))
        #expect(ranked.html("p/a/").contains("<span class=\"grade grade-rank-2 grade-of-3\"><span class=\"grade-code\">C</span>"))
    }

    @Test func kpiChartShowsBaselineActualsAndTarget() throws {
        let html = RenderTestSite(files).html("p/a/")
        let chart = try #require(svgs(html).first { $0.contains("chart-kpi") })
        #expect(chart.contains("基準値 10%（令和4年度）、実績 20%（令和5年度）、実績 30%（令和6年度）、目標値 50%（令和9年度）"))
        #expect(chart.contains(">目標 50%</text>"))
        #expect(chart.contains(">基準 10%</text>"))
        #expect(chart.contains("class=\"chart-line\""))
    }

    @Test func effectChartPutsANegativeAmountBelowTheAxis() throws {
        let html = RenderTestSite(files).html("p/a/")
        let chart = try #require(svgs(html).first { $0.contains("chart-effects") })
        #expect(chart.contains("令和6年度：見込額 200千円、実績 △50千円"))
        #expect(chart.contains(">△50</text>"))
        // The zero line, and the △50 bar starting at it and going down.
        let axis = try #require(chart.range(of: "class=\"chart-axis\" x1=\"0\" x2=\"640\" y1=\""))
        let zero = chart[axis.upperBound...].prefix { $0 != "\"" }
        #expect(chart.contains("class=\"chart-segment chart-actual\" x=\"") && chart.contains("y=\"\(zero)\""))
    }

    @Test func chartIdsAreUniqueOnAPageAndStableAcrossBuilds() {
        let site = RenderTestSite(files)
        for page in site.pages {
            let html = site.html(page.route)
            let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(Set(ids).count == ids.count, "\(page.route) repeats an id")
        }
        #expect(RenderTestSite(files).html("p/a/") == site.html("p/a/"))
    }

    @Test func itemRowsCarryWhatTheFiltersMatch() throws {
        let html = RenderTestSite(files).html("p/")
        #expect(html.contains("<form class=\"item-filter\" data-table=\"item-table\" hidden>"))
        #expect(html.contains("<option value=\"2\">C 遅れ</option>"))
        #expect(html.contains("<option value=\"1\">　方針一の一</option>"))
        // Item 1: grade C (index 2), under 方針一 (0) › 方針一の一 (1), department 企画課 (0).
        #expect(html.contains("<tr data-grade=\"2\" data-policies=\"0 1\" data-departments=\"0\">"))
        #expect(html.contains("<tr data-grade=\"1\" data-policies=\"2\" data-departments=\"1\">"))
        // The filters are for the plan page; a policy page lists its items without them.
        #expect(!RenderTestSite(files).html("p/policies/1/").contains("item-filter"))
    }

    /// A chart reaches the template as bytes (`TemplateValue.markup`); a theme may still open it as
    /// a section and write it with `{{{.}}}`, or write it escaped with `{{chartHTML}}`.
    @Test func aThemeCanWriteAChartAsASectionOrEscaped() throws {
        let theme = """
            {{#charts}}<p class="raw">{{#chartHTML}}{{{.}}}{{/chartHTML}}</p>\
            <p class="escaped">{{chartHTML}}</p>{{^chartHTML}}no chart{{/chartHTML}}{{/charts}}
            """
        let site = RenderTestSite(files, templates: ["partials/kpi-table": theme])
        // Writing it escaped is allowed, with the linter's warning that it will show as text.
        #expect(site.diagnostics.all.allSatisfy { $0.message.contains("\"chartHTML\" holds HTML and will be shown as escaped text") })
        #expect(!site.diagnostics.all.isEmpty)
        let html = site.html("p/a/")
        let raw = try #require(html.components(separatedBy: "<p class=\"raw\">").dropFirst().first)
        #expect(raw.hasPrefix("<svg class=\"chart chart-kpi\""))
        #expect(raw.contains("</svg></p>"))
        let escaped = try #require(html.components(separatedBy: "<p class=\"escaped\">").dropFirst().first)
        #expect(escaped.hasPrefix("&lt;svg class=&quot;chart chart-kpi&quot;"))
        #expect(!html.contains("no chart"), "an inverted section over a chart is not shown")
    }
}
