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
        // Walks the text line by line on its bytes; lines are compared, not copied.
        let found = text.utf8.withContiguousStorageIfAvailable(find) ?? Array(text.utf8).withUnsafeBufferPointer(find)
        switch found {
        case .split(let yaml, let body, let bodyLineOffset):
            let utf8 = text.utf8
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            return FrontMatter(
                yaml: String(text[index(yaml.lowerBound)..<index(yaml.upperBound)]), yamlLineOffset: 1,
                body: String(text[index(body)...]), bodyLineOffset: bodyLineOffset)
        case .missing:
            diagnostics.error(
                at: SourceLocation(file: file, line: 1, column: 1),
                "the document has no front matter",
                hint: "start the file with a line \"---\", the YAML fields (title: …), and another line \"---\" before the text")
        case .unclosed:
            diagnostics.error(
                at: SourceLocation(file: file, line: 1, column: 1),
                "the front matter is not closed",
                hint: "add a line \"---\" after the last YAML field, before the document's text")
        }
        return nil
    }

    /// Where the parts of a document are, in bytes.
    private enum Parts {
        /// The YAML (without the line break before the closing line), where the body starts, and
        /// the lines above the body.
        case split(yaml: Range<Int>, body: Int, bodyLineOffset: Int)
        /// The first line is not `---`.
        case missing
        /// No line closes the front matter.
        case unclosed
    }

    private static func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Parts {
        var lineStart = 0
        var lineNumber = 0
        var yamlStart: Int?
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let next = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
            if let start = yamlStart {
                if isDelimiter(bytes, from: lineStart, to: lineEnd, allowDots: true) {
                    // The YAML without its last line break (a CR LF is one).
                    var end = lineStart
                    if start < end {
                        end -= 1
                        if start < end, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    }
                    return .split(yaml: start..<end, body: next, bodyLineOffset: lineNumber)
                }
            } else {
                guard isDelimiter(bytes, from: lineStart, to: lineEnd, allowDots: false) else { return .missing }
                yamlStart = next
            }
            if lineEnd == bytes.count { break }
            lineStart = next
        }
        return yamlStart == nil ? .missing : .unclosed
    }

    /// `---` (or `...` when `allowDots`), with any spaces and tabs after it.
    private static func isDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, allowDots: Bool) -> Bool {
        var end = end
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        guard end - start == 3 else { return false }
        let mark = bytes[start]
        guard mark == UInt8(ascii: "-") || (allowDots && mark == UInt8(ascii: ".")) else { return false }
        return bytes[start + 1] == mark && bytes[start + 2] == mark
    }
}
