import MierukaDiagnostics
import MierukaRender
import MierukaSite

/// Renders one page, saying why when it cannot: for `build`, `check` and `serve` alike.
package enum RenderStage {
    /// The page's HTML as bytes, or nil with the error reported to `problems`.
    package static func bytes(_ page: PlannedPage, renderer: PageRenderer, problems: DiagnosticSink) -> [UInt8]? {
        guard let bytes = renderer.renderBytes(page) else {
            problems.report(missingTemplate(page))
            return nil
        }
        return bytes
    }

    /// The page's HTML as text, or nil with the error reported to `problems`.
    package static func text(_ page: PlannedPage, renderer: PageRenderer, problems: DiagnosticSink) -> String? {
        bytes(page, renderer: renderer, problems: problems).map { String(decoding: $0, as: UTF8.self) }
    }

    static func missingTemplate(_ page: PlannedPage) -> Diagnostic {
        .error(at: SourceLocation(file: page.outputFile), "the page could not be rendered: its template is missing")
    }
}
