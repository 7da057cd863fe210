import Foundation
import MierukaDiagnostics

/// Turns file bytes into text for Markdown and YAML files.
///
/// UTF-8 with or without a byte-order mark is accepted, and Windows line endings are normalised.
/// A file in another encoding gets one clear error; a file that decodes as Shift_JIS (CP932, what
/// Japanese Windows editors save by default) is named as such, so the user knows what to change.
package enum TextDecoding {
    package static func utf8Text(_ file: SourceFile, diagnostics: inout Diagnostics) -> String? {
        var bytes = file.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let looksLikeShiftJIS = String(data: Data(bytes), encoding: .shiftJIS) != nil
            diagnostics.error(
                at: SourceLocation(file: file.displayPath, line: 1, column: 1),
                looksLikeShiftJIS ? "the file is in Shift_JIS, not UTF-8" : "the file is not valid UTF-8 text",
                hint: "save it as UTF-8 (in Notepad or VS Code: 「UTF-8」 encoding)")
            return nil
        }
        // Looked for in the bytes: searching the String's UTF-8 view took longer than reading the file.
        return bytes.contains(13) ? normalizeLineEndings(text) : text
    }

    /// "\r\n" and lone "\r" become "\n".
    package static func normalizeLineEndings(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
