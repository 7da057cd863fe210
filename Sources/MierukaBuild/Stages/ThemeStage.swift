import MierukaDiagnostics
import MierukaRender
import MierukaSource

/// The site's templates/ as the theme's templates: one rule for `build`, `check` and `serve`.
package enum ThemeStage {
    /// Each template file named by its path under templates/ without ".mustache" ("item",
    /// "partials/head"); a file that is not UTF-8 is reported and left out.
    package static func templates(_ files: [SourceFile], diagnostics: inout Diagnostics) -> [TemplateSource] {
        files.compactMap { file -> TemplateSource? in
            guard let text = TextDecoding.utf8Text(file, diagnostics: &diagnostics) else { return nil }
            let name = String(file.relativePath.dropFirst(SiteLayout.templatesFolder.count + 1).dropLast(".mustache".count))
            return TemplateSource(name: name, text: text, displayPath: file.displayPath, isDefault: false)
        }
    }

    /// The default theme with the site's templates over it; its page templates compiled on `jobs`
    /// threads (all processors when nil).
    package static func load(_ templates: [TemplateSource], jobs: Int? = nil, diagnostics: inout Diagnostics) -> Theme {
        Theme.load(siteTemplates: templates, jobs: jobs, diagnostics: &diagnostics)
    }
}
