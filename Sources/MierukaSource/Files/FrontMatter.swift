import MierukaDiagnostics

/// A Markdown document split into its YAML front matter and its body.
///
/// The front matter is delimited by lines that are exactly `---` (trailing spaces allowed); the
/// closing line may also be `...`. A `---` anywhere else (a Markdown rule in the body) is body.
public struct FrontMatter: Sendable {
    public let yaml: String
    /// Lines of the file above the YAML text (the opening `---`).
    public let yamlLineOffset: Int
    public let body: String
    /// Lines of the file above the body.
    public let bodyLineOffset: Int

    /// Splits `text`, or reports why it cannot.
    public static func split(_ text: String, file: String, diagnostics: inout Diagnostics) -> FrontMatter? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isDelimiter(first, allowDots: false) else {
            diagnostics.error(
                at: SourceLocation(file: file, line: 1, column: 1),
                "the document has no front matter",
                hint: "start the file with a line \"---\", the YAML fields (title: …), and another line \"---\" before the text")
            return nil
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lines = lines.dropFirst()
            lineNumber += 1
            if isDelimiter(line, allowDots: true) {
                let body = lines.joined(separator: "\n")
                return FrontMatter(
                    yaml: yamlLines.joined(separator: "\n"), yamlLineOffset: 1, body: body, bodyLineOffset: lineNumber)
            }
            yamlLines.append(line)
        }
        diagnostics.error(
            at: SourceLocation(file: file, line: 1, column: 1),
            "the front matter is not closed",
            hint: "add a line \"---\" after the last YAML field, before the document's text")
        return nil
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
