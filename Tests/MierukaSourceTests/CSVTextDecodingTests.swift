import MierukaDiagnostics
import MierukaModel
import MierukaSource
import Testing

/// Encodings as Excel saves CSV: UTF-8 with a byte-order mark, and Shift_JIS as Windows writes it (CP932).
@Suite struct CSVTextDecodingTests {
    /// 「番号,取組項目\r\n1,①髙﨑㈱の契約～見直し\r\n」 encoded by Python's cp932 codec (not by Foundation, so
    /// the decoder is not checked against itself). 髙 and 﨑 are NEC-selected IBM extensions (EE E0, ED 95).
    static let cp932: [UInt8] = [
        0x94, 0xD4, 0x8D, 0x86, 0x2C, 0x8E, 0xE6, 0x91, 0x67, 0x8D, 0x80, 0x96, 0xDA, 0x0D, 0x0A, 0x31, 0x2C, 0x87,
        0x40, 0xEE, 0xE0, 0xED, 0x95, 0x87, 0x8A, 0x82, 0xCC, 0x8C, 0x5F, 0x96, 0xF1, 0x81, 0x60, 0x8C, 0xA9, 0x92,
        0xBC, 0x82, 0xB5, 0x0D, 0x0A,
    ]
    static let text = "番号,取組項目\r\n1,①髙﨑㈱の契約\u{FF5E}見直し\r\n"

    func decode(_ bytes: [UInt8], _ encoding: CSVSettings.Encoding = .auto) -> (String?, Diagnostics) {
        var diagnostics = Diagnostics()
        let file = SourceFile(relativePath: "seeds/p/R6.csv", displayPath: "seeds/p/R6.csv", bytes: bytes)
        let text = CSVTextDecoding.text(file, encoding: encoding, diagnostics: &diagnostics)
        return (text, diagnostics)
    }

    @Test func shiftJISAsWindowsWritesItIsDetectedAndDecodedExactly() throws {
        let (text, diagnostics) = decode(Self.cp932)
        #expect(diagnostics.isEmpty)
        let decoded = try #require(text)
        #expect(decoded == Self.text)
        // ～ stays the full-width tilde (U+FF5E), not the wave dash (U+301C) that JIS X 0213 gives.
        #expect(decoded.unicodeScalars.contains("\u{FF5E}"))
        #expect(!decoded.unicodeScalars.contains("\u{301C}"))
        #expect(decode(Self.cp932, .shiftJIS).0 == Self.text)
    }

    @Test func theIBMFormsOfExtendedKanjiDecodeToo() {
        // 髙 as FB FC and 﨑 as FA B1 (IBM extensions), as some Windows programs write them.
        #expect(decode([0xFB, 0xFC, 0xFA, 0xB1]).0 == "髙﨑")
    }

    @Test func utf8WithAndWithoutByteOrderMark() {
        let utf8 = Array(Self.text.utf8)
        #expect(decode(utf8).0 == Self.text)
        #expect(decode([0xEF, 0xBB, 0xBF] + utf8).0 == Self.text)
        #expect(decode([0xEF, 0xBB, 0xBF] + utf8, .utf8).0 == Self.text)
    }

    @Test func bytesThatAreNeitherGiveOneError() {
        // Windows-1252: "Café “open”".
        let (text, diagnostics) = decode(Array("year,grade\r\n".utf8) + [0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x6F, 0x94])
        #expect(text == nil)
        #expect(diagnostics.errors.count == 1)
        #expect(diagnostics.errors.first?.message == "the file is neither UTF-8 nor Shift_JIS text")
        #expect(diagnostics.errors.first?.location == SourceLocation(file: "seeds/p/R6.csv", line: 1, column: 1))
    }

    @Test func utf16AndWorkbooksAreNamed() {
        #expect(decode([0xFF, 0xFE, 0x6A, 0x5E]).1.errors.first?.message.contains("UTF-16") == true)
        #expect(decode([0x50, 0x4B, 0x03, 0x04, 0x14]).1.errors.first?.message.contains("Excel workbook") == true)
        // UTF-16 without its byte-order mark: one error, not Shift_JIS garbage.
        let withoutMark = Array("番号,評価\n1,A\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (text, diagnostics) = decode(withoutMark)
        #expect(text == nil)
        #expect(diagnostics.errors.map(\.message) == ["the file is in UTF-16 (Excel's 「Unicode テキスト」), which is not read"])
        let nul = decode(Array("番号,評価\n1,A\u{0}B\n".utf8))
        #expect(nul.0 == nil)
        #expect(nul.1.errors.first?.message.contains("NUL bytes") == true)
    }

    @Test func theEncodingSetInTheConfigIsKept() {
        let utf8 = decode(Self.cp932, .utf8)
        #expect(utf8.0 == nil)
        #expect(utf8.1.errors.first?.message == "the file is in Shift_JIS, but mieruka.yml says csv: encoding: utf-8")
        let shiftJIS = decode([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8), .shiftJIS)
        #expect(shiftJIS.0 == nil)
        #expect(shiftJIS.1.errors.first?.message == "the file is in UTF-8, but mieruka.yml says csv: encoding: shift_jis")
    }
}
