import MierukaDiagnostics
import MierukaModel

/// Reads a standalone page or the home page's text.
enum PageDecoder {
    static let keys = ["title", "summary", "order"]

    static func decode(
        _ node: YAMLNode, slug: String, body: String, bodyLine: Int, file: String, diagnostics: inout Diagnostics
    ) -> PageDocument? {
        guard let reader = MappingReader(node, what: "the page's front matter", knownKeys: keys, diagnostics: &diagnostics)
        else { return nil }
        let title = reader.requiredText("title", diagnostics: &diagnostics)
        if !slug.isEmpty, !URLSlug.isValid(slug) {
            diagnostics.error(
                at: SourceLocation(file: file, line: 1, column: 1), "the file name \"\(slug)\" cannot be used in a URL",
                hint: "name pages with letters, digits and hyphens, e.g. about.md")
            return nil
        }
        guard let title else { return nil }
        return PageDocument(
            slug: slug, title: title.value, summary: reader.text("summary", diagnostics: &diagnostics)?.value, body: body,
            bodyLocation: SourceLocation(file: file, line: bodyLine, column: 1),
            order: reader.integer("order", diagnostics: &diagnostics)?.value ?? 0,
            location: SourceLocation(file: file, line: 1, column: 1))
    }
}
