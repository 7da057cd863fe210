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
    /// Cells of the axes' grader columns (「達成度の評価者」), by the axis as the header names it.
    private var axisGraderCells: [(axis: String, cell: CSVCell)] = []
    /// Cells of the axes' 「<axis>の評価の方法」 and 「<axis>の委員ごとの評価」 columns.
    private var axisGradingCells: [(axis: String, cell: CSVCell)] = []
    private var axisMemberGradeCells: [(axis: String, cell: CSVCell)] = []
    /// The sub-items' cells, in the order their numbers first appear.
    private var subitems: [SubItemCells] = []
    /// Amounts of kinds other than the first one's, from rows whose 効果額の種類 names that kind.
    private var otherEffects: [OtherEffectCells] = []

    /// One further kind's amounts, gathered from its rows (each given once, or repeated exactly).
    struct OtherEffectCells: Sendable {
        let kind: EffectKind
        let kindCell: CSVCell
        var expected: (cell: CSVCell, money: MoneyDocument)?
        var actual: (cell: CSVCell, money: MoneyDocument)?
    }

    /// One sub-item's cells (細目番号 with 細目の評価 and 細目の進捗状況), gathered from its rows.
    struct SubItemCells: Sendable {
        let number: CSVCell
        var grade: CSVCell?
        var progress: CSVCell?
    }

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
        takeOnce(axis, cell, into: \.axisCells, diagnostics: &diagnostics)
    }

    /// Takes who graded on a status axis: given once for the item and year or repeated exactly.
    mutating func takeAxisGrader(_ axis: String, _ cell: CSVCell, diagnostics: inout Diagnostics) {
        takeOnce(axis, cell, into: \.axisGraderCells, diagnostics: &diagnostics)
    }

    mutating func takeAxisGrading(_ axis: String, _ cell: CSVCell, diagnostics: inout Diagnostics) {
        takeOnce(axis, cell, into: \.axisGradingCells, diagnostics: &diagnostics)
    }

    mutating func takeAxisMemberGrades(_ axis: String, _ cell: CSVCell, diagnostics: inout Diagnostics) {
        takeOnce(axis, cell, into: \.axisMemberGradeCells, diagnostics: &diagnostics)
    }

    /// 評価の方法 and 委員ごとの評価 (「B、C、C」, 「A委員：B、B委員：C」) as written beside a grade.
    static func composition(method: CSVCell?, members: CSVCell?) -> GradeCompositionDocument? {
        guard method != nil || members != nil else { return nil }
        let grades = (members?.text ?? "").split(whereSeparator: { "、,，".contains($0) }).compactMap { entry -> MemberGradeDocument? in
            guard let cell = members else { return nil }
            let text = String(entry).trimmingWhitespace()
            guard !text.isEmpty else { return nil }
            if let colon = text.lastIndex(where: { $0 == "：" || $0 == ":" }) {
                let name = String(text[..<colon]).trimmingWhitespace()
                let grade = String(text[text.index(after: colon)...]).trimmingWhitespace()
                return MemberGradeDocument(
                    member: name.isEmpty ? nil : Located(name, at: cell.location), grade: Located(grade, at: cell.location))
            }
            return MemberGradeDocument(member: nil, grade: Located(text, at: cell.location))
        }
        return GradeCompositionDocument(
            method: method.map { Located($0.text, at: $0.location) }, members: grades,
            location: (method ?? members)?.location ?? SourceLocation(file: ""))
    }

    /// Keeps the first cell given for an axis; a repeat must say the same in any width.
    private mutating func takeOnce(
        _ axis: String, _ cell: CSVCell, into cells: WritableKeyPath<Self, [(axis: String, cell: CSVCell)]>,
        diagnostics: inout Diagnostics
    ) {
        guard let first = self[keyPath: cells].first(where: { $0.axis == axis })?.cell else {
            self[keyPath: cells].append((axis, cell))
            return
        }
        if WidthNormalization.fold(first.text) != WidthNormalization.fold(cell.text) {
            reportDifferentRepeat(cell, of: first, diagnostics: &diagnostics)
        }
    }

    /// Takes a sub-item's cells from a row with its 細目番号. A sub-item on several rows gives its
    /// 細目の評価 and 細目の進捗状況 once, or repeats them exactly (a different repeat is an error).
    mutating func takeSubItem(number: CSVCell, grade: CSVCell?, progress: CSVCell?, diagnostics: inout Diagnostics) {
        let folded = WidthNormalization.fold(number.text)
        guard let index = subitems.firstIndex(where: { WidthNormalization.fold($0.number.text) == folded }) else {
            subitems.append(SubItemCells(number: number, grade: grade, progress: progress))
            return
        }
        let whose = "sub-item \(subitems[index].number.text) of item \(item.value)"
        if let grade {
            if let first = subitems[index].grade {
                if WidthNormalization.fold(first.text) != WidthNormalization.fold(grade.text) {
                    reportDifferentRepeat(grade, of: first, whose: whose, diagnostics: &diagnostics)
                }
            } else {
                subitems[index].grade = grade
            }
        }
        if let progress {
            if let first = subitems[index].progress {
                if WidthNormalization.fold(first.text) != WidthNormalization.fold(progress.text) {
                    reportDifferentRepeat(progress, of: first, whose: whose, diagnostics: &diagnostics)
                }
            } else {
                subitems[index].progress = progress
            }
        }
    }

    private func reportGraderWithoutGrade(_ grader: CSVCell, of what: String, diagnostics: inout Diagnostics) {
        diagnostics.error(
            at: grader.location,
            "\(grader.label): \(grader.quoted) says who graded, but item \(item.value) has no value in \(what) for the year",
            hint: "write the grade on one of the item's rows, or leave 「\(grader.position.header)」 empty "
                + "(where it is empty, the plan's graded_by: says who graded)")
    }

    /// A cell that repeats, on another row of the item and year, a cell given once for both, and
    /// says something else.
    private func reportDifferentRepeat(
        _ cell: CSVCell, of first: CSVCell, whose: String? = nil, diagnostics: inout Diagnostics
    ) {
        let whose = whose ?? "item \(item.value)"
        diagnostics.error(
            at: cell.location,
            "\(cell.label): \(cell.quoted) differs from \(first.quoted) in cell \(first.position.reference), "
                + "on another row of \(whose) for the same year",
            hint: whose.hasPrefix("sub-item")
                ? "a sub-item's 「\(cell.position.header)」 is given once for the year: leave it empty on the "
                    + "sub-item's other rows, or repeat it exactly"
                : "an item's 「\(cell.position.header)」 is given once for the year: leave it empty on the item's "
                    + "other rows (its other KPIs or sub-items), or repeat it exactly")
    }

    /// The first cell given for an item-level field.
    func cell(_ field: CSVField) -> CSVCell? { cells[field] }

    /// The kind a row's 効果額の種類 names when it is a known kind other than the one the item's
    /// first such cell names (相馬市's 単年度 and 継続 amounts of one item and year, a row each);
    /// nil otherwise (the same kind, or a word that is no kind, reported as before).
    func otherEffectKind(_ kindCell: CSVCell) -> EffectKind? {
        guard let first = cells[.effectKind], let firstKind = EffectKindParser.parse(first.text),
            let kind = EffectKindParser.parse(kindCell.text), kind != firstKind
        else { return nil }
        return kind
    }

    /// Takes a row's amounts of another kind: the first row of that kind gives them, a repeat must say the same.
    mutating func takeOtherEffect(
        kind: EffectKind, kindCell: CSVCell, expected: (CSVCell, MoneyDocument)?, actual: (CSVCell, MoneyDocument)?,
        diagnostics: inout Diagnostics
    ) {
        guard let index = otherEffects.firstIndex(where: { $0.kind == kind }) else {
            guard expected != nil || actual != nil else {
                diagnostics.error(
                    at: kindCell.location,
                    "\(kindCell.label): \(kindCell.quoted) is the kind of no amount: the row gives no 効果見込額 or 効果額",
                    hint: "give that kind's amounts on the row (a row per kind of amount), or repeat the item's first kind in 「\(kindCell.position.header)」")
                return
            }
            otherEffects.append(OtherEffectCells(kind: kind, kindCell: kindCell, expected: expected, actual: actual))
            return
        }
        for (field, given) in [(CSVField.effectExpected, expected), (.effectActual, actual)] {
            guard let given else { continue }
            let first = field == .effectExpected ? otherEffects[index].expected : otherEffects[index].actual
            if let first {
                if !Self.same(field, first.cell.text, given.0.text) { reportDifferentRepeat(given.0, of: first.cell, diagnostics: &diagnostics) }
            } else if field == .effectExpected {
                otherEffects[index].expected = given
            } else {
                otherEffects[index].actual = given
            }
        }
    }

    mutating func setEffect(_ field: CSVField, _ money: MoneyDocument) {
        if field == .effectExpected { expected = money } else { actual = money }
    }

    mutating func add(_ actual: KPIActualDocument) {
        kpiActuals.append(actual)
    }

    /// The result as a document, located at the item's number. A grader (評価者, 「達成度の評価者」)
    /// for a grade or an axis value the item's rows do not give is an error: it would say who gave
    /// a grade no one gave.
    func document(diagnostics: inout Diagnostics) -> ResultDocument {
        let effectCells = [cells[.effectExpected], cells[.effectActual]].compactMap { $0 }
        var effect =
            expected != nil || actual != nil
            ? EffectDocument(
                expected: expected, actual: actual, location: effectCells.first?.location ?? item.location)
            : nil
        if let kindCell = cells[.effectKind] {
            if let kind = EffectKindParser.parse(kindCell.text) {
                if effect == nil {
                    if effectCells.isEmpty {
                        diagnostics.error(
                            at: kindCell.location, "\(kindCell.label): \(kindCell.quoted) is the kind of no amount: the row gives no 効果見込額 or 効果額",
                            hint: "give the amounts the report gives on the item's row, or leave 「\(kindCell.position.header)」 empty")
                    }
                } else {
                    effect?.kind = kind
                }
            } else {
                diagnostics.error(
                    at: kindCell.location, "\(kindCell.label): \(kindCell.quoted) is not a kind of effect Mieruka knows",
                    hint: EffectKindParser.hint)
            }
        }
        var document = ResultDocument(
            item: item, year: nil, grade: cells[.grade].map { Located($0.text, at: $0.location) },
            progress: cells[.progress]?.raw, factors: cells[.factors]?.raw, nextSteps: cells[.nextSteps]?.raw,
            kpiActuals: kpiActuals, effect: effect, location: item.location)
        document.moreEffects = otherEffects.map { other in
            var effect = EffectDocument(expected: other.expected?.money, actual: other.actual?.money, location: other.kindCell.location)
            effect.kind = other.kind
            return effect
        }
        document.subitems = subitems.map { cells in
            var subitem = SubItemResultDocument(
                number: Located(cells.number.text, at: cells.number.location),
                grade: cells.grade.map { Located($0.text, at: $0.location) }, progress: cells.progress?.raw,
                location: cells.number.location)
            subitem.gradeCell = cells.grade?.label
            return subitem
        }
        if let unreadable = cells[.gradeUnreadable] {
            if let grade = cells[.grade] {
                diagnostics.error(
                    at: unreadable.location,
                    "\(unreadable.label): the row says the grade could not be read, but \(grade.label) gives \(grade.quoted)",
                    hint: "keep 「評価」 when the report's grade was read, or empty it and say in 「\(unreadable.position.header)」 why it could not be")
            } else {
                document.gradeUnreadable = Located(unreadable.text, at: unreadable.location)
            }
        }
        document.previousGrade = cells[.previousGrade].map { Located($0.text, at: $0.location) }
        if let grader = cells[.gradedBy] {
            if cells[.grade] == nil {
                reportGraderWithoutGrade(grader, of: "「評価」", diagnostics: &diagnostics)
            } else {
                document.gradedBy = Located(grader.text, at: grader.location)
            }
        }
        document.composition = Self.composition(method: cells[.grading], members: cells[.memberGrades])
        document.axes = axisCells.map { axis, cell in
            let grader = axisGraderCells.first { $0.axis == axis }?.cell
            var value = AxisValueDocument(
                axis: Located(axis, at: cell.location), grade: Located(cell.text, at: cell.location),
                gradedBy: grader.map { Located($0.text, at: $0.location) }, location: cell.location)
            value.composition = Self.composition(
                method: axisGradingCells.first { $0.axis == axis }?.cell,
                members: axisMemberGradeCells.first { $0.axis == axis }?.cell)
            return value
        }
        for (axis, grader) in axisGraderCells + axisGradingCells + axisMemberGradeCells
        where !axisCells.contains(where: { $0.axis == axis }) {
            reportGraderWithoutGrade(grader, of: "the status axis 「\(axis)」", diagnostics: &diagnostics)
        }
        return document
    }
}
