import MierukaDiagnostics
@testable import MierukaExport
import Testing

/// The export decides most cells by a shortcut (issue 13: the downloads were a third of a cold
/// build); each shortcut must decide exactly as the plain rule it stands for, written here plainly.
@Suite struct ExportShortcutTests {
    static let texts = [
        "", "a", "abc", "行財政改革", "ｱｲｳ", "é£¥", "A列\r\nとても長い二行目", "x\ny\rzz", "😀🎉", "𠀋𡈽", "1,234",
        String(repeating: "あ", count: 40), String(repeating: "a", count: 61), String(repeating: "a", count: 62),
        String(repeating: "a", count: 63), String(repeating: "行", count: 31) + "a", String(repeating: "x", count: 70) + "\n短い",
        "短い\n" + String(repeating: "長", count: 40), " padded", "padded\t", "\u{3000}全角の空白", "末尾に全角の空白\u{3000}",
        "\u{A0}nbsp", "say \"hi\"", "\"", "\"\"", "a\"b\"c", "改行\nと\"引用符\"", "\u{85}", "é", "\u{2029}",
    ]

    @Test func aTextWrapsWhenItHasALineBreakOrIsWiderThanItsColumn() {
        for text in Self.texts {
            let hasLineBreak = text.utf8.contains { $0 == 0x0A || $0 == 0x0D }
            for width in 0...70 {
                #expect(XLSXOutput.wraps(text, width: width) == (hasLineBreak || XLSXOutput.displayWidth(text) > width), "\(text) \(width)")
            }
        }
    }

    @Test func theMeasureStopsAtItsLimitAndOnlyThere() {
        for text in Self.texts {
            for limit in 0...70 {
                #expect(XLSXOutput.displayWidth(text, upTo: limit) == min(XLSXOutput.displayWidth(text), limit), "\(text) \(limit)")
            }
        }
    }

    @Test func columnWidthsAreTheWidestLineOfEachColumn() {
        let rows: [[XLSXOutput.Cell]] = Self.texts.indices.map { index in
            [.text(Self.texts[index]), .number(String(index * 1_234_567)), index % 3 == 0 ? .empty : .text(Self.texts[Self.texts.count - 1 - index])]
        }
        let workbook = XLSXOutput(sheetName: "s", header: ["見出し", "数", "長い長い長い見出し"], rows: rows)
        var widest = [XLSXOutput.displayWidth("見出し"), XLSXOutput.displayWidth("数"), XLSXOutput.displayWidth("長い長い長い見出し")].map { min($0, 60) }
        for row in rows {
            for (offset, cell) in row.enumerated() {
                switch cell {
                case .empty: break
                case .text(let text), .number(let text, _): widest[offset] = max(widest[offset], min(XLSXOutput.displayWidth(text), 60))
                }
            }
        }
        #expect(workbook.columnWidths(columnCount: 3) == widest.map { min(max($0 + 2, 6), 62) })
    }

    @Test func aTextLikeTheOneAboveItTakesTheNumberItWouldBeGiven() {
        let cells: [(String, Int)] = [
            ("計画", 0), ("計画", 0), ("財政", 1), ("計画", 1), ("計画", 0), ("か\u{3099}", 0), ("が", 0), ("が", 0), ("", 2), ("", 2), ("計画", 2),
        ]
        var byColumn = XLSXSharedStrings()
        var plain = XLSXSharedStrings()
        for (text, column) in cells {
            #expect(byColumn.index(of: text, column: column) == plain.index(of: text), "\(text) in \(column)")
        }
        #expect(byColumn.xml == plain.xml, "the same texts, used as many times")
    }

    @Test func aNumberColumnsCellIsANumberWhenDoubleReadsIt() {
        let samples = Self.texts + [
            "0", "-0", "007", "1.", ".5", "1e5", "+1", " 1", "1 ", "inf", "nan", "0x1p3", "12345678901234567890", "-12.50", "１２",
            String(repeating: "9", count: 400), "1.2.3", "--1", "-", "",
        ]
        for text in samples {
            #expect(Dataset.isNumber(text) == (Double(text) != nil), "\(text)")
        }
    }

    @Test func aCSVCellIsQuotedByThePlainRule() {
        func byTheRule(_ cell: String) -> String {
            let spaceAtEnd = [cell.unicodeScalars.first, cell.unicodeScalars.last].contains { scalar in
                scalar.map { $0 == " " || $0 == "\t" || CSVOutput.isWideSpace($0) } ?? false
            }
            guard cell.utf8.contains(where: { [0x2C, 0x22, 0x0A, 0x0D].contains($0) }) || spaceAtEnd else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        for text in Self.texts { #expect(CSVOutput.quoted(text) == byTheRule(text), "\(text)") }
    }

    @Test func aFixedPartIsDeflatedAsEveryOtherPart() throws {
        let fixed = XLSXArchive.Part(fixed: "[Content_Types].xml", XLSXOutput.contentTypes)
        let deflater = try XLSXArchive.Deflater()
        _ = try deflater.deflate(Array("a part before it".utf8))
        #expect(fixed.fixed?.deflated == (try deflater.deflate(XLSXOutput.contentTypes)))
        #expect(fixed.fixed?.crc == XLSXArchive.checksum(XLSXOutput.contentTypes))
        let made = try XLSXArchive.write([XLSXArchive.Part("[Content_Types].xml", XLSXOutput.contentTypes)])
        #expect(try XLSXArchive.write([fixed]) == made)
    }

    static let spacedTexts = texts + [
        " ", "\t", "a ", " a", "行\u{3000}", "\u{3000}行", "\u{600} ", "\u{600}a", " \u{301}", "a \u{301}", "\u{2003}", "x\u{85}",
        "改行\r\n", "。", "行。", "カ", "か\u{3099}", "ｶﾞ", "\u{1F600}", "x\u{1C}", "\u{1C}x", "\u{200B}", "１", "ａ ",
    ]

    @Test func aSharedStringKeepsItsSpacesByThePlainRule() {
        for text in Self.spacedTexts {
            let rule = text.first.map { $0.isWhitespace } == true || text.last.map { $0.isWhitespace } == true || text.utf8.contains(0x0A)
            #expect(XLSXSharedStrings.keepsSpaces(text) == rule, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func textIsEscapedByThePlainRule() {
        /// Byte by byte, as the rule reads.
        func byTheRule(_ text: String, attribute: Bool) -> [UInt8] {
            let bytes = Array(text.utf8)
            var out: [UInt8] = []
            func hex(_ value: Int) { out += Array(("_x" + fourHexDigits(value) + "_").utf8) }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isEscapeLike =
                    byte == 0x5F && index + 6 < bytes.count && (bytes[index + 1] == 0x78 || bytes[index + 1] == 0x58)
                    && bytes[index + 6] == 0x5F && bytes[(index + 2)..<(index + 6)].allSatisfy { Character(Unicode.Scalar($0)).isHexDigit }
                if byte == 0x26 { out += Array("&amp;".utf8) }
                else if byte == 0x3C { out += Array("&lt;".utf8) }
                else if byte == 0x3E { out += Array("&gt;".utf8) }
                else if attribute && byte == 0x22 { out += Array("&quot;".utf8) }
                else if attribute && byte == 0x0A { out += Array("&#10;".utf8) }
                else if attribute && byte == 0x09 { out += Array("&#9;".utf8) }
                else if byte == 0x09 || byte == 0x0A { out.append(byte) }
                else if byte < 0x20 { hex(Int(byte)) }
                else if isEscapeLike { out += Array("_x005F_".utf8) }
                else if byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF) {
                    hex(bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF)
                    index += 2
                } else { out.append(byte) }
                index += 1
            }
            return out
        }
        let samples = Self.spacedTexts + [
            "a&b<c>d\"e", "_x0041_", "_X00ff_", "_x004_", "a_x0041_b_", "\u{1}\u{1F}\r", "\u{FFFE}\u{FFFF}\u{FFFD}", "ﾟ", "\u{EFFF}", "_",
        ]
        for text in samples {
            for attribute in [false, true] {
                var out: [UInt8] = []
                XLSXSharedStrings.appendEscaped(text, attribute: attribute, to: &out)
                #expect(out == byTheRule(text, attribute: attribute), "\(text) \(attribute)")
            }
        }
    }

    @Test func aJSONStringIsEscapedByThePlainRule() {
        // The plain rule, scalar by scalar as RFC 8259 and JavaScript source ask, is the one the
        // diagnostics' JSON is written by.
        let byTheRule = JSONDiagnosticFormatter.string
        let samples = Self.spacedTexts + ["\\path\\", "\u{0}\u{1F}\u{7F}", "\u{2028}a\u{2029}", "\u{2027}\u{202A}", "“引用”", "—"]
        for text in samples {
            #expect(JSONValue.string(text).serialized(indent: nil) == byTheRule(text), "\(text)")
        }
    }
}

/// Four hexadecimal digits, upper case.
private func fourHexDigits(_ value: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
