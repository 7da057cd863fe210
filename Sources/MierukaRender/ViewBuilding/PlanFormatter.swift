import MierukaModel
import MierukaSite

/// Formats a plan's values the way the plan writes them: its year style, its money unit, its grades.
/// It keeps only what it formats with, not the whole plan: a formatter is made (and copied into
/// closures) many times per page, and copying a `Plan` retains each of its many fields.
struct PlanFormatter {
    let yearStyle: FiscalYearStyle
    let moneyUnit: MoneyUnit
    let grades: GradeScale
    let city: String
    let title: String
    let publisher: Publisher

    init(plan: Plan) {
        yearStyle = plan.yearStyle
        moneyUnit = plan.moneyUnit
        grades = plan.grades
        city = plan.city
        title = plan.title
        publisher = plan.publisher
    }

    func year(_ year: FiscalYear) -> String { year.label(yearStyle) }

    func years(_ range: FiscalYearRange) -> String { range.label(yearStyle) }

    /// 「令和6年度・9月末時点」 for figures at a snapshot within the year, else the year alone.
    func year(_ year: FiscalYear, asOf: Snapshot?) -> String {
        asOf.map { "\(year.label(yearStyle))・\($0.pointLabel)" } ?? year.label(yearStyle)
    }

    func money(_ amount: Money?) -> String {
        amount.map { $0.amount(in: moneyUnit).formatted() } ?? "—"
    }

    /// An effect's amount: as the city wrote it when it wrote an increase (「425万4千円の増」) or an
    /// approximate figure (「約1,200千円」, whose amount is nil: it is in no sum), else in the plan's unit.
    func money(_ amount: Money?, increase written: String?) -> String {
        guard let written else { return money(amount) }
        return written
    }

    func moneyWithUnit(_ amount: Money) -> String {
        amount.formatted(in: moneyUnit)
    }

    func grade(_ index: Int?) -> GradeView? {
        guard let index, index < grades.count else { return nil }
        let grade = grades.grades[index]
        return GradeView(code: grade.hasCode ? grade.code : nil, label: grade.label, rank: index, scaleSize: grades.count, isRanked: grades.isRanked)
    }

    /// 「小平市 第3次行財政再構築プラン」 (the city is not repeated when the title starts with it).
    /// (Compared as UTF-8 bytes: every page of a plan names it, and `hasPrefix` compared Characters.)
    var fullTitle: String {
        title.utf8.starts(with: city.utf8) ? title : "\(city) \(title)"
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
