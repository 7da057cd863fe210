import MierukaModel
import MierukaSite

extension ViewBuilder {
    /// The year's progress report: summary sentence, tables, and every item with a result that
    /// year, grouped by grade (best first), as the cities' annual reports are.
    func reportPage(_ page: PlannedPage, _ planIndex: PlanIndex, _ year: FiscalYear) -> (PageMetaView, any TemplateView) {
        let plan = planIndex.plan
        let format = PlanFormatter(plan: plan)
        let tables = tables(planIndex)
        let rows = plan.topLevelPolicies
        // Grades best first, then the items without a grade, then each state of the plan.
        var groups = [[Int]](repeating: [], count: plan.grades.count + 1 + plan.states.count)
        // Items the report grades whose grade could not be read: a section of their own, last.
        var unreadable: [Int] = []
        for (itemIndex, item) in plan.items.enumerated() {
            guard let result = item.result(in: year) else { continue }
            if result.gradeUnreadable != nil {
                unreadable.append(itemIndex)
                continue
            }
            groups[result.grade ?? result.state.map { plan.grades.count + 1 + $0 } ?? plan.grades.count].append(itemIndex)
        }
        var sections: [ReportSectionView] = []
        for (slot, members) in groups.enumerated() where !members.isEmpty {
            if slot > plan.grades.count {
                let state = plan.states.grades[slot - plan.grades.count - 1]
                sections.append(
                    ReportSectionView(
                        heading: "\(state.spelledOut)（\(format.items(members.count))・\(plan.statesHeading)）",
                        id: "state-\(slot - plan.grades.count)", grade: nil,
                        items: members.map { reportItem(planIndex, $0, year: year) }))
                continue
            }
            let grade = format.grade(slot < plan.grades.count ? slot : nil)
            // A plan graded on its axes only has no grades to be without: its items are listed as such.
            let ungraded = plan.grades.isEmpty && !plan.axes.isEmpty ? "取組項目" : "評価なし"
            let heading = grade.map { "\($0.spelledOut)（\(format.items(members.count))）" } ?? "\(ungraded)（\(format.items(members.count))）"
            sections.append(
                ReportSectionView(
                    heading: heading, id: grade.map { "grade-\($0.code ?? String($0.rank + 1))" } ?? "ungraded", grade: grade,
                    items: members.map { reportItem(planIndex, $0, year: year) }))
        }
        if !unreadable.isEmpty {
            sections.append(
                ReportSectionView(
                    heading: "評価を読み取れなかった項目（\(format.items(unreadable.count))）", id: "unreadable", grade: nil,
                    items: unreadable.map { reportItem(planIndex, $0, year: year) }))
        }
        let effectTables = tables.effectTables(year: year, rows: rows, rowHeading: plan.levelName(0))
        var view = ReportPageView(
            plan: planHeader(planIndex), year: format.year(year), summary: reportSummary(planIndex, year: year),
            notesHTML: html(plan.declared(in: year)?.notes, under: 1),
            gradeTable: tables.gradeTable(year: year, rows: rows, rowHeading: plan.levelName(0)),
            effectTable: effectTables.first,
            highlights: highlightViews(plan.declared(in: year), plan: plan, withYear: false), sections: sections,
            otherYears: planIndex.years.filter { $0 != year }.reversed().map {
                LinkView(title: "\(format.year($0))の進捗状況", url: reportHref(plan, $0))
            })
        view.moreEffectTables = Array(effectTables.dropFirst())
        view.comparison = yearComparison(planIndex, year: year)
        if let revisions = revisionYear(planIndex, year: year) {
            if view.comparison == nil {
                let previous = FiscalYear(year.year - 1)
                view.comparison = YearComparisonView(
                    heading: previous >= plan.period.first ? "前年度（\(format.year(previous))）からの変化" : "計画の見直し",
                    summary: nil, countTable: nil, itemTable: nil)
            }
            view.comparison?.revisions = revisions
        }
        view.axes = axisReports(planIndex, year: year)
        view.snapshots = snapshotReports(planIndex, year: year)
        view.gradedBy = gradesGradedBy(planIndex, year: year)
        view.opinions = yearOpinions(planIndex, year: year)
        let title = "\(format.year(year))の進捗状況"
        return (
            meta(page, title: title, description: "\(format.fullTitle)の\(title)", trail: [planCrumb(planIndex)], kind: "report", plan: planIndex),
            view
        )
    }

    func reportItem(_ planIndex: PlanIndex, _ itemIndex: Int, year: FiscalYear) -> ReportItemView {
        let plan = planIndex.plan
        let item = plan.items[itemIndex]
        let format = PlanFormatter(plan: plan)
        let result = item.result(in: year)
        // What does not change with the year was made once for the plan.
        let texts = hrefs[plan.slug]?.reportTexts(itemIndex, slug: item.slug) ?? ReportItemTexts(item, plan: plan)
        var view = ReportItemView(
            numbers: texts.numbers, title: item.title, url: itemHref(plan, itemIndex), policies: texts.policies,
            departments: texts.departments, grade: format.grade(result?.grade),
            kpis: reportKPIs(plan, itemIndex, year: year, targets: texts.targets, format: format),
            progressHTML: html(result?.progress, under: 4), factorsHTML: html(result?.factors, under: 4),
            nextStepsHTML: html(result?.nextSteps, under: 4), effect: effectSentence(result?.effects ?? [], plan: plan))
        view.axes = axisValues(result, plan: plan)
        view.gradedBy = gradedBy(result, plan: plan)
        view.unreadable = result?.gradeUnreadable
        view.previousGrade = result?.previousGrade?.value
        // Shown under the grade, as on the item's page (an axis value's is with the axis value).
        view.composition = Self.compositionSentence(result?.composition, scale: plan.grades)
        return view
    }

    /// The item's KPIs with an actual in `year`: the actual, the target in force that year (as
    /// `targets` gives it, unless a revision changed it) and the progress towards it.
    func reportKPIs(
        _ plan: Plan, _ itemIndex: Int, year: FiscalYear, targets: [String?], format: PlanFormatter
    ) -> [ReportKPIView] {
        let kpis = plan.items[itemIndex].kpis
        var views: [ReportKPIView] = []
        for offset in kpis.indices {
            let kpi = kpis[offset]
            guard let actual = kpi.actual(in: year) else { continue }
            let unit = kpi.unit
            var actualText = actual.value.display(unit: unit)
            if let provisional = actual.provisional { actualText += "（\(provisional.shown)）" }
            guard plan.revisions.targetRevisions(item: itemIndex, kpi: offset).isEmpty else {
                // The target in force that year, when a revision changed it (the KPI is copied only then).
                let target = plan.revisions.target(item: itemIndex, kpi: offset, in: year, current: kpi.target)
                views.append(
                    ReportKPIView(
                        name: kpi.name, actual: actualText,
                        target: target.map { ReportItemTexts.target($0, unit: unit, format: format) + "、\(format.year(year))の時点の目標" },
                        progress: kpi.withTarget(target).progress(of: actual)?.formatted()))
                continue
            }
            let target =
                offset < targets.count ? targets[offset] : kpi.target.map { ReportItemTexts.target($0, unit: unit, format: format) }
            views.append(
                ReportKPIView(
                    name: kpi.name, actual: actualText, target: target,
                    progress: kpi.progress(of: actual)?.formatted()))
        }
        return views
    }

    /// 「全43項目（うち再掲2項目）の取組のうち、3項目が「予定以上に進捗」、…でした。」
    func reportSummary(_ planIndex: PlanIndex, year: FiscalYear) -> String? {
        let plan = planIndex.plan
        guard !plan.grades.isEmpty else { return nil }
        let format = PlanFormatter(plan: plan)
        let counts: [Int]
        let listings: Int
        let relisted: Int
        var coverage: String?
        var derived = false
        var outside = planIndex.tallies[year]?.totalOutside ?? []
        var outsideIsPublished = false
        if let declared = plan.declared(in: year), let totals = declared.gradeTotals {
            if let states = declared.stateTotal {
                outside = states
                outsideIsPublished = true
            }
            counts = totals
            listings = declared.totalListings ?? totals.reduce(0, +)
            relisted = declared.relisted ?? 0
            let transcribed = TableBuilder(index: planIndex, links: links).transcribedListings(year)
            if transcribed < listings {
                coverage = "このページでは、そのうち\(format.items(transcribed))の詳細を掲載しています。"
            }
        } else if let tally = planIndex.tallies[year], tally.totalGraded > 0 {
            counts = Array(tally.totalCounts[0..<plan.grades.count])
            listings = tally.totalGraded
            relisted = tally.totalGradedRelistings
            derived = true
        } else {
            return nil
        }
        // Counts at a point within the year (a year published only at one) say so first.
        var text = (plan.declared(in: year)?.asOf).map { "\($0.pointLabel)で、" } ?? ""
        text += "全\(format.items(listings))"
        if relisted > 0 { text += "（うち再掲\(format.items(relisted))）" }
        text += "の取組のうち、"
        text += zip(plan.grades.grades, counts).map { "\(format.items($1))が「\($0.label)」" }.joined(separator: "、")
        text += "でした。"
        if derived { text += "（掲載している取組項目の評価を Mieruka が数えた集計です。）" }
        if let outside = TableBuilder(index: planIndex, links: links).outsideText(outside, published: outsideIsPublished) {
            text +=
                outsideIsPublished
                ? "このうち\(plan.statesHeading)は\(outside)です（評価の件数には含めていません）。"
                : "掲載している取組項目のうち、\(plan.statesHeading)は\(outside)です（評価の件数には含めていません）。"
        }
        if let tally = planIndex.tallies[year], tally.totalUnreadable > 0 {
            text += "掲載している取組項目のうち、評価が読み取れなかった\(format.items(tally.totalUnreadable))は、評価の件数に含めていません。"
        }
        if let coverage { text += coverage }
        return text
    }
}
