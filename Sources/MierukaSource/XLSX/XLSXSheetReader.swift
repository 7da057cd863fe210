/// A worksheet's cells, made into the rows a CSV saved from it would have: each cell's text as
/// Excel shows it, so that the results reader reads a workbook exactly as it reads that CSV.
///
/// - Strings: shared (rich-text runs joined, ふりがな left out), inline, and a formula's text.
/// - Numbers: rendered with the cell's number format (`XLSXNumberFormat`): a percentage as
///   94.3%, a date as the format shows it, General as the number; a number typed as text is text.
/// - Booleans are TRUE and FALSE, error values as written (#DIV/0!).
/// - A formula gives its cached value, the one Excel calculated when it saved the file. A formula
///   without one (a program that writes formulas without calculating them) is a problem: its value
///   is unknown, and guessing it would publish a wrong figure.
/// - Merged cells show their value in the top-left cell only, as Excel shows them and saves them
///   as CSV: the other cells are empty even if a program kept text in them.
/// - Rows without any text are left out, and so are trailing empty cells.
struct XLSXSheetReader {
    enum Problem: Equatable {
        /// A formula whose value was never calculated.
        case uncalculatedFormula(row: Int, column: Int, formula: String)
        /// A cell naming a shared string the workbook does not have (a damaged file).
        case missingSharedString(row: Int, column: Int)
    }

    struct Sheet {
        /// Rows with text, in order, numbered as the spreadsheet numbers them.
        var rows: [CSVRow]
        var problems: [Problem]
    }

    /// Excel's limits: a larger reference is a damaged file.
    static let maximumRow = 1_048_576
    static let maximumColumn = 16_384

    let workbook: XLSXWorkbook

    func read(part: String) throws(XLSXWorkbook.Failure) -> Sheet {
        guard let bytes = try XLSXWorkbook.part(workbook.package, part) else {
            throw .package(.missingPart(part))
        }
        var scan = Scan(part: part)
        try XLSXWorkbook.parse(bytes, part: part) { event throws(XLSXWorkbook.Failure) in
            try scan.take(event, reader: self)
        }
        Self.clearCovered(&scan.cells, by: scan.merged)
        scan.problems.sort { lhs, rhs in
            let (left, right) = (Self.position(lhs), Self.position(rhs))
            return (left.row, left.column) < (right.row, right.column)
        }
        return Sheet(rows: Self.rows(scan.cells), problems: scan.problems)
    }

    /// A sheet being read, event by event: the cells and merged ranges so far, the problems, and
    /// the cell being read.
    private struct Scan {
        let part: String
        var cells: [Int: [Int: String]] = [:]
        var problems: [Problem] = []
        var merged: [MergedRange] = []

        var row = 0
        var column = 0
        var type = "n"
        var style = 0
        var value: String?
        var formula: String?
        var inlineText: String?
        var reading: String?  // "v", "f" or "t" while inside one
        var phoneticDepth = 0
        var inCell = false

        init(part: String) { self.part = part }

        mutating func take(_ event: XMLPullParser.Event, reader: XLSXSheetReader) throws(XLSXWorkbook.Failure) {
            switch event {
            case .start("row", let attributes):
                row = attributes["r"].flatMap { Int($0) } ?? row + 1
                column = 0
                guard row >= 1, row <= XLSXSheetReader.maximumRow else {
                    throw .xml(part: part, .init(offset: 0, reason: "a row number out of range"))
                }
            case .start("c", let attributes):
                try startCell(attributes)
            case .start("v", _) where inCell: reading = "v"
            case .start("f", _) where inCell:
                reading = "f"
                formula = formula ?? ""
            case .start("rPh", _): phoneticDepth += 1
            case .end("rPh"): phoneticDepth -= 1
            case .start("t", _) where inCell && phoneticDepth == 0:
                reading = "t"
                inlineText = inlineText ?? ""
            case .end("v"), .end("f"), .end("t"): reading = nil
            case .text(let text):
                switch reading {
                case "v": value = (value ?? "") + text
                case "f": formula = (formula ?? "") + text
                case "t": inlineText = (inlineText ?? "") + text
                default: break
                }
            case .end("c"):
                endCell(reader)
            case .start("mergeCell", let attributes):
                if let range = XLSXSheetReader.mergedRange(attributes["ref"] ?? "") { merged.append(range) }
            default: break
            }
        }

        private mutating func startCell(_ attributes: [String: String]) throws(XLSXWorkbook.Failure) {
            inCell = true
            if let reference = attributes["r"], let parsed = XLSXSheetReader.cellReference(reference) {
                (row, column) = parsed
            } else {
                column += 1
            }
            guard column >= 1, column <= XLSXSheetReader.maximumColumn, row >= 1, row <= XLSXSheetReader.maximumRow else {
                throw .xml(part: part, .init(offset: 0, reason: "a cell reference out of range"))
            }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap { Int($0) } ?? 0
            value = nil
            formula = nil
            inlineText = nil
        }

        private mutating func endCell(_ reader: XLSXSheetReader) {
            inCell = false
            switch reader.cellText(type: type, style: style, value: value, inline: inlineText) {
            case .text(let text):
                if !text.isEmpty { cells[row, default: [:]][column] = text }
            case .missing:
                if let formula {
                    problems.append(.uncalculatedFormula(row: row, column: column, formula: formula))
                }
            case .missingSharedString:
                problems.append(.missingSharedString(row: row, column: column))
            }
        }
    }

    typealias MergedRange = (top: Int, left: Int, bottom: Int, right: Int)

    /// A merged range from its reference (`B2:D3`, either corner first); nil if it is not two cells.
    private static func mergedRange(_ reference: String) -> MergedRange? {
        let ends = reference.split(separator: ":").compactMap { cellReference(String($0)) }
        guard ends.count == 2 else { return nil }
        return (
            min(ends[0].row, ends[1].row), min(ends[0].column, ends[1].column),
            max(ends[0].row, ends[1].row), max(ends[0].column, ends[1].column)
        )
    }

    /// Covered cells of a merged range show nothing: only its top-left cell keeps its text.
    private static func clearCovered(_ cells: inout [Int: [Int: String]], by merged: [MergedRange]) {
        for range in merged {
            for (rowNumber, rowCells) in cells where rowNumber >= range.top && rowNumber <= range.bottom {
                var kept = rowCells
                for columnNumber in rowCells.keys
                where columnNumber >= range.left && columnNumber <= range.right
                    && (rowNumber, columnNumber) != (range.top, range.left)
                {
                    kept[columnNumber] = nil
                }
                cells[rowNumber] = kept
            }
        }
    }

    /// The rows with text, in order, each as long as its last cell with text.
    private static func rows(_ cells: [Int: [Int: String]]) -> [CSVRow] {
        cells.keys.sorted().compactMap { number -> CSVRow? in
            guard let rowCells = cells[number], let last = rowCells.keys.max() else { return nil }
            var texts = [String](repeating: "", count: last)
            for (columnNumber, text) in rowCells { texts[columnNumber - 1] = text }
            return CSVRow(number: number, cells: texts)
        }
    }

    private static func position(_ problem: Problem) -> (row: Int, column: Int) {
        switch problem {
        case .uncalculatedFormula(let row, let column, _), .missingSharedString(let row, let column): (row, column)
        }
    }

    private enum CellText {
        case text(String)
        /// No value at all (an empty styled cell, or a formula never calculated).
        case missing
        case missingSharedString
    }

    private func cellText(type: String, style: Int, value: String?, inline: String?) -> CellText {
        switch type {
        case "s":
            guard let value else { return .missing }
            guard let index = Int(value.trimmingWhitespace()) else { return .missingSharedString }
            guard index >= 0, index < workbook.sharedStrings.count else { return .missingSharedString }
            return .text(workbook.sharedStrings[index])
        case "inlineStr":
            guard let text = inline ?? value else { return .missing }
            return .text(XLSXText.unescaped(text))
        case "str":
            guard let value else { return .missing }
            return .text(XLSXText.unescaped(value))
        case "b":
            guard let value else { return .missing }
            return .text(value.trimmingWhitespace() == "1" || value.lowercased() == "true" ? "TRUE" : "FALSE")
        case "e":
            guard let value else { return .missing }
            return .text(value.trimmingWhitespace())
        case "d":
            guard let value else { return .missing }
            guard let serial = XLSXDate.serial(iso: value.trimmingWhitespace(), date1904: workbook.date1904) else {
                return .text(value)
            }
            var format = workbook.format(style: style)
            if !format.isDate { format = XLSXNumberFormat(code: "yyyy/m/d") }
            return .text(format.render(serial, date1904: workbook.date1904))
        default:
            guard let value else { return .missing }
            let trimmed = value.trimmingWhitespace()
            guard !trimmed.isEmpty else { return .missing }
            guard let number = Double(trimmed) else { return .text(trimmed) }
            return .text(workbook.format(style: style).render(number, date1904: workbook.date1904))
        }
    }

    /// "D12" → (12, 4); "$D$12" too. Nil when it is not a cell reference.
    static func cellReference(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var sawDigit = false
        for scalar in reference.unicodeScalars {
            if scalar == "$" { continue }
            if !sawDigit, let letter = Self.letterValue(scalar) {
                column = column * 26 + letter
                if column > maximumColumn { return nil }
            } else if let digit = Int(String(scalar)), scalar.isASCII {
                sawDigit = true
                row = row * 10 + digit
                if row > maximumRow { return nil }
            } else {
                return nil
            }
        }
        guard column > 0, sawDigit else { return nil }
        return (row, column)
    }

    private static func letterValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x41...0x5A: Int(scalar.value) - 0x40
        case 0x61...0x7A: Int(scalar.value) - 0x60
        default: nil
        }
    }
}
