import MierukaDiagnostics
import MierukaModel

/// Reads yearly results from a CSV file saved by Excel: the encoding is detected, the rows are split,
/// the header row says which column holds what, and each data row gives one item's result for one
/// year (and one KPI's actual). The results are the same documents a YAML file in seeds/ gives, so
/// a CSV builds exactly the pages of the YAML it replaces.
///
/// Every message names the cell as a spreadsheet does (「C12」), at line = row and column = column.
enum CSVResultsReader {
    static func read(
        _ file: SourceFile, settings: CSVSettings, lookup: CSVItemLookup, diagnostics: inout Diagnostics
    ) -> [ResultsDocument] {
        let start = SourceLocation(file: file.displayPath, line: 1, column: 1)
        guard let text = CSVTextDecoding.text(file, encoding: settings.encoding, diagnostics: &diagnostics) else {
            return []
        }
        let table = CSVParser.parse(text)
        guard let headerRow = table.rows.first(where: { !$0.isBlank }) else {
            diagnostics.error(
                at: start, "the CSV file is empty",
                hint: "save the sheet with its header row (年度, 番号, 評価 …) and one row per item")
            return []
        }
        var headerDiagnostics = Diagnostics()
        let header = CSVHeader.read(
            headerRow, settings: settings, file: file.displayPath, axisHeaders: lookup.axisHeaders,
            diagnostics: &headerDiagnostics)
        guard report(table.problems, header: header, file: file.displayPath, diagnostics: &diagnostics) else {
            // A quote never closed: the header may be cut short, and every later row is one cell.
            return []
        }
        diagnostics.append(contentsOf: headerDiagnostics)
        guard let header else { return [] }

        return results(
            rows: table.rows, headerRow: headerRow, header: header, file: file, sheet: nil, lookup: lookup,
            diagnostics: &diagnostics)
    }

    /// The results of a table's rows below its header: shared by CSV files and workbooks' sheets,
    /// so that both are read by the same rules and checked by the same checks.
    static func results(
        rows: [CSVRow], headerRow: CSVRow, header: CSVHeader, file: SourceFile, sheet: String?, lookup: CSVItemLookup,
        diagnostics: inout Diagnostics
    ) -> [ResultsDocument] {
        let start = SourceLocation(file: file.displayPath, line: sheet == nil ? 1 : 0, column: sheet == nil ? 1 : 0, sheet: sheet)
        let plan = folderPlan(file)
        let year = fileYear(file).map { Located($0, at: SourceLocation(file: file.displayPath)) }
        var ready = true
        if plan == nil, header.column(.plan) == nil {
            ready = false
            diagnostics.error(
                at: start, "the file does not say which plan its results are for",
                hint: "put it in the plan's folder (seeds/<plan>/\(file.fileName)), or add a column 「計画」 "
                    + "with the plan's folder name (e.g. kodaira-3)")
        }
        if year == nil, header.column(.year) == nil {
            ready = false
            diagnostics.error(
                at: start, "the file does not say which fiscal year its results are for",
                hint: "add a column 「年度」 (e.g. 平成29年度), or name the file after the year (e.g. H29.\(file.fileExtension))")
        }
        guard ready else { return [] }
        guard rows.contains(where: { $0.number > headerRow.number && !$0.isBlank }) else {
            diagnostics.warning(
                at: SourceLocation(file: file.displayPath, line: headerRow.number, column: 1, sheet: sheet),
                sheet == nil
                    ? "the CSV file has its header and no rows: no results are read from it"
                    : "the sheet has its header and no rows: no results are read from it",
                hint: "add a row per item (or per KPI) under the header, or delete the " + (sheet == nil ? "file" : "sheet"))
            return []
        }

        var builder = CSVResultsBuilder(
            header: header, file: file.displayPath, sheet: sheet, plan: plan, year: year,
            check: CSVCrossCheck(lookup: lookup))
        for row in rows where row.number > headerRow.number && !row.isBlank {
            builder.add(row, diagnostics: &diagnostics)
        }
        return builder.documents(diagnostics: &diagnostics)
    }

    /// Reports the quoting problems, naming each cell's column when the header is known. False when
    /// a quote is never closed, so that nothing more is read from the file.
    static func report(
        _ problems: [CSVTable.Problem], header: CSVHeader?, file: String, diagnostics: inout Diagnostics
    ) -> Bool {
        var readable = true
        for problem in problems {
            switch problem {
            case .unclosedQuote(let row, let column):
                readable = false
                let position = CSVCellPosition(
                    file: file, row: row, column: column, header: header?.name(of: column, row: row) ?? "")
                diagnostics.error(
                    at: position.location, "\(position.label): the quote that opens this cell is never closed",
                    hint: "the cell would run to the end of the file: end it with a \" (a quote inside a cell "
                        + "is written twice, \"\")")
            case .textAfterClosingQuote(let row, let column):
                let position = CSVCellPosition(
                    file: file, row: row, column: column, header: header?.name(of: column, row: row) ?? "")
                diagnostics.error(
                    at: position.location, "\(position.label): there is text after the quote that closes the cell",
                    hint: "put the whole cell in quotes, and write each quote inside it twice (\"\")")
            }
        }
        return readable
    }

    /// The fiscal year a file's name gives: the whole name (`H29.csv`, `令和6年度.csv`), or the
    /// name's first part before a `-`, `_` or space, the rest saying what the file holds
    /// (`R6-8月末.csv`, `R6_追加分.xlsx`); nil when neither is a year.
    static func fileYear(_ file: SourceFile) -> FiscalYear? {
        if let year = FiscalYearParser.parse(file.baseName) { return year }
        let separators: Set<Character> = ["-", "_", " ", "\u{3000}", "－", "＿"]
        guard let cut = file.baseName.firstIndex(where: { separators.contains($0) }), cut > file.baseName.startIndex else { return nil }
        return FiscalYearParser.parse(String(file.baseName[..<cut]))
    }

    /// seeds/<plan>/…/file.csv → <plan>; nil for a file directly in seeds/.
    static func folderPlan(_ file: SourceFile) -> Located<String>? {
        let components = file.relativePath.split(separator: "/")
        guard components.count >= 3 else { return nil }
        return Located(String(components[1]), at: SourceLocation(file: file.displayPath))
    }
}
