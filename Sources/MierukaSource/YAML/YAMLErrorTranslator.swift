import MierukaDiagnostics
import Yams

/// Turns libyaml's errors into messages a non-programmer can act on.
enum YAMLErrorTranslator {
    static func diagnostic(for error: YamlError, text: String, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let (message, hint) = explain(problem: problem, context: context?.text, mark: mark, text: text)
            if message == unclosedMessage, let opening = unclosedBracket(before: mark.line, in: text) {
                return .error(
                    at: SourceLocation(file: file, line: opening.line + lineOffset, column: opening.column), message,
                    hint: hint)
            }
            return .error(at: at(mark), message, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let second = secondOccurrence(of: key, after: context.mark, in: text)
            let location =
                second.map { SourceLocation(file: file, line: $0.line + lineOffset, column: $0.column) }
                ?? at(context.mark)
            return .error(
                at: location, "duplicate key \"\(key)\"",
                hint: "each key may appear once in the same block; remove or rename one of them")
        case .reader(let problem, _, _, _):
            return .error(
                at: SourceLocation(file: file, line: lineOffset + 1, column: 1), "the text could not be read: \(problem)",
                hint: "save the file as UTF-8")
        default:
            return .error(at: SourceLocation(file: file, line: lineOffset + 1, column: 1), "YAML could not be read: \(error)")
        }
    }

    private static func explain(problem: String, context: String?, mark: Mark, text: String) -> (String, String) {
        let line = lineText(mark.line, in: text)
        if problem.contains("tab character") || (problem.contains("cannot start any token") && line.contains("\t")) {
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
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator") {
            return (
                "the indentation does not match the lines above",
                "keys of the same block must start in the same column; check the spaces at the start of this line and the previous one"
            )
        }
        if problem.contains("found unexpected end of stream") || problem.contains("did not find expected ',' or ']'")
            || problem.contains("did not find expected ',' or '}'")
        {
            return (
                unclosedMessage,
                "every [ needs a ], every { a }, and every opening quote a closing one"
            )
        }
        if problem.contains("found undefined alias") {
            return ("an alias (*name) refers to an anchor (&name) that is not defined", "define the anchor first, or write the value out")
        }
        var message = "YAML syntax error: \(problem)"
        if let context, !context.isEmpty { message += " (\(context))" }
        return (message, "check the indentation and quoting on this line and the one above")
    }

    static let unclosedMessage = "a bracket or quote is not closed"

    /// The last "[" or "{" at or above `line` that is not closed on its own line: where the
    /// unclosed collection starts (libyaml reports where it gave up, often the next line).
    private static func unclosedBracket(before line: Int, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
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
                case "#": break
                default: continue
                }
            }
            if let column = open.last { return (number, column + 1) }
            number -= 1
        }
        return nil
    }

    private static func lineText(_ line: Int, in text: String) -> Substring {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return "" }
        return lines[line - 1]
    }

    /// Where a duplicated key is written the second time (same indentation, later line).
    private static func secondOccurrence(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indentation = first.column - 1
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let prefixes = [key + ":", "\"" + key + "\":", "'" + key + "':"]
        var index = first.line  // the line after the first occurrence (0-based index)
        while index < lines.count {
            let line = lines[index]
            let leading = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(leading)
            if leading == indentation, prefixes.contains(where: { rest.hasPrefix($0) }) {
                return (index + 1, leading + 1)
            }
            if leading < indentation, !rest.isEmpty, !rest.hasPrefix("#") { break }
            index += 1
        }
        return nil
    }
}
