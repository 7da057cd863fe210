import MierukaModel
import MierukaSite

/// Formats a plan's values the way the plan writes them: its year style, its money unit, its grades.
struct PlanFormatter {
    let plan: Plan

    func year(_ year: FiscalYear) -> String { year.label(plan.yearStyle) }

    func years(_ range: FiscalYearRange) -> String { range.label(plan.yearStyle) }

    /// 「令和6年度・9月末時点」 for figures at a snapshot within the year, else the year alone.
    func year(_ year: FiscalYear, asOf: Snapshot?) -> String {
        asOf.map { "\(year.label(plan.yearStyle))・\($0.pointLabel)" } ?? year.label(plan.yearStyle)
    }

    func money(_ amount: Money?) -> String {
        amount.map { $0.amount(in: plan.moneyUnit).formatted() } ?? "—"
    }

    /// An effect's amount: as the city wrote it when it wrote an increase (「425万4千円の増」) or an
    /// approximate figure (「約1,200千円」, whose amount is nil: it is in no sum), else in the plan's unit.
    func money(_ amount: Money?, increase written: String?) -> String {
        guard let written else { return money(amount) }
        return written
    }

    func moneyWithUnit(_ amount: Money) -> String {
        amount.formatted(in: plan.moneyUnit)
    }

    func grade(_ index: Int?) -> GradeView? {
        guard let index, index < plan.grades.count else { return nil }
        let grade = plan.grades.grades[index]
        return GradeView(code: grade.hasCode ? grade.code : nil, label: grade.label, rank: index, scaleSize: plan.grades.count, isRanked: plan.grades.isRanked)
    }

    /// 「小平市 第3次行財政再構築プラン」 (the city is not repeated when the title starts with it).
    var fullTitle: String {
        plan.title.hasPrefix(plan.city) ? plan.title : "\(plan.city) \(plan.title)"
    }

    func kpiValue(_ value: KPIValue?, unit: String) -> String {
        value?.display(unit: unit) ?? "—"
    }

    /// 「（平成28年度）」 or nil.
    func pointYears(_ point: KPIPoint?) -> String? {
        point?.years.map { years($0) }
    }

    func count(_ value: Int) -> String { NumberGrouping.format(value) }

    /// 「43項目」
    func items(_ value: Int) -> String { "\(NumberGrouping.format(value))項目" }
}
