import MierukaDiagnostics
import MierukaRender
import MierukaSite
import MierukaSource
import MierukaTestSupport
import Testing

/// The compiled renderer writes exactly what swift-mustache writes, for every page of the demo
/// site and of the base fixture.
@Suite struct CompiledRendererParityTests {
    static func renderer(root: String) -> (PageRenderer, [PlannedPage])? {
        var diagnostics = Diagnostics()
        guard let loaded = try? SiteLoader().load(root: root, displayRoot: "", diagnostics: &diagnostics),
            let documents = DocumentParser().parse(loaded, diagnostics: &diagnostics)
        else { return nil }
        let merged = SiteMerger().merge(documents, diagnostics: &diagnostics)
        let templates = loaded.templates.map {
            TemplateSource(
                name: String($0.relativePath.dropFirst("templates/".count).dropLast(".mustache".count)),
                text: String(decoding: $0.bytes, as: UTF8.self), displayPath: $0.displayPath, isDefault: false)
        }
        let theme = Theme.load(siteTemplates: templates, diagnostics: &diagnostics)
        let index = SiteIndex(merged)
        return (PageRenderer(theme: theme, views: ViewBuilder(index: index)), PagePlanner().plan(index))
    }

    @Test(arguments: [Fixtures.repositoryRoot, Fixtures.path("base")])
    func everyPageIsTheSame(root: String) throws {
        let (renderer, pages) = try #require(Self.renderer(root: root))
        for page in pages {
            let compiled = renderer.render(page)
            let reference = renderer.renderWithMustache(page)
            if compiled != reference, let a = compiled, let b = reference {
                let left = a.split(separator: "\n", omittingEmptySubsequences: false)
                let right = b.split(separator: "\n", omittingEmptySubsequences: false)
                let first = zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }
                Issue.record("\(page.route): line \(first?.offset ?? -1):\n compiled:  \(first?.element.0 ?? "")\n reference: \(first?.element.1 ?? "")")
            }
        }
    }
}
