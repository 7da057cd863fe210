/// A position in a source file, as a person would look it up in an editor.
///
/// `line` and `column` are 1-based; `column` counts Unicode scalars, so a line of Japanese text
/// is counted character by character. A value of 0 means "not known" (a whole-file problem).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path as it is shown to the user (relative to where the command was run when possible).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The whole file, without a position in it.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(file: path)
    }

    /// The same file, moved down by `lines` (used when a YAML block starts below line 1).
    public func shifted(lines: Int) -> SourceLocation {
        guard line > 0 else { return self }
        return SourceLocation(file: file, line: line + lines, column: column)
    }

    /// `path:line:column`, leaving out the parts that are not known.
    public var description: String {
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
