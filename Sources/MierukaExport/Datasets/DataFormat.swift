import MierukaModel

/// How values are written in data files: digits without separators, a minus sign for negatives,
/// the Western fiscal year with the era year in its own column; never a unit inside a number.
enum DataFormat {
    /// "2017"
    static func year(_ year: FiscalYear) -> String { String(year.year) }

    /// "平成29年度", "令和元年度"
    static func eraYear(_ year: FiscalYear) -> String { year.label(.wareki) }

    /// "平成20年度～平成22年度", or one year's "平成20年度".
    static func eraYears(_ years: FiscalYearRange) -> String { years.label(.wareki) }

    /// "-1234.5", or empty.
    static func number(_ number: DecimalNumber?) -> String { number?.description ?? "" }

    /// The amount in the plan's unit, "-2000", or empty.
    static func money(_ money: Money?, in unit: MoneyUnit) -> String {
        money.map { $0.amount(in: unit).description } ?? ""
    }

    /// "94.5" (percent, one decimal place), or empty.
    static func percent(_ value: Percentage?) -> String {
        guard let value else { return "" }
        let magnitude = value.tenths.magnitude
        return (value.tenths < 0 ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }

    static func grade(_ index: Int?, _ scale: GradeScale) -> (code: String, label: String) {
        guard let index, index < scale.count else { return ("", "") }
        return (scale.grades[index].code, scale.grades[index].label)
    }

    /// 増加 / 減少, as the direction of a KPI is written.
    static func direction(_ direction: KPIDirection?) -> String {
        switch direction {
        case .increase: "増加"
        case .decrease: "減少"
        case nil: ""
        }
    }

    /// The words a KPI value is shown with when they are not just the number and its unit.
    static func wording(_ value: KPIValue, unit: String) -> String {
        if let text = value.text, !text.isEmpty { return text }
        guard let number = value.number, let written = value.unitAsWritten else { return "" }
        return number.formatted() + written
    }
}
