import MierukaDiagnostics
import MierukaSite

/// The render stage for one page: view model in, HTML out. Safe to call from many threads.
package struct PageRenderer: Sendable {
    package let theme: Theme
    package let views: ViewBuilder

    package init(theme: Theme, views: ViewBuilder) {
        self.theme = theme
        self.views = views
    }

    /// The page's HTML, or nil when its template is missing or could not be compiled (reported
    /// when the theme was loaded).
    package func render(_ page: PlannedPage) -> String? {
        renderBytes(page).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The page's HTML as UTF-8 bytes, ready to be written.
    package func renderBytes(_ page: PlannedPage) -> [UInt8]? {
        guard let program = theme.programs[ViewBuilder.templateName(for: page.kind)] else { return nil }
        var runtime = TemplateRuntime(root: views.context(for: page))
        runtime.run(program)
        return runtime.output
    }
}
