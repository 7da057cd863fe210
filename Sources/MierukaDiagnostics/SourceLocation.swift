/// A position in a source file, as a person would look it up in an editor — or, in a workbook, the
/// cell as a spreadsheet names it.
///
/// `line` and `column` are 1-based; `column` counts Unicode scalars, so a line of Japanese text
/// is counted character by character. A value of 0 means "not known" (a whole-file problem).
///
/// In a workbook (`sheet` is set) `line` is the sheet's row and `column` its column (1 for A), and
/// the location prints as the spreadsheet writes a reference: `R6.xlsx:進捗一覧!D12`.
///
/// Stored compactly, 12 bytes: the file (with its sheet) as a number in `SourceFiles`, the
/// process's table of the files locations are in, and line and column as 32-bit numbers. A parsed
/// document holds a location for nearly every value it read, and a `String` path, an optional
/// sheet and two `Int`s took 48 bytes each: at 1,000 pages most of the parsed documents' memory
/// (docs/reference.md, "Speed and memory"). Two locations are equal exactly when their file,
/// sheet, line and column are.
package struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file and sheet: a number in `SourceFiles.shared`.
    private let source: UInt32
    private let storedLine: UInt32
    private let storedColumn: UInt32

    /// The path as it is shown to the user (relative to where the command was run when possible).
    package var file: String { SourceFiles.shared.source(source).file }
    package var line: Int { Int(storedLine) }
    package var column: Int { Int(storedColumn) }
    /// The sheet of a workbook the location is on; nil in a text file.
    package var sheet: String? { SourceFiles.shared.source(source).sheet }

    package init(file: String, line: Int = 0, column: Int = 0, sheet: String? = nil) {
        self.init(source: SourceFiles.shared.number(file: file, sheet: sheet), line: line, column: column)
    }

    private init(source: UInt32, line: Int, column: Int) {
        self.source = source
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    /// Another position in the same file (and sheet), without looking the file up again: for
    /// readers that make a location for every value of a file.
    package func at(line: Int, column: Int) -> SourceLocation {
        SourceLocation(source: source, line: line, column: column)
    }

    /// The whole file, without a position in it.
    package static func file(_ path: String) -> SourceLocation {
        SourceLocation(file: path)
    }

    /// A cell of a workbook's sheet: row and column as the spreadsheet numbers them.
    package static func cell(file: String, sheet: String, row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: row, column: column, sheet: sheet)
    }

    /// The same file, moved down by `lines` (used when a YAML block starts below line 1).
    package func shifted(lines: Int) -> SourceLocation {
        guard line > 0 else { return self }
        return at(line: line + lines, column: column)
    }

    /// `path:line:column`, leaving out the parts that are not known; in a workbook
    /// `path:sheet!D12` (`path:sheet` for the whole sheet, `path:sheet!12:12` for a row).
    package var description: String {
        if let sheet { return "\(file):\(sheetReference ?? Self.quotedSheet(sheet))" }
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    /// "進捗一覧!D12" for a cell of a workbook, "進捗一覧!12:12" for a row; nil elsewhere.
    package var sheetReference: String? {
        guard let sheet, line > 0 else { return nil }
        let name = Self.quotedSheet(sheet)
        if column == 0 { return "\(name)!\(line):\(line)" }
        return "\(name)!\(Self.columnLetters(column))\(line)"
    }

    /// A sheet's name as a reference writes it: in single quotes when it holds spaces or
    /// punctuation ('R6 進捗'!A1), a quote in it doubled.
    package static func quotedSheet(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar == "_" || scalar == "." || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        if plain { return name }
        return "'" + name.replacingQuotes() + "'"
    }

    /// "A" for 1, "Z" for 26, "AA" for 27 (bijective base 26, as spreadsheets count).
    package static func columnLetters(_ column: Int) -> String {
        guard column > 0 else { return "?" }
        var remaining = column
        var letters: [Character] = []
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            remaining = (remaining - 1) / 26
        }
        return String(letters.reversed())
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.source == rhs.source { return (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn) }
        let left = SourceFiles.shared.source(lhs.source)
        let right = SourceFiles.shared.source(rhs.source)
        return (left.file, left.sheet ?? "", lhs.line, lhs.column) < (right.file, right.sheet ?? "", rhs.line, rhs.column)
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        for character in self {
            out.append(character)
            if character == "'" { out.append("'") }
        }
        return out
    }
}
