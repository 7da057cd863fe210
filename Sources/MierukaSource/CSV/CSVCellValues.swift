import MierukaDiagnostics
import MierukaModel

/// Reads the values of cells as people type them, with the same parsers as YAML files, and reports
/// a cell that cannot be read with its reference, its column and what would be accepted.
enum CSVCellValues {
    /// 平成29年度, H29, R6, 令和元年度, 2024, ２０２４.
    static func year(_ cell: CSVCell, diagnostics: inout Diagnostics) -> Located<FiscalYear>? {
        if let year = FiscalYearParser.parse(cell.text) { return Located(year, at: cell.location) }
        diagnostics.error(
            at: cell.location, "\(cell.label): \(cell.quoted) is not a fiscal year",
            hint: FiscalYearParser.hint(for: cell.text))
        return nil
    }

    /// An effect's amount: 1,234 (in the column's unit, else the plan's) · 1,234千円 · 28.6億円 · △200 ·
    /// 425万4千円の増 (an increase, a negative effect).
    static func money(_ cell: CSVCell, unit: MoneyUnit?, diagnostics: inout Diagnostics) -> MoneyDocument? {
        if exponentDisplay(cell.text) {
            reportExponent(cell, diagnostics: &diagnostics)
            return nil
        }
        guard let money = MoneyParser.parseEffect(cell.text, location: cell.location) else {
            if MoneyParser.saysIncrease(cell.text) {
                diagnostics.error(
                    at: cell.location, "\(cell.label): \(cell.quoted) is not an increase Mieruka can read",
                    hint: "write the amount of the increase without △ or a minus, as the report prints it: "
                        + "425万4千円の増, or 4,254の増 in the column's unit")
                return nil
            }
            let inUnit = unit.map { "in \($0.rawValue), the column's unit" } ?? "in the plan's money_unit"
            let commas = cell.text.contains(",") || cell.text.contains("，")
                ? "commas separate thousands, three digits each (1,000, not 1,00); " : ""
            diagnostics.error(
                at: cell.location, "\(cell.label): \(cell.quoted) is not an amount of money",
                hint: commas + "write an amount such as 1,234 (\(inUnit)), 1,234千円, 28.6億円, △200 or 約1,200 "
                    + "(an approximate figure, shown as written and added into nothing); leave the cell empty when there is none")
            return nil
        }
        guard money.writtenUnit == nil, let unit else { return money }
        var inUnit = MoneyDocument(amount: money.amount, writtenUnit: unit, location: money.location)
        inUnit.increase = money.increase
        inUnit.approximate = money.approximate
        inUnit.unitFromHeader = true
        return inUnit
    }

    /// A KPI's actual: a number with its unit (9,718人, 94.3%, 28.6億円), or a wording (未算出), and
    /// the wording to show instead of the number when the 実績値の表記 column gives one.
    ///
    /// A number whose unit starts with the KPI's unit but goes on (「80%台」 for a KPI in %,
    /// 「2地区（学園西町地区）」 for one in 地区) is a wording, shown as written.
    static func actual(
        _ actual: CSVCell?, wording: CSVCell?, kpiUnit: String?, diagnostics: inout Diagnostics
    ) -> QuantityDocument? {
        guard let actual else {
            return wording.map { QuantityDocument(number: nil, writtenUnit: nil, text: $0.text, location: $0.location) }
        }
        if exponentDisplay(actual.text) {
            reportExponent(actual, diagnostics: &diagnostics)
            return nil
        }
        let parsed = NumberParser.parse(actual.text)
        if let parsed, !isWording(suffix: parsed.suffix, kpiUnit: kpiUnit) {
            var writtenUnit = parsed.suffix.isEmpty ? nil : parsed.suffix
            var text = wording?.text
            // A 表記 that is only the same number with the KPI's unit typed in the other width
            // (30.0％ for a KPI in %, as results.csv writes such an actual): the unit as typed.
            if let shown = text, let kpiUnit, let again = NumberParser.parse(shown),
                again.number.units == parsed.number.units, again.number.scale == parsed.number.scale,
                again.suffix != kpiUnit, !again.suffix.isEmpty,
                WidthNormalization.fold(again.suffix) == WidthNormalization.fold(kpiUnit),
                writtenUnit.map({ WidthNormalization.fold($0) == WidthNormalization.fold(kpiUnit) }) ?? true
            {
                writtenUnit = again.suffix
                text = nil
            }
            return QuantityDocument(number: parsed.number, writtenUnit: writtenUnit, text: text, location: actual.location)
        }
        if let wording {
            diagnostics.error(
                at: actual.location,
                "\(actual.label): \(actual.quoted) is not a number, and \(wording.label) gives the wording to show",
                hint: "write the number in 「\(actual.position.header)」 (e.g. 9,718人) and the wording in "
                    + "「\(wording.position.header)」, or only the wording in 「\(actual.position.header)」")
            return nil
        }
        return QuantityDocument(number: nil, writtenUnit: nil, text: actual.text, location: actual.location)
    }

    /// The 単位 of a row's 実績値: the unit of a number written without one (so 3.4 with 億円 is
    /// 3.4億円, converted to the KPI's unit when it differs), and the same unit as one written after it.
    static func unit(
        _ cell: CSVCell, of value: QuantityDocument, actual: CSVCell, diagnostics: inout Diagnostics
    ) -> QuantityDocument? {
        guard let number = value.number else { return value }
        guard let written = value.writtenUnit else {
            return QuantityDocument(number: number, writtenUnit: cell.text, text: value.text, location: value.location)
        }
        guard WidthNormalization.fold(written) == WidthNormalization.fold(cell.text) else {
            diagnostics.error(
                at: cell.location,
                "\(cell.label): the unit \(cell.quoted) differs from 「\(written)」 written in \(actual.label)",
                hint: "write the unit once: in 「\(cell.position.header)」, or after the number in 「\(actual.position.header)」")
            return nil
        }
        return value
    }

    /// A KPI's target as a sheet repeats it: a number with its unit, or a wording.
    static func target(_ cell: CSVCell) -> QuantityDocument {
        if let parsed = NumberParser.parse(cell.text) {
            return QuantityDocument(
                number: parsed.number, writtenUnit: parsed.suffix.isEmpty ? nil : parsed.suffix, text: nil,
                location: cell.location)
        }
        return QuantityDocument(number: nil, writtenUnit: nil, text: cell.text, location: cell.location)
    }

    /// Whether a number's unit is a wording for a KPI with `kpiUnit`: it starts with that unit and
    /// goes on with more than a unit could be.
    static func isWording(suffix: String, kpiUnit: String?) -> Bool {
        guard let kpiUnit, !kpiUnit.isEmpty, !suffix.isEmpty else { return false }
        let written = WidthNormalization.fold(suffix)
        let unit = WidthNormalization.fold(kpiUnit)
        guard written != unit, written.hasPrefix(unit) else { return false }
        return UnitConversion.convert(DecimalNumber(1), from: suffix, to: kpiUnit) == nil
    }

    /// 「3.4E+06」: what Excel shows for a large number in a narrow column of the General format.
    static func exponentDisplay(_ text: String) -> Bool {
        guard let parsed = NumberParser.parse(text) else { return false }
        var suffix = Substring(WidthNormalization.fold(parsed.suffix).uppercased())
        guard suffix.first == "E" else { return false }
        suffix = suffix.dropFirst()
        if suffix.first == "+" || suffix.first == "-" { suffix = suffix.dropFirst() }
        return !suffix.isEmpty && suffix.allSatisfy(\.isASCIIDigit)
    }

    private static func reportExponent(_ cell: CSVCell, diagnostics: inout Diagnostics) {
        diagnostics.error(
            at: cell.location, "\(cell.label): \(cell.quoted) is a number in exponent form, which loses digits",
            hint: "in Excel, format the column as 「数値」 (with 「桁区切り」) before saving, so that the CSV holds every digit")
    }
}
