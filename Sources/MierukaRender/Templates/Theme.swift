import MierukaDiagnostics

/// The templates and assets a site is rendered with: the default theme compiled into Mieruka,
/// with any template of the same name from the site's templates/ folder taking its place.
/// Page templates are compiled against their view models when the theme is loaded.
package struct Theme: Sendable {
    package let sources: [String: TemplateSource]
    /// Assets of the theme to write into the output (path → text), e.g. the stylesheet.
    package let assets: [(path: String, text: String)]
    /// Compiled page templates by name.
    let programs: [String: TemplateProgram]

    /// - Parameter siteTemplates: the site's own templates (their names without ".mustache").
    package static func load(siteTemplates: [TemplateSource], diagnostics: inout Diagnostics) -> Theme {
        var sources: [String: TemplateSource] = [:]
        var assets: [(path: String, text: String)] = []
        for (path, text) in EmbeddedTheme.files {
            if path.hasPrefix("templates/"), path.hasSuffix(".mustache") {
                let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
                sources[name] = TemplateSource(
                    name: name, text: text, displayPath: "(default theme) " + path, isDefault: true)
            } else {
                assets.append((path, text))
            }
        }
        for source in siteTemplates {
            sources[source.name] = source
        }
        // A partial's final line break would otherwise end up inside the line that includes it.
        for (name, source) in sources where name.hasPrefix("partials/") && source.text.hasSuffix("\n") {
            sources[name] = TemplateSource(
                name: name, text: String(source.text.dropLast()), displayPath: source.displayPath,
                isDefault: source.isDefault)
        }

        let parsed = TemplateParser.parseAll(
            sources, prefix: "the template cannot be read: ",
            defaultHint: "check that every {{#section}} has its {{/section}} with the same name", diagnostics: &diagnostics)
        var compiler = TemplateCompiler(sources: sources, parsed: parsed)
        var programs: [String: TemplateProgram] = [:]
        for (template, type) in ViewBuilder.contentTypes {
            programs[template] = compiler.compilePage(template, content: type)
        }
        diagnostics.append(contentsOf: compiler.diagnostics)
        return Theme(sources: sources, assets: assets.sorted { $0.path < $1.path }, programs: programs)
    }
}
