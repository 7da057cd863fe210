import MierukaDiagnostics
import MierukaModel

/// Compares the cells a sheet repeats from the item documents, so that it can be read on its own,
/// with those documents: 取組項目 with the item's title, 目標値 with the KPI's target. These cells
/// are never used: the documents say what the site shows. A difference is a warning at the cell,
/// so that a mistyped 番号 or a target the city has since changed does not go unnoticed.
/// An item or KPI that does not exist is left to the merge, which reports it.
struct CSVCrossCheck {
    let lookup: CSVItemLookup

    func title(_ cell: CSVCell, plan: String, number: String, diagnostics: inout Diagnostics) {
        guard let item = lookup.item(plan: plan, number: number) else { return }
        guard Self.comparable(cell.text) != Self.comparable(item.title.value) else { return }
        diagnostics.warning(
            at: cell.location,
            "\(cell.label): \(cell.quoted) is not the title of item \(number), 「\(item.title.value)」",
            hint: "the row's result goes to item \(number) (\(item.location.file)) by its 番号: check the 番号; "
                + "「\(cell.position.header)」 is only compared with the item's title, never shown")
    }

    /// 細目名 beside 細目番号: the title of the item's sub-item of that number. A sub-item the item
    /// does not list is left to the merge, which reports it.
    func subitemTitle(_ cell: CSVCell, plan: String, number: String, subitem: String, diagnostics: inout Diagnostics) {
        guard let item = lookup.item(plan: plan, number: number),
            let listed = item.subitems.first(where: {
                WidthNormalization.fold($0.number.value) == WidthNormalization.fold(subitem)
            })
        else { return }
        guard Self.comparable(cell.text) != Self.comparable(listed.title.value) else { return }
        diagnostics.warning(
            at: cell.location,
            "\(cell.label): \(cell.quoted) is not the title of sub-item \(subitem) of item \(number), 「\(listed.title.value)」",
            hint: "the row's sub-item result goes to sub-item \(subitem) (\(listed.location.file)) by its 細目番号: check "
                + "the 細目番号; 「\(cell.position.header)」 is only compared with the sub-item's title, never shown")
    }

    /// 指標 beside 指標ID: the name of the KPI the id names.
    func kpiName(_ cell: CSVCell, kpi id: String, plan: String, number: String, diagnostics: inout Diagnostics) {
        guard let kpi = lookup.kpi(plan: plan, number: number, named: id) else { return }
        guard Self.comparable(cell.text) != Self.comparable(kpi.name.value) else { return }
        diagnostics.warning(
            at: cell.location,
            "\(cell.label): \(cell.quoted) is not the name of the KPI \"\(id)\", 「\(kpi.name.value)」",
            hint: "the actual goes to the KPI named by its id (指標ID); 「\(cell.position.header)」 is only compared "
                + "with its name (\(kpi.location.file)): check the id")
    }

    /// 評価の内容 beside 評価: the meaning of the grade's code on the plan's scale. Without a code
    /// the row would have no grade, so the label alone is an error, not a guess.
    func gradeLabel(_ cell: CSVCell, grade: CSVCell?, plan: String, diagnostics: inout Diagnostics) {
        guard let scale = lookup.grades(plan: plan) else { return }
        guard let grade else {
            let code = scale.first { Self.comparable($0.label) == Self.comparable(cell.text) }?.code
            diagnostics.error(
                at: cell.location, "\(cell.label): \(cell.quoted) is given without a grade in 「評価」",
                hint: (code.map { "write \($0) in 「評価」; " } ?? "write the grade's code in 「評価」; ")
                    + "「\(cell.position.header)」 is only compared with the code's meaning")
            return
        }
        guard let expected = scale.first(where: { WidthNormalization.fold($0.code) == WidthNormalization.fold(grade.text) })
        else { return }  // an unknown code is reported by the merge
        guard Self.comparable(expected.label) != Self.comparable(cell.text) else { return }
        diagnostics.warning(
            at: cell.location,
            "\(cell.label): \(cell.quoted) is not what \(grade.quoted) means in this plan, 「\(expected.label)」",
            hint: "the grade is the code in \(grade.label); 「\(cell.position.header)」 is only compared with its meaning")
    }

    func target(_ cell: CSVCell, kpi name: String, plan: String, number: String, diagnostics: inout Diagnostics) {
        guard let kpi = lookup.kpi(plan: plan, number: number, named: name) else { return }
        let written = CSVCellValues.target(cell)
        guard let target = kpi.target else {
            diagnostics.warning(
                at: cell.location,
                "\(cell.label): the KPI 「\(kpi.name.value)」 has no target in \(kpi.location.file)",
                hint: "the site shows the target written in the item's document (kpis: → target:); "
                    + "「\(cell.position.header)」 is only compared with it")
            return
        }
        guard !matches(written, target.value, unit: kpi.unit, text: cell.text) else { return }
        diagnostics.warning(
            at: cell.location,
            "\(cell.label): \(cell.quoted) is not the target of the KPI 「\(kpi.name.value)」, "
                + "which is \(Self.describe(target.value, unit: kpi.unit)) (\(target.location))",
            hint: "the site shows the target written in the item's document; correct the cell, or the target: "
                + "there if the plan has changed it (「\(cell.position.header)」 is only compared)")
    }

    /// Equal numbers in the KPI's unit (1万人 and 10,000 for a KPI in 人), or the same wording.
    func matches(_ written: QuantityDocument, _ target: QuantityDocument, unit: String, text: String) -> Bool {
        if let left = written.number.flatMap({ Self.inUnit($0, written.writtenUnit, unit) }),
            let right = target.number.flatMap({ Self.inUnit($0, target.writtenUnit, unit) }),
            left.isNumericallyEqual(to: right)
        {
            return true
        }
        guard let wording = target.text else { return false }
        return Self.comparable(wording) == Self.comparable(text)
    }

    static func inUnit(_ number: DecimalNumber, _ writtenUnit: String?, _ unit: String) -> DecimalNumber? {
        guard let writtenUnit else { return number }
        return UnitConversion.convert(number, from: writtenUnit, to: unit)
    }

    /// 「1,000人」, or the wording.
    static func describe(_ value: QuantityDocument, unit: String) -> String {
        if let text = value.text { return "「\(text)」" }
        guard let number = value.number else { return "not given" }
        return "「\(number.formatted())\(value.writtenUnit ?? unit)」"
    }

    /// Full-width letters folded and spaces and line breaks removed: 「窓口の 改善」 is 「窓口の改善」.
    static func comparable(_ text: String) -> String {
        let scalars = WidthNormalization.fold(text).unicodeScalars.filter { !$0.properties.isWhitespace }
        return String(String.UnicodeScalarView(scalars))
    }
}
