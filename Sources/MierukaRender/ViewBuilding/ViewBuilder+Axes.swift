import MierukaModel
import MierukaSite

/// The pages' parts for a plan's status axes (`axes:`). Each axis is the plan seen through it
/// (`PlanIndex.axes`), so its counts, tables, charts and comparisons are made by the very rules of
/// the plan's own grades, and captioned with the axis's name.
extension ViewBuilder {
    /// The anchor of an axis's parts on a page.
    static func axisID(_ axis: Int) -> String { "axis-\(axis + 1)" }

    /// Each axis's section of a year's report.
    func axisReports(_ planIndex: PlanIndex, year: FiscalYear) -> [AxisReportView] {
        let plan = planIndex.plan
        return plan.axes.indices.compactMap { axisIndex in
            guard axisIndex < planIndex.axes.count else { return nil }
            let axis = plan.axes[axisIndex]
            let projected = planIndex.axes[axisIndex]
            var tables = tables(projected)
            tables.subject = axis.name
            tables.chartKind = "axis-\(axisIndex + 1)"
            let gradeTable = tables.gradeTable(
                year: year, rows: projected.plan.topLevelPolicies, rowHeading: plan.levelName(0), counted: true)
            // Counts the report publishes on the axis (declared: → axes:), as published, beside Mieruka's.
            var publishedTables = tables
            publishedTables.chartKind = "axis-\(axisIndex + 1)-published"
            let publishedTable =
                projected.plan.declared(in: year)?.hasGradeCounts == true
                ? publishedTables.gradeTable(year: year, rows: projected.plan.topLevelPolicies, rowHeading: plan.levelName(0))
                : nil
            var comparison = yearComparison(projected, year: year)
            if let caption = comparison?.countTable?.caption { comparison?.countTable?.caption = "\(axis.name)：" + caption }
            if let caption = comparison?.itemTable?.caption { comparison?.itemTable?.caption = "\(axis.name)：" + caption }
            let values = plan.items.compactMap { $0.result(in: year)?.value(on: axisIndex) }
            guard gradeTable != nil || publishedTable != nil || !values.isEmpty else { return nil }
            var view = AxisReportView(
                name: axis.name, id: Self.axisID(axisIndex),
                gradedBy: gradedBySentence(axis.gradedBy, overrides: values.map(\.gradedBy), plan: plan),
                gradeTable: gradeTable, comparison: comparison)
            view.publishedTable = publishedTable
            return view
        }
    }

    /// 「評価者：委員会評価」, or 「評価者：自己評価（うち1項目は委員会評価）」 when some results say
    /// otherwise; nil when neither the plan nor any result says who graded.
    /// `overrides`: each graded value's own grader, nil where it says none.
    func gradedBySentence(_ grader: String?, overrides: [String?], plan: Plan) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        var unsaid = 0
        for override in overrides {
            guard let grader = override ?? grader else {
                unsaid += 1
                continue
            }
            if counts[grader] == nil { order.append(grader) }
            counts[grader, default: 0] += 1
        }
        guard !order.isEmpty else { return nil }
        let format = PlanFormatter(plan: plan)
        let main = grader ?? order[0]
        let others = order.filter { $0 != main }.map { "\(format.items(counts[$0] ?? 0))は\($0)" }
        var text = "評価者：\(main)"
        if !others.isEmpty { text += "（うち" + others.joined(separator: "、") + "）" }
        if unsaid > 0, grader == nil {
            text += "。\(format.items(unsaid))は評価者の記載がありません"
        }
        return text
    }

    /// Who graded the plan's own grades in a year (its `graded_by:`, or the results' own), or nil.
    func gradesGradedBy(_ planIndex: PlanIndex, year: FiscalYear) -> String? {
        let plan = planIndex.plan
        // Each graded result's own word, read in place (`Item.result(in:)`, the year's last result,
        // copied every item and its result whole).
        var overrides: [String?] = []
        let items = plan.items
        for item in items.indices {
            let results = items[item].results
            guard let last = results.indices.last(where: { results[$0].year == year }),
                results[last].grade != nil || results[last].state != nil
            else { continue }
            overrides.append(results[last].gradedBy)
        }
        return gradedBySentence(plan.gradedBy, overrides: overrides, plan: plan)
    }

    /// Who gave a result's grade, when the result or the plan says so.
    func gradedBy(_ result: YearResult?, plan: Plan) -> String? {
        guard let result, result.grade != nil || result.state != nil else { return nil }
        return result.gradedBy ?? plan.gradedBy
    }

    /// A year's values on the plan's axes, in the plan's axis order.
    func axisValues(_ result: YearResult?, plan: Plan) -> [AxisValueView] {
        guard let result else { return [] }
        return result.axisValues.compactMap { value in
            guard value.axis < plan.axes.count else { return nil }
            let axis = plan.axes[value.axis]
            let format = AxisFormatter(axis: axis)
            var view = AxisValueView(
                name: axis.name, value: GradeOrStateView(grade: format.grade(value.grade), state: format.state(value.state)),
                gradedBy: value.gradedBy ?? axis.gradedBy)
            view.composition = Self.compositionSentence(value.composition, scale: axis.grades)
            return view
        }
    }

    /// 「評価の方法：委員個々の評価を平均化。委員ごとの評価：B、C、C、D（4件。評価の分布には、市が示した評価だけを数えています）」:
    /// how a grade was reached in the report's words, and the members' grades behind it as printed.
    static func compositionSentence(_ composition: GradeComposition?, scale: GradeScale) -> String? {
        guard let composition else { return nil }
        var parts: [String] = []
        if let method = composition.method { parts.append("評価の方法：\(method)") }
        if !composition.members.isEmpty {
            let grades = composition.members.map { member -> String in
                let grade = member.grade < scale.count ? scale.grades[member.grade].shortName : "?"
                return member.member.map { "\($0) \(grade)" } ?? grade
            }
            parts.append(
                "委員ごとの評価：" + grades.joined(separator: "、")
                    + "（\(grades.count)件。評価の分布には数えていません）")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "。")
    }

    /// An item's values on each axis across the years, for the axes with two or more years.
    func axisHistories(_ planIndex: PlanIndex, _ itemIndex: Int) -> [AxisHistoryView] {
        let plan = planIndex.plan
        return plan.axes.indices.compactMap { axisIndex in
            guard axisIndex < planIndex.axes.count,
                var history = gradeHistory(planIndex.axes[axisIndex], itemIndex)
            else { return nil }
            let name = plan.axes[axisIndex].name
            history.caption = "\(name)の推移"
            return AxisHistoryView(name: name, id: "\(Self.axisID(axisIndex))-history", history: history)
        }
    }
}

/// Formats values on one status axis: its grades and its states.
struct AxisFormatter {
    let axis: StatusAxis

    func grade(_ index: Int?) -> GradeView? {
        guard let index, index < axis.grades.count else { return nil }
        let grade = axis.grades.grades[index]
        return GradeView(code: grade.hasCode ? grade.code : nil, label: grade.label, rank: index, scaleSize: axis.grades.count, isRanked: axis.grades.isRanked)
    }

    /// 「対象外（評価の対象外）」, or the axis's own `states_heading:` in the brackets
    func state(_ index: Int?) -> String? {
        guard let index, index < axis.states.count else { return nil }
        return "\(axis.states.grades[index].spelledOut)（\(axis.statesHeading)）"
    }
}
