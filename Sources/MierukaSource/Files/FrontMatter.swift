import MierukaDiagnostics

/// A Markdown document split into its YAML front matter and its body.
///
/// The front matter is delimited by lines that are exactly `---` (trailing spaces allowed); the
/// closing line may also be `...`. A `---` anywhere else (a Markdown rule in the body) is body.
package struct FrontMatter: Sendable {
    package let yaml: String
    /// Lines of the file above the YAML text (the opening `---`).
    package let yamlLineOffset: Int
    package let body: String
    /// Lines of the file above the body.
    package let bodyLineOffset: Int

    /// Splits `text`, or reports why it cannot.
    package static func split(_ text: String, file: String, diagnostics: inout Diagnostics) -> FrontMatter? {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        // Walks the text line by line on its bytes; lines are compared, not copied.
        while lineStart < utf8.endIndex {
            lineNumber += 1
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            let line = utf8[lineStart..<lineEnd]
            if let start = yamlStart {
                if isDelimiter(line, allowDots: true) {
                    return FrontMatter(
                        yaml: String(text[start..<lineStart].dropLast(start < lineStart ? 1 : 0)), yamlLineOffset: 1,
                        body: String(text[next...]), bodyLineOffset: lineNumber)
                }
            } else {
                guard isDelimiter(line, allowDots: false) else {
                    diagnostics.error(
                        at: SourceLocation(file: file, line: 1, column: 1),
                        "the document has no front matter",
                        hint: "start the file with a line \"---\", the YAML fields (title: …), and another line \"---\" before the text")
                    return nil
                }
                yamlStart = next
            }
            if lineEnd == utf8.endIndex { break }
            lineStart = next
        }
        if yamlStart == nil {
            diagnostics.error(
                at: SourceLocation(file: file, line: 1, column: 1),
                "the document has no front matter",
                hint: "start the file with a line \"---\", the YAML fields (title: …), and another line \"---\" before the text")
            return nil
        }
        diagnostics.error(
            at: SourceLocation(file: file, line: 1, column: 1),
            "the front matter is not closed",
            hint: "add a line \"---\" after the last YAML field, before the document's text")
        return nil
    }

    private static func isDelimiter(_ line: Substring.UTF8View, allowDots: Bool) -> Bool {
        var end = line.endIndex
        while end > line.startIndex {
            let before = line.index(before: end)
            guard line[before] == UInt8(ascii: " ") || line[before] == UInt8(ascii: "\t") else { break }
            end = before
        }
        let trimmed = line[line.startIndex..<end]
        guard trimmed.count == 3 else { return false }
        return trimmed.allSatisfy { $0 == UInt8(ascii: "-") } || (allowDots && trimmed.allSatisfy { $0 == UInt8(ascii: ".") })
    }
}
