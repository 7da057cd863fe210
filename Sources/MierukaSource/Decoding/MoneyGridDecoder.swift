import MierukaDiagnostics
import MierukaModel

/// Reads a money table whose `columns:` is a list: the report's own columns (H18年度 … 第3次計),
/// rows of amounts under them, group headings and the sums the report prints (`sum_of:`).
enum MoneyGridDecoder {
    static let columnKeys = ["heading", "sum_of", "text"]
    static let rowKeys = ["label", "cells", "sum_of", "group", "text"]
    static let bracketKeys = ["label", "counts"]
    static let increase = "の増"

    static func table(
        _ reader: MappingReader, title: Located<String>, years: FiscalYearRange, unit: MoneyUnit?, sign: MoneySign,
        planUnit: MoneyUnit, diagnostics: inout Diagnostics
    ) -> MoneyTable? {
        let name = "the money table \"\(title.value)\""
        for key in ["total"] where reader.has(key) {
            diagnostics.error(
                at: reader.keyLocation(key) ?? reader.location, "\(name) lists its own columns, so its 合計 is a row of rows:",
                hint: "write the total as a row: - {label: 合計, cells: [...], sum_of: all}")
        }
        let columns: [MoneyGridColumn] = reader.list("columns", diagnostics: &diagnostics).compactMap {
            column($0, diagnostics: &diagnostics)
        }
        guard !columns.isEmpty else {
            diagnostics.error(
                at: reader.location, "\(name) has no columns",
                hint: "list the report's column headings: columns: [H18年度, H19年度, {heading: 計, sum_of: all}]")
            return nil
        }
        guard columns.contains(where: { !$0.isText }) else {
            diagnostics.error(
                at: reader.location, "\(name) has only text columns",
                hint: "a money table has at least one column of amounts; a table of words only goes under tables:")
            return nil
        }
        let amountUnit = unit ?? planUnit
        let bracket = reader.node("bracket").flatMap { Self.bracket($0, table: name, diagnostics: &diagnostics) }
        let cellReader = CellReader(unit: amountUnit, sign: sign, bracket: bracket, table: name)
        var rows: [MoneyGridRow] = []
        for node in reader.list("rows", diagnostics: &diagnostics) {
            if let row = row(node, columns: columns, cells: cellReader, diagnostics: &diagnostics) {
                rows.append(row)
            }
        }
        guard rows.contains(where: { if case .amounts = $0 { true } else { false } }) else {
            diagnostics.error(
                at: reader.location, "\(name) has no rows of amounts",
                hint: "add rows: with a label and one cell per column, e.g. - {label: 削減額, cells: [\"△396,046\", …]}")
            return nil
        }
        checkNames(columns: columns, rows: rows, table: name, diagnostics: &diagnostics)
        if let bracket {
            checkBracket(bracket, columns: columns, rows: rows, years: years, table: name, diagnostics: &diagnostics)
        }
        var table = MoneyTable(
            title: title.value, years: years, unit: unit, basis: reader.text("basis", diagnostics: &diagnostics)?.value,
            rowHeading: reader.text("row_heading", diagnostics: &diagnostics)?.value ?? "区分", headings: MoneyTableHeadings(),
            rows: [], total: nil, note: reader.text("note", diagnostics: &diagnostics)?.value,
            source: reader.text("source", diagnostics: &diagnostics)?.value, location: reader.location)
        table.asOf = SnapshotDecoder.decode(reader, what: name, years: years, diagnostics: &diagnostics)
        var grid = MoneyGrid(columns: columns, rows: rows)
        grid.bracket = bracket
        table.grid = grid
        table.sign = sign
        return table
    }

    static func column(_ node: YAMLNode, diagnostics: inout Diagnostics) -> MoneyGridColumn? {
        if case .scalar(let scalar) = node {
            let heading = scalar.text.trimmingWhitespace()
            guard !heading.isEmpty, !scalar.isNull else {
                diagnostics.error(at: node.location, "a column of a money table has no heading", hint: "write the heading as the report prints it")
                return nil
            }
            return MoneyGridColumn(heading: heading, sum: nil, location: scalar.location)
        }
        guard let reader = MappingReader(node, what: "a column of a money table", knownKeys: columnKeys, diagnostics: &diagnostics),
            let heading = reader.requiredText("heading", diagnostics: &diagnostics)
        else { return nil }
        let isText = reader.bool("text", diagnostics: &diagnostics) ?? false
        if isText, reader.has("sum_of") {
            diagnostics.error(
                at: reader.keyLocation("sum_of") ?? reader.location,
                "the column 「\(heading.value)」 is a text column (text: true), so it cannot be a sum",
                hint: "a text column's cells are words shown as written; remove sum_of:, or text: if the column holds amounts")
        }
        var column = MoneyGridColumn(
            heading: heading.value, sum: isText ? nil : sum(reader, allowGroup: false, diagnostics: &diagnostics),
            location: reader.location)
        column.isText = isText
        return column
    }

    static func sum(_ reader: MappingReader, allowGroup: Bool, diagnostics: inout Diagnostics) -> MoneySum? {
        guard let node = reader.node("sum_of") else { return nil }
        if case .sequence = node {
            let names = reader.textList("sum_of", diagnostics: &diagnostics).map(\.value)
            return names.isEmpty ? nil : .of(names)
        }
        guard let raw = reader.text("sum_of", diagnostics: &diagnostics) else { return nil }
        switch raw.value {
        case "all": return .all
        case "group" where allowGroup: return .group
        default:
            diagnostics.error(
                at: raw.location, "\"\(raw.value)\" is not what a sum can be of",
                hint: allowGroup
                    ? "write sum_of: group (the rows of its group above it), sum_of: all, or a list of row labels: sum_of: [削減額, 収入額]"
                    : "write sum_of: all (every column that is not a sum), or a list of column headings: sum_of: [H18年度, H19年度]")
            return nil
        }
    }

    static func row(_ node: YAMLNode, columns grid: [MoneyGridColumn], cells cellReader: CellReader, diagnostics: inout Diagnostics)
        -> MoneyGridRow?
    {
        let columns = grid.count
        guard let reader = MappingReader(node, what: "a row of a money table", knownKeys: rowKeys, diagnostics: &diagnostics)
        else { return nil }
        if let group = reader.text("group", diagnostics: &diagnostics) {
            for key in ["label", "cells", "sum_of", "text"] where reader.has(key) {
                diagnostics.error(
                    at: reader.keyLocation(key) ?? reader.location, "a group heading (group:) has no \(key)",
                    hint: "write the heading as its own row, - {group: \(group.value)}, and the amounts as the rows after it")
            }
            return .group(label: group.value, location: group.location)
        }
        guard let label = reader.requiredText("label", diagnostics: &diagnostics) else { return nil }
        guard let cellsNode = reader.node("cells"), case .sequence(let list) = cellsNode else {
            diagnostics.error(
                at: reader.location, "the row \"\(label.value)\" has no cells",
                hint: "give one cell per column as the report prints it, ~ where it prints none: cells: [\"△396,046\", ~]")
            return nil
        }
        let isTextRow = reader.bool("text", diagnostics: &diagnostics) ?? false
        if isTextRow, reader.has("sum_of") {
            diagnostics.error(
                at: reader.keyLocation("sum_of") ?? reader.location,
                "the row 「\(label.value)」 is a text row (text: true), so it cannot be a sum",
                hint: "a text row's cells are shown as written and never added; remove sum_of:, or text: if the row holds amounts")
        }
        if list.items.count != columns {
            diagnostics.error(
                at: cellsNode.location, "the row \"\(label.value)\" has \(list.items.count) cells, but the table has \(columns) columns",
                hint: "give one cell per column, ~ for a cell the report leaves empty")
        }
        var cells: [GridAmount?] = []
        var texts: [String?] = []
        for (index, cell) in list.items.prefix(columns).enumerated() {
            let isText = grid[index].isText || isTextRow
            guard case .scalar(let scalar) = cell, !scalar.isNull else {
                if !cell.isNull {
                    diagnostics.error(
                        at: cell.location,
                        isText
                            ? "a cell of the text \(isTextRow ? "row 「\(label.value)」" : "column 「\(grid[index].heading)」") should be a single text"
                            : "a cell of a money table should be a single amount")
                }
                cells.append(nil)
                texts.append(nil)
                continue
            }
            if isText {
                // Words beside the amounts, as written: never read as an amount.
                let words = scalar.text.trimmingWhitespace()
                cells.append(nil)
                texts.append(words.isEmpty ? nil : words)
            } else {
                cells.append(cellReader.cell(scalar.text, at: scalar.location, diagnostics: &diagnostics))
                texts.append(nil)
            }
        }
        let missing = max(0, columns - cells.count)
        var row = MoneyGridAmounts(
            label: label.value, cells: cells + Array(repeating: nil, count: missing),
            sum: isTextRow ? nil : sum(reader, allowGroup: true, diagnostics: &diagnostics), location: reader.location)
        row.texts = texts + Array(repeating: nil, count: missing)
        row.isText = isTextRow
        return .amounts(row)
    }

    /// 「△396,046」, 「△ 45」, 「199,588」, 「500の増」 (only where the table's sign is reduction).
    static func amount(
        _ raw: String, at location: SourceLocation, unit: MoneyUnit, sign: MoneySign, what: String? = nil,
        diagnostics: inout Diagnostics
    ) -> GridAmount? {
        let text = raw.trimmingWhitespace()
        // 「約49億円」: an approximate figure, read after 「約」 and kept out of every comparison.
        let split = MoneyParser.splitApproximate(text)
        var body = split.body
        let approximate = split.approximate
        let isIncrease = body.hasSuffix(increase)
        if isIncrease {
            guard sign == .reduction else {
                diagnostics.error(
                    at: location, "\"\(text)\" says an increase, but the table's amounts are read as signed numbers",
                    hint: "add sign: reduction to the table when its amounts are effects (△ a reduction, 「…の増」 an increase)")
                return nil
            }
            body = String(body.dropLast(increase.count)).trimmingWhitespace()
        }
        // 「△ 45」: the report's space after the mark is not part of the number.
        let folded = WidthNormalization.fold(body)
        var compact = folded
        if let first = folded.first, "△▲-−".contains(first) {
            compact = String(first) + String(folded.dropFirst()).trimmingWhitespace()
        }
        guard let written = MoneyParser.parse(compact, location: location) else {
            diagnostics.error(
                at: location, "\"\(text)\"\(what.map { " (\($0))" } ?? "") is not an amount of money",
                hint: "write the amount as the report prints it, e.g. " + MoneyParser.acceptedForms + (sign == .reduction ? ", 500の増" : ""))
            return nil
        }
        guard let money = written.money(defaultUnit: unit) else {
            diagnostics.error(
                at: location, "the amount \"\(text)\" is not a whole number of yen",
                hint: "check the decimals; amounts without a unit are in the table's unit: (\(unit.rawValue))")
            return nil
        }
        let value: Money
        switch sign {
        case .signed: value = money
        case .reduction:
            let magnitude = money.yen.magnitude
            guard magnitude <= UInt64(Int64.max) else { return nil }
            let reduced = money.yen < 0 && !isIncrease
            if isIncrease {
                value = Money(yen: -Int64(magnitude))
            } else {
                value = reduced ? Money(yen: Int64(magnitude)) : money
            }
        }
        var published = PublishedAmount(text: text, money: money, location: location)
        published.approximate = approximate
        return GridAmount(written: published, value: value)
    }

    /// Sum names must be labels or headings of the table, each naming one.
    static func checkNames(columns: [MoneyGridColumn], rows: [MoneyGridRow], table: String, diagnostics: inout Diagnostics) {
        let headings = columns.map(\.heading)
        let amountHeadings = columns.filter { !$0.isText }.map(\.heading)
        for column in columns {
            guard case .of(let names) = column.sum else { continue }
            for name in names {
                let matching = columns.filter { $0.heading == name }
                let problem: String
                if matching.count == 1, matching[0].isText {
                    problem = "is a text column (its words are never summed)"
                } else if matching.count == 1 {
                    continue
                } else {
                    problem = headings.contains(name) ? "is the heading of more than one column" : "is not a column"
                }
                diagnostics.error(
                    at: column.location, "\(table): the column 「\(column.heading)」 is a sum of 「\(name)」, which \(problem)",
                    hint: "name columns of amounts by their headings as written: " + amountHeadings.joined(separator: ", "))
            }
        }
        let labels = rows.compactMap { if case .amounts(let row) = $0 { row.label } else { nil } }
        let textRows = Set(rows.compactMap { if case .amounts(let row) = $0, row.isText { row.label } else { nil } })
        for case .amounts(let row) in rows {
            guard case .of(let names) = row.sum else { continue }
            for name in names where labels.filter({ $0 == name }).count != 1 || textRows.contains(name) {
                let problem =
                    labels.filter({ $0 == name }).count == 1
                    ? "is a text row (its cells are never summed)"
                    : labels.contains(name) ? "is the label of more than one row" : "is not a row"
                diagnostics.error(
                    at: row.location, "\(table): the row 「\(row.label)」 is a sum of 「\(name)」, which \(problem)",
                    hint: "name rows by their labels as written, or use sum_of: group for the rows of its group")
            }
        }
    }

    /// `bracket: {label: 累計額, counts: continuing}`, or `bracket: 累計額`.
    static func bracket(_ node: YAMLNode, table: String, diagnostics: inout Diagnostics) -> MoneyBracket? {
        if case .scalar(let scalar) = node {
            let label = scalar.text.trimmingWhitespace()
            guard !label.isEmpty, !scalar.isNull else {
                diagnostics.error(
                    at: node.location, "\(table) has an empty bracket:",
                    hint: "name the bracketed figure as the report does: bracket: {label: 累計額}")
                return nil
            }
            return MoneyBracket(label: label, rule: nil, location: scalar.location)
        }
        guard let reader = MappingReader(node, what: "the bracket of a money table", knownKeys: bracketKeys, diagnostics: &diagnostics),
            let label = reader.requiredText("label", diagnostics: &diagnostics)
        else { return nil }
        let rule = reader.choice("counts", MoneyBracketRule.allCases.map { ($0.rawValue, $0) }, diagnostics: &diagnostics)
        return MoneyBracket(label: label.value, rule: rule, location: reader.location)
    }

    /// A rule needs the years as columns: one column of amounts that is not a sum per fiscal year
    /// of the table, so that column k is the table's year k. And a named bracket needs a cell with one.
    static func checkBracket(
        _ bracket: MoneyBracket, columns: [MoneyGridColumn], rows: [MoneyGridRow], years: FiscalYearRange, table: String,
        diagnostics: inout Diagnostics
    ) {
        let hasBracketed = rows.contains {
            if case .amounts(let row) = $0 { row.cells.contains { $0?.bracketed != nil } } else { false }
        }
        if !hasBracketed {
            diagnostics.error(
                at: bracket.location, "\(table) names a bracketed figure (\(bracket.label)), but no cell has one",
                hint: "write each two-figure cell as the report prints it, e.g. \"1,030（2,930）\", or leave bracket: out")
        }
        guard bracket.rule != nil else { return }
        let yearColumns = columns.filter { $0.sum == nil && !$0.isText }
        if let length = years.length, yearColumns.count != length {
            diagnostics.error(
                at: bracket.location,
                "\(table) says how its \(bracket.label) is counted from the years, but it has \(yearColumns.count) columns of amounts that are not sums for its \(length) fiscal years",
                hint: "counts: needs one column per fiscal year of years:, in order from the first; check years:, or leave counts: out")
        }
    }

    /// Reads one cell of amounts: the amount, and in a two-figure cell (「950（9500）」) the figure
    /// in brackets, whose meaning the table's `bracket:` names.
    struct CellReader {
        let unit: MoneyUnit
        let sign: MoneySign
        let bracket: MoneyBracket?
        let table: String

        static let opening: [Character] = ["（", "("]
        static let closing: [Character] = ["）", ")"]

        func cell(_ raw: String, at location: SourceLocation, diagnostics: inout Diagnostics) -> GridAmount? {
            let text = raw.trimmingWhitespace()
            guard let open = text.firstIndex(where: { Self.opening.contains($0) }) else {
                if text.contains(where: { Self.closing.contains($0) }) {
                    diagnostics.error(
                        at: location, "\"\(text)\" closes a bracket it does not open",
                        hint: "write a two-figure cell as the report prints it, the second figure in brackets: \"1,030（2,930）\"")
                    return nil
                }
                return amount(text, at: location, unit: unit, sign: sign, diagnostics: &diagnostics)
            }
            let before = String(text[..<open]).trimmingWhitespace()
            let rest = text[text.index(after: open)...]
            guard let last = rest.last, Self.closing.contains(last),
                !rest.dropLast().contains(where: { Self.opening.contains($0) || Self.closing.contains($0) })
            else {
                diagnostics.error(
                    at: location, "\"\(text)\" has a bracket that does not close at the end of the cell",
                    hint: "a cell holds an amount and, at most, a second figure in brackets after it: \"1,030（2,930）\"")
                return nil
            }
            let inside = String(rest.dropLast()).trimmingWhitespace()
            guard !before.isEmpty, !inside.isEmpty else {
                diagnostics.error(
                    at: location, "\"\(text)\" lacks \(before.isEmpty ? "the amount before its brackets" : "a figure in its brackets")",
                    hint: "write both figures as the report prints them, \"1,030（2,930）\"; a cell the report leaves empty is ~")
                return nil
            }
            guard let bracket else {
                diagnostics.error(
                    at: location, "\"\(text)\" holds two figures, but \(table) does not say what the figure in brackets is",
                    hint: "name it as the report does, on the table: bracket: {label: 累計額} (add counts: running_total or continuing when the report says how it is counted)")
                return nil
            }
            guard var main = amount(before, at: location, unit: unit, sign: sign, diagnostics: &diagnostics),
                let second = amount(inside, at: location, unit: unit, sign: sign, what: "the \(bracket.label) in brackets", diagnostics: &diagnostics)
            else { return nil }
            main.bracketed = BracketedAmount(written: second.written, value: second.value)
            main.cell = text
            return main
        }
    }
}
