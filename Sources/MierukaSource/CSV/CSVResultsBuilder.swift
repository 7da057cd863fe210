import MierukaDiagnostics
import MierukaModel

/// Turns the data rows of a results CSV into one document per plan and fiscal year.
///
/// A row is one item's result for one year, optionally with one KPI's actual. The plan, the year and
/// the item number of a row are its 計画, 年度 and 番号 cells; an empty one repeats the row above
/// (Excel saves merged cells that way). Above the first row, the plan is the folder the file is in
/// (seeds/<plan>/…) and the year the file's name (H29.csv). Every cell is read, so that all bad
/// cells are reported, even on a row whose plan, year or number could not be read.
struct CSVResultsBuilder {
    /// A key cell carried down to the rows that leave it empty.
    enum Carried<Value: Sendable>: Sendable {
        case none
        /// Given but unreadable (already reported): rows that repeat it are skipped silently.
        case failed
        case value(Value)
    }

    /// The point within the year a row stands at (時点), as month and day; nil for the year's end.
    struct PointKey: Hashable {
        let month: Int
        let day: Int?
    }

    /// A row's readable 時点: `value` nil for the year's end.
    struct RowPoint {
        let value: Snapshot?
    }

    struct Key: Hashable {
        let plan: String
        let year: FiscalYear
        var point: PointKey? = nil
        let item: String
    }

    struct FileKey: Hashable {
        let plan: String
        let year: FiscalYear
        var point: PointKey? = nil
    }

    let header: CSVHeader
    let file: String
    /// The workbook's sheet the rows are on; nil for a CSV file.
    let sheet: String?
    let check: CSVCrossCheck
    private var plan: Carried<Located<String>>
    private var year: Carried<Located<FiscalYear>>
    private var number: Carried<Located<String>> = .none
    private var results: [Key: CSVItemResult] = [:]
    /// Documents in the order their first row appears, each with its items in order.
    private var order: [FileKey] = []
    private var itemOrder: [FileKey: [Key]] = [:]
    /// Each document's point within the year, as first written.
    private var points: [FileKey: Snapshot] = [:]

    init(
        header: CSVHeader, file: String, sheet: String? = nil, plan: Located<String>?, year: Located<FiscalYear>?,
        check: CSVCrossCheck
    ) {
        self.header = header
        self.file = file
        self.sheet = sheet
        self.check = check
        self.plan = plan.map { .value($0) } ?? .none
        self.year = year.map { .value($0) } ?? .none
    }

    /// The documents, one per plan and year; a grader without the grade it names is reported here,
    /// once every row of the item is read.
    func documents(diagnostics: inout Diagnostics) -> [ResultsDocument] {
        order.compactMap { fileKey in
            let items = (itemOrder[fileKey] ?? []).compactMap { results[$0] }
            guard let first = items.first else { return nil }
            let point = points[fileKey]
            var document = ResultsDocument(
                plan: first.plan, year: first.year,
                results: items.map {
                    var result = $0.document(diagnostics: &diagnostics)
                    result.asOf = point
                    return result
                },
                location: SourceLocation(file: file, sheet: sheet))
            document.asOf = point
            return document
        }
    }

    mutating func add(_ row: CSVRow, diagnostics: inout Diagnostics) {
        reportHeaderlessCells(row, diagnostics: &diagnostics)
        let plan = readPlan(row, diagnostics: &diagnostics)
        let year = readYear(row, diagnostics: &diagnostics)
        let number = readNumber(row, diagnostics: &diagnostics)
        let point = readPoint(row, diagnostics: &diagnostics)

        // Every cell is read (and reported) before the row is placed.
        let itemCells = CSVField.itemLevel.compactMap { field in cell(field, in: row).map { (field, $0) } }
        var money: [CSVField: MoneyDocument] = [:]
        for (field, cell) in itemCells where field.isMoney {
            money[field] = CSVCellValues.money(cell, unit: header.column(field)?.unit, diagnostics: &diagnostics)
        }
        let kpi = readKPI(row, plan: plan?.value, number: number?.value, diagnostics: &diagnostics)
        let axisCells = header.axes.compactMap { axis, column in cell(column, in: row).map { (axis, $0) } }
        let subitem = readSubItem(row, diagnostics: &diagnostics)
        let graderCells = header.axisGraders.compactMap { axis, column in
            cell(column, in: row).map { (valueAxis(axis), $0) }
        }
        let gradingCells = header.axisGradings.compactMap { axis, column in
            cell(column, in: row).map { (valueAxis(axis), $0) }
        }
        let memberGradeCells = header.axisMemberGrades.compactMap { axis, column in
            cell(column, in: row).map { (valueAxis(axis), $0) }
        }

        guard let plan, let year, let number, let point else { return }
        let pointKey = point.value.map { PointKey(month: $0.month, day: $0.day) }
        let fileKey = FileKey(plan: plan.value, year: year.value, point: pointKey)
        let key = Key(plan: plan.value, year: year.value, point: pointKey, item: WidthNormalization.fold(number.value))
        if let snapshot = point.value, points[fileKey] == nil { points[fileKey] = snapshot }
        if results[key] == nil {
            if itemOrder[fileKey] == nil { order.append(fileKey) }
            itemOrder[fileKey, default: []].append(key)
            results[key] = CSVItemResult(plan: plan, year: year, item: number)
        }
        guard var result = results[key] else { return }
        // A row whose 効果額の種類 names another kind than the item's first gives that kind's amounts.
        let kindCell = cell(.effectKind, in: row)
        let otherKind = kindCell.flatMap { result.otherEffectKind($0) }
        if let otherKind, let kindCell {
            result.takeOtherEffect(
                kind: otherKind, kindCell: kindCell, expected: cell(.effectExpected, in: row).flatMap { cell in money[.effectExpected].map { (cell, $0) } },
                actual: cell(.effectActual, in: row).flatMap { cell in money[.effectActual].map { (cell, $0) } },
                diagnostics: &diagnostics)
        }
        for (field, cell) in itemCells where otherKind == nil || !field.isEffect {
            // A repeat is only compared with the first cell (and reported when it differs).
            guard result.take(field, cell, diagnostics: &diagnostics) else { continue }
            if field == .title {
                check.title(cell, plan: plan.value, number: number.value, diagnostics: &diagnostics)
            }
            if let amount = money[field] { result.setEffect(field, amount) }
        }
        if let label = cell(.gradeLabel, in: row) {
            check.gradeLabel(label, grade: cell(.grade, in: row) ?? result.cell(.grade), plan: plan.value, diagnostics: &diagnostics)
        }
        if let kpi { result.add(kpi) }
        for (axis, cell) in axisCells { result.takeAxis(axis, cell, diagnostics: &diagnostics) }
        for (axis, cell) in graderCells { result.takeAxisGrader(axis, cell, diagnostics: &diagnostics) }
        for (axis, cell) in gradingCells { result.takeAxisGrading(axis, cell, diagnostics: &diagnostics) }
        for (axis, cell) in memberGradeCells { result.takeAxisMemberGrades(axis, cell, diagnostics: &diagnostics) }
        if let subitem {
            if let title = subitem.title {
                check.subitemTitle(
                    title, plan: plan.value, number: number.value, subitem: subitem.number.text, diagnostics: &diagnostics)
            }
            result.takeSubItem(
                number: subitem.number, grade: subitem.grade, progress: subitem.progress, diagnostics: &diagnostics)
        }
        results[key] = result
    }

    // MARK: - Cells

    /// The cell of a field on a row, when its column exists and the cell holds something.
    func cell(_ field: CSVField, in row: CSVRow) -> CSVCell? {
        guard let column = header.column(field) else { return nil }
        return cell(column, in: row)
    }

    /// The cell of a column on a row, when it holds something.
    func cell(_ column: CSVColumn, in row: CSVRow) -> CSVCell? {
        let raw = row.cell(column.number)
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        let position = CSVCellPosition(file: file, row: row.number, column: column.number, header: column.header, sheet: sheet)
        return CSVCell(text: text, raw: raw, position: position)
    }

    /// A value in a column without a header (or past the header's last column) is never dropped silently.
    func reportHeaderlessCells(_ row: CSVRow, diagnostics: inout Diagnostics) {
        for (offset, raw) in row.cells.enumerated()
        where header.columns[offset + 1] == nil && !header.reported.contains(offset + 1) {
            let text = raw.trimmingWhitespace()
            guard !text.isEmpty else { continue }
            let position = CSVCellPosition(file: file, row: row.number, column: offset + 1, header: "", sheet: sheet)
            diagnostics.error(
                at: position.location,
                "\(position.label): \"\(CSVCellPosition.shown(text))\" is in a column that is not read",
                hint: "name column \(CSVCellReference.columnLetters(offset + 1)) in the header row "
                    + "(row \(header.row)), or leave the cell empty")
        }
    }

    // MARK: - Key cells

    private mutating func readPlan(_ row: CSVRow, diagnostics: inout Diagnostics) -> Located<String>? {
        if let cell = cell(.plan, in: row) {
            if URLSlug.isValid(cell.text) {
                plan = .value(Located(cell.text, at: cell.location))
            } else {
                plan = .failed
                diagnostics.error(
                    at: cell.location, "\(cell.label): \(cell.quoted) is not the name of a plan's folder",
                    hint: "write the plan as its folder under content/ is named, e.g. kodaira-3")
            }
        } else if case .none = plan, let column = header.column(.plan) {
            plan = .failed
            let position = CSVCellPosition(file: file, row: row.number, column: column.number, header: column.header, sheet: sheet)
            diagnostics.error(
                at: position.location, "\(position.label) is empty, and the file is not in a plan's folder",
                hint: "write the plan's folder name (e.g. kodaira-3), or put the file in seeds/<plan>/")
        }
        if case .value(let value) = plan { return value }
        return nil
    }

    /// The year of a row: 年度, else 和暦年度 when the sheet has no 年度 column. With both, 和暦年度
    /// must be the same year.
    private mutating func readYear(_ row: CSVRow, diagnostics: inout Diagnostics) -> Located<FiscalYear>? {
        let eraCell = cell(.eraYear, in: row)
        let yearField: CSVField = header.column(.year) == nil && header.column(.eraYear) != nil ? .eraYear : .year
        let yearCell = cell(yearField, in: row)
        if let yearCell {
            year = CSVCellValues.year(yearCell, diagnostics: &diagnostics).map { .value($0) } ?? .failed
        } else if case .none = year, let column = header.column(yearField) {
            year = .failed
            let position = CSVCellPosition(file: file, row: row.number, column: column.number, header: column.header, sheet: sheet)
            diagnostics.error(
                at: position.location, "\(position.label) is empty, and the file's name is not a fiscal year",
                hint: "write the year (e.g. 平成29年度), or name the file after it (e.g. H29.csv); "
                    + "an empty cell repeats the row above")
        }
        // 和暦年度 beside 年度 is the row's year, whether 年度 is written on the row or repeated.
        if yearField == .year, case .value(let rowYear) = year, let eraCell,
            let era = CSVCellValues.year(eraCell, diagnostics: &diagnostics), era.value != rowYear.value
        {
            if let yearCell {
                diagnostics.error(
                    at: eraCell.location,
                    "\(eraCell.label): \(eraCell.quoted) is not the same year as \(yearCell.quoted) in cell \(yearCell.position.reference)",
                    hint: "correct one of them: 「\(eraCell.position.header)」 must be the era form of 「\(yearCell.position.header)」 "
                        + "(2017 is 平成29年度)")
            } else {
                diagnostics.error(
                    at: eraCell.location,
                    "\(eraCell.label): \(eraCell.quoted) is not the same year as this row's 年度, "
                        + "\(rowYear.value.year)年度 (its cell is empty, so it repeats the row above or the file's name)",
                    hint: "write this row's 年度, or correct 「\(eraCell.position.header)」")
            }
        }
        if case .value(let value) = year { return value }
        return nil
    }

    /// The row's point within the year (時点): nil inside for the year's end (an empty cell or
    /// 「年度末」); nil outside when the cell names no point (reported).
    private func readPoint(_ row: CSVRow, diagnostics: inout Diagnostics) -> RowPoint? {
        guard let cell = cell(.point, in: row) else { return RowPoint(value: nil) }
        let text = cell.text.trimmingWhitespace()
        if ["年度末", "年度末時点", "年度末現在"].contains(WidthNormalization.fold(text)) { return RowPoint(value: nil) }
        guard let snapshot = Snapshot.parse(text) else {
            diagnostics.error(
                at: cell.location, "\(cell.label): \(cell.quoted) names no month",
                hint: "write the point in the year as the report does, with its month (8月末, 9月30日現在), "
                    + "or leave the cell empty (or write 年度末) for the year's end")
            return nil
        }
        return RowPoint(value: snapshot)
    }

    private mutating func readNumber(_ row: CSVRow, diagnostics: inout Diagnostics) -> Located<String>? {
        if let cell = cell(.number, in: row) {
            number = .value(Located(cell.text, at: cell.location))
        } else if case .none = number, let column = header.column(.number) {
            number = .failed
            let position = CSVCellPosition(file: file, row: row.number, column: column.number, header: column.header, sheet: sheet)
            diagnostics.error(
                at: position.location, "\(position.label) is empty",
                hint: "write the item's number (番号); an empty cell repeats the row above, "
                    + "so only an item's first row needs it")
        }
        if case .value(let value) = number { return value }
        return nil
    }

    /// The axis of a grader column as the sheet's column of that axis's values names it (「達成度の評価者」
    /// beside a column 「達成度（内部評価）」, read as the axis's id).
    private func valueAxis(_ axis: String) -> String {
        let keys = check.lookup.axisKeys
        let key = keys[axis] ?? axis
        return header.axes.first { (keys[$0.axis] ?? $0.axis) == key }?.axis ?? axis
    }

    // MARK: - Sub-item cells

    /// The row's sub-item: 細目番号 with 細目名, 細目の評価 and 細目の進捗状況. 細目番号 is not repeated
    /// from the row above (a row without one is about the item alone), so those cells without it
    /// are errors, never put on the item or on another sub-item.
    private func readSubItem(
        _ row: CSVRow, diagnostics: inout Diagnostics
    ) -> (number: CSVCell, title: CSVCell?, grade: CSVCell?, progress: CSVCell?)? {
        let title = cell(.subitemTitle, in: row)
        let grade = cell(.subitemGrade, in: row)
        let progress = cell(.subitemProgress, in: row)
        guard let number = cell(.subitem, in: row) else {
            let numberHeader = header.column(.subitem)?.header ?? CSVField.subitem.displayName
            for cell in [title, grade, progress].compactMap({ $0 }) {
                diagnostics.error(
                    at: cell.location,
                    "\(cell.label): \(cell.quoted) is for no sub-item: 「\(numberHeader)」 is empty on this row",
                    hint: "write the sub-item's number (細目番号) on the same row, one row per sub-item; "
                        + "「\(numberHeader)」 is not repeated from the row above")
            }
            return nil
        }
        return (number, title, grade, progress)
    }

    // MARK: - KPI cells

    /// The KPI actual of a row: 指標 with 実績値 and/or 実績値の表記 (and 指標の評価). 目標値 is compared.
    private func readKPI(
        _ row: CSVRow, plan: String?, number: String?, diagnostics: inout Diagnostics
    ) -> KPIActualDocument? {
        let actual = cell(.actual, in: row)
        let wording = cell(.actualText, in: row)
        let grade = cell(.kpiGrade, in: row)
        let target = cell(.target, in: row)
        let unitCell = cell(.unit, in: row)
        let name = cell(.kpi, in: row)
        // With an 指標ID column, the id names the KPI and 指標 is only compared with its name.
        guard let kpi = cell(.kpiID, in: row) ?? name else {
            let kpiHeader = (header.column(.kpiID) ?? header.column(.kpi))?.header ?? CSVField.kpi.displayName
            for cell in [name, actual, wording, grade, target, unitCell].compactMap({ $0 }) {
                diagnostics.error(
                    at: cell.location,
                    "\(cell.label): \(cell.quoted) is for no KPI: 「\(kpiHeader)」 is empty on this row",
                    hint: "name the KPI in 「\(kpiHeader)」 (its name or id) on the same row: one row per KPI")
            }
            return nil
        }
        var unit: String?
        if let plan, let number {
            unit = check.lookup.kpi(plan: plan, number: number, named: kpi.text)?.unit
            if let target { check.target(target, kpi: kpi.text, plan: plan, number: number, diagnostics: &diagnostics) }
            if let name, name != kpi {
                check.kpiName(name, kpi: kpi.text, plan: plan, number: number, diagnostics: &diagnostics)
            }
        }
        guard actual != nil || wording != nil else {
            let actualHeader = header.column(.actual)?.header ?? CSVField.actual.displayName
            diagnostics.error(
                at: kpi.location, "\(kpi.label): the KPI \(kpi.quoted) has no 「\(actualHeader)」 on this row",
                hint: "write its actual for the year (e.g. 9,718人, or a wording such as 未算出), "
                    + "or leave 「\(kpi.position.header)」 empty")
            return nil
        }
        guard var value = CSVCellValues.actual(actual, wording: wording, kpiUnit: unit, diagnostics: &diagnostics)
        else { return nil }
        if let unitCell, let actual {
            guard let withUnit = CSVCellValues.unit(unitCell, of: value, actual: actual, diagnostics: &diagnostics) else {
                return nil
            }
            value = withUnit
        }
        var document = KPIActualDocument(
            kpi: Located(kpi.text, at: kpi.location), year: nil, value: value,
            grade: grade.map { Located($0.text, at: $0.location) }, location: kpi.location)
        // 確定前の値の区分・時点・注記: the actual is provisional (見込み, 速報値) when any is given.
        let label = cell(.provisional, in: row)?.text
        let asOf = cell(.provisionalAsOf, in: row)?.text
        let note = cell(.provisionalNote, in: row)?.text
        if label != nil || asOf != nil || note != nil {
            // The export writes 確定前の値 where the report gives no word of its own.
            document.provisional = KPIProvisional(label: label == "確定前の値" ? nil : label, asOf: asOf, note: note)
        }
        return document
    }
}
