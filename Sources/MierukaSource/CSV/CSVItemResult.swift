import MierukaDiagnostics
import MierukaModel

/// One item's result for one fiscal year, gathered from the rows that give it: one row, or one row
/// per KPI. Each item-level cell (評価, 進捗状況 …) is given on one of the rows and may be repeated
/// exactly on the others; a different repeat is an error naming both cells.
struct CSVItemResult: Sendable {
    let plan: Located<String>
    let year: Located<FiscalYear>
    let item: Located<String>
    private var cells: [CSVField: CSVCell] = [:]
    private var expected: MoneyDocument?
    private var actual: MoneyDocument?
    private var kpiActuals: [KPIActualDocument] = []
    /// Cells of the status axes' columns, by the axis as the header names it, in the order first given.
    private var axisCells: [(axis: String, cell: CSVCell)] = []

    init(plan: Located<String>, year: Located<FiscalYear>, item: Located<String>) {
        self.plan = plan
        self.year = year
        self.item = item
    }

    /// Takes an item-level cell. True when it is the first for its field; false for a repeat, which
    /// is reported when it differs.
    mutating func take(_ field: CSVField, _ cell: CSVCell, diagnostics: inout Diagnostics) -> Bool {
        guard let first = cells[field] else {
            cells[field] = cell
            return true
        }
        if !Self.same(field, first.text, cell.text) { reportDifferentRepeat(cell, of: first, diagnostics: &diagnostics) }
        return false
    }

    /// Whether a repeat says the same as the first cell: the same text in any width, or for an
    /// amount the same amount however it is typed (１，２００ and 1200).
    static func same(_ field: CSVField, _ first: String, _ again: String) -> Bool {
        if WidthNormalization.fold(first) == WidthNormalization.fold(again) { return true }
        let nowhere = SourceLocation(file: "")
        guard field.isMoney, let a = MoneyParser.parse(first, location: nowhere),
            let b = MoneyParser.parse(again, location: nowhere)
        else { return false }
        return a.amount == b.amount && a.writtenUnit == b.writtenUnit
    }

    /// Takes a status axis's cell: like an item-level cell, given once for the item and year or repeated exactly.
    mutating func takeAxis(_ axis: String, _ cell: CSVCell, diagnostics: inout Diagnostics) {
        guard let first = axisCells.first(where: { $0.axis == axis })?.cell else {
            axisCells.append((axis, cell))
            return
        }
        if WidthNormalization.fold(first.text) != WidthNormalization.fold(cell.text) {
            reportDifferentRepeat(cell, of: first, diagnostics: &diagnostics)
        }
    }

    /// A cell that repeats, on another row of the item and year, a cell given once for both, and
    /// says something else.
    private func reportDifferentRepeat(_ cell: CSVCell, of first: CSVCell, diagnostics: inout Diagnostics) {
        diagnostics.error(
            at: cell.location,
            "\(cell.label): \(cell.quoted) differs from \(first.quoted) in cell \(first.position.reference), "
                + "on another row of item \(item.value) for the same year",
            hint: "an item's 「\(cell.position.header)」 is given once for the year: leave it empty on the rows "
                + "of its other KPIs, or repeat it exactly")
    }

    /// The first cell given for an item-level field.
    func cell(_ field: CSVField) -> CSVCell? { cells[field] }

    mutating func setEffect(_ field: CSVField, _ money: MoneyDocument) {
        if field == .effectExpected { expected = money } else { actual = money }
    }

    mutating func add(_ actual: KPIActualDocument) {
        kpiActuals.append(actual)
    }

    /// The result as a document, located at the item's number.
    var document: ResultDocument {
        let effectCells = [cells[.effectExpected], cells[.effectActual]].compactMap { $0 }
        let effect =
            expected != nil || actual != nil
            ? EffectDocument(
                expected: expected, actual: actual, location: effectCells.first?.location ?? item.location)
            : nil
        var document = ResultDocument(
            item: item, year: nil, grade: cells[.grade].map { Located($0.text, at: $0.location) },
            progress: cells[.progress]?.raw, factors: cells[.factors]?.raw, nextSteps: cells[.nextSteps]?.raw,
            kpiActuals: kpiActuals, effect: effect, location: item.location)
        document.axes = axisCells.map { axis, cell in
            AxisValueDocument(
                axis: Located(axis, at: cell.location), grade: Located(cell.text, at: cell.location), gradedBy: nil,
                location: cell.location)
        }
        return document
    }
}
