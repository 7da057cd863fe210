import Foundation
import MierukaDiagnostics
import MierukaModel

/// Turns the bytes of a CSV file into text, in whichever encoding Excel saved it.
///
/// Excel saves 「CSV UTF-8（コンマ区切り）」 as UTF-8 with a byte-order mark, and 「CSV（コンマ区切り）」
/// on Japanese Windows as Shift_JIS with Microsoft's extensions (Windows-31J, CP932: ①, ㈱, 髙, 﨑).
/// With `encoding: auto` the mark is removed, valid UTF-8 is read as UTF-8, and anything else as
/// CP932. Foundation's `.shiftJIS` decodes CP932 exactly on Linux and macOS (～ stays U+FF5E);
/// iconv's "SHIFT_JIS" and "SHIFT_JISX0213" do not, so they are not used. Bytes that are neither
/// give one error for the file, never garbled text.
package enum CSVTextDecoding {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    package static func text(
        _ file: SourceFile, encoding: CSVSettings.Encoding, diagnostics: inout Diagnostics
    ) -> String? {
        let start = SourceLocation(file: file.displayPath, line: 1, column: 1)
        var bytes = file.bytes[...]
        if let problem = unreadableKind(bytes) {
            diagnostics.error(at: start, problem.message, hint: problem.hint)
            return nil
        }
        let hadMark = bytes.starts(with: byteOrderMark)
        if hadMark { bytes = bytes.dropFirst(byteOrderMark.count) }
        let utf8 = String(validating: bytes, as: UTF8.self)

        switch encoding {
        case .utf8:
            if let utf8 { return utf8 }
            diagnostics.error(
                at: start,
                shiftJIS(bytes) != nil
                    ? "the file is in Shift_JIS, but mieruka.yml says csv: encoding: utf-8"
                    : "the file is not valid UTF-8 text (mieruka.yml says csv: encoding: utf-8)",
                hint: "save it from Excel as 「CSV UTF-8（コンマ区切り）」, or set csv: encoding: auto in mieruka.yml")
            return nil
        case .shiftJIS:
            if !hadMark, let text = shiftJIS(bytes) { return text }
            diagnostics.error(
                at: start,
                hadMark || utf8 != nil
                    ? "the file is in UTF-8, but mieruka.yml says csv: encoding: shift_jis"
                    : "the file is not valid Shift_JIS text (mieruka.yml says csv: encoding: shift_jis)",
                hint: "save it from Excel as 「CSV（コンマ区切り）」, or set csv: encoding: auto in mieruka.yml")
            return nil
        case .auto:
            if let utf8 { return utf8 }
            if !hadMark, let text = shiftJIS(bytes) { return text }
            diagnostics.error(
                at: start,
                hadMark
                    ? "the file starts as UTF-8 but holds bytes that are not UTF-8"
                    : "the file is neither UTF-8 nor Shift_JIS text",
                hint: "open it in Excel and save it again as 「CSV UTF-8（コンマ区切り）」 or 「CSV（コンマ区切り）」")
            return nil
        }
    }

    /// Windows-31J (CP932), or nil when the bytes are not valid in it.
    static func shiftJIS(_ bytes: ArraySlice<UInt8>) -> String? {
        String(data: Data(bytes), encoding: .shiftJIS)
    }

    /// Files that are not CSV text at all, recognised by their first bytes, with what to do instead.
    static func unreadableKind(_ bytes: ArraySlice<UInt8>) -> (message: String, hint: String)? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return (
                "the file is in UTF-16 (Excel's 「Unicode テキスト」), which is not read",
                "save the sheet as 「CSV UTF-8（コンマ区切り）」 or 「CSV（コンマ区切り）」"
            )
        }
        // Text never holds a NUL byte; UTF-16 without a byte-order mark holds one in every
        // character of ASCII (and would otherwise be read as Shift_JIS, as garbage).
        if bytes.contains(0) {
            // In UTF-16, every comma, digit and line break has a NUL beside it: many of them.
            let nulCount = bytes.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
            return nulCount * 8 >= bytes.count
                ? (
                    "the file is in UTF-16 (Excel's 「Unicode テキスト」), which is not read",
                    "save the sheet as 「CSV UTF-8（コンマ区切り）」 or 「CSV（コンマ区切り）」"
                )
                : (
                    "the file holds NUL bytes, which text never does: it is not a CSV saved as text",
                    "open it in Excel and save it again as 「CSV UTF-8（コンマ区切り）」 or 「CSV（コンマ区切り）」"
                )
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return (
                "the file is an Excel workbook with a .csv name, not CSV text",
                "in Excel, use 「名前を付けて保存」 and choose 「CSV UTF-8（コンマ区切り）」 or 「CSV（コンマ区切り）」"
            )
        }
        return nil
    }
}
