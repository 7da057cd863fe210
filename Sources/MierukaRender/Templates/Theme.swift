import MierukaDiagnostics
import MierukaParallel

/// The templates and assets a site is rendered with: the default theme compiled into Mieruka,
/// with any template of the same name from the site's templates/ folder taking its place.
/// Page templates are compiled against their view models when the theme is loaded.
package struct Theme: Sendable {
    package let sources: [String: TemplateSource]
    /// Assets of the theme to write into the output (path → text), e.g. the stylesheet.
    package let assets: [(path: String, text: String)]
    /// Compiled page templates by name.
    let programs: [String: TemplateProgram]

    /// - Parameters:
    ///   - siteTemplates: the site's own templates (their names without ".mustache").
    ///   - jobs: threads to compile the page templates on (all processors when nil). Each page
    ///     template is compiled on its own (with its layout and partials), so they are independent;
    ///     their problems are reported in the order of `ViewBuilder.contentTypes` whatever the threads.
    package static func load(siteTemplates: [TemplateSource], jobs: Int? = nil, diagnostics: inout Diagnostics) -> Theme {
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
        // (Cut at the last character's index: `dropLast()` counted the whole text's characters.)
        for (name, source) in sources where name.hasPrefix("partials/") && source.text.hasSuffix("\n") {
            let text = source.text[..<source.text.index(before: source.text.endIndex)]
            sources[name] = TemplateSource(
                name: name, text: String(text), displayPath: source.displayPath, isDefault: source.isDefault)
        }

        let parsed = TemplateParser.parseAll(
            sources, prefix: "the template cannot be read: ",
            defaultHint: "check that every {{#section}} has its {{/section}} with the same name", diagnostics: &diagnostics)
        let pages = ViewBuilder.contentTypes
        let finalSources = sources
        let compiled = Parallel.map(Array(pages.indices), jobs: jobs) { offset -> (TemplateProgram?, Diagnostics) in
            var compiler = TemplateCompiler(sources: finalSources, parsed: parsed)
            let program = compiler.compilePage(pages[offset].template, content: pages[offset].type)
            return (program, compiler.diagnostics)
        }
        var programs: [String: TemplateProgram] = [:]
        for (page, (program, found)) in zip(pages, compiled) {
            programs[page.template] = program
            diagnostics.append(contentsOf: found)
        }
        return Theme(sources: finalSources, assets: assets.sorted { $0.path < $1.path }, programs: programs)
    }
}
