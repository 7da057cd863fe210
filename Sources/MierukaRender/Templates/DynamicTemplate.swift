import MierukaDiagnostics

/// A view whose names are known only when rendering: data read from a file rather than a view
/// model declared in Swift. Only the Mustache specification runner and tests use such views;
/// the site's templates are compiled against typed views (`TemplateView`), whose fields are
/// checked when templates are compiled. A dynamic type's own field table is empty, so a typed
/// view that declared a field of a dynamic type would make every name used in it an error.
package protocol DynamicTemplateView: TemplateView {
    /// The value of `name` in this view, or nil when it has no such name (the lookup then goes on
    /// in the enclosing views). A name present with no value answers `.absent`, which ends it.
    func value(named name: String) -> TemplateValue?
    /// What `{{.}}` shows and `{{#.}}` enters while this view is the innermost one.
    var currentValue: TemplateValue { get }
}

/// A template with its partials compiled for data-driven views (`DynamicTemplateView`), outside
/// any site: the parser, compiler and runtime of the site's templates with names looked up when
/// rendering. For the Mustache specification runner and tests.
package struct DynamicTemplate: Sendable {
    private let program: TemplateProgram

    /// Reads and compiles `template` (shown as `path` in diagnostics) with its partials (by name).
    /// Returns the template (nil when it has errors) and the problems found (syntax, missing
    /// partials, nesting).
    package static func compile(
        _ template: String, path: String = "template", partials: [String: String] = [:]
    ) -> (template: DynamicTemplate?, diagnostics: Diagnostics) {
        let main = "\u{0}main"
        var sources = [main: TemplateSource(name: main, text: template, displayPath: path, isDefault: false)]
        for (name, text) in partials where name != main {
            sources[name] = TemplateSource(name: name, text: text, displayPath: "partial \(name)", isDefault: false)
        }
        var diagnostics = Diagnostics()
        let parsed = TemplateParser.parseAll(sources, diagnostics: &diagnostics)
        var compiler = TemplateCompiler(sources: sources, parsed: parsed)
        let program = compiler.compileDynamic(main)
        diagnostics.append(contentsOf: compiler.diagnostics)
        guard let program, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (DynamicTemplate(program: program), diagnostics)
    }

    /// The template rendered with `data` as its whole context.
    package func render(_ data: any DynamicTemplateView) -> String {
        var runtime = TemplateRuntime(data: data)
        runtime.run(program)
        return String(decoding: runtime.output, as: UTF8.self)
    }
}
