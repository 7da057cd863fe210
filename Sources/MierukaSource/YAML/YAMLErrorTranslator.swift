import CYAML
import MierukaDiagnostics

/// Turns libyaml's errors into messages a non-programmer can act on.
enum YAMLErrorTranslator {
    static let unclosedMessage = "a bracket or quote is not closed"

    static func diagnostic(for parser: yaml_parser_t, text: String, file: String, lineOffset: Int) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let context = parser.context.map { String(cString: $0) }
        if parser.error == YAML_READER_ERROR {
            return .error(
                at: SourceLocation(file: file, line: lineOffset + 1, column: 1), "the text could not be read: \(problem)",
                hint: "save the file as UTF-8")
        }
        if parser.error == YAML_MEMORY_ERROR {
            return .error(at: SourceLocation(file: file, line: lineOffset + 1, column: 1), "YAML could not be read: out of memory")
        }
        let lines = YAMLLines.split(text)
        var line = Int(parser.problem_mark.line) + 1
        var column = Int(parser.problem_mark.column) + 1
        if line > lines.count {
            // libyaml gives up at the end of the text, on a line it adds there. Point at where
            // the construct it was reading starts (the simple key, the quoted scalar), or else
            // at the end of the last line.
            let contextLine = Int(parser.context_mark.line) + 1
            if context != nil, contextLine >= 1, contextLine <= lines.count {
                line = contextLine
                column = Int(parser.context_mark.column) + 1
            } else {
                line = lines.count
                column = (lines.last?.count ?? 0) + 1
            }
        }
        let (message, hint) = explain(problem: problem, context: context, line: line, column: column, text: text)
        if message == unclosedMessage, let opening = unclosedBracket(before: line, in: text) {
            return .error(
                at: SourceLocation(file: file, line: opening.line + lineOffset, column: opening.column), message, hint: hint)
        }
        return .error(at: SourceLocation(file: file, line: line + lineOffset, column: column), message, hint: hint)
    }

    private static func explain(problem: String, context: String?, line: Int, column: Int, text: String) -> (String, String) {
        let lineText = Self.lineText(line, in: text)
        if problem.contains("tab character") || (problem.contains("cannot start any token") && lineText.contains("\t")) {
            return (
                "a tab character is not allowed here",
                "YAML indents with spaces only; replace the tab with spaces"
            )
        }
        if problem.contains("mapping values are not allowed") {
            return (
                "a value contains \": \" where YAML does not expect it",
                "put the value in quotes (title: \"a: b\") or check the indentation of this line"
            )
        }
        if problem.contains("did not find expected key"), let extra = textAfterValue(in: lineText, at: column) {
            return (
                "the line goes on after its value (\"\(extra)\")",
                "a value ends at the end of its line or at its closing quote; remove what follows it, or put the whole value in quotes"
            )
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator") {
            return (
                "the indentation does not match the lines above",
                "keys of the same block must start in the same column; check the spaces at the start of this line and the previous one"
            )
        }
        if problem.contains("found unexpected end of stream") || problem.contains("did not find expected ',' or ']'")
            || problem.contains("did not find expected ',' or '}'")
        {
            return (unclosedMessage, "every [ needs a ], every { a }, and every opening quote a closing one")
        }
        var message = "YAML syntax error: \(problem)"
        if let context, !context.isEmpty { message += " (\(context))" }
        return (message, "check the indentation and quoting on this line and the one above")
    }

    /// What follows a value on its line, when libyaml stopped there (at `column`, past the line's
    /// indentation) looking for the next key: `policy: "1" [` stops at the "[". A stop at the start
    /// of the line's text is a matter of indentation instead, and gives nil.
    private static func textAfterValue(in line: Substring, at column: Int) -> Substring? {
        let indentation = line.prefix { $0 == " " }.count
        guard column - 1 > indentation, column - 1 < line.count else { return nil }
        let rest = line.dropFirst(column - 1)
        let extra = rest.prefix(20)
        return extra.count < rest.count ? extra + "…" : extra
    }

    private static func lineText(_ line: Int, in text: String) -> Substring {
        let lines = YAMLLines.split(text)
        guard line >= 1, line <= lines.count else { return "" }
        return lines[line - 1]
    }

    /// The last "[" or "{" at or above `line` that is not closed on its own line: where the
    /// unclosed collection starts (libyaml reports where it gave up, often the next line).
    private static func unclosedBracket(before line: Int, in text: String) -> (line: Int, column: Int)? {
        let lines = YAMLLines.split(text)
        var number = min(line, lines.count)
        while number >= 1, number > line - 20 {
            var open: [Int] = []
            var quote: Character?
            for (offset, character) in lines[number - 1].enumerated() {
                if let current = quote {
                    if character == current { quote = nil }
                    continue
                }
                switch character {
                case "\"", "'": quote = character
                case "[", "{": open.append(offset)
                case "]", "}": if !open.isEmpty { open.removeLast() }
                default: continue
                }
            }
            if let column = open.last { return (number, column + 1) }
            number -= 1
        }
        return nil
    }
}
