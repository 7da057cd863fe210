/// A workbook's cell styles (`xl/styles.xml`): the plain style, the header's bold one, wrapped
/// text, and one per number format in the order first used.
struct XLSXStyles {
    /// The style of the header row: bold, and wrapped.
    static let header = 1
    /// Text that wraps inside its cell, from the top.
    static let wrapped = 2
    /// The styles before the number formats'.
    private static let fixedCount = 3

    /// Number format codes, by the style that shows them (style = fixedCount + position).
    private var formats: [String] = []

    /// The style showing numbers with `format`, added if new.
    mutating func index(ofFormat format: String) -> Int {
        if let position = formats.firstIndex(of: format) { return Self.fixedCount + position }
        formats.append(format)
        return Self.fixedCount + formats.count - 1
    }

    /// The style of each number of decimal places shown, once looked up (most cells of a sheet
    /// are numbers, and a decimal count picks the same style each time).
    private var decimalStyles: [Int?] = []

    /// The style showing numbers with `decimals` decimal places (`XLSXOutput.fixedFormat`), added if new.
    mutating func index(ofDecimals decimals: Int) -> Int {
        if decimals < decimalStyles.count, let style = decimalStyles[decimals] { return style }
        let style = index(ofFormat: XLSXOutput.fixedFormat(decimals: decimals))
        if decimals >= decimalStyles.count { decimalStyles += Array(repeating: nil, count: decimals + 1 - decimalStyles.count) }
        decimalStyles[decimals] = style
        return style
    }

    /// Excel's built-in number formats, which a workbook names by number only.
    static let builtIn: [String: Int] = ["General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10]

    /// The format's number: built-in, or 164 and on for the workbook's own.
    private func formatIDs() -> [(code: String, id: Int, custom: Bool)] {
        var next = 164
        return formats.map { code in
            if let id = Self.builtIn[code] { return (code, id, false) }
            defer { next += 1 }
            return (code, next, true)
        }
    }

    var xml: [UInt8] {
        let ids = formatIDs()
        let custom = ids.filter(\.custom)
        var text = "<styleSheet xmlns=\"\(XLSXOutput.mainNamespace)\">"
        if !custom.isEmpty {
            text += "<numFmts count=\"\(custom.count)\">"
            for format in custom {
                text += "<numFmt numFmtId=\"\(format.id)\" formatCode=\"\(XLSXSharedStrings.escaped(format.code, attribute: true))\"/>"
            }
            text += "</numFmts>"
        }
        // 游ゴシック 11pt, the font of a new workbook in Japanese Excel.
        let font = "<sz val=\"11\"/><name val=\"游ゴシック\"/><family val=\"3\"/><charset val=\"128\"/><scheme val=\"minor\"/>"
        text += "<fonts count=\"2\"><font>\(font)</font><font><b/>\(font)</font></fonts>"
        text += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        text += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        text += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        text += "<cellXfs count=\"\(Self.fixedCount + ids.count)\">"
        text += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        text += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\">"
            + "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        text += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
            + "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        for format in ids {
            text += "<xf numFmtId=\"\(format.id)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        }
        text += "</cellXfs>"
        text += "<cellStyles count=\"1\"><cellStyle name=\"標準\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        text += "</styleSheet>"
        return XLSXOutput.declaration + Array(text.utf8)
    }
}
