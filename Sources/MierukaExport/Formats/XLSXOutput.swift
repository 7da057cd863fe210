import Foundation

/// A table written as an Excel workbook (`.xlsx`, SpreadsheetML of Office Open XML): one worksheet
/// with a bold header row that stays in view when scrolling and repeats on every printed page,
/// column widths fitted to the text, and every later row as given.
///
/// Text goes into the shared strings as Excel writes it, so that a city's staff open the file by
/// double-click without choosing an encoding. A number is stored as a number only when Excel shows
/// it exactly as written (at most 15 significant digits, no leading zeros, a format with the same
/// decimal places: `30.0` stays `30.0`, and 12 digits never turn into `1.23457E+11`); anything else
/// is stored as the text it is. The bytes depend on the table alone (fixed dates in the ZIP, parts
/// in a fixed order), so that the same table always gives the same file.
package struct XLSXOutput: Sendable {
    package enum Cell: Sendable, Hashable {
        case empty
        case text(String)
        /// A number written in decimal ("-1234.50"), shown with `format` (an Excel number format
        /// code such as `#,##0` or `0%`); nil shows it with the decimal places it is written with.
        case number(String, format: String?)

        /// A number shown with the decimal places it is written with.
        package static func number(_ text: String) -> Cell { .number(text, format: nil) }
    }

    package enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// More rows or columns than a worksheet holds.
        case tooLarge(rows: Int, columns: Int)
        /// The ZIP container could not be written.
        case archive(String)

        package var description: String {
            switch self {
            case .tooLarge(let rows, let columns):
                "\(rows) rows and \(columns) columns are more than an Excel worksheet holds "
                    + "(\(XLSXOutput.maximumRows) rows, \(XLSXOutput.maximumColumns) columns)"
            case .archive(let reason): "the ZIP container could not be written: \(reason)"
            }
        }
    }

    /// Excel's limits.
    package static let maximumRows = 1_048_576
    package static let maximumColumns = 16_384
    /// The most characters (UTF-16 code units) a cell of Excel holds; a longer text is written
    /// whole, but Excel cuts or refuses it (`overlongCells` finds them).
    package static let cellCharacterLimit = 32_767

    package let sheetName: String
    package let header: [String]
    package let rows: [[Cell]]

    /// `sheetName` is made a name Excel accepts: at most 31 characters, without `[]:*?/\`.
    package init(sheetName: String, header: [String], rows: [[Cell]]) {
        self.sheetName = Self.validSheetName(sheetName)
        self.header = header
        self.rows = rows
    }

    /// The cells longer than `cellCharacterLimit`, as (row, column), 1-based, the header row being 1.
    package var overlongCells: [(row: Int, column: Int)] {
        var found: [(row: Int, column: Int)] = []
        for (offset, text) in header.enumerated() where Self.isOverlong(text) {
            found.append((1, offset + 1))
        }
        for (rowOffset, row) in rows.enumerated() {
            for (offset, cell) in row.enumerated() {
                if case .text(let text) = cell, Self.isOverlong(text) {
                    found.append((rowOffset + 2, offset + 1))
                }
            }
        }
        return found
    }

    /// Whether a text is longer than a cell holds. A text has no more UTF-16 units than UTF-8
    /// bytes, and its UTF-8 count is at hand, while its UTF-16 count reads the whole text.
    static func isOverlong(_ text: String) -> Bool {
        text.utf8.count > cellCharacterLimit && text.utf16.count > cellCharacterLimit
    }

    /// The workbook's bytes.
    package func bytes() throws(Failure) -> [UInt8] {
        let columnCount = rows.reduce(header.count) { max($0, $1.count) }
        guard rows.count + 1 <= Self.maximumRows, columnCount <= Self.maximumColumns else {
            throw .tooLarge(rows: rows.count + 1, columns: columnCount)
        }
        var strings = XLSXSharedStrings()
        var styles = XLSXStyles()
        let sheet = worksheet(columnCount: columnCount, strings: &strings, styles: &styles)
        return try XLSXArchive.write([
            Self.contentTypesPart,
            Self.packageRelationshipsPart,
            XLSXArchive.Part("xl/workbook.xml", workbook),
            Self.workbookRelationshipsPart,
            XLSXArchive.Part("xl/styles.xml", styles.xml),
            XLSXArchive.Part("xl/sharedStrings.xml", strings.xml),
            XLSXArchive.Part("xl/worksheets/sheet1.xml", sheet),
        ])
    }

    // MARK: - The worksheet

    func worksheet(columnCount: Int, strings: inout XLSXSharedStrings, styles: inout XLSXStyles) -> [UInt8] {
        let widths = columnWidths(columnCount: columnCount)
        var out = Self.declaration
        // About 36 bytes a cell with a value (`<c r="K120" s="2" t="s"><v>1234</v></c>`) and 20 a
        // row, reserved at once: the sheet is not copied as it grows.
        out.reserveCapacity(1024 + 48 * columnCount + 20 * rows.count + 36 * filledCellCount)
        out += Array(
            "<worksheet xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">".utf8)
        let last = Self.columnName(max(columnCount, 1)) + String(rows.count + 1)
        out += Array("<dimension ref=\"A1:\(last)\"/>".utf8)
        // The header row stays in view when scrolling.
        out += Array(
            ("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
                + "<sheetFormatPr defaultRowHeight=\"18\"/>").utf8)
        if columnCount > 0 {
            out += Array("<cols>".utf8)
            for (offset, width) in widths.enumerated() {
                out += Array("<col min=\"\(offset + 1)\" max=\"\(offset + 1)\" width=\"\(width)\" customWidth=\"1\"/>".utf8)
            }
            out += Array("</cols>".utf8)
        }
        out += Array("<sheetData>".utf8)
        let columns = ColumnLayout(columnCount: columnCount, widths: widths)
        var textStyles = TextStyles()
        appendRow(1, header.map(Cell.text), header: true, columns, to: &out, strings: &strings, styles: &styles, &textStyles)
        for (offset, row) in rows.enumerated() {
            appendRow(offset + 2, row, header: false, columns, to: &out, strings: &strings, styles: &styles, &textStyles)
        }
        out += Array(
            ("</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
                + "<pageSetup orientation=\"landscape\"/></worksheet>").utf8)
        return out
    }

    /// How many cells hold a value (text or number).
    private var filledCellCount: Int {
        rows.reduce(0) { count, row in
            count + row.count { cell in
                if case .empty = cell { return false }
                return true
            }
        }
    }

    /// Each column's cell opening (`<c r="` and its letters) and width, and the markup between a
    /// text cell's reference and its shared string's number in each text style (`" s="2" t="s"><v>`),
    /// worked out once for all rows.
    private struct ColumnLayout {
        let openings: [[UInt8]]
        let widths: [Int]
        let textStyles: [[UInt8]]

        init(columnCount: Int, widths: [Int]) {
            openings = (0..<columnCount).map { Array(("<c r=\"" + XLSXOutput.columnName($0 + 1)).utf8) }
            self.widths = widths
            textStyles = (0...max(XLSXStyles.header, XLSXStyles.wrapped)).map { style in
                Array(((style == 0 ? "\"" : "\" s=\"\(style)\"") + " t=\"s\"><v>").utf8)
            }
        }
    }

    /// Each shared string's style as a text cell and the column it was worked out for: a text's
    /// style depends on nothing but its column's width, so a text met again in the same column (an
    /// item's cells repeat on each of its KPI rows, a grade's words on every row with that grade)
    /// is not measured again.
    private struct TextStyles {
        private var known: [(column: Int, style: Int)] = []

        /// The style of `text`, shared string number `string`, in the 0-based `column`.
        mutating func style(of text: String, string: Int, column: Int, _ columns: ColumnLayout) -> Int {
            if string < known.count, known[string].column == column { return known[string].style }
            let style = XLSXOutput.wraps(text, width: columns.widths[column]) ? XLSXStyles.wrapped : 0
            // (Texts are numbered in order: a new one is the next.)
            while known.count <= string { known.append((-1, 0)) }
            known[string] = (column, style)
            return style
        }
    }

    /// Appends one `<row>`, byte by byte: a sheet has a cell for every value of a plan's table.
    private func appendRow(
        _ number: Int, _ cells: [Cell], header: Bool, _ columns: ColumnLayout, to out: inout [UInt8],
        strings: inout XLSXSharedStrings, styles: inout XLSXStyles, _ textStyles: inout TextStyles
    ) {
        var row: [UInt8] = []
        Self.appendDecimal(number, to: &row)
        out.appendLiteral("<row r=\"")
        out.append(contentsOf: row)
        out.appendLiteral("\">")
        func appendShared(_ index: Int, style: Int, offset: Int) {
            Self.appendSharedCell(
                opening: columns.openings[offset], row: row, style: columns.textStyles[style], index: index, to: &out)
        }
        // (Each cell read in place: iterating the cells copied each one.)
        for offset in cells.indices {
            switch cells[offset] {
            case .empty:
                continue
            case .text(let text):
                if text.isEmpty { continue }
                let index = strings.index(of: text, column: offset)
                // A text with a line break, or wider than its column, wraps inside the cell.
                let style = header ? XLSXStyles.header : textStyles.style(of: text, string: index, column: offset, columns)
                appendShared(index, style: style, offset: offset)
            case .number(let text, let format):
                var bytesOfText = text
                let stored = bytesOfText.withUTF8 { bytes -> Bool in
                    guard let number = XLSXStoredNumber(bytes) else { return false }
                    let style = format.map { styles.index(ofFormat: $0) } ?? styles.index(ofDecimals: number.decimals)
                    Self.appendNumberCell(number, bytes, opening: columns.openings[offset], row: row, style: style, to: &out)
                    return true
                }
                if !stored, !text.isEmpty { appendShared(strings.index(of: text, column: offset), style: 0, offset: offset) }
            }
        }
        out.appendLiteral("</row>")
    }

    /// A text cell, `<c r="B12" s="2" t="s"><v>34</v></c>`, gathered on the stack and appended to
    /// the sheet at once (appending its five pieces one by one cost about 90 instructions each).
    private static func appendSharedCell(
        opening: [UInt8], row: [UInt8], style: [UInt8], index: Int, to out: inout [UInt8]
    ) {
        let closing: StaticString = "</v></c>"
        let capacity = opening.count + row.count + style.count + 20 + closing.utf8CodeUnitCount
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            guard let start = buffer.baseAddress else { return }
            var end = start
            func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let base = bytes.baseAddress else { return }
                end.update(from: base, count: bytes.count)
                end += bytes.count
            }
            opening.withUnsafeBufferPointer(put)
            row.withUnsafeBufferPointer(put)
            style.withUnsafeBufferPointer(put)
            end += writeDecimal(index, at: end)
            put(UnsafeBufferPointer(start: closing.utf8Start, count: closing.utf8CodeUnitCount))
            out.append(contentsOf: UnsafeBufferPointer(start: start, count: end - start))
        }
    }

    /// A number cell, `<c r="C12" s="3"><v>-1234.5</v></c>`, gathered on the stack like a text cell.
    private static func appendNumberCell(
        _ number: XLSXStoredNumber, _ bytes: UnsafeBufferPointer<UInt8>, opening: [UInt8], row: [UInt8], style: Int,
        to out: inout [UInt8]
    ) {
        // The style's attribute and digits, the markup around the value: at most 40 bytes. (The
        // local `put` repeats `appendSharedCell`'s: one static `put(_:at:)` for both kept the cursor
        // in memory and cost the worksheets 3.5 % more instructions at 156 pages, 39.4 -> 40.7 M.)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: opening.count + row.count + bytes.count + 40) { buffer in
            guard let start = buffer.baseAddress else { return }
            var end = start
            func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let base = bytes.baseAddress else { return }
                end.update(from: base, count: bytes.count)
                end += bytes.count
            }
            func put(_ literal: StaticString) {
                put(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
            }
            opening.withUnsafeBufferPointer(put)
            row.withUnsafeBufferPointer(put)
            if style != 0 {
                put("\" s=\"")
                end += writeDecimal(style, at: end)
            }
            put("\"><v>")
            if number.negative { put("-") }
            put(UnsafeBufferPointer(rebasing: bytes[number.integer]))
            if !number.keptFraction.isEmpty {
                put(".")
                put(UnsafeBufferPointer(rebasing: bytes[number.keptFraction]))
            }
            put("</v></c>")
            out.append(contentsOf: UnsafeBufferPointer(start: start, count: end - start))
        }
    }

    /// Writes a non-negative number's decimal digits (at most 19) at `target`, and says how many.
    private static func writeDecimal(_ value: Int, at target: UnsafeMutablePointer<UInt8>) -> Int {
        var digits = 1
        var scale = 10
        while value >= scale, digits < 19 {
            digits += 1
            scale &*= 10
        }
        var rest = max(value, 0)
        for position in stride(from: digits - 1, through: 0, by: -1) {
            target[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        return digits
    }

    /// A non-negative number's decimal digits (a row's number, a shared string's, a style's).
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        guard value >= 10 else {
            out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: max(value, 0)))
            return
        }
        appendDecimal(value / 10, to: &out)
        out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10))
    }

    /// A number as it is stored (`<v>`), and how many decimal places it was written with; nil when
    /// the text is not a number Excel would show exactly as written (`XLSXStoredNumber`).
    static func storedNumber(_ text: String) -> (value: String, decimals: Int)? {
        var text = text
        return text.withUTF8 { bytes -> (value: String, decimals: Int)? in
            guard let number = XLSXStoredNumber(bytes) else { return nil }
            var value: [UInt8] = []
            number.append(from: bytes, to: &value)
            return (String(decoding: value, as: UTF8.self), number.decimals)
        }
    }

    /// Whether a text wraps in a column `width` wide: it holds a line break, or a line of it is
    /// wider than the column (`displayWidth(text) > width`). No text is wider than its
    /// bytes, so most are decided without measuring, and the measure stops once past the width.
    static func wraps(_ text: String, width: Int) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            // (`memchr` reads many bytes at a time: a cell's text is often paragraphs long.)
            if memchr(base, 0x0A, bytes.count) != nil || memchr(base, 0x0D, bytes.count) != nil { return true }
            return bytes.count > width && displayWidth(bytes, upTo: width + 1) > width
        }
    }

    /// "0", "0.0", "0.00" …: every digit shown, however large (General turns 12 digits into 1.23457E+11).
    static func fixedFormat(decimals: Int) -> String {
        decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals)
    }

    // MARK: - Column widths

    /// The widest a column is fitted to its text, before the room beside it.
    static let widestFit = 60

    /// Each column's width in Excel's units (about one half-width character): the widest line of
    /// its header or cells, wide (full-width) characters counting two, between 6 and 60.
    func columnWidths(columnCount: Int) -> [Int] {
        var widths = Array(repeating: 0, count: columnCount)
        func fit(_ offset: Int, _ text: String) {
            // A text no longer in bytes than the column is wide cannot widen it (no text is wider
            // than its bytes), nor can any text a column already at the widest.
            let width = widths[offset]
            guard width < Self.widestFit, text.utf8.count > width else { return }
            widths[offset] = max(width, Self.displayWidth(text, upTo: Self.widestFit))
        }
        for (offset, text) in header.enumerated() { fit(offset, text) }
        for row in rows {
            for (offset, cell) in row.enumerated() {
                switch cell {
                case .empty: break
                case .text(let text), .number(let text, _): fit(offset, text)
                }
            }
        }
        // A little room beside the text.
        return widths.map { min(max($0 + 2, 6), 62) }
    }

    /// The widest line of a text, in half-width characters; `limit` when it is at least that wide.
    static func displayWidth(_ text: String, upTo limit: Int = .max) -> Int {
        var text = text
        return text.withUTF8 { displayWidth($0, upTo: limit) }
    }

    /// `displayWidth` of UTF-8 bytes, read byte by byte (every text cell is measured; decoding it
    /// scalar by scalar cost about 400 instructions a cell), stopping once a line reaches `limit`.
    static func displayWidth(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        var widest = 0
        var current = 0
        var index = 0
        let count = bytes.count
        func byte(_ position: Int) -> UInt32 { UInt32(bytes[min(position, count - 1)] & 0x3F) }
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x0A || lead == 0x0D {
                    widest = max(widest, current)
                    current = 0
                } else {
                    current += 1
                }
                index += 1
            } else if lead < 0xE0 {
                // Two bytes: below U+0800, where nothing is wide.
                current += 1
                index += 2
            } else if lead < 0xF0 {
                current += isWide(UInt32(lead & 0x0F) << 12 | byte(index + 1) << 6 | byte(index + 2)) ? 2 : 1
                index += 3
            } else {
                current += isWide(UInt32(lead & 0x07) << 18 | byte(index + 1) << 12 | byte(index + 2) << 6 | byte(index + 3)) ? 2 : 1
                index += 4
            }
            if current >= limit { return limit }
        }
        return max(widest, current)
    }

    /// East Asian Wide and Fullwidth characters (kana, kanji, full-width forms …), by range.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        isWide(scalar.value)
    }

    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x20000...0x3FFFD:
            true
        default: false
        }
    }

    /// "A", "Z", "AA" … for a 1-based column.
    static func columnName(_ column: Int) -> String {
        var column = column
        var name: [Character] = []
        while column > 0 {
            let remainder = (column - 1) % 26
            name.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            column = (column - 1) / 26
        }
        return String(name)
    }

    // MARK: - The other parts

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declaration = Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n".utf8)

    /// A sheet name Excel accepts: the characters it refuses replaced, at most 31 UTF-16 units,
    /// not starting or ending with an apostrophe, not empty.
    static func validSheetName(_ name: String) -> String {
        var cleaned = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if "[]:*?/\\".unicodeScalars.contains(scalar) || scalar.value < 0x20 {
                cleaned.append("_")
            } else {
                cleaned.append(scalar)
            }
        }
        var result = ""
        for character in String(cleaned) {
            guard result.utf16.count + String(character).utf16.count <= 31 else { break }
            result.append(character)
        }
        while result.hasPrefix("'") { result.removeFirst() }
        while result.hasSuffix("'") { result.removeLast() }
        return result.isEmpty ? "Sheet1" : result
    }

    var workbook: [UInt8] {
        let name = XLSXSharedStrings.escaped(sheetName, attribute: true)
        // The header row repeats at the top of every printed page.
        let quoted = XLSXSharedStrings.escaped("'" + sheetName.replacingOccurrences(of: "'", with: "''") + "'", attribute: false)
        return Self.declaration
            + Array(
                ("<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
                    + "<bookViews><workbookView/></bookViews>"
                    + "<sheets><sheet name=\"\(name)\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                    + "<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">\(quoted)!$1:$1</definedName></definedNames>"
                    + "</workbook>").utf8)
    }

    /// The parts every workbook has as they are, deflated once.
    static let contentTypesPart = XLSXArchive.Part(fixed: "[Content_Types].xml", contentTypes)
    static let packageRelationshipsPart = XLSXArchive.Part(fixed: "_rels/.rels", packageRelationships)
    static let workbookRelationshipsPart = XLSXArchive.Part(fixed: "xl/_rels/workbook.xml.rels", workbookRelationships)

    static let contentTypes =
        declaration
        + Array(
            ("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                + "</Types>").utf8)

    static let packageRelationships =
        declaration
        + Array(
            ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>").utf8)

    static let workbookRelationships =
        declaration
        + Array(
            ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "</Relationships>").utf8)
}

extension [UInt8] {
    /// A literal's bytes, copied without going through a String.
    mutating func appendLiteral(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
