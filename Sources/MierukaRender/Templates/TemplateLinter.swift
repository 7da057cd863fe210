import MierukaDiagnostics

/// Checks templates against the view models they receive, so that a template edit that refers
/// to a field that does not exist, or inserts content without escaping, fails the build with the
/// template's line and column instead of rendering an empty space.
///
/// Each page template is walked with its page's fields; partials are walked in the context they
/// are included in. Names resolve as Mustache resolves them: from the innermost section outward.
struct TemplateLinter {
    let sources: [String: TemplateSource]

    private enum Frame {
        /// Inside a view: its fields resolve.
        case view(ViewSchema)
        /// Inside a text or a list of texts: only `.` refers to it.
        case text
        /// A section that does not change the context (a flag, an inverted section, a block).
        case same
        /// Something unknown was entered: anything resolves, so one mistake is reported once.
        case anything
    }

    private enum Resolved {
        case kind(FieldKind)
        case current
        case unknown
        case notFound
    }

    func lint(page template: String, root: ViewSchema, diagnostics: inout Diagnostics) {
        guard sources[template] != nil else {
            diagnostics.error(
                at: SourceLocation(file: "templates/\(template).mustache"), "the template \"\(template)\" is missing",
                hint: "every site needs it; remove the site's copy to use the default one")
            return
        }
        var visiting: Set<String> = []
        walk(template, stack: [.view(root)], visiting: &visiting, diagnostics: &diagnostics)
    }

    private func walk(_ name: String, stack initial: [Frame], visiting: inout Set<String>, diagnostics: inout Diagnostics) {
        guard let source = sources[name], let tags = TemplateScanner.scan(source.text) else { return }
        guard visiting.insert(name).inserted else { return }
        defer { visiting.remove(name) }
        var stack = initial
        var opened: [(name: String, depth: Int)] = []

        for tag in tags {
            let location = SourceLocation(file: source.displayPath, line: tag.line, column: tag.column)
            switch tag.kind {
            case .comment, .other:
                continue
            case .variable:
                check(tag.name, unescaped: false, stack: stack, at: location, diagnostics: &diagnostics)
            case .unescaped:
                check(tag.name, unescaped: true, stack: stack, at: location, diagnostics: &diagnostics)
            case .section:
                opened.append((tag.name, stack.count))
                switch resolve(tag.name, in: stack) {
                case .kind(.view(let type)), .kind(.list(let type)):
                    stack.append(.view(type.schema))
                case .kind(.text), .kind(.html), .kind(.textList), .current:
                    stack.append(.text)
                case .kind(.flag):
                    stack.append(.same)
                case .unknown:
                    stack.append(.anything)
                case .notFound:
                    report(tag.name, stack: stack, at: location, diagnostics: &diagnostics)
                    stack.append(.anything)
                }
            case .inverted:
                opened.append((tag.name, stack.count))
                if case .notFound = resolve(tag.name, in: stack) {
                    report(tag.name, stack: stack, at: location, diagnostics: &diagnostics)
                }
                stack.append(.same)
            case .block, .parent:
                opened.append((tag.name, stack.count))
                stack.append(.same)
                if tag.kind == .parent {
                    lintPartial(tag.name, stack: Array(stack.dropLast()), at: location, visiting: &visiting, diagnostics: &diagnostics)
                }
            case .close:
                if let open = opened.lastIndex(where: { $0.name == tag.name }) {
                    stack.removeLast(max(0, stack.count - opened[open].depth))
                    opened.removeSubrange(open...)
                }
            case .partial:
                lintPartial(tag.name, stack: stack, at: location, visiting: &visiting, diagnostics: &diagnostics)
            }
        }
    }

    private func lintPartial(
        _ name: String, stack: [Frame], at location: SourceLocation, visiting: inout Set<String>,
        diagnostics: inout Diagnostics
    ) {
        guard sources[name] != nil else {
            diagnostics.error(
                at: location, "there is no template \"\(name)\"",
                hint: "templates are named by their path under templates/ without .mustache, e.g. partials/grade-table")
            return
        }
        walk(name, stack: stack, visiting: &visiting, diagnostics: &diagnostics)
    }

    private func check(_ name: String, unescaped: Bool, stack: [Frame], at location: SourceLocation, diagnostics: inout Diagnostics) {
        switch resolve(name, in: stack) {
        case .notFound:
            report(name, stack: stack, at: location, diagnostics: &diagnostics)
        case .kind(let kind):
            switch kind {
            case .view, .list, .textList:
                diagnostics.error(
                    at: location, "\"\(name)\" is a group of fields, not a value to show",
                    hint: "enter it with {{#\(name)}} … {{/\(name)}} and show its fields inside")
            case .text, .flag:
                if unescaped {
                    diagnostics.error(
                        at: location, "\"\(name)\" is inserted without HTML escaping",
                        hint: "write {{\(name)}} (two braces): only fields ending in HTML hold HTML that Mieruka made safe")
                }
            case .html:
                if !unescaped {
                    diagnostics.warning(
                        at: location, "\"\(name)\" holds HTML and will be shown as escaped text",
                        hint: "write {{{\(name)}}} (three braces) to insert the formatted text")
                }
            }
        case .current, .unknown:
            break
        }
    }

    private func report(_ name: String, stack: [Frame], at location: SourceLocation, diagnostics: inout Diagnostics) {
        var candidates: [String] = []
        for frame in stack.reversed() {
            if case .view(let schema) = frame {
                candidates = schema.fields.keys.sorted()
                break
            }
        }
        let head = Self.baseName(name).split(separator: ".").first.map(String.init) ?? name
        var hint = "fields here: " + candidates.joined(separator: ", ")
        if let suggestion = Suggestion.closest(to: head, in: candidates) {
            hint = "did you mean \"\(suggestion)\"? " + hint
        }
        diagnostics.error(at: location, "unknown field \"\(name)\"", hint: hint)
    }

    /// `uppercased(title)` → `title`; `first()` → "" (the sequence position).
    static func baseName(_ name: String) -> String {
        guard let open = name.lastIndex(of: "("), let close = name.firstIndex(of: ")"), open < close else { return name }
        return String(name[name.index(after: open)..<close]).trimmingCharacters(in: " ")
    }

    private func resolve(_ rawName: String, in stack: [Frame]) -> Resolved {
        let name = Self.baseName(rawName)
        if name == "." || (name.isEmpty && rawName.contains("(")) { return .current }
        let explicitCurrent = name.hasPrefix(".")
        let parts = name.split(separator: ".").map(String.init)
        guard let head = parts.first else { return .current }
        var found: FieldKind?
        for frame in stack.reversed() {
            switch frame {
            case .view(let schema):
                if let kind = schema.fields[head] { found = kind }
            case .anything:
                return .unknown
            case .text, .same:
                break
            }
            if found != nil || explicitCurrent { break }
        }
        guard var kind = found else { return .notFound }
        for part in parts.dropFirst() {
            guard case .view(let type) = kind, let next = type.schema.fields[part] else { return .notFound }
            kind = next
        }
        return .kind(kind)
    }
}
