import MierukaDiagnostics

/// Reads Mustache templates.
///
/// The rules for whitespace are those of the Mustache specification as swift-mustache implements
/// them: a line holding only a section, inverted section, closing, comment, partial or block tag
/// (and spaces) disappears from the output, so templates can put one tag per line.
struct TemplateParser {
    /// The template's UTF-8 bytes. Every place the parser stops at is an ASCII byte (a brace, a
    /// space, a line break), so every slice it takes is whole characters.
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    /// Counted in Unicode scalars, as editors show it: a continuation byte does not move it.
    private var column = 1

    init(_ text: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasReturn = false
        for byte in text.utf8 {
            // Windows line endings become plain ones.
            if byte == 0x0A, previousWasReturn { bytes.removeLast() }
            previousWasReturn = byte == 0x0D
            bytes.append(byte)
        }
        self.bytes = bytes
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

    private static let newline: UInt8 = 0x0A
    private static let space: UInt8 = 0x20
    private static let tab: UInt8 = 0x09
    private static let openBrace: UInt8 = 0x7B
    private static let closeBrace: UInt8 = 0x7D

    private var atEnd: Bool { index >= bytes.count }
    private var current: UInt8 { bytes[index] }
    private var position: TemplatePosition { TemplatePosition(line: line, column: column) }

    private mutating func advance() {
        let byte = bytes[index]
        if byte == Self.newline {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }

    /// The text of `bytes[start..<index]`.
    private func text(from start: Int) -> String {
        String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func readSpaces() -> String {
        let start = index
        while !atEnd, current == Self.space || current == Self.tab { advance() }
        return start == index ? "" : text(from: start)
    }

    private func startsTag() -> Bool {
        index + 1 < bytes.count && bytes[index] == Self.openBrace && bytes[index + 1] == Self.openBrace
    }

    /// Text up to the next tag or line break (the break is not consumed).
    private mutating func readText() -> String {
        let start = index
        while !atEnd, current != Self.newline, !startsTag() { advance() }
        return start == index ? "" : text(from: start)
    }

    /// After a tag: when only spaces follow up to the end of the line, consumes them and the line
    /// break and answers true.
    private mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var probe = index
        while probe < bytes.count, bytes[probe] == Self.space || bytes[probe] == Self.tab { probe += 1 }
        guard probe >= bytes.count || bytes[probe] == Self.newline else { return false }
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
        var first = index
        while !atEnd {
            if current == Self.closeBrace, index + 1 < bytes.count, bytes[index + 1] == Self.closeBrace {
                var last = index
                advance()
                advance()
                if triple {
                    guard !atEnd, current == Self.closeBrace else {
                        throw TemplateSyntaxError(message: "a {{{ tag is not closed with }}}", position: start)
                    }
                    advance()
                }
                func isBlank(_ byte: UInt8) -> Bool { byte == Self.space || byte == Self.tab || byte == Self.newline }
                while first < last, isBlank(bytes[first]) { first += 1 }
                while last > first, isBlank(bytes[last - 1]) { last -= 1 }
                return String(decoding: bytes[first..<last], as: UTF8.self)
            }
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

    /// The nodes read so far at one level, and the spaces that began the current line, held back
    /// until it is known whether a tag stands alone on it (a standalone tag's line is left out).
    private struct Level {
        var nodes: [TemplateNode] = []
        var whitespaceBefore = ""

        /// The held-back spaces into the output: the line does not stand alone.
        mutating func flushWhitespace() {
            if !whitespaceBefore.isEmpty {
                nodes.append(.text(whitespaceBefore))
                whitespaceBefore = ""
            }
        }
    }

    private mutating func parseNodes(_ initial: State) throws(TemplateSyntaxError) -> ([TemplateNode], closed: Bool) {
        var level = Level()
        var state = initial
        while !atEnd {
            if state.newLine { readIndentation(&state, into: &level) }
            let text = readText()
            if !atEnd, current == Self.newline {
                level.nodes.append(.text(level.whitespaceBefore + text + "\n"))
                state.newLine = true
                advance()
                continue
            }
            if !text.isEmpty {
                level.nodes.append(.text(level.whitespaceBefore + text))
                level.whitespaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            let tagPosition = position
            advance()
            advance()
            guard !atEnd else { throw TemplateSyntaxError(message: "a tag is not closed with }}", position: tagPosition) }
            if Unicode.Scalar(current) == "/" {
                let nodes = try closeSection(state, at: tagPosition, level)
                return (nodes, true)
            }
            state.newLine = try parseTag(state, at: tagPosition, into: &level)
        }
        if let open = state.sectionName {
            throw TemplateSyntaxError(
                message: "a section is opened but never closed ({{#\(open)}} needs {{/\(open)}})", position: state.sectionStart)
        }
        return (nodes: level.nodes, closed: false)
    }

    /// At the start of a line: its leading spaces, held back in `level` (inside a block definition,
    /// less the indentation of the definition's first line, which is taken as the block's own).
    private mutating func readIndentation(_ state: inout State, into level: inout Level) {
        let spaces = readSpaces()
        if state.inDefinition, !state.inheritanceTopLevel {
            if let indent = state.definitionIndent {
                level.whitespaceBefore = String(spaces.dropFirst(indent.count))
            } else {
                state.definitionIndent = spaces
            }
        } else {
            level.whitespaceBefore = spaces
        }
    }

    /// The tag whose sigil is at the current byte (any but a closing one), its node added to
    /// `level`; answers whether the next line starts afresh (the tag stood alone on its line).
    private mutating func parseTag(
        _ state: State, at tagPosition: TemplatePosition, into level: inout Level
    ) throws(TemplateSyntaxError) -> Bool {
        let sigil = Unicode.Scalar(current)
        if sigil == "#" || sigil == "^" || sigil == "<" || sigil == "$", state.depth >= TemplateNesting.maximumDepth {
            // Refused before going one level deeper, so no input can exhaust the stack.
            throw TemplateSyntaxError(
                message: TemplateNesting.message("sections, parents and blocks are"), position: tagPosition,
                hint: TemplateNesting.hint)
        }
        switch sigil {
        case "#", "^":
            return try parseSection(inverted: sigil == "^", state, at: tagPosition, into: &level)
        case "!":
            advance()
            _ = try readTagContent(triple: false)
            return isStandalone(state)
        case "{":
            level.flushWhitespace()
            advance()
            let name = try readTagContent(triple: true)
            level.nodes.append(.variable(name, escaped: false, at: tagPosition))
            return false
        case "&":
            level.flushWhitespace()
            advance()
            let name = try readTagContent(triple: false)
            level.nodes.append(.variable(name, escaped: false, at: tagPosition))
            return false
        case ">":
            return try parsePartial(state, at: tagPosition, into: &level)
        case "<":
            return try parseParent(state, at: tagPosition, into: &level)
        case "$":
            return try parseBlock(state, at: tagPosition, into: &level)
        case "=":
            throw TemplateSyntaxError(
                message: "changing the tag delimiters ({{= … =}}) is not supported", position: tagPosition)
        case "%":
            throw TemplateSyntaxError(message: "template settings ({{% … }}) are not supported", position: tagPosition)
        default:
            level.flushWhitespace()
            let name = try readTagContent(triple: false)
            guard !name.isEmpty else { throw TemplateSyntaxError(message: "a tag has no name", position: tagPosition) }
            level.nodes.append(.variable(name, escaped: true, at: tagPosition))
            return false
        }
    }

    /// `{{/name}}`: the level's nodes, once the name is checked against the open section's.
    private mutating func closeSection(
        _ state: State, at tagPosition: TemplatePosition, _ level: Level
    ) throws(TemplateSyntaxError) -> [TemplateNode] {
        var level = level
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
        if !isStandalone(state) { level.flushWhitespace() }
        // Directly inside a parent only its blocks count: the text between them is left out.
        if state.inheritanceTopLevel {
            return level.nodes.filter { if case .text = $0 { false } else { true } }
        }
        return level.nodes
    }

    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    private mutating func parseSection(
        inverted: Bool, _ state: State, at tagPosition: TemplatePosition, into level: inout Level
    ) throws(TemplateSyntaxError) -> Bool {
        advance()
        let name = try readTagContent(triple: false)
        let standalone = isStandalone(state)
        if !standalone { level.flushWhitespace() }
        var inner = state.entering(name, at: tagPosition, newLine: standalone)
        inner.inheritanceTopLevel = false
        let (body, _) = try parseNodes(inner)
        level.nodes.append(.section(name, inverted: inverted, body: body, at: tagPosition))
        return standalone
    }

    /// `{{> name}}`: indented by the line's leading spaces when it stands alone on its line.
    private mutating func parsePartial(
        _ state: State, at tagPosition: TemplatePosition, into level: inout Level
    ) throws(TemplateSyntaxError) -> Bool {
        let (name, indentation, standalone) = try openPartialTag(state, at: tagPosition, into: &level)
        level.nodes.append(.partial(name, indentation: standalone ? indentation : nil, overrides: nil, at: tagPosition))
        return standalone
    }

    /// The opening tag of a partial or a parent (`{{> name}}`, `{{<name}}`): its name, the spaces
    /// before it on its line (given back to the line only through the partial's indentation), and
    /// whether it stands alone on its line.
    private mutating func openPartialTag(
        _ state: State, at tagPosition: TemplatePosition, into level: inout Level
    ) throws(TemplateSyntaxError) -> (name: String, indentation: String, standalone: Bool) {
        advance()
        let name = try readTagContent(triple: false)
        try refuseDynamicName(name, at: tagPosition)
        let indentation = level.whitespaceBefore
        level.flushWhitespace()
        return (name, indentation, isStandalone(state))
    }

    /// `{{<name}}…{{/name}}`: a partial whose blocks are overridden by the blocks inside.
    private mutating func parseParent(
        _ state: State, at tagPosition: TemplatePosition, into level: inout Level
    ) throws(TemplateSyntaxError) -> Bool {
        let (name, indentation, standalone) = try openPartialTag(state, at: tagPosition, into: &level)
        var inner = state.entering(name, at: tagPosition, newLine: true)
        inner.newLine = true
        inner.inheritanceTopLevel = true
        inner.inDefinition = true
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
        level.nodes.append(.partial(name, indentation: indentation, overrides: overrides, at: tagPosition))
        return standalone
    }

    /// `{{$name}}default{{/name}}`: an override directly inside a parent, or a block of a template
    /// that others extend (indented by its line's leading spaces).
    private mutating func parseBlock(
        _ state: State, at tagPosition: TemplatePosition, into level: inout Level
    ) throws(TemplateSyntaxError) -> Bool {
        advance()
        let name = try readTagContent(triple: false)
        if state.inheritanceTopLevel {
            let standalone = isStandalone(state)
            var inner = state.entering(name, at: tagPosition, newLine: standalone)
            inner.inheritanceTopLevel = false
            let (body, _) = try parseNodes(inner)
            level.nodes.append(.block(name, defaultBody: body, indentation: nil, at: tagPosition))
            return standalone
        }
        let indentation = level.whitespaceBefore
        level.flushWhitespace()
        let standalone = isStandalone(state)
        let inner = state.entering(name, at: tagPosition, newLine: standalone)
        let (body, _) = try parseNodes(inner)
        level.nodes.append(.block(name, defaultBody: body, indentation: indentation, at: tagPosition))
        return standalone
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
