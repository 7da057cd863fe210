import MierukaDiagnostics

/// A template parsed into text and tags.
indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not escaped).
    case variable(String, escaped: Bool, at: TemplatePosition)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(String, inverted: Bool, body: [TemplateNode], at: TemplatePosition)
    /// `{{> name}}`; a partial alone on its line is indented by the line's leading whitespace.
    /// `{{< name}}…{{/name}}` is a partial whose blocks are overridden.
    case partial(String, indentation: String?, overrides: [String: [TemplateNode]]?, at: TemplatePosition)
    /// `{{$name}}default{{/name}}` in a template that others extend.
    case block(String, defaultBody: [TemplateNode], indentation: String?, at: TemplatePosition)
}

struct TemplatePosition: Sendable, Hashable {
    let line: Int
    let column: Int
}

/// Why a template cannot be read, with where, and how to fix it when there is more to say than
/// the usual advice about matching tags.
struct TemplateSyntaxError: Error, Sendable {
    let message: String
    let position: TemplatePosition
    var hint: String?
}

/// How deeply templates may nest sections, inverted sections, parents, blocks and partials inside
/// one another: within one template (checked when it is read) and through the partials and parents
/// a page includes (checked when it is compiled). Real templates use a handful of levels; the
/// limit keeps a runaway template (a closing tag written as an opening one, a generated file) an
/// error with a location instead of a crash: parsing, compiling and rendering all recurse once per
/// level, and each level costs a few KiB of a thread's stack in a debug build.
enum TemplateNesting {
    static let maximumDepth = 100

    static func message(_ what: String) -> String {
        "\(what) nested more than \(maximumDepth) deep"
    }

    static let hint =
        "a page needs only a few levels of {{#section}}, {{<parent}}, {{$block}} and {{>partial}}; "
        + "look for a closing tag {{/name}} written as an opening one, or split the template into partials used one after another"
}

/// Reads Mustache templates.
///
/// The rules for whitespace are those of the Mustache specification as swift-mustache implements
/// them: a line holding only a section, inverted section, closing, comment, partial or block tag
/// (and spaces) disappears from the output, so templates can put one tag per line.
struct TemplateParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            // Windows line endings become plain ones.
            if scalar == "\n", previousWasReturn { scalars.removeLast() }
            previousWasReturn = scalar == "\r"
            scalars.append(scalar)
        }
        self.scalars = scalars
    }

    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(text)
        let (nodes, _) = try parser.parseNodes(State())
        return nodes
    }

    /// What the parser knows about where it is.
    private struct State {
        /// The open section's name (nil at the top).
        var sectionName: String?
        /// At the start of a line (so a tag may stand alone on it).
        var newLine = true
        /// Directly inside `{{<parent}} … {{/parent}}`: only block definitions belong here.
        var inheritanceTopLevel = false
        /// Inside a block definition of an inheritance section.
        var inDefinition = false
        var definitionIndent: String?
        var sectionStart = TemplatePosition(line: 1, column: 1)
        /// Sections, parents and blocks open around this point.
        var depth = 0

        /// The state inside a section or block opened here; `newLine` when its tag stood alone.
        func entering(_ name: String, at start: TemplatePosition, newLine: Bool) -> State {
            var inner = self
            inner.sectionName = name
            inner.sectionStart = start
            inner.depth += 1
            if !newLine { inner.newLine = false }
            return inner
        }
    }

    private var atEnd: Bool { index >= scalars.count }
    private var current: Unicode.Scalar { scalars[index] }
    private var position: TemplatePosition { TemplatePosition(line: line, column: column) }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func readSpaces() -> String {
        var text = String.UnicodeScalarView()
        while !atEnd, current == " " || current == "\t" {
            text.append(current)
            advance()
        }
        return String(text)
    }

    private func startsTag() -> Bool {
        index + 1 < scalars.count && scalars[index] == "{" && scalars[index + 1] == "{"
    }

    /// Text up to the next tag or line break (the break is not consumed).
    private mutating func readText() -> String {
        var text = String.UnicodeScalarView()
        while !atEnd, current != "\n", !startsTag() {
            text.append(current)
            advance()
        }
        return String(text)
    }

    /// After a tag: when only spaces follow up to the end of the line, consumes them and the line
    /// break and answers true.
    private mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var probe = index
        while probe < scalars.count, scalars[probe] == " " || scalars[probe] == "\t" { probe += 1 }
        guard probe >= scalars.count || scalars[probe] == "\n" else { return false }
        while index < probe { advance() }
        if !atEnd { advance() }
        return true
    }

    private mutating func isStandalone(_ state: State) -> Bool {
        state.newLine && lineFinished()
    }

    /// The tag's content up to `}}` (or `}}}` for a triple), trimmed.
    private mutating func readTagContent(triple: Bool) throws(TemplateSyntaxError) -> String {
        let start = position
        var text = String.UnicodeScalarView()
        while !atEnd {
            if current == "}", index + 1 < scalars.count, scalars[index + 1] == "}" {
                advance()
                advance()
                if triple {
                    guard !atEnd, current == "}" else {
                        throw TemplateSyntaxError(message: "a {{{ tag is not closed with }}}", position: start)
                    }
                    advance()
                }
                var content = Substring(String(text)).unicodeScalars[...]
                while let first = content.first, first == " " || first == "\t" || first == "\n" { content = content.dropFirst() }
                while let last = content.last, last == " " || last == "\t" || last == "\n" { content = content.dropLast() }
                return String(String.UnicodeScalarView(content))
            }
            text.append(current)
            advance()
        }
        throw TemplateSyntaxError(message: "a tag is not closed with }}", position: start)
    }

    /// `{{>*name}}` takes the partial's name from the data; templates are compiled against their
    /// partials before any data is seen, so that every page's names are checked.
    private func refuseDynamicName(_ name: String, at position: TemplatePosition) throws(TemplateSyntaxError) {
        guard name.hasPrefix("*") else { return }
        throw TemplateSyntaxError(
            message: "partial names taken from the data ({{>\(name)}}) are not supported", position: position,
            hint: "name the partial itself, e.g. {{>partials/grade-table}}, inside a section that decides whether it shows")
    }

    private mutating func parseNodes(_ initial: State) throws(TemplateSyntaxError) -> ([TemplateNode], closed: Bool) {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespaceBefore = ""
        while !atEnd {
            if state.newLine {
                let spaces = readSpaces()
                if state.inDefinition, !state.inheritanceTopLevel {
                    if let indent = state.definitionIndent {
                        whitespaceBefore = String(spaces.dropFirst(indent.count))
                    } else {
                        state.definitionIndent = spaces
                    }
                } else {
                    whitespaceBefore = spaces
                }
            }
            let text = readText()
            if !atEnd, current == "\n" {
                nodes.append(.text(whitespaceBefore + text + "\n"))
                state.newLine = true
                advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespaceBefore + text))
                whitespaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            let tagPosition = position
            advance()
            advance()
            guard !atEnd else { throw TemplateSyntaxError(message: "a tag is not closed with }}", position: tagPosition) }
            func flushWhitespace() {
                if !whitespaceBefore.isEmpty {
                    nodes.append(.text(whitespaceBefore))
                    whitespaceBefore = ""
                }
            }
            var setNewLine = false
            let sigil = current
            if sigil == "#" || sigil == "^" || sigil == "<" || sigil == "$", state.depth >= TemplateNesting.maximumDepth {
                // Refused before going one level deeper, so no input can exhaust the stack.
                throw TemplateSyntaxError(
                    message: TemplateNesting.message("sections, parents and blocks are"), position: tagPosition,
                    hint: TemplateNesting.hint)
            }
            switch sigil {
            case "#", "^":
                advance()
                let name = try readTagContent(triple: false)
                if isStandalone(state) { setNewLine = true } else { flushWhitespace() }
                var inner = state.entering(name, at: tagPosition, newLine: setNewLine)
                inner.inheritanceTopLevel = false
                let (body, _) = try parseNodes(inner)
                nodes.append(.section(name, inverted: sigil == "^", body: body, at: tagPosition))
            case "/":
                advance()
                let name = try readTagContent(triple: false)
                guard let open = state.sectionName else {
                    throw TemplateSyntaxError(message: "{{/\(name)}} closes a section that was never opened", position: tagPosition)
                }
                guard name == open else {
                    throw TemplateSyntaxError(
                        message: "a section is closed with a different name than it was opened with ({{/\(name)}} for {{#\(open)}})",
                        position: tagPosition)
                }
                if !isStandalone(state) { flushWhitespace() }
                if state.inheritanceTopLevel {
                    nodes = nodes.filter { if case .text = $0 { false } else { true } }
                }
                return (nodes, true)
            case "!":
                advance()
                _ = try readTagContent(triple: false)
                setNewLine = isStandalone(state)
            case "{":
                flushWhitespace()
                advance()
                let name = try readTagContent(triple: true)
                nodes.append(.variable(name, escaped: false, at: tagPosition))
            case "&":
                flushWhitespace()
                advance()
                let name = try readTagContent(triple: false)
                nodes.append(.variable(name, escaped: false, at: tagPosition))
            case ">":
                advance()
                let name = try readTagContent(triple: false)
                try refuseDynamicName(name, at: tagPosition)
                let indentation = whitespaceBefore
                flushWhitespace()
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: indentation, overrides: nil, at: tagPosition))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil, at: tagPosition))
                }
            case "<":
                advance()
                let name = try readTagContent(triple: false)
                try refuseDynamicName(name, at: tagPosition)
                let indentation = whitespaceBefore
                flushWhitespace()
                if isStandalone(state) { setNewLine = true }
                var inner = state
                inner.sectionName = name
                inner.newLine = true
                inner.inheritanceTopLevel = true
                inner.inDefinition = true
                inner.sectionStart = tagPosition
                inner.depth += 1
                let (body, _) = try parseNodes(inner)
                var overrides: [String: [TemplateNode]] = [:]
                for node in body {
                    guard case .block(let blockName, let content, _, _) = node else {
                        throw TemplateSyntaxError(
                            message: "inside {{<\(name)}} … {{/\(name)}} only blocks ({{$name}} … {{/name}}) may appear",
                            position: tagPosition)
                    }
                    overrides[blockName] = content
                }
                nodes.append(.partial(name, indentation: indentation, overrides: overrides, at: tagPosition))
            case "$":
                advance()
                let name = try readTagContent(triple: false)
                if state.inheritanceTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    var inner = state.entering(name, at: tagPosition, newLine: setNewLine)
                    inner.inheritanceTopLevel = false
                    let (body, _) = try parseNodes(inner)
                    nodes.append(.block(name, defaultBody: body, indentation: nil, at: tagPosition))
                } else {
                    let indentation = whitespaceBefore
                    flushWhitespace()
                    if isStandalone(state) { setNewLine = true }
                    let inner = state.entering(name, at: tagPosition, newLine: setNewLine)
                    let (body, _) = try parseNodes(inner)
                    nodes.append(.block(name, defaultBody: body, indentation: indentation, at: tagPosition))
                }
            case "=":
                throw TemplateSyntaxError(
                    message: "changing the tag delimiters ({{= … =}}) is not supported", position: tagPosition)
            case "%":
                throw TemplateSyntaxError(message: "template settings ({{% … }}) are not supported", position: tagPosition)
            default:
                flushWhitespace()
                let name = try readTagContent(triple: false)
                guard !name.isEmpty else { throw TemplateSyntaxError(message: "a tag has no name", position: tagPosition) }
                nodes.append(.variable(name, escaped: true, at: tagPosition))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            throw TemplateSyntaxError(
                message: "a section is opened but never closed ({{#\(open)}} needs {{/\(open)}})", position: state.sectionStart)
        }
        return (nodes, false)
    }
}

extension TemplateParser {
    /// Every template of `sources` parsed, in name order; one that cannot be read is left out and
    /// reported at its position, its message after `prefix`, with `defaultHint` where the parser
    /// gives none. (The site's theme and the specification runner's templates are read alike.)
    static func parseAll(
        _ sources: [String: TemplateSource], prefix: String = "", defaultHint: String? = nil,
        diagnostics: inout Diagnostics
    ) -> [String: [TemplateNode]] {
        var parsed: [String: [TemplateNode]] = [:]
        for name in sources.keys.sorted() {
            guard let source = sources[name] else { continue }
            do {
                parsed[name] = try parse(source.text)
            } catch {
                diagnostics.error(
                    at: SourceLocation(file: source.displayPath, line: error.position.line, column: error.position.column),
                    prefix + error.message, hint: error.hint ?? defaultHint)
            }
        }
        return parsed
    }
}
