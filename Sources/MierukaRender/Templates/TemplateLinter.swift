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
        /// Inside a view: its fields resolve. `deeper` tells whether the section was a field of the
        /// innermost view (so that each repetition goes one level further into the data).
        case view(ViewSchema, deeper: Bool)
        /// Inside a text or a list of texts: only `.` refers to it.
        case text
        /// A section that does not change the context (a flag, an inverted section, a block).
        case same
        /// Something unknown was entered: anything resolves, so one mistake is reported once.
        case anything
    }

    private enum Resolved {
        /// A field, and whether it was found on the innermost view.
        case kind(FieldKind, innermost: Bool)
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
        var visiting: [String: [Int]] = [:]
        walk(template, stack: [.view(root, deeper: true)], visiting: &visiting, diagnostics: &diagnostics)
    }

    /// - Parameter visiting: for each template being walked, the stack depths at which it was entered.
    private func walk(
        _ name: String, stack initial: [Frame], visiting: inout [String: [Int]], diagnostics: inout Diagnostics
    ) {
        guard let source = sources[name], let tags = TemplateScanner.scan(source.text) else { return }
        visiting[name, default: []].append(initial.count)
        defer { visiting[name]?.removeLast() }
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
                case .kind(.view(let type), let innermost), .kind(.list(let type), let innermost):
                    stack.append(.view(type.schema, deeper: innermost))
                case .kind(.text, _), .kind(.html, _), .kind(.textList, _), .current:
                    stack.append(.text)
                case .kind(.flag, _):
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
        _ name: String, stack: [Frame], at location: SourceLocation, visiting: inout [String: [Int]],
        diagnostics: inout Diagnostics
    ) {
        guard sources[name] != nil else {
            diagnostics.error(
                at: location, "there is no template \"\(name)\"",
                hint: "templates are named by their path under templates/ without .mustache, e.g. partials/grade-table")
            return
        }
        if let entries = visiting[name], let entered = entries.last {
            // A template that includes itself must go one level deeper into the data each time
            // (as the policy tree does with `children`), or rendering would never end.
            let since = stack.dropFirst(entered)
            var deeper = false
            var stale = false
            for frame in since {
                if case .view(_, let isDeeper) = frame {
                    if isDeeper { deeper = true } else { stale = true }
                }
            }
            guard deeper, !stale else {
                diagnostics.error(
                    at: location, "the template \"\(name)\" includes itself in a way that never ends",
                    hint: "include a template in itself only inside a section of nested data, such as {{#children}} … {{/children}}")
                return
            }
            guard entries.count < 3 else { return }
        }
        walk(name, stack: stack, visiting: &visiting, diagnostics: &diagnostics)
    }

    private func check(_ name: String, unescaped: Bool, stack: [Frame], at location: SourceLocation, diagnostics: inout Diagnostics) {
        switch resolve(name, in: stack) {
        case .notFound:
            report(name, stack: stack, at: location, diagnostics: &diagnostics)
        case .kind(let kind, _):
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
            if case .view(let schema, _) = frame {
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
        var innermost = true
        for frame in stack.reversed() {
            switch frame {
            case .view(let schema, _):
                if let kind = schema.fields[head] { found = kind }
            case .anything:
                return .unknown
            case .text, .same:
                break
            }
            if found != nil || explicitCurrent { break }
            if case .view = frame { innermost = false }
        }
        guard var kind = found else { return .notFound }
        for part in parts.dropFirst() {
            guard case .view(let type) = kind, let next = type.schema.fields[part] else { return .notFound }
            kind = next
            innermost = false
        }
        return .kind(kind, innermost: innermost)
    }
}
