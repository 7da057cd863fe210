import MierukaModel
import MierukaSite

/// Builds the tables that appear on several pages: grade distributions, financial effects,
/// KPIs and effects by year. All counting and summing is done here, none in templates.
struct TableBuilder {
    let index: PlanIndex
    let links: LinkMaker

    var plan: Plan { index.plan }
    var format: PlanFormatter { PlanFormatter(plan: plan) }

    func policyTitle(_ policy: Int) -> String { plan.policies[policy].numberedTitle }

    func policyURL(_ policy: Int) -> String { links.href(SiteRoutes.policy(plan.slug, plan.policies[policy].slug)) }

    var gradeViews: [GradeView] { plan.grades.grades.indices.compactMap { format.grade($0) } }

    /// How many of the best grades count as on or ahead of plan: the better half of the scale
    /// (S・A of S/A/B, A・B of A/B/C/D).
    var betterGrades: Int { (plan.grades.count + 1) / 2 }

    /// 「A・B」
    var shareGrades: String? {
        guard plan.grades.count >= 2 else { return nil }
        return plan.grades.grades.prefix(betterGrades).map(\.code).joined(separator: "・")
    }

    /// The better grades' share of the graded count, one decimal (「30.3%」), or 「—」.
    func share(_ counts: [Int]) -> String {
        let graded = counts.reduce(0, +)
        guard graded > 0 else { return "—" }
        let better = counts.prefix(betterGrades).reduce(0, +)
        return Percentage(ratio: Double(better) / Double(graded))?.formatted() ?? "—"
    }

    /// Listings graded in `year` among the items transcribed.
    func transcribedListings(_ year: FiscalYear) -> Int {
        guard let tally = index.tallies[year] else { return 0 }
        return tally.totalListings - tally.totalUngraded
    }

    /// The plan's grade distribution for a year: the city's published table when the plan declares
    /// one, else the count of the transcribed items. `rows` are policy indices (subtrees).
    func gradeTable(year: FiscalYear, rows: [Int], rowHeading: String, restrictTo policy: Int? = nil) -> GradeTableView? {
        guard !plan.grades.isEmpty else { return nil }
        let yearLabel = format.year(year)
        if let declared = plan.declared(in: year), declared.hasGradeCounts {
            let declaredRows = declared.gradeRows.filter { row in
                policy.map { plan.policy(row.policy, isWithin: $0) } ?? true
            }
            if policy == nil || !declaredRows.isEmpty {
                return declaredTable(declared, rows: declaredRows, yearLabel: yearLabel, rowHeading: rowHeading, whole: policy == nil)
            }
        }
        guard let tally = index.tallies[year] else { return nil }
        let distribution = tally.distribution(rows: rows)
        guard distribution.total.total > 0 else { return nil }
        let total: GradeDistribution.Row
        if let policy {
            let own = tally.distribution(rows: [policy]).rows[0]
            total = own
        } else {
            total = distribution.total
        }
        var totalNote: String?
        if total.relisted > 0 {
            totalNote = "計\(format.items(total.total))（うち再掲\(format.items(total.relisted))）"
        }
        let caption = "評価の分布（\(yearLabel)）"
        let chart = GradeBarChart(
            scope: chartScope("grades", year, policy), title: caption, grades: plan.grades.grades,
            rows: distribution.rows.map {
                GradeBarChart.Row(label: $0.policy.map(policyTitle) ?? "計", counts: $0.counts, ungraded: $0.ungraded)
            })
        return GradeTableView(
            caption: caption, isDeclared: false, source: nil, rowHeading: rowHeading,
            grades: gradeViews, hasUngraded: total.ungraded > 0,
            rows: distribution.rows.map { row in
                computedRow(title: row.policy.map(policyTitle) ?? "計", url: row.policy.map(policyURL), row)
            },
            total: computedRow(title: "計", url: nil, total), totalNote: totalNote, coverageNote: nil,
            chartHTML: chart.html, shareGrades: shareGrades)
    }

    /// Where a chart is (plan, kind, year, policy): the seed of its ids, unique on any page.
    func chartScope(_ kind: String, _ year: FiscalYear?, _ policy: Int?) -> String {
        "\(plan.slug)/\(kind)/\(year.map { String($0.year) } ?? "-")/\(policy.map { plan.policies[$0].id } ?? "-")"
    }

    private func computedRow(title: String, url: String?, _ row: GradeDistribution.Row) -> GradeTableRowView {
        GradeTableRowView(
            title: title, url: url,
            counts: row.counts.enumerated().compactMap { offset, count in
                format.grade(offset).map { CountView(value: format.count(count), grade: $0) }
            },
            ungraded: format.count(row.ungraded), total: format.count(row.total), share: share(row.counts))
    }

    private func declaredTable(
        _ declared: DeclaredYear, rows: [DeclaredGradeRow], yearLabel: String, rowHeading: String, whole: Bool
    ) -> GradeTableView {
        func row(title: String, url: String?, counts: [Int]) -> GradeTableRowView {
            GradeTableRowView(
                title: title, url: url,
                counts: counts.enumerated().compactMap { offset, count in
                    format.grade(offset).map { CountView(value: format.count(count), grade: $0) }
                },
                ungraded: "0", total: format.count(counts.reduce(0, +)), share: share(counts))
        }
        let totals: [Int]
        if whole, let all = declared.gradeTotals {
            totals = all
        } else {
            totals = plan.grades.grades.indices.map { grade in rows.reduce(0) { $0 + $1.counts[grade] } }
        }
        let listings = whole ? (declared.totalListings ?? totals.reduce(0, +)) : totals.reduce(0, +)
        var totalNote = "全\(format.items(listings))"
        if whole, let relisted = declared.relisted, relisted > 0 {
            totalNote += "（うち再掲\(format.items(relisted))）"
        }
        let transcribed: Int
        if whole {
            transcribed = transcribedListings(declared.year)
        } else {
            let tally = index.tallies[declared.year]
            transcribed = rows.reduce(0) { sum, row in
                sum + (tally.map { $0.listingCounts[row.policy][0..<plan.grades.count].reduce(0, +) } ?? 0)
            }
        }
        let caption = "評価の分布（\(yearLabel)・公表値）"
        let chart = GradeBarChart(
            scope: chartScope("grades", declared.year, whole ? nil : rows.first.map { plan.policies[$0.policy].parent ?? $0.policy }),
            title: caption, grades: plan.grades.grades,
            rows: rows.map { GradeBarChart.Row(label: policyTitle($0.policy), counts: $0.counts, ungraded: 0) })
        return GradeTableView(
            caption: caption, isDeclared: true, source: declared.source,
            rowHeading: rowHeading, grades: gradeViews, hasUngraded: false,
            rows: rows.map { row(title: policyTitle($0.policy), url: policyURL($0.policy), counts: $0.counts) },
            total: row(title: "計", url: nil, counts: totals), totalNote: totalNote,
            coverageNote: "\(format.items(listings))中\(format.items(transcribed))を掲載", chartHTML: chart.html,
            shareGrades: shareGrades)
    }

    /// Expected against actual effect per policy for a year: published when declared, else computed.
    func effectTable(year: FiscalYear, rows: [Int], rowHeading: String, restrictTo policy: Int? = nil) -> EffectTableView? {
        let yearLabel = format.year(year)
        // The published rows when there are any for these policies; otherwise the items' own sums.
        if let declared = plan.declared(in: year), declared.hasEffects,
            case let declaredRows = declared.effectRows.filter({ row in
                policy.map { plan.policy(row.policy, isWithin: $0) } ?? true
            }),
            !declaredRows.isEmpty || policy == nil
        {
            let total =
                policy == nil
                ? declared.effectTotals
                : Effect(
                    expected: Money.sum(declaredRows.map(\.effect.expected)),
                    actual: Money.sum(declaredRows.map(\.effect.actual)))
            return EffectTableView(
                caption: "財政効果額（\(yearLabel)・公表値）", isDeclared: true, source: declared.source,
                rowHeading: rowHeading, unit: plan.moneyUnit.rawValue,
                rows: declaredRows.map {
                    effectRow(title: policyTitle($0.policy), url: policyURL($0.policy), expected: $0.effect.expected, actual: $0.effect.actual)
                },
                total: effectRow(title: "合計", url: nil, expected: total?.expected, actual: total?.actual))
        }
        guard let tally = index.tallies[year] else { return nil }
        let summary = tally.effects(rows: rows)
        guard !summary.isEmpty else { return nil }
        return EffectTableView(
            caption: "財政効果額（\(yearLabel)）", isDeclared: false, source: nil, rowHeading: rowHeading,
            unit: plan.moneyUnit.rawValue,
            rows: summary.rows.map {
                effectRow(title: $0.policy.map(policyTitle) ?? "", url: $0.policy.map(policyURL), expected: $0.expected, actual: $0.actual)
            },
            total: effectRow(title: "合計", url: nil, expected: summary.total.expected, actual: summary.total.actual))
    }

    private func effectRow(title: String, url: String?, expected: Money?, actual: Money?) -> EffectRowView {
        let row = EffectSummary.Row(policy: nil, expected: expected, actual: actual)
        return EffectRowView(
            title: title, url: url, expected: format.money(expected), actual: format.money(actual),
            difference: format.money(row.difference), rate: row.rate?.formatted() ?? "—")
    }

    /// The plan's effects year by year with running totals, or nil when no year has amounts.
    func planEffectByYear() -> EffectByYearView? {
        let entries: [(FiscalYear, Money?, Money?)] = index.years.compactMap { year in
            if let declared = plan.declared(in: year), let total = declared.effectTotals {
                return (year, total.expected, total.actual)
            }
            guard let tally = index.tallies[year], tally.totalExpected != nil || tally.totalActual != nil else { return nil }
            return (year, tally.totalExpected, tally.totalActual)
        }
        return effectByYear(entries, caption: "年度別の財政効果額", scope: chartScope("effects", nil, nil))
    }

    func effectByYear(_ entries: [(FiscalYear, Money?, Money?)], caption: String, scope: String) -> EffectByYearView? {
        guard !entries.isEmpty else { return nil }
        var cumulativeExpected: Money?
        var cumulativeActual: Money?
        var rows: [EffectYearRowView] = []
        for (year, expected, actual) in entries {
            cumulativeExpected = add(cumulativeExpected, expected)
            cumulativeActual = add(cumulativeActual, actual)
            let row = EffectSummary.Row(policy: nil, expected: expected, actual: actual)
            rows.append(
                EffectYearRowView(
                    year: format.year(year), expected: format.money(expected), actual: format.money(actual),
                    difference: format.money(row.difference), cumulativeExpected: format.money(cumulativeExpected),
                    cumulativeActual: format.money(cumulativeActual), rate: row.rate?.formatted() ?? "—"))
        }
        let totalRow = EffectSummary.Row(policy: nil, expected: cumulativeExpected, actual: cumulativeActual)
        // A chart needs more than one year to show a course.
        let chart =
            entries.count > 1
            ? EffectBarChart(
                scope: scope, title: caption, unit: plan.moneyUnit,
                years: entries.map { EffectBarChart.Year(label: format.year($0.0), expected: $0.1, actual: $0.2) }).html
            : nil
        return EffectByYearView(
            caption: caption, unit: plan.moneyUnit.rawValue, rows: rows,
            total: EffectYearRowView(
                year: "累計", expected: format.money(cumulativeExpected), actual: format.money(cumulativeActual),
                difference: format.money(totalRow.difference), cumulativeExpected: format.money(cumulativeExpected),
                cumulativeActual: format.money(cumulativeActual), rate: totalRow.rate?.formatted() ?? "—"),
            chartHTML: chart)
    }

    private func add(_ a: Money?, _ b: Money?) -> Money? {
        guard let b else { return a }
        guard let a else { return b }
        return a.adding(b) ?? a
    }

    /// A table of KPIs with one column per year that has an actual.
    func kpiTable(_ kpis: [KPI], caption: String, scope: String) -> KPITableView? {
        guard !kpis.isEmpty else { return nil }
        let years = Set(kpis.flatMap { $0.actuals.map(\.year) }).sorted()
        var hasProgress = false
        let rows = kpis.map { kpi -> KPIRowView in
            let latest = kpi.latestNumericActual
            let progress = latest.flatMap { kpi.progress(of: $0) }
            if kpi.baseline?.value.number != nil, kpi.target?.value.number != nil { hasProgress = true }
            return KPIRowView(
                name: kpi.name, unit: kpi.unit, baseline: format.kpiValue(kpi.baseline?.value, unit: kpi.unit),
                baselineYear: format.pointYears(kpi.baseline),
                target: format.kpiValue(kpi.target?.value, unit: kpi.unit), targetYear: format.pointYears(kpi.target),
                change: kpi.plannedChangeText,
                direction: kpi.direction == .decrease ? "減少を目指す指標" : nil,
                cells: years.map { year in
                    let actual = kpi.actual(in: year)
                    return KPICellView(
                        value: actual.map { $0.value.display(unit: kpi.unit) } ?? "—",
                        grade: format.grade(actual?.grade))
                },
                progress: progress?.formatted() ?? "—",
                progressYear: progress != nil ? latest.map { format.year($0.year) } : nil,
                note: kpi.note)
        }
        let charts = kpis.compactMap { kpi -> KPIChartView? in
            guard let html = kpiChart(kpi, scope: scope + "/" + kpi.id) else { return nil }
            return KPIChartView(caption: "\(kpi.name)の推移", chartHTML: html)
        }
        return KPITableView(
            caption: caption, years: years.map(format.year), rows: rows, hasProgress: hasProgress, charts: charts)
    }

    /// A KPI's numeric actuals against its baseline and target.
    func kpiChart(_ kpi: KPI, scope: String) -> String? {
        func point(_ value: KPIValue?, years: FiscalYearRange?) -> KPILineChart.Point? {
            guard let value, let number = value.number else { return nil }
            let year = years.map { $0.last ?? $0.first }
            return KPILineChart.Point(
                year: year?.year, yearLabel: year.map(format.year), value: number.doubleValue, text: value.display(unit: kpi.unit))
        }
        let actuals = kpi.actuals.compactMap { actual -> KPILineChart.Point? in
            guard let number = actual.value.number else { return nil }
            return KPILineChart.Point(
                year: actual.year.year, yearLabel: format.year(actual.year), value: number.doubleValue,
                text: actual.value.display(unit: kpi.unit))
        }
        return KPILineChart(
            scope: scope, title: "\(kpi.name)の推移", baseline: point(kpi.baseline?.value, years: kpi.baseline?.years),
            target: point(kpi.target?.value, years: kpi.target?.years), actuals: actuals
        ).html
    }
}
