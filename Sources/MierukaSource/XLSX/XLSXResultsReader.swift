import MierukaDiagnostics
import MierukaModel

/// Reads yearly results from an Excel workbook (`.xlsx`) in seeds/, as saved: each sheet read is
/// made into the rows a CSV saved from it would have (`XLSXSheetReader`), and those rows go through
/// the CSV reader's header, rules and checks, so that a workbook gives exactly the results of its
/// CSV. Every message names the cell as the spreadsheet does: `R6.xlsx:進捗一覧!D12`.
///
/// The sheets read are those `xlsx: sheets:` names (hidden ones too), or else every visible sheet
/// that holds anything.
enum XLSXResultsReader {
    static func read(
        _ file: SourceFile, csv: CSVSettings, xlsx: XLSXSettings, lookup: CSVItemLookup, diagnostics: inout Diagnostics
    ) -> [ResultsDocument] {
        let whole = SourceLocation(file: file.displayPath)
        guard let workbook = open(file, at: whole, diagnostics: &diagnostics),
            let chosen = sheets(of: workbook, xlsx: xlsx, at: whole, diagnostics: &diagnostics)
        else { return [] }

        let reader = XLSXSheetReader(workbook: workbook)
        var documents: [ResultsDocument] = []
        var readAny = false
        for sheet in chosen {
            let sheetLocation = SourceLocation(file: file.displayPath, sheet: sheet.name)
            guard let part = sheet.part else {
                diagnostics.error(
                    at: sheetLocation, "the sheet 「\(sheet.name)」 is a chart, not a table of results",
                    hint: "name the sheet that holds the results in xlsx: sheets: in mieruka.yml")
                continue
            }
            let table: XLSXSheetReader.Sheet
            do {
                table = try reader.read(part: part)
            } catch {
                report(error, at: sheetLocation, diagnostics: &diagnostics)
                continue
            }
            guard let headerRow = table.rows.first(where: { !$0.isBlank }) else {
                if !xlsx.sheets.isEmpty {
                    diagnostics.error(
                        at: sheetLocation, "the sheet 「\(sheet.name)」 is empty",
                        hint: "write the header row (年度, 番号, 評価 …) and one row per item on it, "
                            + "or take its name out of xlsx: sheets: in mieruka.yml")
                }
                continue
            }
            readAny = true
            var headerDiagnostics = Diagnostics()
            let header = CSVHeader.read(
                headerRow, settings: csv, file: file.displayPath, sheet: sheet.name, axisHeaders: lookup.axisHeaders,
                diagnostics: &headerDiagnostics)
            if header == nil, xlsx.sheets.isEmpty, chosen.count > 1 {
                // A sheet of notes beside the results: say how to leave it out.
                headerDiagnostics = Diagnostics(
                    headerDiagnostics.all.map { diagnostic in
                        var diagnostic = diagnostic
                        diagnostic.hint = (diagnostic.hint.map { $0 + "; " } ?? "")
                            + "or, if the sheet holds no results, name the sheets to read in mieruka.yml: "
                            + "xlsx: {sheets: [" + (chosen.first { $0.name != sheet.name }?.name ?? "…") + "]}"
                        return diagnostic
                    })
            }
            diagnostics.append(contentsOf: headerDiagnostics)
            report(table.problems, header: header, file: file.displayPath, sheet: sheet.name, diagnostics: &diagnostics)
            guard let header else { continue }
            documents += CSVResultsReader.results(
                rows: table.rows, headerRow: headerRow, header: header, file: file, sheet: sheet.name,
                lookup: lookup, diagnostics: &diagnostics)
        }
        if !readAny, xlsx.sheets.isEmpty {
            diagnostics.error(
                at: whole, "the workbook's sheets are all empty",
                hint: "write the results on a sheet, with its header row (年度, 番号, 評価 …) and one row per item"
                    + (workbook.sheets.contains { $0.visibility == .hidden }
                        ? "; hidden sheets are read only when mieruka.yml names them (xlsx: {sheets: [名前]})" : ""))
        }
        return documents
    }

    /// The workbook of a `.xlsx` file; nil (with an error) for another format or a damaged file.
    private static func open(_ file: SourceFile, at whole: SourceLocation, diagnostics: inout Diagnostics) -> XLSXWorkbook? {
        guard file.fileExtension == "xlsx" else {
            diagnostics.error(
                at: whole, "workbooks in Excel's old format (.\(file.fileExtension)) are not read",
                hint: "open it in Excel and save it as 「Excel ブック (*.xlsx)」 (ファイル → 名前を付けて保存), "
                    + "then delete the .\(file.fileExtension) file")
            return nil
        }
        do {
            return try XLSXWorkbook(try XLSXPackage(file.bytes))
        } catch let failure as XLSXPackage.Failure {
            report(.package(failure), at: whole, diagnostics: &diagnostics)
        } catch let failure as XLSXWorkbook.Failure {
            report(failure, at: whole, diagnostics: &diagnostics)
        } catch {
            report(.notWorkbook, at: whole, diagnostics: &diagnostics)
        }
        return nil
    }

    /// The sheets to read: those `xlsx: sheets:` names, or every visible worksheet; nil (with an
    /// error) when the workbook has none of the named ones.
    private static func sheets(
        of workbook: XLSXWorkbook, xlsx: XLSXSettings, at whole: SourceLocation, diagnostics: inout Diagnostics
    ) -> [XLSXWorkbook.Sheet]? {
        if xlsx.sheets.isEmpty {
            return workbook.sheets.filter { $0.visibility == .visible && $0.part != nil }
        }
        let chosen = xlsx.sheets.compactMap { name in workbook.sheets.first { $0.name == name } }
        guard !chosen.isEmpty else {
            diagnostics.error(
                at: whole,
                "the workbook has none of the sheets mieruka.yml names (xlsx: sheets: "
                    + xlsx.sheets.map { "「\($0)」" }.joined(separator: ", ") + ")",
                hint: "its sheets are " + workbook.sheets.map { "「\($0.name)」" }.joined(separator: ", ")
                    + ": rename the sheet, or add its name to xlsx: sheets: in mieruka.yml")
            return nil
        }
        return chosen
    }

    /// Formulas without a value, and cells naming shared strings that are not there.
    static func report(
        _ problems: [XLSXSheetReader.Problem], header: CSVHeader?, file: String, sheet: String,
        diagnostics: inout Diagnostics
    ) {
        for problem in problems {
            switch problem {
            case .uncalculatedFormula(let row, let column, let formula):
                let position = CSVCellPosition(
                    file: file, row: row, column: column, header: header?.name(of: column, row: row) ?? "", sheet: sheet)
                diagnostics.error(
                    at: position.location,
                    "\(position.label): the formula =\(CSVCellPosition.shown(formula)) has no value saved with it",
                    hint: "the program that wrote the workbook did not calculate it: open the workbook in Excel "
                        + "(or LibreOffice Calc) and save it again, or type the value instead of the formula")
            case .missingSharedString(let row, let column):
                let position = CSVCellPosition(
                    file: file, row: row, column: column, header: header?.name(of: column, row: row) ?? "", sheet: sheet)
                diagnostics.error(
                    at: position.location, "\(position.label): the cell's text is missing from the workbook",
                    hint: "the workbook is damaged: open it in Excel and save it again")
            }
        }
    }

    /// One error for a workbook that cannot be opened, saying why and what to do.
    static func report(_ failure: XLSXWorkbook.Failure, at location: SourceLocation, diagnostics: inout Diagnostics) {
        let damaged = "open it in Excel and save it again as 「Excel ブック (*.xlsx)」"
        switch failure {
        case .package(.encrypted):
            diagnostics.error(
                at: location, "the workbook is encrypted (saved with a password), so its cells cannot be read",
                hint: "remove the password (ファイル → 情報 → ブックの保護 → パスワードを使用して暗号化: empty it) "
                    + "and save the workbook again")
        case .package(.compoundFile):
            diagnostics.error(
                at: location, "the file is an Excel 97-2003 workbook (.xls) with the name .xlsx",
                hint: "open it in Excel and save it as 「Excel ブック (*.xlsx)」 (ファイル → 名前を付けて保存)")
        case .package(.notZIP):
            diagnostics.error(
                at: location, "the file is not an Excel workbook: an .xlsx file is a ZIP package, and this one is not",
                hint: "save the sheet from Excel as 「Excel ブック (*.xlsx)」; a CSV file must be named .csv")
        case .notWorkbook:
            diagnostics.error(
                at: location, "the file is a ZIP package but not an Excel workbook (it has no xl/workbook.xml)",
                hint: "save the sheet from Excel as 「Excel ブック (*.xlsx)」")
        case .package(.missingPart(let part)):
            diagnostics.error(at: location, "the workbook is damaged: its part \(part) is missing", hint: damaged)
        case .package(.unreadablePart(let part)):
            diagnostics.error(at: location, "the workbook is damaged: its part \(part) cannot be unpacked", hint: damaged)
        case .package(.partTooLarge(let part)):
            diagnostics.error(
                at: location,
                "the workbook's part \(part) unpacks to more than \(XLSXPackage.partLimit / 1024 / 1024) MB, "
                    + "far more than a table of results",
                hint: "keep the results on a sheet of their own in a workbook of their own")
        case .xml(let part, let problem):
            diagnostics.error(
                at: location,
                "the workbook is damaged: its part \(part) is not well-formed XML (\(problem.reason), at byte \(problem.offset))",
                hint: damaged)
        }
    }
}
