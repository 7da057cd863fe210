import MierukaDiagnostics

/// Compiles a page template with its layout and partials against the view models the page
/// receives. Every problem a template editor can make is reported here, with the template's line
/// and column: a field that does not exist, text inserted without escaping, a missing partial, a
/// template that includes itself without end.
///
/// Names resolve as in Mustache: from the innermost section outwards, first view that has the
/// field. A declared field without a value stops the search there (it shows nothing), so another
/// view's field of the same name never shows in its place.
struct TemplateCompiler {
    let sources: [String: TemplateSource]
    let parsed: [String: [TemplateNode]]
    private(set) var diagnostics = Diagnostics()
    /// Partials compiled for a stack of views (per page template).
    private var cache: [CacheKey: TemplateProgram] = [:]
    /// Partials being compiled, by name, with the stack depths at which they were entered.
    private var entered: [String: [Int]] = [:]
    /// Sections, blocks, parents and partials open around the node being compiled, across the
    /// templates of the page (each template is also limited on its own when it is read).
    private var depth = 0
    /// The parents ({{<parent}}) being filled in, outermost first, each with the names of the
    /// blocks it is given (see `include`).
    private var parents: [(name: String, blocks: Set<String>)] = []
    /// Parents filled in for the page so far. Each is compiled anew (its blocks differ), so a
    /// parent that extends itself twice over, once per block it has not been given yet, would be
    /// filled in exponentially many times: 1,000 is far above what a site's templates need.
    private var filledParents = 0
    static let maximumFilledParents = 1_000
    /// What names resolve in, innermost last: one stack, pushed and popped around each section.
    /// (Each level used to pass down its own copy, so N nested sections held N²/2 frames at once:
    /// 1 GB and 34 s for 8,000 in a release build.)
    private var frames: [Frame] = []

    init(sources: [String: TemplateSource], parsed: [String: [TemplateNode]]) {
        self.sources = sources
        self.parsed = parsed
    }

    private struct CacheKey: Hashable {
        let template: String
        let stack: [FrameID]
    }

    private enum FrameID: Hashable {
        case root
        case view(ObjectIdentifier)
        case text
        case anything
        case dynamic
    }

    private enum Frame {
        case root(ViewSchema)
        /// `deeper`: the section was a field of the innermost view, so repeating it goes one level
        /// further into the data.
        case view(any TemplateView.Type, deeper: Bool)
        /// A text entered by a section; `html` when it is HTML made safe by Mieruka (`…HTML` fields).
        case text(html: Bool)
        /// Something unknown was entered: anything resolves, so one mistake is reported once.
        case anything
        /// A view of a `DynamicTemplateView` (data-driven, outside any site): names are looked up
        /// when rendering, as Mustache does, from the innermost view outwards.
        case dynamic

        var id: FrameID {
            switch self {
            case .root: .root
            case .view(let type, _): .view(ObjectIdentifier(type))
            case .text: .text
            case .anything: .anything
            case .dynamic: .dynamic
            }
        }
    }

    private enum Resolution {
        case field(FieldPath, FieldKind, innermost: Bool)
        case unknown
        case notFound
        /// In data-driven views: looked up by these names when rendering.
        case dynamic([String])
    }

    /// The program for a page template, or nil when it is missing or cannot be read.
    mutating func compilePage(_ template: String, content: any TemplateView.Type) -> TemplateProgram? {
        cache = [:]
        filledParents = 0
        entered = [:]
        guard let source = sources[template], let nodes = parsed[template] else {
            if sources[template] == nil {
                diagnostics.error(
                    at: SourceLocation(file: "templates/\(template).mustache"), "the template \"\(template)\" is missing",
                    hint: "every site needs it; remove the site's copy to use the default one")
            }
            return nil
        }
        let program = TemplateProgram()
        frames = [.root(PageContext.schema(content: content))]
        program.complete(with: compileCode(nodes, overrides: [:], source: source))
        return program
    }

    /// The program for a template rendered against a `DynamicTemplateView` (see `DynamicTemplate`):
    /// every name is looked up when rendering. Only the specification runner and tests compile so.
    mutating func compileDynamic(_ template: String) -> TemplateProgram? {
        cache = [:]
        filledParents = 0
        entered = [:]
        guard let source = sources[template], let nodes = parsed[template] else { return nil }
        let program = TemplateProgram()
        frames = [.dynamic]
        program.complete(with: compileCode(nodes, overrides: [:], source: source))
        return program
    }

    /// The code of one template (a page, partial, parent or block) of its own.
    private mutating func compileCode(
        _ nodes: [TemplateNode], overrides: [String: ([TemplateNode], TemplateSource)], source: TemplateSource
    ) -> TemplateCode {
        var code = TemplateCodeBuilder()
        compile(nodes, entering: nil, overrides: overrides, source: source, into: &code)
        return code.build()
    }

    private mutating func compile(
        _ nodes: [TemplateNode], entering frame: Frame?, overrides: [String: ([TemplateNode], TemplateSource)],
        source: TemplateSource, into code: inout TemplateCodeBuilder
    ) {
        if let frame { frames.append(frame) }
        defer { if frame != nil { frames.removeLast() } }
        // The text operation of this level last appended: more text right after it extends it.
        var lastText: Int?
        for node in nodes {
            switch node {
            case .section(_, _, _, let position), .partial(_, _, _, let position), .block(_, _, _, let position):
                guard depth < TemplateNesting.maximumDepth else {
                    diagnostics.error(
                        at: source.location(line: position.line, column: position.column),
                        TemplateNesting.message("sections, parents, blocks and partials (counting those of the templates it includes) are"),
                        hint: TemplateNesting.hint)
                    // Nothing deeper is compiled, so nothing deeper is rendered.
                    return
                }
            case .text, .variable:
                break
            }
            depth += 1
            defer { depth -= 1 }
            switch node {
            case .text(let text):
                lastText = code.appendText(text, extending: lastText)
            case .variable(let name, let escaped, let position):
                let location = source.location(line: position.line, column: position.column)
                if let operation = variable(name, escaped: escaped, at: location, code: &code) {
                    code.append(operation)
                }
            case .section(let name, let inverted, let body, let position):
                let location = source.location(line: position.line, column: position.column)
                section(name, inverted: inverted, body: body, overrides: overrides, source: source, at: location, into: &code)
            case .partial(let name, let indentation, let partialOverrides, let position):
                let location = source.location(line: position.line, column: position.column)
                if let program = include(
                    name, overrides: partialOverrides, inherited: overrides, source: source, at: location)
                {
                    code.appendInclude(program, indentation: indentation)
                }
            case .block(let name, let defaultBody, let indentation, _):
                let (body, bodySource) = overrides[name] ?? (defaultBody, source)
                let program = TemplateProgram()
                program.complete(with: compileCode(body, overrides: overrides, source: bodySource))
                code.appendInclude(program, indentation: indentation)
            }
        }
    }

    private mutating func variable(
        _ name: String, escaped: Bool, at location: SourceLocation, code: inout TemplateCodeBuilder
    ) -> TemplateOperation? {
        if name == "." {
            switch frames.last {
            case .text(let html):
                if !escaped, !html {
                    diagnostics.error(
                        at: location, "the text is inserted without HTML escaping",
                        hint: "write {{.}} (two braces): only fields ending in HTML hold HTML that Mieruka made safe")
                    return nil
                }
                return .current(escaped: escaped)
            case .dynamic: return .lookup(code.lookup([]), escaped: escaped)
            case .anything: return nil
            default:
                diagnostics.error(
                    at: location, "{{.}} shows a text, but here it stands for a group of fields",
                    hint: "name the field to show, e.g. {{title}}")
                return nil
            }
        }
        // (Bytes: `contains` with a String would be Foundation's search, the cost of a dozen tags.)
        if name.utf8.contains(UInt8(ascii: "(")) {
            diagnostics.error(
                at: location, "functions in tags ({{\(name)}}) are not supported",
                hint: "templates only lay out; a value to show is computed into the view model")
            return nil
        }
        switch resolve(name) {
        case .notFound:
            report(name, at: location)
            return nil
        case .unknown:
            return nil
        case .dynamic(let names):
            return .lookup(code.lookup(names), escaped: escaped)
        case .field(let path, let kind, _):
            switch kind {
            case .view, .list, .textList:
                diagnostics.error(
                    at: location, "\"\(name)\" is a group of fields, not a value to show",
                    hint: "enter it with {{#\(name)}} … {{/\(name)}} and show its fields inside")
                return nil
            case .text, .flag:
                if !escaped {
                    diagnostics.error(
                        at: location, "\"\(name)\" is inserted without HTML escaping",
                        hint: "write {{\(name)}} (two braces): only fields ending in HTML hold HTML that Mieruka made safe")
                    return nil
                }
            case .html:
                if escaped {
                    diagnostics.warning(
                        at: location, "\"\(name)\" holds HTML and will be shown as escaped text",
                        hint: "write {{{\(name)}}} (three braces) to insert the formatted text")
                }
            }
            return .value(code.reference(path), escaped: escaped)
        }
    }

    /// A section: its operation, followed by its body. A section that cannot be compiled still
    /// has its body checked (with anything resolving there), so that its other mistakes show.
    private mutating func section(
        _ name: String, inverted: Bool, body: [TemplateNode],
        overrides: [String: ([TemplateNode], TemplateSource)], source: TemplateSource, at location: SourceLocation,
        into code: inout TemplateCodeBuilder
    ) {
        guard let (operation, inner) = sectionHead(name, inverted: inverted, at: location, code: &code) else {
            var discarded = TemplateCodeBuilder()
            compile(body, entering: .anything, overrides: overrides, source: source, into: &discarded)
            return
        }
        let index = code.append(operation)
        compile(body, entering: inner, overrides: overrides, source: source, into: &code)
        code.closeBody(of: index)
    }

    /// A section's operation (its body not counted yet) and what its body enters, or nil when the
    /// section cannot be compiled (reported).
    private mutating func sectionHead(
        _ name: String, inverted: Bool, at location: SourceLocation, code: inout TemplateCodeBuilder
    ) -> (TemplateOperation, Frame?)? {
        if name == ".", case .dynamic? = frames.last {
            return (.lookupSection(code.lookup([]), inverted: inverted, body: 0), inverted ? nil : .dynamic)
        }
        if name == "." {
            var html = false
            if case .text(let isHTML)? = frames.last { html = isHTML }
            return (.currentSection(inverted: inverted, body: 0), inverted ? nil : .text(html: html))
        }
        if name.hasSuffix("()") {
            guard let position = SequencePosition(rawValue: String(name.dropLast(2))) else {
                diagnostics.error(
                    at: location, "functions in tags ({{#\(name)}}) are not supported",
                    hint: "inside a list, {{#first()}} and {{^last()}} tell the position; anything else is computed into the view model")
                return nil
            }
            return (.position(position, inverted: inverted, body: 0), nil)
        }
        switch resolve(name) {
        case .notFound:
            report(name, at: location)
            return nil
        case .unknown:
            return nil
        case .dynamic(let names):
            return (.lookupSection(code.lookup(names), inverted: inverted, body: 0), inverted ? nil : .dynamic)
        case .field(let path, let kind, let innermost):
            var inner: Frame?
            switch kind {
            case .view(let type), .list(let type): inner = .view(type, deeper: innermost)
            case .text, .textList: inner = .text(html: false)
            case .html: inner = .text(html: true)
            case .flag: inner = nil
            }
            return (.section(code.reference(path), inverted: inverted, body: 0), inverted ? nil : inner)
        }
    }

    private mutating func include(
        _ name: String, overrides partialOverrides: [String: [TemplateNode]]?,
        inherited: [String: ([TemplateNode], TemplateSource)], source: TemplateSource, at location: SourceLocation
    ) -> TemplateProgram? {
        guard let partialSource = sources[name], let nodes = parsed[name] else {
            if sources[name] == nil {
                diagnostics.error(
                    at: location, "there is no template \"\(name)\"",
                    hint: "templates are named by their path under templates/ without .mustache, e.g. partials/grade-table")
            }
            return nil
        }
        if let partialOverrides {
            // {{<parent}}: the parent's blocks take the overrides; those of an enclosing page win.
            var merged = inherited
            for (block, body) in partialOverrides where merged[block] == nil {
                merged[block] = (body, source)
            }
            // A parent is filled in when compiling, with no data to go deeper into. Going down,
            // blocks are only ever added (an enclosing override wins), so a parent entered again
            // with the same blocks would be filled in the same way without end (found by
            // scripts/fuzz.sh templates: a layout.mustache that starts {{<layout}} overflowed the
            // stack). Entered again with more blocks it is a recursion that ends, as in the
            // specification's case ~inheritance "Recursion"; the blocks' names are finitely many.
            let blocks = Set(merged.keys)
            if let first = parents.firstIndex(where: { $0.name == name && $0.blocks == blocks }) {
                let chain = (parents[first...].map(\.name) + [name]).joined(separator: " → ")
                diagnostics.error(
                    at: location, "the template \"\(name)\" extends itself (\(chain))",
                    hint: "a template's {{<parent}} must name another template, or give its parent a block it did not have yet; the page templates extend layout, and layout extends none")
                return nil
            }
            filledParents += 1
            guard filledParents <= Self.maximumFilledParents else {
                if filledParents == Self.maximumFilledParents + 1 {
                    diagnostics.error(
                        at: location, "the templates fill in more than \(Self.maximumFilledParents) parents ({{<…}}) for one page",
                        hint: "a parent that extends itself is filled in again for each block it is given; extend it fewer times")
                }
                return nil
            }
            parents.append((name, blocks))
            defer { parents.removeLast() }
            let program = TemplateProgram()
            program.complete(with: compileCode(nodes, overrides: merged, source: partialSource))
            return program
        }
        if let depth = entered[name]?.last {
            // A template that includes itself must go one level deeper into the data each time (as
            // the policy tree does with `children`), or rendering would never end.
            var deeper = false
            var stale = false
            for frame in frames.dropFirst(depth) {
                if case .view(_, let isDeeper) = frame {
                    if isDeeper { deeper = true } else { stale = true }
                }
                // Data-driven views: a section always enters a value of the data.
                if case .dynamic = frame { deeper = true }
            }
            guard deeper, !stale, (entered[name]?.count ?? 0) < 16 else {
                diagnostics.error(
                    at: location, "the template \"\(name)\" includes itself in a way that never ends",
                    hint: "include a template in itself only inside a section of nested data, such as {{#children}} … {{/children}}")
                return nil
            }
        }
        var stack: [FrameID] = []
        for frame in frames where stack.last != frame.id { stack.append(frame.id) }
        // The same template for the same views (consecutive views of one type count once, as they
        // resolve names alike) is compiled once, and a recursion through nested data reuses it.
        let key = CacheKey(template: name, stack: stack)
        if let program = cache[key] { return program }
        let program = TemplateProgram()
        cache[key] = program
        entered[name, default: []].append(frames.count)
        program.complete(with: compileCode(nodes, overrides: inherited, source: partialSource))
        entered[name]?.removeLast()
        return program
    }

    private mutating func report(_ name: String, at location: SourceLocation) {
        var candidates: [String] = []
        for frame in frames.reversed() {
            if case .view(let type, _) = frame {
                candidates = type.schema.fields.keys.sorted()
                break
            }
            if case .root(let schema) = frame {
                candidates = schema.fields.keys.sorted()
                break
            }
        }
        let head = name.split(separator: ".").first.map(String.init) ?? name
        var hint = "fields here: " + candidates.joined(separator: ", ")
        if let suggestion = Suggestion.closest(to: head, in: candidates) {
            hint = "did you mean \"\(suggestion)\"? " + hint
        }
        diagnostics.error(at: location, "unknown field \"\(name)\"", hint: hint)
    }

    private func resolve(_ name: String) -> Resolution {
        let explicitCurrent = name.hasPrefix(".")
        // Most names are one field: no need to split them.
        let parts = name.utf8.contains(UInt8(ascii: ".")) ? name.split(separator: ".").map(String.init) : name.isEmpty ? [] : [name]
        guard let head = parts.first else { return .notFound }
        var found: (FieldPath, FieldKind)?
        var innermost = true
        for frame in frames.reversed() {
            switch frame {
            case .root(let schema):
                if let field = schema.fields[head] { found = (FieldPath(frame: .root, first: field.index, rest: []), field.kind) }
            case .view(let type, _):
                if let field = type.schema.fields[head] {
                    found = (FieldPath(frame: .view(ObjectIdentifier(type)), first: field.index, rest: []), field.kind)
                }
            case .anything:
                return .unknown
            case .dynamic:
                return .dynamic(parts)
            case .text:
                break
            }
            if found != nil || explicitCurrent { break }
            if case .view = frame { innermost = false }
            if case .root = frame { innermost = false }
        }
        guard var (path, kind) = found else { return .notFound }
        for part in parts.dropFirst() {
            guard case .view(let type) = kind, let next = type.schema.fields[part] else { return .notFound }
            path = FieldPath(frame: path.frame, first: path.first, rest: path.rest + [next.index])
            kind = next.kind
            innermost = false
        }
        return .field(path, kind, innermost: innermost)
    }
}
