import MierukaDiagnostics
import MierukaSite
import Mustache

/// The render stage for one page: view model in, HTML out. Safe to call from many threads.
public struct PageRenderer: Sendable {
    public let theme: Theme
    public let views: ViewBuilder

    public init(theme: Theme, views: ViewBuilder) {
        self.theme = theme
        self.views = views
    }

    /// Checks every page template against its view model (see `TemplateLinter`).
    public static func lint(_ theme: Theme, diagnostics: inout Diagnostics) {
        let linter = TemplateLinter(sources: theme.sources)
        for (template, type) in ViewBuilder.contentTypes {
            linter.lint(page: template, root: PageContext.schema(content: type), diagnostics: &diagnostics)
        }
    }

    /// The page's HTML, or nil when its template is missing (reported by `lint` before rendering).
    public func render(_ page: PlannedPage) -> String? {
        let context = views.context(for: page)
        return theme.library.render(context, withTemplate: ViewBuilder.templateName(for: page.kind))
    }
}
