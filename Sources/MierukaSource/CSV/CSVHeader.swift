import MierukaDiagnostics
import MierukaModel

/// The header row of a results CSV: which column holds what.
///
/// A header is looked up whole first, then without a note in brackets at its end: 「評価（S・A・B）」
/// is 評価, and 「効果額（千円）」 is 効果額 whose cells without a unit are in 千円 (「（単位：千円）」
/// too). Only the money columns read a unit there; for the others the note is just a note.
/// Headers that `mieruka.yml` lists under `csv: columns:` are added to the built-in ones and win
/// over them.
struct CSVHeader: Sendable {
    /// Known columns by number; nil for a column without a header.
    let columns: [Int: CSVColumn]
    /// The row the header is on.
    let row: Int
    /// Columns whose header was reported as unknown or wrong: their cells are not reported again.
    let reported: Set<Int>
    private let byField: [CSVField: CSVColumn]
    /// Columns of the plans' status axes: the axis as a result names it, and the column.
    var axes: [(axis: String, column: CSVColumn)] = []
    /// Columns saying who graded a value on a status axis (「達成度の評価者」): the axis, and the column.
    var axisGraders: [(axis: String, column: CSVColumn)] = []
    /// Columns on how a value on a status axis was reached (「達成度の評価の方法」).
    var axisGradings: [(axis: String, column: CSVColumn)] = []
    /// Columns of the members' grades behind a value on a status axis (「達成度の委員ごとの評価」).
    var axisMemberGrades: [(axis: String, column: CSVColumn)] = []

    /// What a column about a status axis holds.
    enum AxisColumnKind {
        case value, grader, grading, memberGrades
    }

    func column(_ field: CSVField) -> CSVColumn? { byField[field] }

    /// The header of a known column, for messages about cells below the header row.
    func name(of column: Int, row: Int) -> String? {
        row > self.row ? columns[column]?.header : nil
    }

    /// An error for each header naming no column that is read, with the closest known name when
    /// one is near.
    private static func reportUnknown(
        _ unknown: [(position: CSVCellPosition, header: String)], names: [String: CSVField], settings: CSVSettings,
        diagnostics: inout Diagnostics
    ) {
        let known = names.keys.sorted()
        for (position, written) in unknown {
            let header = CSVCellPosition.shown(written)
            let name = splitNote(written)?.name ?? written
            // Headers are short; a long text is not compared (the edit distance grows with its square).
            var hint = ""
            if name.unicodeScalars.count <= 40,
                let normalized = Suggestion.closest(to: CSVField.normalizedHeader(name), in: known),
                let field = names[normalized]
            {
                hint = "did you mean 「\(displayed(normalized, field: field, settings: settings))」? "
            }
            hint += "the columns read are " + acceptedNames + "; to read 「\(header)」 as one of them, or to skip it, "
                + "add it to mieruka.yml, e.g. csv: {columns: {\(header): ignore}}"
            diagnostics.error(at: position.location, "\(position.label): unknown column 「\(header)」", hint: hint)
        }
    }

    /// Reads the header row. Nil (with errors) when the row names no known column or no item number.
    static func read(
        _ headerRow: CSVRow, settings: CSVSettings, file: String, sheet: String? = nil, axisHeaders: [String: String] = [:],
        diagnostics: inout Diagnostics
    ) -> CSVHeader? {
        let names = lookup(settings)
        var reading = Reading()
        for (offset, raw) in headerRow.cells.enumerated() {
            let header = raw.replacingLineBreaks()
            guard !header.isEmpty else { continue }
            let position = CSVCellPosition(file: file, row: headerRow.number, column: offset + 1, header: "", sheet: sheet)
            reading.take(header, at: position, names: names, axisHeaders: axisHeaders)
        }
        let start = SourceLocation(file: file, line: headerRow.number, column: 1, sheet: sheet)
        guard !reading.byField.isEmpty else {
            let first = headerRow.cells.first { !$0.trimmingWhitespace().isEmpty } ?? ""
            diagnostics.error(
                at: start,
                "row \(headerRow.number) names none of the columns that are read "
                    + "(its first cell is 「\(CSVCellPosition.shown(first))」)",
                hint: "the first row of the sheet must be its header (" + CSVField.number.displayName + ", "
                    + CSVField.grade.displayName + ", " + CSVField.progress.displayName
                    + " …): delete any title rows above it")
            return nil
        }
        diagnostics.append(contentsOf: reading.diagnostics)
        reportUnknown(reading.unknown, names: names, settings: settings, diagnostics: &diagnostics)
        guard reading.byField[.number] != nil else {
            diagnostics.error(
                at: start, "the header row has no column for the item number",
                hint: "add a column " + CSVField.number.headers.filter { $0 != "№" }.map { "「\($0)」" }
                    .joined(separator: ", ") + " with each item's number")
            return nil
        }
        var read = CSVHeader(
            columns: reading.columns, row: headerRow.number, reported: reading.reported, byField: reading.byField)
        read.axes = reading.axes
        read.axisGraders = reading.axisGraders
        read.axisGradings = reading.axisGradings
        read.axisMemberGrades = reading.axisMemberGrades
        return read
    }

    /// What the header row's cells have said so far, one cell at a time.
    private struct Reading {
        var columns: [Int: CSVColumn] = [:]
        var byField: [CSVField: CSVColumn] = [:]
        var unknown: [(position: CSVCellPosition, header: String)] = []
        var reported: Set<Int> = []
        /// Errors about single headers, reported only when the row is a header at all.
        var diagnostics = Diagnostics()
        var axes: [(axis: String, column: CSVColumn)] = []
        var axisGraders: [(axis: String, column: CSVColumn)] = []
        var axisGradings: [(axis: String, column: CSVColumn)] = []
        var axisMemberGrades: [(axis: String, column: CSVColumn)] = []

        mutating func take(
            _ header: String, at position: CSVCellPosition, names: [String: CSVField], axisHeaders: [String: String]
        ) {
            let number = position.column
            guard let identified = CSVHeader.identify(header, names: names) else {
                takeUnidentified(header, at: position, axisHeaders: axisHeaders)
                return
            }
            var (field, note) = identified
            // A header the site maps whole (csv: {columns: {実績額（万円）: effect_actual}}) still
            // gives its amounts' unit.
            if field.isMoney, note == nil, let split = CSVHeader.splitNote(header), CSVHeader.moneyUnit(split.note) != nil {
                note = split.note
            }
            var unit: MoneyUnit?
            if field.isMoney, let note {
                unit = CSVHeader.moneyUnit(note)
                if unit == nil {
                    diagnostics.error(
                        at: position.location,
                        "\(position.label): the unit 「\(note)」 in the header 「\(header)」 is not an amount of money",
                        hint: "write the unit as 円, 千円, 万円, 百万円 or 億円, e.g. 「\(field.displayName)（千円）」; "
                            + "without a unit, amounts are in the plan's money_unit")
                    reported.insert(number)
                    return
                }
            }
            let column = CSVColumn(field: field, number: number, header: header, unit: unit)
            if field != .ignore, let first = byField[field] {
                diagnostics.error(
                    at: position.location,
                    "\(position.label): the column 「\(header)」 holds the same as 「\(first.header)」 "
                        + "(\(CSVCellReference.name(row: position.row, column: first.number)))",
                    hint: "keep one of them, or map one to ignore in mieruka.yml: csv: {columns: {\(header): ignore}}")
                reported.insert(number)
                return
            }
            columns[number] = column
            if field != .ignore { byField[field] = column }
        }

        /// A header naming no field: a column of a status axis, or an unknown column.
        private mutating func takeUnidentified(_ header: String, at position: CSVCellPosition, axisHeaders: [String: String]) {
            guard let (axis, kind) = CSVHeader.axisColumn(header, axisHeaders: axisHeaders) else {
                unknown.append((position, header))
                reported.insert(position.column)
                return
            }
            let column = CSVColumn(field: .ignore, number: position.column, header: header, unit: nil)
            columns[column.number] = column
            switch kind {
            case .value: axes.append((axis, column))
            case .grader: axisGraders.append((axis, column))
            case .grading: axisGradings.append((axis, column))
            case .memberGrades: axisMemberGrades.append((axis, column))
            }
        }
    }

    /// The status axis a header is about: its values' column (the axis's name or id, or a header
    /// its plan lists under columns:, 「達成度（A～E）」 being 達成度), or who graded on it
    /// (「達成度の評価者」, the axis's column header and の評価者).
    static func axisColumn(_ header: String, axisHeaders: [String: String]) -> (axis: String, kind: AxisColumnKind)? {
        if let axis = axisHeaders[CSVField.normalizedHeader(header)]
            ?? splitNote(header).flatMap({ axisHeaders[CSVField.normalizedHeader($0.name)] })
        {
            return (axis, .value)
        }
        let kinds: [(String, AxisColumnKind)] = [
            (CSVField.graderSuffix, .grader), (CSVField.gradingSuffix, .grading), (CSVField.memberGradesSuffix, .memberGrades),
        ]
        for (suffix, kind) in kinds {
            if let axis = axisGrader(header, axisHeaders: axisHeaders, suffix: suffix) { return (axis, kind) }
        }
        return nil
    }

    /// The axis whose grader a header names: 「達成度の評価者」, or 「達成度（内部評価）の評価者」
    /// for an axis read from 「達成度（内部評価）」.
    static func axisGrader(_ header: String, axisHeaders: [String: String], suffix written: String = CSVField.graderSuffix) -> String? {
        let normalized = CSVField.normalizedHeader(header)
        let suffix = CSVField.normalizedHeader(written)
        guard normalized.hasSuffix(suffix), normalized.count > suffix.count else { return nil }
        let axisHeader = String(normalized.dropLast(suffix.count))
        if let axis = axisHeaders[axisHeader] { return axis }
        let written = String(header.trimmingWhitespace().dropLast(written.count))
        return splitNote(written).flatMap { axisHeaders[CSVField.normalizedHeader($0.name)] }
    }

    /// Every field with its Japanese and English names, for hints.
    static var acceptedNames: String {
        CSVField.allCases.filter { $0 != .ignore }.map { "\($0.displayName) (\($0.key))" }.joined(separator: ", ")
    }

    /// Normalized header → field: the built-in headers, then the site's own.
    static func lookup(_ settings: CSVSettings) -> [String: CSVField] {
        var names: [String: CSVField] = [:]
        for field in CSVField.allCases where field != .ignore {
            for header in field.headers { names[CSVField.normalizedHeader(header)] = field }
        }
        for (header, key) in settings.columns {
            guard let field = CSVField.named(key) else { continue }  // reported when mieruka.yml is read
            names[CSVField.normalizedHeader(header)] = field
        }
        return names
    }

    /// The field of a header, with the note in brackets at its end when only the rest was known.
    static func identify(_ header: String, names: [String: CSVField]) -> (CSVField, String?)? {
        if let field = names[CSVField.normalizedHeader(header)] { return (field, nil) }
        guard let split = splitNote(header), let field = names[CSVField.normalizedHeader(split.name)] else {
            return nil
        }
        return (field, split.note)
    }

    /// 「効果額（単位：千円）」 → (効果額, 千円): a header and the note in brackets at its end.
    static func splitNote(_ header: String) -> (name: String, note: String)? {
        let folded = Array(WidthNormalization.fold(header).unicodeScalars)
        let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [("(", ")"), ("[", "]"), ("【", "】"), ("〔", "〕")]
        guard let last = folded.last, let pair = pairs.first(where: { $0.1 == last }),
            let open = folded.lastIndex(of: pair.0), open > 0
        else { return nil }
        let name = String(String.UnicodeScalarView(folded[..<open])).trimmingWhitespace()
        var note = String(String.UnicodeScalarView(folded[(open + 1)..<(folded.count - 1)])).trimmingWhitespace()
        for prefix in ["単位:", "単位"] where note.hasPrefix(prefix) {
            note = String(note.dropFirst(prefix.count)).trimmingWhitespace()
            break
        }
        return (name, note)
    }

    static func moneyUnit(_ note: String) -> MoneyUnit? {
        MoneyUnit.allCases.first { $0.rawValue == note }
    }

    /// How a suggested name is shown: as the site or the built-in table writes it.
    private static func displayed(_ normalized: String, field: CSVField, settings: CSVSettings) -> String {
        settings.columns.keys.first { CSVField.normalizedHeader($0) == normalized }
            ?? field.headers.first { CSVField.normalizedHeader($0) == normalized } ?? field.displayName
    }
}
